// Writes calls between phone numbers (Phone nodes created when new).
// Parameters: $rows [{i, hash, from, to, key, at, seconds, source, sourceId}], $job, $run.
// Columns: i, field, ref (none: phone numbers are not references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
MERGE (a:Phone {number: row.from})
ON CREATE SET a:Entity, a.uid = 'Phone:' + row.from, a.ingestedAt = datetime(), a.source = row.source, a.importJob = $job
MERGE (b:Phone {number: row.to})
ON CREATE SET b:Entity, b.uid = 'Phone:' + row.to, b.ingestedAt = datetime(), b.source = row.source, b.importJob = $job
MERGE (a)-[c:CALLED {key: row.key}]->(b)
ON CREATE SET c.ingestedAt = datetime()
SET c.at = datetime(row.at), c.seconds = row.seconds, c.source = row.source, c.sourceId = row.sourceId, c.importJob = $job,
    c.rowHash = row.hash, c.importRun = $run
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
