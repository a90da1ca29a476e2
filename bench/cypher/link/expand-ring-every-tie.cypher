// The plain reading of one expansion ring, which cypher/link/expand-ring.cypher keeps for every
// node but a place: read all of a node's ties, sort them, keep the first $perNode, count them
// all. It was Clew's ring query until places were read from their indexes; the integration
// test holds the ring query to its answers, and bench/expand-hubs.bench.ts times the two.
// Parameters and columns as cypher/link/expand-ring.cypher.
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
