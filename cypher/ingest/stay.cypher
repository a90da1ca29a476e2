// Writes hotel stays as STAYED_AT relationships keyed by person|location|check-in instant.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $person, $location, $key, $checkIn, $checkOut, $room, $source, $sourceId; and $job,
//   $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (p:Person {id: $person[row]})
OPTIONAL MATCH (l:Location {id: $location[row]})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  MERGE (p)-[s:STAYED_AT {key: $key[row]}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.checkIn = datetime($checkIn[row]), s.checkOut = datetime($checkOut[row]), s.room = $room[row],
      s.locationId = $location[row], s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN $i[row] AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN $person[row] ELSE $location[row] END AS ref
