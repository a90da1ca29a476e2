// Records that a session was used (idle expiry counts from here). Called at most once a
// minute per session, so most requests do not write.
// Parameters: $id, $now (epoch ms). Columns: none.
MATCH (s:Session {id: $id})
WHERE s.lastSeenAt < $now
SET s.lastSeenAt = $now
