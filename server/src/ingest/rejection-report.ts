import { stringify } from 'csv-stringify/sync';
import type { Graph } from '../db/graph.js';
import { inLanguage, type Lang } from '../request-language.js';
import { rejectionPage, type StoredRejection } from './import-jobs.js';

export const REPORT_COLUMNS = ['seq', 'file', 'line', 'sheet', 'row', 'kind', 'source', 'field', 'rule', 'reason', 'otherProblems'] as const;

const PAGE = 2000;

/**
 * An import job's rejected records as CSV, page by page from the database (never the whole
 * report in memory), with the reasons in the caller's language. It starts with a UTF-8
 * byte-order mark so that Excel shows the Chinese text correctly.
 */
export async function* rejectionReportCsv(graph: Graph, job: string, lang: Lang = 'en'): AsyncGenerator<string> {
  yield `\uFEFF${stringify([[...REPORT_COLUMNS]])}`;
  let after = -1;
  for (;;) {
    const page = await graph.read((tx) => rejectionPage(tx, job, after, PAGE));
    if (page.length === 0) return;
    yield stringify(page.map((r) => REPORT_COLUMNS.map((c) => cell(r, c, lang))));
    after = page[page.length - 1]!.seq;
  }
}

/**
 * One cell of the report. A record's other problems share one cell, each as "field (rule):
 * reason" and separated by " | ", so the report keeps one row per refused record.
 */
function cell(r: StoredRejection, column: (typeof REPORT_COLUMNS)[number], lang: Lang): string | number {
  if (column === 'reason') return inLanguage(lang, r.reason, r.reasonZh);
  if (column === 'otherProblems') return r.otherProblems.map((o) => `${o.field} (${o.rule}): ${inLanguage(lang, o.reason, o.reasonZh)}`).join(' | ');
  return r[column] ?? '';
}
