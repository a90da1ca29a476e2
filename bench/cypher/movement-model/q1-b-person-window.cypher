// Shape B, query 1 (trajectory): one person's stays that overlap a time window, in time
// order, with each place's id and point (what the map draws).
// Parameters: $personId (string); $from, $to (ISO-8601 datetimes with offset, window [from, to)).
// Result: locationId (string), point (POINT), checkIn, checkOut (DATETIME); one row per stay.
MATCH (p:BenchPersonB {id: $personId})-[:BENCH_MADE]->(s)-[:BENCH_AT]->(l)
WHERE s.checkIn < datetime($to) AND s.checkOut > datetime($from)
RETURN l.id AS locationId, l.point AS point, s.checkIn AS checkIn, s.checkOut AS checkOut
ORDER BY checkIn
