import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../repo-root.js';

export const CYPHER_DIR = path.join(repoRoot, 'cypher');

/**
 * One Cypher statement per file under cypher/, read once when first asked for (at start,
 * since modules ask at import). A missing file throws at start, not on the first request.
 */
const cache = new Map<string, string>();

export function cypher(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    const file = path.join(CYPHER_DIR, relativePath.endsWith('.cypher') ? relativePath : `${relativePath}.cypher`);
    text = stripHeader(readFileSync(file, 'utf8'));
    if (text.trim() === '') throw new Error(`Cypher file ${file} holds no statement`);
    cache.set(relativePath, text);
  }
  return text;
}

/** Every .cypher file under a folder, relative to cypher/, sorted by name. */
export function listCypherFiles(folder = ''): string[] {
  const root = path.join(CYPHER_DIR, folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.cypher')) out.push(path.relative(CYPHER_DIR, full));
    }
  };
  walk(root);
  return out;
}

/** Drops the leading // header comment block; the statement itself is kept verbatim. */
function stripHeader(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i]!.trim().startsWith('//') || lines[i]!.trim() === '')) i++;
  return lines.slice(i).join('\n').trim();
}
