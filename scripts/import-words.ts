import type { Lang } from '../server/src/request-language.js';

/**
 * What the import command says, in English and Chinese (chosen by --lang, or a zh locale in
 * LANG). Scripts that read the output pass --lang en.
 */
const WORDS = {
  en: {
    job: 'import job {id} (run {run}): {status}',
    totals: 'read {read}, accepted {accepted}, rejected {rejected}, unchanged {unchanged}, duplicates {duplicates} in {seconds} s',
    kind: '{kind} accepted {accepted}, rejected {rejected}, unchanged {unchanged}, duplicates {duplicates}',
    note: 'note: {note}',
    error: 'error: {error} (run again with --resume {id})',
    report: 'rejection report: npm run import -- --rejections {id} > rejections.csv',
    progress: 'read {read}, accepted {accepted}, rejected {rejected}, unchanged {unchanged}',
    bar: 'read {read} accepted {accepted} rejected {rejected} unchanged {unchanged}',
    SUCCEEDED: 'SUCCEEDED',
    FAILED: 'FAILED',
    noImports: 'no imports since {since}',
    skipped: 'not imported, not a record file (.ndjson, .jsonl, .csv, .tsv, .xlsx): {files}',
    noFiles: 'nothing to import in {paths}: no .ndjson, .jsonl, .csv, .tsv or .xlsx file',
    qualitySource:
      '{source}: {imports} imports, read {read}, rejected {rejected}, duplicates {duplicates}, resent {resent}, dated in the future {future} ({futureRate}), newest {newest} (lag {lag})',
    qualityReason: 'rejected {reason}: {count} ({rate})',
    qualityKind: '{kind} read {read}, accepted {accepted}; fields filled: {fields}',
    allFilled: 'all 100%',
    hours: '{hours} h',
  },
  zh: {
    job: '导入批次 {id}（第 {run} 次运行）：{status}',
    totals: '读取 {read}，接收 {accepted}，拒收 {rejected}，未变化 {unchanged}，重复 {duplicates}，用时 {seconds} 秒',
    kind: '{kind} 接收 {accepted}，拒收 {rejected}，未变化 {unchanged}，重复 {duplicates}',
    note: '提示：{note}',
    error: '错误：{error}（可用 --resume {id} 重新运行）',
    report: '拒收报告：npm run import -- --rejections {id} > rejections.csv',
    progress: '读取 {read}，接收 {accepted}，拒收 {rejected}，未变化 {unchanged}',
    bar: '读取 {read} 接收 {accepted} 拒收 {rejected} 未变化 {unchanged}',
    SUCCEEDED: '成功',
    FAILED: '失败',
    noImports: '{since} 以来没有导入',
    skipped: '未导入，不是记录文件（.ndjson、.jsonl、.csv、.tsv、.xlsx）：{files}',
    noFiles: '{paths} 中没有可导入的文件（.ndjson、.jsonl、.csv、.tsv、.xlsx）',
    qualitySource: '{source}：{imports} 次导入，读取 {read}，拒收率 {rejected}，重复率 {duplicates}，重发率 {resent}，时间晚于导入 {future} 条（{futureRate}），最新记录 {newest}（滞后 {lag}）',
    qualityReason: '拒收 {reason}：{count}（{rate}）',
    qualityKind: '{kind} 读取 {read}，接收 {accepted}；字段填充：{fields}',
    allFilled: '全部 100%',
    hours: '{hours} 小时',
  },
} as const;

export type ImportWord = keyof (typeof WORDS)['en'];

/** A line of the command's output; `{name}` takes params.name, and a bar's `{…}` placeholders stay when not given. */
export function say(lang: Lang, word: ImportWord, params: Record<string, string | number> = {}): string {
  return WORDS[lang][word].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
