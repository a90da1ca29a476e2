// Local cases of one type in a window (the high-risk search's hotspots are made of these),
// optionally only those carrying one of the given method tags.
// Parameters: $type, $from, $to (ISO), $regions [region code], $mo [tag] (empty: any).
// Columns: id, lat, lon, from, to (datetimes), mo.
MATCH (c:Case)
WHERE c.type = $type AND c.occurredFrom >= datetime($from) AND c.occurredFrom <= datetime($to)
  AND c.region IN $regions AND c.lat IS NOT NULL
  AND (size($mo) = 0 OR any(t IN c.mo WHERE t IN $mo))
RETURN c.id AS id, c.lat AS lat, c.lon AS lon, c.occurredFrom AS from, coalesce(c.occurredTo, c.occurredFrom + duration({hours: 1})) AS to, c.mo AS mo
ORDER BY c.id
