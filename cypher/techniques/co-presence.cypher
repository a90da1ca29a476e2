// Everyone present with a person: the same hotel on the same night (stays overlapping by at
// least an hour), the same café at the same time (overlapping sessions), the same checkpoint
// within $minutes (their cars' passes). One row per pair of records.
// Parameters: $personId, $from, $to (ISO), $minutes.
// Columns: companion (person id), kind (HOTEL | CAFE | CHECKPOINT), mine, theirs (edge ids), at,
//   place {id, name}.
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (p)-[s:STAYED_AT]->(l:Location)
  WHERE s.checkIn >= datetime($from) AND s.checkIn <= datetime($to)
  WITH s, l, s.checkIn AS aIn, coalesce(s.checkOut, s.checkIn + duration({hours: 12})) AS aOut
  MATCH (q:Person)-[t:STAYED_AT]->()
  USING INDEX t:STAYED_AT(locationId, checkIn)
  WHERE t.locationId = l.id AND t.checkIn >= aIn - duration({days: 3}) AND t.checkIn < aOut AND q <> p
  WITH s, t, l, q, aIn, aOut, coalesce(t.checkOut, t.checkIn + duration({hours: 12})) AS bOut
  WITH s, t, l, q, aIn, CASE WHEN t.checkIn > aIn THEN t.checkIn ELSE aIn END AS os, CASE WHEN bOut < aOut THEN bOut ELSE aOut END AS oe
  WHERE duration.inSeconds(os, oe).seconds >= 3600
  RETURN q, 'HOTEL' AS kind, s AS mine, t AS theirs, l, aIn AS at
  UNION ALL
  MATCH (p)-[s:LOGGED_IN]->(l:Location)
  WHERE s.at >= datetime($from) AND s.at <= datetime($to)
  WITH s, l, s.at AS aIn, coalesce(s.until, s.at + duration({hours: 2})) AS aOut
  MATCH (q:Person)-[t:LOGGED_IN]->()
  USING INDEX t:LOGGED_IN(locationId, at)
  WHERE t.locationId = l.id AND t.at >= aIn - duration({hours: 12}) AND t.at < aOut AND q <> p
    AND coalesce(t.until, t.at + duration({hours: 2})) > aIn
  RETURN q, 'CAFE' AS kind, s AS mine, t AS theirs, l, aIn AS at
  UNION ALL
  MATCH (p)-[:OWNS_VEHICLE]->(v:Vehicle)-[s:PASSED]->(l:Location)
  WHERE s.at >= datetime($from) AND s.at <= datetime($to)
  MATCH (w:Vehicle)-[t:PASSED]->()
  USING INDEX t:PASSED(locationId, at)
  WHERE t.locationId = l.id AND t.at >= s.at - duration({minutes: $minutes}) AND t.at <= s.at + duration({minutes: $minutes}) AND w <> v
  MATCH (q:Person)-[:OWNS_VEHICLE]->(w)
  WHERE q <> p
  RETURN q, 'CHECKPOINT' AS kind, s AS mine, t AS theirs, l, s.at AS at
}
RETURN q.id AS companion, q.name AS name, kind, type(mine) + ':' + mine.key AS mine, type(theirs) + ':' + theirs.key AS theirs,
       at, l {.id, .name} AS place
ORDER BY companion, at, mine, theirs
