// The named relationships among a selection of nodes, each found by an index seek on its
// type's key (unique constraints, and the indexes of schema migration 011): an edge id is
// type:key. A relationship type must be written out for Neo4j to use its index (a dynamic
// type scans every relationship), hence one branch per type; the caller sends the keys by
// type (export-sources.ts reads the types from these branches) and uses
// export/edges-from.cypher for any type not listed here.
// Dates and date-times come as text, as in edges-from.cypher.
// Parameters: $keys {TYPE: [key]}, $selected {uid: true}.
// Columns: edge {id, source, target, kind, properties: [[name, value, valueType]]}.
CALL () {
  UNWIND coalesce($keys.FAMILY, []) AS k MATCH (a:Entity)-[r:FAMILY {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.ASSOCIATE, []) AS k MATCH (a:Entity)-[r:ASSOCIATE {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.CO_OFFENDER, []) AS k MATCH (a:Entity)-[r:CO_OFFENDER {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.PARTNER, []) AS k MATCH (a:Entity)-[r:PARTNER {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.OLD_RELATION, []) AS k MATCH (a:Entity)-[r:OLD_RELATION {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.COLLEAGUE, []) AS k MATCH (a:Entity)-[r:COLLEAGUE {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.CONTACT, []) AS k MATCH (a:Entity)-[r:CONTACT {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.STAYED_AT, []) AS k MATCH (a:Entity)-[r:STAYED_AT {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.LOGGED_IN, []) AS k MATCH (a:Entity)-[r:LOGGED_IN {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.PASSED, []) AS k MATCH (a:Entity)-[r:PASSED {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.CALLED, []) AS k MATCH (a:Entity)-[r:CALLED {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.INVOLVED_IN, []) AS k MATCH (a:Entity)-[r:INVOLVED_IN {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.SAME_AS, []) AS k MATCH (a:Entity)-[r:SAME_AS {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.USES_PHONE, []) AS k MATCH (a:Entity)-[r:USES_PHONE {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.OWNS_VEHICLE, []) AS k MATCH (a:Entity)-[r:OWNS_VEHICLE {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.PART_OF, []) AS k MATCH (a:Entity)-[r:PART_OF {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.IN_REGION, []) AS k MATCH (a:Entity)-[r:IN_REGION {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.COVERED_BY, []) AS k MATCH (a:Entity)-[r:COVERED_BY {key: k}]->(b:Entity) RETURN a, r, b
  UNION ALL
  UNWIND coalesce($keys.OCCURRED_AT, []) AS k MATCH (a:Entity)-[r:OCCURRED_AT {key: k}]->(b:Entity) RETURN a, r, b
}
WITH a, r, b
WHERE $selected[a.uid] IS NOT NULL AND $selected[b.uid] IS NOT NULL
RETURN {id: type(r) + ':' + r.key, source: a.uid, target: b.uid, kind: type(r), properties: [k IN keys(r) |
  CASE WHEN valueType(r[k]) STARTS WITH 'ZONED DATETIME' OR valueType(r[k]) STARTS WITH 'DATE'
    THEN [k, toString(r[k]), valueType(r[k])] ELSE [k, r[k], ''] END]} AS edge
