import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaSdl } from '../../server/src/graphql/schema-files.js';
import { loadPersistedQueries } from '../../server/src/security/persisted-queries.js';

/** The allow-list other units' keys are held to: every entry is one valid, named operation. */
describe('the persisted query allow-list', () => {
  const schema = buildSchema(loadSchemaSdl());
  const queries = [...loadPersistedQueries().byHash.values()];

  it('is not empty', () => {
    expect(queries.length).toBeGreaterThan(3);
  });

  it.each(queries.map((q) => [q.file, q.query]))('%s validates against the schema', (_file, query) => {
    const document = parse(query);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(operations).toHaveLength(1);
    expect(operations[0]).toHaveProperty('name.value');
  });
});
