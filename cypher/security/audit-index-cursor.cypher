// First step of an indexing batch: takes the write lock on the indexing cursor (created on
// first use), so two processes never index the same records, and reads how far it got.
// Parameters: none. Columns: seq (the last record indexed).
MERGE (c:AuditIndexCursor {id: 'main'})
ON CREATE SET c.seq = 0
SET c.lockedAt = timestamp()
WITH c
RETURN c.seq AS seq
