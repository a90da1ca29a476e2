import type { Props } from '../link/entity-repository.js';

/** Maps stored properties onto the GraphQL object types (provenance grouped, lists never null). */

function provenance(p: Props) {
  return { source: p.source ?? null, sourceId: p.sourceId ?? null, ingestedAt: p.ingestedAt ?? null, importJob: p.importJob ?? null };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

export function personOut(p: Props | null) {
  if (!p) return null;
  return { ...p, tags: list(p.tags), phones: list(p.phones), plates: list(p.plates), provenance: provenance(p) };
}

export function locationOut(l: Props | null) {
  if (!l) return null;
  return { ...l, provenance: provenance(l) };
}

export function caseOut(c: Props | null) {
  if (!c) return null;
  return { ...c, mo: list(c.mo), provenance: provenance(c) };
}

export function edgeProvenance(properties: Props) {
  return provenance(properties);
}
