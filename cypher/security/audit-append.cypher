// Appending when the head moved since this process last appended (or on its first append),
// after audit-lock-head in the same transaction: the record (its
// seq and hash computed by the caller from the head) and the head moved onto it.
// Parameters: $record {seq, hash, prevHash, atMs, …}. Columns: none.
MATCH (h:AuditHead {id: 'main'})
CREATE (r:AuditRecord)
SET r = $record
SET h.seq = $record.seq, h.hash = $record.hash
