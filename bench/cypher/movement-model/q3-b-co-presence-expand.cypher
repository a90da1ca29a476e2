// Shape B, query 3, expand plan: the same co-presence question answered the plain graph
// way, by expanding all stay nodes at each place the person stayed at and filtering on time.
// Parameters: $personId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, unused here; kept so both variants take the same map).
// Result: personId (string), overlaps (integer: overlapping stay pairs), locationIds (list of
//   string); one row per co-present person, most overlaps first.
MATCH (p:BenchPersonB {id: $personId})-[:BENCH_MADE]->(s)-[:BENCH_AT]->(l)<-[:BENCH_AT]-(t)<-[:BENCH_MADE]-(o)
WHERE s.checkIn < datetime($to) AND s.checkOut > datetime($from)
  AND t.checkIn < s.checkOut
  AND t.checkOut > s.checkIn
  AND o <> p
RETURN o.id AS personId, count(*) AS overlaps, collect(DISTINCT l.id) AS locationIds
ORDER BY overlaps DESC, personId
