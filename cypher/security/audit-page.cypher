// One page of the audit trail, newest first, filtered by user, key, operation field and
// time (each filter optional), before a sequence number (the page cursor).
// Parameters: $userId, $username, $keyId, $field, $fromMs, $toMs (each or null), $beforeSeq, $limit.
// Columns: record (all properties).
MATCH (r:AuditRecord)
WHERE r.seq < $beforeSeq
  AND ($userId IS NULL OR r.userId = $userId)
  AND ($username IS NULL OR r.username = $username)
  AND ($keyId IS NULL OR r.keyId = $keyId)
  AND ($field IS NULL OR $field IN r.fields)
  AND ($fromMs IS NULL OR r.atMs >= $fromMs)
  AND ($toMs IS NULL OR r.atMs <= $toMs)
RETURN r {.*} AS record
ORDER BY r.seq DESC
LIMIT $limit
