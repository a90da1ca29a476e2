import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/ui/strings-en.js';
import { zh } from '../../client/src/ui/strings-zh.js';
import { repoRoot } from '../../server/src/repo-root.js';

/**
 * A refused argument reaches the page as 「{field}有误：{reason}」: the reason comes from the
 * server in Chinese (BadUserInput's reasonZh, required), the field's word from the page's
 * strings. An argument the server can refuse without a word here would show its code name
 * (input.justification) to an investigator. The names are read from the server's sources:
 * the first argument of every BadUserInput and of the helpers that pass theirs on.
 */
const HELPERS = /\b(?:new BadUserInput|instantArg|numberArg|wholeArg|idArg|regionCodeArg|intArg|graphIdsArg|recordIdArg|dateTimeArg|checkNewPassword|checkUnit|optionalText|decodeCursor|text|at|ids)\((['`])([^'`]+)\1/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function refusableArguments(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(path.join(repoRoot, 'server', 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('BadUserInput')) continue;
    for (const m of text.matchAll(HELPERS)) {
      const name = m[2]!.replace(/\[\$\{[^}]+\}\]/g, '');
      // Names built at run time from what the caller sent (layout["<id>"], source.<kind>) have no fixed word.
      if (!name.includes('${') && /^[a-zA-Z.]+$/.test(name)) names.add(name);
    }
  }
  return names;
}

/** The page's look-up (client/src/ui/errors.ts argumentWord): the whole name, else its last part. */
function hasWord(strings: Record<string, string>, name: string): boolean {
  return `arg.${name}` in strings || `arg.${name.slice(name.lastIndexOf('.') + 1)}` in strings;
}

describe('words for refused arguments', () => {
  const names = refusableArguments();

  it('finds the arguments the server checks', () => {
    expect(names.size).toBeGreaterThan(40);
    expect(names).toContain('input.justification');
    expect(names).toContain('newPassword');
  });

  it('has a Chinese and an English word for every one', () => {
    const missing = [...names].filter((n) => !hasWord(zh, n) || !hasWord(en, n));
    expect(missing, 'add arg.<name> to client/src/ui/strings-zh.ts and strings-en.ts').toEqual([]);
  });
});
