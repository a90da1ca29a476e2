// The relationships among a selection of nodes: every relationship leaving a selected node
// whose other end is selected too, and, when $wanted is given, whose id it names. The
// selection and the wanted ids come as maps (id → true) because a map lookup is a hash
// lookup, where `IN` over a 10,000-item list per row made this quadratic.
// Parameters: $ids [uid], $selected {uid: true}, $wanted {edgeId: true} or null.
// Properties come as [name, value, type] triples with dates and date-times already text:
// the driver's decoding of 50,000 relationships' DateTime values (Integer arithmetic per
// field) took most of a large export's read; Neo4j's own toString is far cheaper.
// Columns: edge {id, source, target, kind, properties: [[name, value, valueType]]}; the
// caller orders them by id and turns the triples into a map (export-sources.ts).
UNWIND $ids AS id
MATCH (a:Entity {uid: id})-[r]->(b:Entity)
WHERE $selected[b.uid] IS NOT NULL
WITH a, r, b, type(r) + ':' + r.key AS edgeId
WHERE $wanted IS NULL OR $wanted[edgeId] IS NOT NULL
RETURN {id: edgeId, source: a.uid, target: b.uid, kind: type(r), properties: [k IN keys(r) |
  CASE WHEN valueType(r[k]) STARTS WITH 'ZONED DATETIME' OR valueType(r[k]) STARTS WITH 'DATE'
    THEN [k, toString(r[k]), valueType(r[k])] ELSE [k, r[k], ''] END]} AS edge
