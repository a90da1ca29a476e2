// Retention: deletes the oldest records, a batch at a time, as long as each is older than
// the cutoff (a contiguous start of the chain, so what remains still verifies), with their
// entity-index entries, and moves the anchor onto the last one deleted, so verification
// starts after it. Records younger than the configured retention (at least 365 days) are
// never touched.
// Parameters: $cutoffMs, $batch. Columns: pruned, anchorSeq (no row when nothing is due).
MATCH (r:AuditRecord)
WITH r ORDER BY r.seq LIMIT $batch
WITH collect(r) AS oldest
WITH oldest, [i IN range(0, size(oldest) - 1) WHERE oldest[i].atMs >= $cutoffMs] AS young
WITH oldest[0..coalesce(young[0], size(oldest))] AS batch
WHERE size(batch) > 0
WITH batch, batch[size(batch) - 1] AS last
MERGE (a:AuditAnchor {id: 'main'})
SET a.seq = last.seq, a.hash = last.hash, a.prunedAt = timestamp()
WITH a, batch, [r IN batch | r.seq] AS seqs
OPTIONAL MATCH (x:AuditEntityIndex) WHERE x.seq IN seqs
WITH a, batch, collect(x) AS entries
FOREACH (x IN entries | DELETE x)
FOREACH (r IN batch | DELETE r)
RETURN size(batch) AS pruned, a.seq AS anchorSeq
