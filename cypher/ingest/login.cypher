// Writes internet-café logins as LOGGED_IN relationships keyed by person|location|instant.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $person, $location, $key, $at, $until, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (p:Person {id: $person[row]})
OPTIONAL MATCH (l:Location {id: $location[row]})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  MERGE (p)-[s:LOGGED_IN {key: $key[row]}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.at = datetime($at[row]), s.until = datetime($until[row]), s.locationId = $location[row],
      s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN $i[row] AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN $person[row] ELSE $location[row] END AS ref
