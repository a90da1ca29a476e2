// Writes hotel stays as STAYED_AT relationships keyed by person|location|check-in instant.
// Parameters: $rows [{i, hash, person, location, key, checkIn, checkOut, room, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person})
OPTIONAL MATCH (l:Location {id: row.location})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  MERGE (p)-[s:STAYED_AT {key: row.key}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.checkIn = datetime(row.checkIn), s.checkOut = datetime(row.checkOut), s.room = row.room,
      s.locationId = row.location, s.source = row.source, s.sourceId = row.sourceId, s.importJob = $job,
    s.rowHash = row.hash, s.importRun = $run
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN row.i AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN row.person ELSE row.location END AS ref
