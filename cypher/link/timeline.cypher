// A person's movements (stays, café logins, passes of their vehicles, calls of their
// phones) and case involvements in time order, one page of them, and how many in all.
// Parameters: $id (person id), $from, $to (ISO datetime or null), $skip, $limit.
// Columns: total, events [{at, until, kind, location, counterpart, edgeId, properties}].
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[r:STAYED_AT|LOGGED_IN]->(l:Location)
  RETURN coalesce(r.checkIn, r.at) AS at, coalesce(r.checkOut, r.until) AS until, type(r) AS kind, l {.*} AS location, null AS counterpart, r
  UNION ALL
  MATCH (p)-[:OWNS_VEHICLE]->(v:Vehicle)-[r:PASSED]->(l:Location)
  RETURN r.at AS at, null AS until, 'PASSED' AS kind, l {.*} AS location, v.plate AS counterpart, r
  UNION ALL
  MATCH (p)-[:USES_PHONE]->(:Phone)-[r:CALLED]-(other:Phone)
  OPTIONAL MATCH (other)<-[:USES_PHONE]-(owner:Person)
  WITH r, other, collect(owner.name)[0] AS ownerName
  RETURN r.at AS at, null AS until, 'CALLED' AS kind, null AS location,
         other.number + CASE WHEN ownerName IS NULL THEN '' ELSE ' ' + ownerName END AS counterpart, r
  UNION ALL
  MATCH (p)-[r:INVOLVED_IN]->(c:Case)
  OPTIONAL MATCH (c)-[:OCCURRED_AT]->(l:Location)
  RETURN c.occurredFrom AS at, c.occurredTo AS until, 'INVOLVED_IN' AS kind, l {.*} AS location,
         c.id + ' ' + c.title AS counterpart, r
}
WITH at, until, kind, location, counterpart, r
WHERE ($from IS NULL OR at >= datetime($from)) AND ($to IS NULL OR at <= datetime($to))
WITH at, until, kind, location, counterpart, r
ORDER BY at, type(r), r.key
WITH collect({at: at, until: until, kind: kind, location: location, counterpart: counterpart,
              edgeId: type(r) + ':' + r.key, properties: properties(r)}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS events
