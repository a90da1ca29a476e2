// Shape B, query 4: the movements of a set of associates in a window, grouped by place
// (which places several of them used, and when).
// Parameters: $personIds (list of string); $from, $to (ISO-8601 datetimes with offset,
//   window [from, to)).
// Result: locationId (string), point (POINT), stays (list of {personId, checkIn, checkOut});
//   one row per place, busiest first.
UNWIND $personIds AS personId
MATCH (:BenchPersonB {id: personId})-[:BENCH_MADE]->(s)-[:BENCH_AT]->(l)
WHERE s.checkIn < datetime($to) AND s.checkOut > datetime($from)
WITH l, collect({personId: personId, checkIn: s.checkIn, checkOut: s.checkOut}) AS stays
RETURN l.id AS locationId, l.point AS point, stays
ORDER BY size(stays) DESC, locationId
