// One ring of an expansion: for each frontier node, its neighbours through the allowed
// relationship types (movements only inside the time window), newest movements last and
// person relations first, capped per node; `total` counts all that matched, so the caller
// can report what the cap left out. Identity links (SAME_AS) count only once CONFIRMED.
// Parameters: $ids [uid], $types [string] or null, $from, $to (ISO datetime or null), $perNode.
// Columns: fromId, total, edge {id, source, target, kind, properties}, node {id, kind, properties}.
UNWIND $ids AS id
MATCH (n:Entity {uid: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND (type(r) <> 'SAME_AS' OR r.status = 'CONFIRMED')
    AND ($from IS NULL OR coalesce(r.checkIn, r.at) IS NULL OR coalesce(r.checkIn, r.at) >= datetime($from))
    AND ($to IS NULL OR coalesce(r.checkIn, r.at) IS NULL OR coalesce(r.checkIn, r.at) <= datetime($to))
  WITH r, m
  ORDER BY coalesce(r.checkIn, r.at) DESC, m.uid, r.key
  WITH collect({r: r, m: m}) AS found
  RETURN found[0..$perNode] AS kept, size(found) AS total
}
UNWIND kept AS k
WITH n, total, k.r AS r, k.m AS m
RETURN n.uid AS fromId, total,
       {id: type(r) + ':' + r.key, source: startNode(r).uid, target: endNode(r).uid, kind: type(r), properties: properties(r)} AS edge,
       {id: m.uid, kind: [l IN labels(m) WHERE l <> 'Entity'][0], properties: properties(m)} AS node
