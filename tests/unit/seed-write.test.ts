import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateCounty } from '../../seed/generate.js';
import { writeNdjson } from '../../seed/write.js';
import { RECORD_KIND_ORDER } from '../../seed/records.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeNdjson', () => {
  it('writes one NDJSON file per kind with exactly the generated records, and a manifest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-seed-test-'));
    dirs.push(dir);
    const options = { seed: 3, scale: 0.05 };
    const result = await writeNdjson(generateCounty(options), dir, { manifest: options });

    const expected = new Map<string, string[]>();
    for (const r of generateCounty(options)) (expected.get(r.kind) ?? expected.set(r.kind, []).get(r.kind)!).push(JSON.stringify(r));

    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { seed: number; counts: Record<string, number>; total: number };
    expect(manifest).toMatchObject({ format: 'clew-exchange/1', seed: 3, scale: 0.05, total: result.total });
    let total = 0;
    for (const kind of RECORD_KIND_ORDER) {
      const text = await readFile(path.join(dir, `${kind}.ndjson`), 'utf8');
      const lines = text.split('\n').filter((l) => l !== '');
      expect(text === '' || text.endsWith('\n')).toBe(true);
      expect(lines, kind).toEqual(expected.get(kind) ?? []);
      expect(manifest.counts[kind]).toBe(lines.length);
      total += lines.length;
    }
    expect(total).toBe(result.total);
  }, 30_000);

  it('overwrites a folder it wrote before instead of appending', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-seed-test-'));
    dirs.push(dir);
    await writeNdjson(generateCounty({ seed: 5, scale: 0.02 }), dir);
    const first = await readFile(path.join(dir, 'person.ndjson'), 'utf8');
    await writeNdjson(generateCounty({ seed: 5, scale: 0.02 }), dir);
    expect(await readFile(path.join(dir, 'person.ndjson'), 'utf8')).toBe(first);
  }, 30_000);
});
