// One ring of an expansion: for each frontier node, its neighbours through the allowed
// relationship types (movements only inside the time window), ties without a time first,
// then movements newest first, capped per node; `total` counts all that matched, so the
// caller can report what the cap left out. Identity links (SAME_AS) count only once CONFIRMED.
//
// A place is read another way. A checkpoint has some 160,000 passes and a hotel thousands of
// stays; reading them all to keep the newest $perNode took a second a checkpoint. Its
// movements are read newest first from the (locationId, time) indexes, each kind stopping
// after $perNode, and counted from the degree store (no window) or the index (a window), so
// a place costs about what its kept ties cost. Both ways give the same rows, in the same
// order (tests/integration/link-queries.int.test.ts compares them). A place's other ties are
// the ones graph-model.md lists: OCCURRED_AT, COVERED_BY, IN_REGION.
// Parameters: $ids [uid], $types [string] or null, $from, $to (ISO datetime or null), $perNode.
// Columns: fromId, total, edge {id, source, target, kind, properties}, node {id, kind, properties}.
UNWIND $ids AS id
MATCH (n:Entity {uid: id})
CALL (n) {
  WITH n WHERE NOT n:Location
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND (type(r) <> 'SAME_AS' OR r.status = 'CONFIRMED')
    AND ($from IS NULL OR coalesce(r.checkIn, r.at) IS NULL OR coalesce(r.checkIn, r.at) >= datetime($from))
    AND ($to IS NULL OR coalesce(r.checkIn, r.at) IS NULL OR coalesce(r.checkIn, r.at) <= datetime($to))
  WITH r, m
  ORDER BY coalesce(r.checkIn, r.at) DESC, m.uid, r.key
  WITH collect({r: r, m: m}) AS found
  RETURN found[0..$perNode] AS kept, size(found) AS total

  UNION ALL

  WITH n WHERE n:Location
  WITH n, coalesce(datetime($from), datetime('-999999999-01-01T00:00:00Z')) AS lo,
       coalesce(datetime($to), datetime('+999999999-12-31T23:59:59.999999999Z')) AS hi
  CALL (n, lo, hi) {
    // Ordering by both index keys lets the index give the order, so each read stops early.
    MATCH (m:Entity)-[r:STAYED_AT]->()
    WHERE ($types IS NULL OR 'STAYED_AT' IN $types) AND r.locationId = n.id AND r.checkIn >= lo AND r.checkIn <= hi
    WITH r, m ORDER BY r.locationId DESC, r.checkIn DESC, m.uid, r.key LIMIT $perNode
    RETURN r, m
    UNION ALL
    MATCH (m:Entity)-[r:LOGGED_IN]->()
    WHERE ($types IS NULL OR 'LOGGED_IN' IN $types) AND r.locationId = n.id AND r.at >= lo AND r.at <= hi
    WITH r, m ORDER BY r.locationId DESC, r.at DESC, m.uid, r.key LIMIT $perNode
    RETURN r, m
    UNION ALL
    MATCH (m:Entity)-[r:PASSED]->()
    WHERE ($types IS NULL OR 'PASSED' IN $types) AND r.locationId = n.id AND r.at >= lo AND r.at <= hi
    WITH r, m ORDER BY r.locationId DESC, r.at DESC, m.uid, r.key LIMIT $perNode
    RETURN r, m
    UNION ALL
    MATCH (n)-[r:OCCURRED_AT|COVERED_BY|IN_REGION]-(m:Entity)
    WHERE $types IS NULL OR type(r) IN $types
    RETURN r, m
  }
  WITH n, lo, hi, r, m ORDER BY coalesce(r.checkIn, r.at) DESC, m.uid, r.key
  WITH n, lo, hi, collect({r: r, m: m})[0..$perNode] AS kept
  RETURN kept,
    COUNT { MATCH (n)-[r:OCCURRED_AT|COVERED_BY|IN_REGION]-(:Entity) WHERE $types IS NULL OR type(r) IN $types }
    + CASE WHEN $types IS NOT NULL AND NOT 'STAYED_AT' IN $types THEN 0
           WHEN $from IS NULL AND $to IS NULL THEN COUNT { (n)<-[:STAYED_AT]-() }
           ELSE COUNT { MATCH ()-[r:STAYED_AT]->() WHERE r.locationId = n.id AND r.checkIn >= lo AND r.checkIn <= hi } END
    + CASE WHEN $types IS NOT NULL AND NOT 'LOGGED_IN' IN $types THEN 0
           WHEN $from IS NULL AND $to IS NULL THEN COUNT { (n)<-[:LOGGED_IN]-() }
           ELSE COUNT { MATCH ()-[r:LOGGED_IN]->() WHERE r.locationId = n.id AND r.at >= lo AND r.at <= hi } END
    + CASE WHEN $types IS NOT NULL AND NOT 'PASSED' IN $types THEN 0
           WHEN $from IS NULL AND $to IS NULL THEN COUNT { (n)<-[:PASSED]-() }
           ELSE COUNT { MATCH ()-[r:PASSED]->() WHERE r.locationId = n.id AND r.at >= lo AND r.at <= hi } END AS total
}
UNWIND kept AS k
WITH n, total, k.r AS r, k.m AS m
RETURN n.uid AS fromId, total,
       {id: type(r) + ':' + r.key, source: startNode(r).uid, target: endNode(r).uid, kind: type(r), properties: properties(r)} AS edge,
       {id: m.uid, kind: [l IN labels(m) WHERE l <> 'Entity'][0], properties: properties(m)} AS node
