import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exceededLimit, measureDocument } from '../../server/src/security/document-limits.js';

const limits = { maxDepth: 10, maxAliases: 15, maxFields: 500, maxCost: 50 };
const cost = (coordinate: string) => (coordinate === 'Query.expand' ? 10 : 1);

describe('query size limits', () => {
  it('measures depth, aliases and fields with fragments spelled out', () => {
    const size = measureDocument(parse('query { a: person(id: "1") { ...P } b: person(id: "2") { ...P } } fragment P on Person { name provenance { source } }'));
    expect(size).toEqual({ depth: 3, aliases: 2, fields: 8, rootFields: ['Query.person', 'Query.person'] });
  });

  it('refuses deep nesting, many aliases and costly root fields with a sentence', () => {
    const deep = `{ ${'a { '.repeat(12)}b${' }'.repeat(12)} }`;
    expect(exceededLimit(measureDocument(parse(deep)), limits, cost)).toMatch(/nests 13 levels deep; at most 10/);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expect(exceededLimit(measureDocument(parse(aliases)), limits, cost)).toMatch(/20 aliases/);
    const expands = `{ ${Array.from({ length: 6 }, (_, i) => `e${i}: expand(ids: ["Person:P-1"]) { truncated }`).join(' ')} }`;
    expect(exceededLimit(measureDocument(parse(expands)), limits, cost)).toMatch(/costs 60/);
  });

  it('measures a fragment bomb in linear time and refuses it', () => {
    const levels = 40;
    let text = 'query { me { ...F0 } } fragment F0 on Viewer { name }';
    for (let i = 1; i <= levels; i++) text += ` fragment F${i} on Viewer { ...F${i - 1} ...F${i - 1} }`;
    text = text.replace('{ me { ...F0 } }', `{ me { ...F${levels} } }`);
    const started = Date.now();
    const size = measureDocument(parse(text));
    expect(Date.now() - started).toBeLessThan(100);
    expect(exceededLimit(size, limits, cost)).toMatch(/fields/);
  });

  it('does not loop on cyclic fragments (validation refuses them next)', () => {
    expect(() => measureDocument(parse('{ me { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }'))).not.toThrow();
  });
});

describe('nesting in the query text', () => {
  it('counts brackets of every kind, skipping strings, block strings and comments', async () => {
    const { textNestingDepth } = await import('../../server/src/security/document-limits.js');
    expect(textNestingDepth('{ a(x: [{ y: 1 }]) { b } }')).toBe(4);
    expect(textNestingDepth('{ a(x: "{{{{[[[(((") # {{{{\n { b } }')).toBe(2);
    expect(textNestingDepth('{ a(x: """ {{{{ \\""" """) }')).toBe(2);
    expect(textNestingDepth(`{ ${'a { '.repeat(5000)}b${' }'.repeat(5000)} }`)).toBe(5001);
  });
});
