// Writes calls between phone numbers (Phone nodes created when new).
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $from, $to, $key, $at, $seconds, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (none: phone numbers are not references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
MERGE (a:Phone {number: $from[row]})
ON CREATE SET a:Entity, a.uid = 'Phone:' + $from[row], a.ingestedAt = datetime(), a.source = $source[row], a.importJob = $job
MERGE (b:Phone {number: $to[row]})
ON CREATE SET b:Entity, b.uid = 'Phone:' + $to[row], b.ingestedAt = datetime(), b.source = $source[row], b.importJob = $job
MERGE (a)-[c:CALLED {key: $key[row]}]->(b)
ON CREATE SET c.ingestedAt = datetime()
SET c.at = datetime($at[row]), c.seconds = $seconds[row], c.source = $source[row], c.sourceId = $sourceId[row], c.importJob = $job,
    c.rowHash = $hash[row], c.importRun = $run
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
