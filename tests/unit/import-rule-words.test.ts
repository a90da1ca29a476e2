import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/ui/strings-en.js';
import { zh } from '../../client/src/ui/strings-zh.js';
import { repoRoot } from '../../server/src/repo-root.js';

/**
 * The import tab names each rejection's broken rule in the page's language. The rule codes
 * are written in the importer's sources (rule: 'x', or a FieldReader call's last argument);
 * a code added there without words here would reach a station clerk as a bare code.
 */
function ruleCodesInImporter(): Set<string> {
  const dir = path.join(repoRoot, 'server', 'src', 'ingest');
  const files = [...readdirSync(dir).map((f) => path.join(dir, f)), ...readdirSync(path.join(dir, 'formats')).map((f) => path.join(dir, 'formats', f))].filter((f) => f.endsWith('.ts'));
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/rule: '([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\b(?:fail|problem)\([^;]*?, '([a-z-]+)'\)/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/rule = '([a-z-]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('words for import rules', () => {
  it('has Chinese and English words for every rule code the importer writes', () => {
    const codes = ruleCodesInImporter();
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      expect(Object.keys(zh), code).toContain(`import.rule.${code}`);
      expect(Object.keys(en), code).toContain(`import.rule.${code}`);
    }
  });
});
