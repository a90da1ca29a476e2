import type { Said } from './field-reader.js';

const MAX = 500;

/**
 * Why an import job failed, in English and Chinese, for the job's `error`. The database's and
 * the file system's own messages are English only, so the Chinese says what happened and what
 * to do, and keeps the original message in brackets for whoever investigates. Every failure
 * leaves committed batches in place, so re-running the same files is always safe.
 */
export function failureReason(e: unknown): Said {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, MAX);
  const code = String((e as { code?: unknown }).code ?? '');
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ECONNREFUSED' || code === 'ECONNRESET') {
    return {
      en: `the database became unavailable (${message}); run the import again: records already written count as unchanged`,
      zh: `数据库连接中断（${message}）。请重新导入：已写入的记录计为未变化，不会重复。`,
    };
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EMFILE') {
    return { en: `a file could not be read (${message})`, zh: `无法读取文件（${message}）。请检查文件后重新导入。` };
  }
  if (code.startsWith('Neo.TransientError') || /MemoryPool|TransactionTimedOut/.test(code)) {
    return {
      en: `the database refused a batch for now (${message}); run the import again, with a smaller --batch-size if it recurs`,
      zh: `数据库暂时拒绝了一批记录（${message}）。请重新导入；如仍出现，请减小每批条数。`,
    };
  }
  return { en: message, zh: `导入出错（${message}）。已提交的记录保留，可重新导入。` };
}
