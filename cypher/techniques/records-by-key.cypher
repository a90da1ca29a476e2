// Movement records by their natural keys, with both ends (and, for a car's pass, its owners
// and the ownership edge), to draw the evidence of a hit or a co-presence.
// Parameters: $stays, $logins, $passes [key].
// Columns: start, end {id, kind, properties}, edge, owner (or null), ownerEdge (or null).
CALL () {
  UNWIND $stays AS k MATCH (a)-[r:STAYED_AT {key: k}]->(b) RETURN a, r, b
  UNION ALL
  UNWIND $logins AS k MATCH (a)-[r:LOGGED_IN {key: k}]->(b) RETURN a, r, b
  UNION ALL
  UNWIND $passes AS k MATCH (a)-[r:PASSED {key: k}]->(b) RETURN a, r, b
}
OPTIONAL MATCH (owner:Person)-[o:OWNS_VEHICLE]->(a:Vehicle)
RETURN {id: a.uid, kind: [l IN labels(a) WHERE l <> 'Entity'][0], properties: properties(a)} AS start,
       {id: b.uid, kind: [l IN labels(b) WHERE l <> 'Entity'][0], properties: properties(b)} AS end,
       {id: type(r) + ':' + r.key, source: a.uid, target: b.uid, kind: type(r), properties: properties(r)} AS edge,
       CASE WHEN owner IS NULL THEN null ELSE {id: owner.uid, kind: 'Person', properties: properties(owner)} END AS owner,
       CASE WHEN o IS NULL THEN null ELSE {id: 'OWNS_VEHICLE:' + o.key, source: owner.uid, target: a.uid, kind: 'OWNS_VEHICLE', properties: properties(o)} END AS ownerEdge
ORDER BY edge.id, owner.id
