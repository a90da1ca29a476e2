// Writes checkpoint passes: the plate becomes a Vehicle (created if new, since cameras see
// cars nobody registered) linked by PASSED to the checkpoint location.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $plate, $location, $key, $at, $direction, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (l:Location {id: $location[row]})
CALL (row, l) {
  WITH row, l WHERE l IS NOT NULL
  MERGE (v:Vehicle {plate: $plate[row]})
  ON CREATE SET v:Entity, v.uid = 'Vehicle:' + $plate[row], v.ingestedAt = datetime(), v.source = $source[row], v.importJob = $job
  MERGE (v)-[s:PASSED {key: $key[row]}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.at = datetime($at[row]), s.direction = $direction[row], s.locationId = $location[row],
      s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run
}
WITH row, l WHERE l IS NULL
RETURN $i[row] AS i, 'location' AS field, $location[row] AS ref
