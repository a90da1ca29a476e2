// First step of appending to the audit trail: takes the write lock on the single chain
// head (created on first use), so appends from every API process are serialized, and
// reads the last sequence number and hash under that lock.
// Parameters: $requestId, $genesis (the hash before the first record). Columns: seq, hash.
MERGE (h:AuditHead {id: 'main'})
ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.lockedBy = $requestId
WITH h
RETURN h.seq AS seq, h.hash AS hash
