import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, cypher, listCypherFiles } from './cypher-files.js';
import type { Graph } from './graph.js';

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

/** The ordered migrations: cypher/schema/NNN-name.cypher, statements separated by ";" at line end. */
export function loadMigrations(): Migration[] {
  return listCypherFiles('schema')
    .filter((file) => /^\d{3}-[\w-]+\.cypher$/.test(path.basename(file)))
    .map((file) => {
      const text = readFileSync(path.join(CYPHER_DIR, file), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean);
      return {
        name: path.basename(file, '.cypher'),
        checksum: createHash('sha256').update(statements.join(';\n')).digest('hex'),
        statements,
      };
    });
}

/**
 * Applies the migrations the ledger does not have yet, in order. Every statement is
 * IF NOT EXISTS, so two processes starting at once do no harm. A migration that changed
 * after it was applied stops the start: schema history is append-only.
 */
export async function applyMigrations(graph: Graph, log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = new Map(
    (await graph.runAutoCommit(cypher('ledger/applied'))).records.map((r) => [r.get('name') as string, r.get('checksum') as string]),
  );
  const done: string[] = [];
  for (const migration of loadMigrations()) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new Error(
          `Schema migration ${migration.name} was changed after it was applied; restore it and add a new migration file instead.`,
        );
      }
      continue;
    }
    for (const statement of migration.statements) await graph.runAutoCommit(statement);
    await graph.runAutoCommit(cypher('ledger/record'), { name: migration.name, checksum: migration.checksum });
    log(`applied schema migration ${migration.name}`);
    done.push(migration.name);
  }
  if (done.length > 0) await graph.runAutoCommit('CALL db.awaitIndexes(300)');
  return done;
}
