// Shape B, query 2, expand plan: everyone present at a place during a window, found by
// expanding the place's BENCH_AT relationships to stay nodes and filtering them on time.
// Parameters: $locationId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, the longest stay loaded: bounds the check-in range).
// Result: personId (string), checkIn, checkOut (DATETIME); one row per stay, by check-in.
MATCH (l:BenchLocationB {id: $locationId})<-[:BENCH_AT]-(s)<-[:BENCH_MADE]-(p)
WHERE s.checkIn >= datetime($from) - duration({hours: $maxStayHours})
  AND s.checkIn < datetime($to)
  AND s.checkOut > datetime($from)
RETURN p.id AS personId, s.checkIn AS checkIn, s.checkOut AS checkOut
ORDER BY checkIn, personId
