// Writes police stations and links each to its region; a station whose region is unknown
// is not written and is returned as unresolved.
// Parameters: $rows [{i, hash, id, name, region, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (region:Region {code: row.region})
CALL (row, region) {
  WITH row, region WHERE region IS NOT NULL
  MERGE (s:Station {id: row.id})
  ON CREATE SET s:Entity, s.uid = 'Station:' + row.id, s.ingestedAt = datetime()
  SET s.name = row.name, s.region = row.region, s.source = row.source, s.sourceId = row.sourceId, s.importJob = $job,
    s.rowHash = row.hash, s.importRun = $run
  MERGE (s)-[r:IN_REGION {key: 'Station:' + row.id + '|' + row.region}]->(region)
  ON CREATE SET r.ingestedAt = datetime(), r.source = row.source, r.importJob = $job
}
WITH row, region WHERE region IS NULL
RETURN row.i AS i, 'region' AS field, row.region AS ref
