// Shape A, query 2, composite-index plan: everyone present at a place during a window,
// found by one seek in the (locationId, checkIn) relationship index; the place node is
// never touched.
// Parameters: $locationId (string); $from, $to (ISO-8601 datetimes with offset, window
//   [from, to)); $maxStayHours (number, the longest stay loaded: bounds the check-in range).
// Result: personId (string), checkIn, checkOut (DATETIME); one row per stay, by check-in.
MATCH (p)-[s:BENCH_STAYED_AT]->()
WHERE s.locationId = $locationId
  AND s.checkIn >= datetime($from) - duration({hours: $maxStayHours})
  AND s.checkIn < datetime($to)
  AND s.checkOut > datetime($from)
RETURN p.id AS personId, s.checkIn AS checkIn, s.checkOut AS checkOut
ORDER BY checkIn, personId
