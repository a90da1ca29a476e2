import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The files of a folder the import command reads: the record formats. A folder's `.json`
 * and `.txt` files are more often manifests and notes than records (the seed generator
 * writes a manifest.json beside its files), so those are read only when named one by one.
 */
const FOLDER_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.csv', '.tsv', '.xlsx']);

export interface ImportPaths {
  /** Files to import: those named, then each folder's record files in name order. */
  files: string[];
  /** Files in the folders that are not records. */
  skipped: string[];
}

/**
 * Expands the folders among the command's paths (a day's exports often arrive as one
 * folder) into their files, without descending further; hidden files are left out.
 * Anything else, a missing path included, stays as given, for the import to report.
 */
export async function expandImportPaths(paths: readonly string[]): Promise<ImportPaths> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(p);
      continue;
    }
    const names = (await readdir(p, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
    for (const name of names) (FOLDER_EXTENSIONS.has(path.extname(name).toLowerCase()) ? files : skipped).push(path.join(p, name));
  }
  return { files, skipped };
}
