// Shape B, query 3 (the coTravellers core): everyone whose stay overlapped in time, at the
// same place, with one of a person's stays in a window. Each of the person's stay nodes is
// matched against other stay nodes by a seek in the (locationId, checkIn) node index.
// Parameters: $personId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, the longest stay loaded: bounds the check-in range).
// Result: personId (string), overlaps (integer: overlapping stay pairs), locationIds (list of
//   string); one row per co-present person, most overlaps first.
MATCH (p:BenchPersonB {id: $personId})-[:BENCH_MADE]->(s)
WHERE s.checkIn < datetime($to) AND s.checkOut > datetime($from)
MATCH (t:BenchStay)
WHERE t.locationId = s.locationId
  AND t.checkIn >= s.checkIn - duration({hours: $maxStayHours})
  AND t.checkIn < s.checkOut
  AND t.checkOut > s.checkIn
MATCH (o)-[:BENCH_MADE]->(t)
WHERE o <> p
RETURN o.id AS personId, count(*) AS overlaps, collect(DISTINCT t.locationId) AS locationIds
ORDER BY overlaps DESC, personId
