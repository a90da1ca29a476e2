// The audit records not yet in the entity index (after the indexing cursor), newest first,
// with the other filters of audit-page applied; the caller matches their entity ids.
// Parameters: $userId, $username, $keyId, $field, $fromMs, $toMs, $beforeSeq, $limit.
// Columns: record (all properties), indexedUpTo (the cursor).
OPTIONAL MATCH (c:AuditIndexCursor {id: 'main'})
WITH coalesce(c.seq, 0) AS indexedUpTo
MATCH (r:AuditRecord)
WHERE r.seq > indexedUpTo AND r.seq < $beforeSeq
  AND ($userId IS NULL OR r.userId = $userId)
  AND ($username IS NULL OR r.username = $username)
  AND ($keyId IS NULL OR r.keyId = $keyId)
  AND ($field IS NULL OR $field IN r.fields)
  AND ($fromMs IS NULL OR r.atMs >= $fromMs)
  AND ($toMs IS NULL OR r.atMs <= $toMs)
RETURN r {.*} AS record, indexedUpTo
ORDER BY r.seq DESC
LIMIT $limit
