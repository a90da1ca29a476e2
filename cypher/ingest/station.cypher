// Writes police stations and links each to its region; a station whose region is unknown
// is not written and is returned as unresolved.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $id, $name, $region, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (region:Region {code: $region[row]})
CALL (row, region) {
  WITH row, region WHERE region IS NOT NULL
  MERGE (s:Station {id: $id[row]})
  ON CREATE SET s:Entity, s.uid = 'Station:' + $id[row], s.ingestedAt = datetime()
  SET s.name = $name[row], s.region = $region[row], s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run
  MERGE (s)-[r:IN_REGION {key: 'Station:' + $id[row] + '|' + $region[row]}]->(region)
  ON CREATE SET r.ingestedAt = datetime(), r.source = $source[row], r.importJob = $job
}
WITH row, region WHERE region IS NULL
RETURN $i[row] AS i, 'region' AS field, $region[row] AS ref
