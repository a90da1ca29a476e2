import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, WeightedTable } from '../../seed/random.js';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('seeded random numbers', () => {
  it('repeats a stream for the same seed and labels, and differs otherwise', () => {
    const draw = (...key: (string | number)[]) => {
      const rng = createRng(...(key as [number, ...string[]]));
      return Array.from({ length: 20 }, () => rng.uint32());
    };
    expect(draw(1, 'a', 3)).toEqual(draw(1, 'a', 3));
    expect(draw(1, 'a', 3)).not.toEqual(draw(2, 'a', 3));
    expect(draw(1, 'a', 3)).not.toEqual(draw(1, 'a', 4));
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = createRng(7, 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.int(3, 9);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('draws by weight', () => {
    const rng = createRng(7, 'weights');
    const table = new WeightedTable(['a', 'b', 'c'], [1, 0, 3]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(rng) as 'a' | 'b' | 'c']++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.7);
    expect(counts.c / counts.a).toBeLessThan(3.3);
    expect(() => new WeightedTable(['a'], [0])).toThrow();
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const rng = createRng(7, 'shuffle');
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(rng.shuffle(items.slice()).sort((a, b) => a - b)).toEqual(items);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
  });

  it('gives normal-ish and Poisson draws with the right means', () => {
    const rng = createRng(7, 'moments');
    let sumN = 0;
    let sumP = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = rng.normal(10, 2);
      expect(Math.abs(x - 10)).toBeLessThan(7);
      sumN += x;
      sumP += rng.poisson(3);
    }
    expect(sumN / n).toBeCloseTo(10, 1);
    expect(Math.abs(sumP / n - 3)).toBeLessThan(0.1);
  });

  it('is the only randomness in seed/: no Math.random anywhere', () => {
    const offenders = sourceFiles(seedDir).filter((f) => /Math\.random\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
