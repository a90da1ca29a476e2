// The usual append in one round trip: the caller sealed the record against the head it
// saw last. The SET takes the head's write lock first, so the check reads the head as the
// last committed append left it; no row comes back if another append got in between (the
// caller then reads the head under this same lock and appends with audit-append).
// Parameters: $requestId, $expectedSeq, $expectedHash, $record {seq, hash, prevHash, …}.
// Columns: seq (one row when appended).
MATCH (h:AuditHead {id: 'main'})
SET h.lockedBy = $requestId
WITH h
WHERE h.seq = $expectedSeq AND h.hash = $expectedHash
CREATE (r:AuditRecord)
SET r = $record
SET h.seq = $record.seq, h.hash = $record.hash
RETURN r.seq AS seq
