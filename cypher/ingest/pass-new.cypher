// Writes checkpoint passes taken to be new: CREATE instead of MERGE, which skips the per-row
// existence check and the lock MERGE takes on both ends (measured 1.6x faster on stays with
// two batches in flight; bench/ingest.bench.ts). The uniqueness constraint guards the key: a
// record stored already fails the batch, which the importer writes again after looking up
// what is stored (batch-writer.ts), and through pass.cypher if another import
// created one meanwhile.
// Parameters and columns as pass.cypher.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (l:Location {id: $location[row]})
CALL (row, l) {
  WITH row, l WHERE l IS NOT NULL
  MERGE (v:Vehicle {plate: $plate[row]})
  ON CREATE SET v:Entity, v.uid = 'Vehicle:' + $plate[row], v.ingestedAt = datetime(), v.source = $source[row], v.importJob = $job
  CREATE (v)-[s:PASSED {key: $key[row], ingestedAt: datetime()}]->(l)
  SET s.at = datetime($at[row]), s.direction = $direction[row], s.locationId = $location[row],
      s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run
}
WITH row, l WHERE l IS NULL
RETURN $i[row] AS i, 'location' AS field, $location[row] AS ref
