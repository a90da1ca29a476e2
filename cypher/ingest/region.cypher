// Writes regions (MERGE on code) and links each to its parent when the parent is known.
// Parameters: $rows [{i, hash, code, name, parent, source, sourceId}], $job, $run.
// Columns: i, field, ref (none: a region's parent is a soft reference).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
MERGE (r:Region {code: row.code})
ON CREATE SET r:Entity, r.uid = 'Region:' + row.code, r.ingestedAt = datetime()
SET r.name = row.name, r.parent = row.parent, r.source = row.source, r.sourceId = row.sourceId, r.importJob = $job,
    r.rowHash = row.hash, r.importRun = $run
WITH r, row
CALL (r, row) {
  OPTIONAL MATCH (parent:Region {code: row.parent})
  WITH r, row, parent WHERE parent IS NOT NULL
  MERGE (r)-[p:PART_OF {key: row.code + '|' + row.parent}]->(parent)
  ON CREATE SET p.ingestedAt = datetime(), p.source = row.source, p.importJob = $job
}
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
