// Compact trails for the chance model: every place-bound movement of each person in the
// window as [start ms, end ms, lat, lon] (a stay without check-out lasts 12 h, a login
// without logout 2 h, a pass is an instant).
// Parameters: $ids [person id], $from, $to (ISO). Columns: person, name, origin, trail [[start, end, lat, lon]].
UNWIND $ids AS pid
MATCH (a:Person {id: pid})
CALL (a) {
  MATCH (a)-[m:STAYED_AT]->(l:Location)
  WHERE m.checkIn >= datetime($from) AND m.checkIn <= datetime($to)
  RETURN [m.checkIn.epochMillis, coalesce(m.checkOut, m.checkIn + duration({hours: 12})).epochMillis, l.lat, l.lon] AS t
  UNION ALL
  MATCH (a)-[m:LOGGED_IN]->(l:Location)
  WHERE m.at >= datetime($from) AND m.at <= datetime($to)
  RETURN [m.at.epochMillis, coalesce(m.until, m.at + duration({hours: 2})).epochMillis, l.lat, l.lon] AS t
  UNION ALL
  MATCH (a)-[:OWNS_VEHICLE]->(:Vehicle)-[m:PASSED]->(l:Location)
  WHERE m.at >= datetime($from) AND m.at <= datetime($to)
  RETURN [m.at.epochMillis, m.at.epochMillis, l.lat, l.lon] AS t
}
RETURN a.id AS person, a.name AS name, a.origin AS origin, collect(t) AS trail
