import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { countWhere, deleteJobs, ingestFixture, ndjson, residentId, type IngestFixture } from '../helpers/ingest-fixtures.js';

/**
 * `npm run import` as a clerk uses it: a file with a bad record, then its rejection report,
 * whose reasons are in Chinese when asked for (--lang zh, or a Chinese locale) and in
 * English otherwise.
 */
const run = promisify(execFile);
let graph: Graph;
let fx: IngestFixture;
const jobs: string[] = [];

/** The command in a locale of our choosing (C unless `lang` says otherwise). */
async function cli(args: string[], lang = 'C.UTF-8'): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete env.LC_ALL;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--quiet', ...args], { cwd: repoRoot, env });
  return stdout;
}

beforeAll(async () => {
  graph = await openGraph(loadConfig());
  fx = await ingestFixture('CLI');
});

afterAll(async () => {
  await fx?.cleanup(graph);
  await deleteJobs(graph, jobs);
  await graph?.close();
});

describe('the import command', () => {
  it('imports the good record, reports the bad one, and writes the report in the language asked for', { timeout: 120_000 }, async () => {
    const P = fx.prefix;
    const good = residentId('1931-07-19', 917);
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = await fx.file(
      'persons.ndjson',
      ndjson([
        { kind: 'person', id: `${P}1`, name: '命令行甲', idNumber: good },
        { kind: 'person', id: `${P}2`, name: '命令行乙', idNumber: wrongCheck },
      ]),
    );
    const out = await cli(['--source', `${P}cli`, file]);
    const job = /import job (\S+)/.exec(out)?.[1];
    expect(job, out).toBeDefined();
    jobs.push(job!);
    expect(out).toMatch(/rejection report: npm run import -- --rejections/);

    const expected = `check character is ${wrongCheck[17]} but GB 11643 gives ${good[17]}`;
    const expectedZh = `校验码是 ${wrongCheck[17]}，按 GB 11643 应为 ${good[17]}`;
    const row = (csv: string) => csv.split('\n').filter(Boolean).slice(1);
    expect(row(await cli(['--rejections', job!]))).toEqual([`2,persons.ndjson,2,,,person,${P}cli,idNumber,resident-id,${expected},`]);
    expect(row(await cli(['--rejections', job!, '--lang', 'zh']))).toEqual([`2,persons.ndjson,2,,,person,${P}cli,idNumber,resident-id,${expectedZh},`]);
    expect(row(await cli(['--rejections', job!], 'zh_CN.UTF-8'))).toEqual([`2,persons.ndjson,2,,,person,${P}cli,idNumber,resident-id,${expectedZh},`]);

    // In a Chinese locale the summary is in Chinese; importing the same file again adds nothing.
    const again = await cli(['--source', `${P}cli`, file], 'zh_CN.UTF-8');
    const second = /导入批次 (\S+)（第 \d+ 次运行）：成功/.exec(again)?.[1];
    expect(second, again).toBeDefined();
    jobs.push(second!);
    expect(again).toContain('读取 2，接收 0，拒收 1，未变化 1，重复 0');
    expect(again).toContain(`拒收报告：npm run import -- --rejections ${second}`);
  });

  it('prints the data-quality report of a source, in the language asked for', { timeout: 120_000 }, async () => {
    const P = fx.prefix;
    const source = `${P}quality`;
    const file = await fx.file(
      'stays.ndjson',
      ndjson([
        { kind: 'location', id: `${P}H`, type: 'HOTEL', name: '命令行旅社', lat: 32.93, lon: 119.85 },
        { kind: 'person', id: `${P}Q`, name: '命令行丙' },
        { kind: 'stay', person: `${P}Q`, location: `${P}H`, checkIn: '2026-03-27T21:40:00' },
        { kind: 'stay', person: `${P}Q`, location: `${P}H`, checkIn: '2063-03-27T21:40:00' },
        { kind: 'stay', person: `${P}Q`, location: `${P}NOWHERE`, checkIn: '2026-03-28T21:40:00' },
      ]),
    );
    const out = await cli(['--source', source, file]);
    jobs.push(/import job (\S+)/.exec(out)![1]!);

    const en = await cli(['--quality', '--source', source]);
    expect(en).toMatch(new RegExp(`^${source}: 1 imports, read 5, rejected 20.0%, duplicates 0.0%, resent 0.0%, dated in the future 1 \\(20.0%\\), newest 2026-03-27T13:40:00.000Z \\(lag \\d+ h\\)$`, 'm'));
    expect(en).toContain('    rejected location: reference: 1 (20.0%)');
    expect(en).toMatch(/^ {2}stay {9}read 3, accepted 2; fields filled: /m);
    const zh = await cli(['--quality', '--source', source, '--lang', 'zh']);
    expect(zh).toMatch(new RegExp(`^${source}：1 次导入，读取 5，拒收率 20.0%，重复率 0.0%，重发率 0.0%，时间晚于导入 1 条（20.0%），最新记录 2026-03-27T13:40:00.000Z（滞后 \\d+ 小时）$`, 'm'));
    expect(zh).toContain('    拒收 location: reference：1（20.0%）');
  });

  it("imports a folder's record files and says which files it left out; an empty folder is refused", { timeout: 120_000 }, async () => {
    const P = fx.prefix;
    const folder = path.join(path.dirname(await fx.file('anchor.txt', '')), 'day-exports');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'persons.ndjson'), ndjson([{ kind: 'person', id: `${P}F1`, name: '文件夹甲' }, { kind: 'person', id: `${P}F2`, name: '文件夹乙' }]));
    await writeFile(path.join(folder, 'relation.csv'), `from,to,type\n${P}F1,${P}F2,ASSOCIATE\n`);
    await writeFile(path.join(folder, 'manifest.json'), '{"files": 2}');
    await writeFile(path.join(folder, '.partial.ndjson'), '{"kind": "person"');
    const out = await cli(['--source', `${P}folder`, folder]);
    jobs.push(/import job (\S+)/.exec(out)![1]!);
    expect(out).toContain('note: not imported, not a record file (.ndjson, .jsonl, .csv, .tsv, .xlsx): manifest.json');
    expect(out).toContain('read 3, accepted 3, rejected 0');
    expect(await countWhere(graph, 'MATCH (:Person {id: $a})-[r:ASSOCIATE]-(:Person {id: $b}) RETURN count(r)', { a: `${P}F1`, b: `${P}F2` })).toBe(1);

    const empty = path.join(folder, 'empty');
    await mkdir(empty);
    const refused = await cli([empty], 'zh_CN.UTF-8').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain(`${empty} 中没有可导入的文件`);
  });
});
