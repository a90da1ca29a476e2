import { describe, expect, it } from 'vitest';
import { numberOf } from '../../client/src/ui/form-values.js';

const input = (value: string) => ({ value });

describe('numbers typed into a technique form', () => {
  it('keeps 0 (no time slack), and falls back only when nothing usable was typed', () => {
    expect(numberOf(input('0'), 3)).toBe(0);
    expect(numberOf(input('1.5'), 3)).toBe(1.5);
    expect(numberOf(input(''), 3)).toBe(3);
    expect(numberOf(input('  '), 3)).toBe(3);
    expect(numberOf(input('abc'), 3)).toBe(3);
  });
});
