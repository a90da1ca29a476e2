// The shortest path between two persons through the allowed relationship
// types, undirected. The hop bound (and k) cannot be Cypher parameters, so the code
// substitutes __MAX_HOPS__ (and __K__) with validated integers; nothing else is spliced.
// Parameters: $from, $to (person ids), $types [string].
// Columns: nodes [{id, kind, properties}], hops [{id, source, target, kind, properties}].
// Identity links (SAME_AS) are followed only once CONFIRMED (docs/ingest.md).
MATCH (a:Person {id: $from}), (b:Person {id: $to})
MATCH p = SHORTEST 1 (a)(()-[r]-() WHERE type(r) IN $types AND (type(r) <> 'SAME_AS' OR r.status = 'CONFIRMED')){1,__MAX_HOPS__}(b)
RETURN [n IN nodes(p) | {id: n.uid, kind: [l IN labels(n) WHERE l <> 'Entity'][0], properties: properties(n)}] AS nodes,
       [x IN relationships(p) | {id: type(x) + ':' + x.key, source: startNode(x).uid, target: endNode(x).uid, kind: type(x), properties: properties(x)}] AS hops
ORDER BY size(hops), [n IN nodes | n.id]
