// Records an import job's progress; run in the same transaction as the batch it counts, so
// the counters never disagree with what was committed.
// Parameters: $id, $counters {phase, read, accepted, rejected, unchanged, duplicates, bytesRead}.
// Columns: none.
MATCH (j:ImportJob {id: $id})
SET j += $counters, j.heartbeatAt = datetime()
