// Records not yet in the entity index: the next ones after the cursor, in chain order.
// Parameters: $afterSeq, $limit. Columns: seq, entityIdsDeflated.
MATCH (r:AuditRecord)
WHERE r.seq > $afterSeq
RETURN r.seq AS seq, r.entityIdsDeflated AS entityIdsDeflated
ORDER BY r.seq
LIMIT $limit
