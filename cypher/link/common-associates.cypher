// Persons within __MAX_HOPS__ relations of every given person (the bound substituted as a
// validated integer), with the shortest distance to each and those shortest paths.
// Parameters: $ids [person id], $types [string].
// Columns: person (properties), distances [int, in $ids order], paths [{nodes, hops}].
// Identity links (SAME_AS) are followed only once CONFIRMED (docs/ingest.md).
UNWIND $ids AS sid
MATCH (src:Person {id: sid})
MATCH p = SHORTEST 1 (src)(()-[r]-() WHERE type(r) IN $types AND (type(r) <> 'SAME_AS' OR r.status = 'CONFIRMED')){1,__MAX_HOPS__}(c:Person)
WHERE NOT c.id IN $ids
WITH c, collect({sid: sid, d: length(p), p: p}) AS reach
WHERE size(reach) = size($ids)
WITH c, reach, [sid IN $ids | [x IN reach WHERE x.sid = sid][0].d] AS distances
RETURN c {.*} AS person, distances,
       [x IN reach | {
         nodes: [n IN nodes(x.p) | {id: n.uid, kind: [l IN labels(n) WHERE l <> 'Entity'][0], properties: properties(n)}],
         hops: [h IN relationships(x.p) | {id: type(h) + ':' + h.key, source: startNode(h).uid, target: endNode(h).uid, kind: type(h), properties: properties(h)}]
       }] AS paths
ORDER BY reduce(s = 0, d IN distances | s + d), c.id
LIMIT $limit
