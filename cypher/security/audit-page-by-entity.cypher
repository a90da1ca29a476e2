// One page of the indexed audit records that returned a given entity ("who looked at this
// person"), newest first, through the whitespace full-text index over AuditEntityIndex;
// the other filters as in audit-page. Records written since the last indexing batch are
// read by audit-page-unindexed and matched by the caller.
// Parameters: $entityQuery (the id as a quoted Lucene phrase), $userId, $username, $keyId,
// $field, $fromMs, $toMs, $beforeSeq, $limit. Columns: record (all properties).
CALL db.index.fulltext.queryNodes('audit_entity_index_text', $entityQuery) YIELD node
MATCH (r:AuditRecord {seq: node.seq})
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
