import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { failureReason } from '../../server/src/ingest/job-failure.js';

describe('why an import job failed', () => {
  // The driver's Neo4jError carries the code the same way.
  it('tells a lost database apart, and says a re-run is safe, in both languages', () => {
    const r = failureReason(Object.assign(new Error('Connection was closed by server'), { code: 'ServiceUnavailable' }));
    expect(r.en).toBe('the database became unavailable (Connection was closed by server); run the import again: records already written count as unchanged');
    expect(r.zh).toBe('数据库连接中断（Connection was closed by server）。请重新导入：已写入的记录计为未变化，不会重复。');
  });

  it('names an unreadable file with the system’s own message', async () => {
    const e = await readFile('/no/such/clew-file.ndjson').catch((x: unknown) => x);
    const r = failureReason(e);
    expect(r.en).toMatch(/^a file could not be read \(ENOENT: no such file or directory/);
    expect(r.zh).toMatch(/^无法读取文件（ENOENT/);
  });

  it('keeps an unforeseen message as it is, first line only, and leads it in Chinese', () => {
    const r = failureReason(new Error('something odd\n    at stack frame'));
    expect(r).toEqual({ en: 'something odd', zh: '导入出错（something odd）。已提交的记录保留，可重新导入。' });
    expect(failureReason('x'.repeat(2000)).en).toHaveLength(500);
  });
});
