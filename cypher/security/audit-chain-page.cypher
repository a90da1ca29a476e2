// Records in chain order after a sequence number, for verification.
// Parameters: $afterSeq, $limit. Columns: record (all properties).
MATCH (r:AuditRecord)
WHERE r.seq > $afterSeq
RETURN r {.*} AS record
ORDER BY r.seq
LIMIT $limit
