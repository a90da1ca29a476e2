// The place-bound movements of a set of persons in a window: hotel stays, café logins and
// checkpoint passes of the cars they own (calls have no place). A stay counts from its
// check-in. Used for associates' traces and for a person's own trail.
// Parameters: $ids [person id], $from, $to (ISO datetimes).
// Columns: person (id), kind (STAY | LOGIN | PASS), at, until, place {id, kind, properties},
//   edge {id, source, target, kind, properties}, vehicle node or null, owns (OWNS_VEHICLE edge) or null.
UNWIND $ids AS pid
MATCH (a:Person {id: pid})
CALL (a) {
  MATCH (a)-[m:STAYED_AT]->(l:Location)
  WHERE m.checkIn >= datetime($from) AND m.checkIn <= datetime($to)
  RETURN 'STAY' AS kind, m.checkIn AS at, m.checkOut AS until, l, m, null AS v, null AS o
  UNION ALL
  MATCH (a)-[m:LOGGED_IN]->(l:Location)
  WHERE m.at >= datetime($from) AND m.at <= datetime($to)
  RETURN 'LOGIN' AS kind, m.at AS at, m.until AS until, l, m, null AS v, null AS o
  UNION ALL
  MATCH (a)-[o:OWNS_VEHICLE]->(v:Vehicle)-[m:PASSED]->(l:Location)
  WHERE m.at >= datetime($from) AND m.at <= datetime($to)
  RETURN 'PASS' AS kind, m.at AS at, null AS until, l, m, v, o
}
RETURN a.id AS person, kind, at, until,
       {id: l.uid, kind: 'Location', properties: properties(l)} AS place,
       {id: type(m) + ':' + m.key, source: startNode(m).uid, target: endNode(m).uid, kind: type(m), properties: properties(m)} AS edge,
       CASE WHEN v IS NULL THEN null ELSE {id: v.uid, kind: 'Vehicle', properties: properties(v)} END AS vehicle,
       CASE WHEN o IS NULL THEN null ELSE {id: type(o) + ':' + o.key, source: startNode(o).uid, target: endNode(o).uid, kind: type(o), properties: properties(o)} END AS owns
ORDER BY person, at, edge.id
