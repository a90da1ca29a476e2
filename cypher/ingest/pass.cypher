// Writes checkpoint passes: the plate becomes a Vehicle (created if new, since cameras see
// cars nobody registered) linked by PASSED to the checkpoint location.
// Parameters: $rows [{i, hash, plate, location, key, at, direction, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (l:Location {id: row.location})
CALL (row, l) {
  WITH row, l WHERE l IS NOT NULL
  MERGE (v:Vehicle {plate: row.plate})
  ON CREATE SET v:Entity, v.uid = 'Vehicle:' + row.plate, v.ingestedAt = datetime(), v.source = row.source, v.importJob = $job
  MERGE (v)-[s:PASSED {key: row.key}]->(l)
  ON CREATE SET s.ingestedAt = datetime()
  SET s.at = datetime(row.at), s.direction = row.direction, s.locationId = row.location,
      s.source = row.source, s.sourceId = row.sourceId, s.importJob = $job,
    s.rowHash = row.hash, s.importRun = $run
}
WITH row, l WHERE l IS NULL
RETURN row.i AS i, 'location' AS field, row.location AS ref
