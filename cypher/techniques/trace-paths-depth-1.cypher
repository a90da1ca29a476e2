// Relation paths from a person to every person within 1 hop(s) through the allowed
// relation types (person relations only; a path never comes back through the start).
// Parameters: $personId, $types [relation type], $limit (paths). (Depth 1; quantifier bounds cannot be parameters, so each depth has its file.)
// Columns: associate (person id), nodes [{id, kind, properties}], hops [{id, source, target,
//   kind, properties}] from the start outwards.
MATCH (p:Person {id: $personId})
MATCH path = (p)(()-[r WHERE type(r) IN $types]-(:Person)){1,1}(a:Person)
WHERE a <> p AND none(n IN nodes(path)[1..] WHERE n = p)
WITH a, path
ORDER BY length(path), a.id
LIMIT $limit
RETURN a.id AS associate,
       [n IN nodes(path) | {id: n.uid, kind: 'Person', properties: properties(n)}] AS nodes,
       [r IN relationships(path) | {id: type(r) + ':' + r.key, source: startNode(r).uid, target: endNode(r).uid, kind: type(r), properties: properties(r)}] AS hops
