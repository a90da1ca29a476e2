// Deletes sessions unused since the cutoff, a bounded batch at a time (run at sign-in).
// Parameters: $cutoff (epoch ms), $batch. Columns: purged.
MATCH (s:Session)
WHERE s.lastSeenAt < $cutoff
WITH s LIMIT $batch
DELETE s
RETURN count(*) AS purged
