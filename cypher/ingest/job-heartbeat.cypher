// Shows that an import job's process is alive between batches (reading, retrying, linking
// identities); the counters are left to the batch transactions.
// Parameters: $id, $phase, $bytesRead. Columns: none.
MATCH (j:ImportJob {id: $id})
SET j.heartbeatAt = datetime(), j.phase = $phase, j.bytesRead = $bytesRead
