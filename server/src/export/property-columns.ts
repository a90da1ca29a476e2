import type { GraphEdge, GraphNode } from '../link/graph-elements.js';

/** How a property's values are typed in the XML formats that declare attribute types. */
export type ColumnType = 'string' | 'long' | 'double' | 'boolean';

export interface Column {
  name: string;
  type: ColumnType;
}

/**
 * The property columns of a set of nodes or edges: the union of their property names,
 * each typed by its values (whole numbers → long, other numbers → double, true/false →
 * boolean, anything else → string). Lists and times are written as text; see textOf.
 * Sorted by name so the same data declares the same columns in the same order.
 */
export function columnsOf(items: readonly (GraphNode | GraphEdge)[]): Column[] {
  const types = new Map<string, ColumnType | null>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.properties)) {
      if (value === null || value === undefined) {
        if (!types.has(name)) types.set(name, null);
        continue;
      }
      types.set(name, merge(types.get(name) ?? null, typeOf(value)));
    }
  }
  return [...types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, type]) => ({ name, type: type ?? 'string' }));
}

function typeOf(value: unknown): ColumnType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function merge(a: ColumnType | null, b: ColumnType): ColumnType {
  if (a === null || a === b) return b;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/**
 * A property value as text: lists as JSON arrays (so ["A;B"] and ["A","B"] stay apart),
 * everything else as itself; null and absent as undefined (the attribute is left out).
 */
export function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Movement and event times, in the order a relationship's "when" is looked for. */
const START_FIELDS = ['checkIn', 'at', 'occurredFrom', 'since'] as const;
const END_FIELDS = ['checkOut', 'until', 'occurredTo'] as const;

/** When a relationship happened: its start and (when known) end, as ISO 8601 text. */
export function intervalOf(properties: Record<string, unknown>): { start: string; end: string | null } | null {
  const pick = (fields: readonly string[]) => {
    for (const f of fields) {
      const v = properties[f];
      if (typeof v === 'string' && v !== '') return v;
    }
    return null;
  };
  const start = pick(START_FIELDS);
  return start === null ? null : { start, end: pick(END_FIELDS) };
}
