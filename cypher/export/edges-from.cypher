// The relationships among a selection of nodes: every relationship leaving a selected node
// whose other end is selected too, and, when $wanted is given, whose id it names. The
// selection and the wanted ids come as maps (id → true) because a map lookup is a hash
// lookup, where `IN` over a 10,000-item list per row made this quadratic.
// Parameters: $ids [uid], $selected {uid: true}, $wanted {edgeId: true} or null.
// Columns: edge {id, source, target, kind, properties}; the caller orders them by id.
UNWIND $ids AS id
MATCH (a:Entity {uid: id})-[r]->(b:Entity)
WITH a, r, b, type(r) + ':' + r.key AS edgeId
WHERE $selected[b.uid] IS NOT NULL AND ($wanted IS NULL OR $wanted[edgeId] IS NOT NULL)
RETURN {id: edgeId, source: a.uid, target: b.uid, kind: type(r), properties: properties(r)} AS edge
