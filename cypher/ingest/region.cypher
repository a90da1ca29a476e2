// Writes regions (MERGE on code) and links each to its parent when the parent is known.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $code, $name, $parent, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (none: a region's parent is a soft reference).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
MERGE (r:Region {code: $code[row]})
ON CREATE SET r:Entity, r.uid = 'Region:' + $code[row], r.ingestedAt = datetime()
SET r.name = $name[row], r.parent = $parent[row], r.source = $source[row], r.sourceId = $sourceId[row], r.importJob = $job,
    r.rowHash = $hash[row], r.importRun = $run
WITH r, row
CALL (r, row) {
  OPTIONAL MATCH (parent:Region {code: $parent[row]})
  WITH r, row, parent WHERE parent IS NOT NULL
  MERGE (r)-[p:PART_OF {key: $code[row] + '|' + $parent[row]}]->(parent)
  ON CREATE SET p.ingestedAt = datetime(), p.source = $source[row], p.importJob = $job
}
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
