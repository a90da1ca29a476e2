// Writes internet-café logins as LOGGED_IN relationships keyed by person|location|instant.
// Parameters: $rows [{i, hash, person, location, key, at, until, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person})
OPTIONAL MATCH (l:Location {id: row.location})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  MERGE (p)-[s:LOGGED_IN {key: row.key}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.at = datetime(row.at), s.until = datetime(row.until), s.locationId = row.location,
      s.source = row.source, s.sourceId = row.sourceId, s.importJob = $job,
    s.rowHash = row.hash, s.importRun = $run
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN row.i AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN row.person ELSE row.location END AS ref
