// Where the chain starts and ends: the head (last seq and hash) and the anchor left by
// pruning (the last pruned seq and its hash), either may be missing.
// Parameters: none. Columns: headSeq, headHash, anchorSeq, anchorHash.
OPTIONAL MATCH (h:AuditHead {id: 'main'})
OPTIONAL MATCH (a:AuditAnchor {id: 'main'})
RETURN h.seq AS headSeq, h.hash AS headHash, a.seq AS anchorSeq, a.hash AS anchorHash
