// Shape A, query 3, expand plan: the same co-presence question answered the plain graph
// way, by expanding all stays at each place the person stayed at and filtering on time.
// Parameters: $personId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, unused here; kept so both variants take the same map).
// Result: personId (string), overlaps (integer: overlapping stay pairs), locationIds (list of
//   string); one row per co-present person, most overlaps first.
MATCH (p:BenchPersonA {id: $personId})-[s:BENCH_STAYED_AT]->(l)<-[t:BENCH_STAYED_AT]-(o)
WHERE s.checkIn < datetime($to) AND s.checkOut > datetime($from)
  AND t.checkIn < s.checkOut
  AND t.checkOut > s.checkIn
  AND o <> p
RETURN o.id AS personId, count(*) AS overlaps, collect(DISTINCT l.id) AS locationIds
ORDER BY overlaps DESC, personId
