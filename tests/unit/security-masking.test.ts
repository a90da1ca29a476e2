import { describe, expect, it } from 'vitest';
import { maskText, maskValue } from '../../server/src/security/masking.js';

describe('masking of personal identifiers', () => {
  it('masks an 18-digit resident ID as 3201**********1234, with an X check character too', () => {
    expect(maskText('320102199001011234')).toBe('3201**********1234');
    expect(maskText('32010219900101123X')).toBe('3201**********123X');
  });

  it('masks mobile numbers as 138****5678, with or without +86', () => {
    expect(maskText('13812345678')).toBe('138****5678');
    expect(maskText('+8613812345678')).toBe('+86138****5678');
  });

  it('finds identifiers inside longer text: graph ids, detail lines, JSON', () => {
    expect(maskText('Phone:13812345678')).toBe('Phone:138****5678');
    expect(maskText('320102199001011234 · 320102')).toBe('3201**********1234 · 320102');
    expect(maskText('{"idNumber":"320102199001011234","phones":["13812345678"]}')).toBe(
      '{"idNumber":"3201**********1234","phones":["138****5678"]}',
    );
  });

  it('leaves record ids, dates, counts and longer digit runs alone', () => {
    for (const s of ['P-000123', 'Case:A3209822026030001', '2026-03-27T21:40:00+08:00', '12345', '1234567890123456789012', 'H-017']) {
      expect(maskText(s)).toBe(s);
    }
  });

  it('masks every string inside a value, keys kept', () => {
    expect(maskValue({ nodes: [{ id: 'Phone:13912345678', properties: { number: '13912345678', count: 3 } }] })).toEqual({
      nodes: [{ id: 'Phone:139****5678', properties: { number: '139****5678', count: 3 } }],
    });
  });
});
