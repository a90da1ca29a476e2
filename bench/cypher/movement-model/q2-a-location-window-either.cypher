// Shape A, query 2, planner's choice: the same question with both anchors available (the
// place node by id and the copied locationId), to see which plan the planner picks.
// Parameters: $locationId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, the longest stay loaded: bounds the check-in range).
// Result: personId (string), checkIn, checkOut (DATETIME); one row per stay, by check-in.
MATCH (p)-[s:BENCH_STAYED_AT]->(l:BenchLocationA {id: $locationId})
WHERE s.locationId = $locationId
  AND s.checkIn >= datetime($from) - duration({hours: $maxStayHours})
  AND s.checkIn < datetime($to)
  AND s.checkOut > datetime($from)
RETURN p.id AS personId, s.checkIn AS checkIn, s.checkOut AS checkOut
ORDER BY checkIn, personId
