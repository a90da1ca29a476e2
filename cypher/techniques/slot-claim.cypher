// Claims one scheduled slot (e.g. the collision due at 2026-08-27 20:00): the slot key is
// unique, so it runs once however many processes see it due; a slot left RUNNING by a
// process that died is taken over after its lease ends.
// Parameters: $key, $owner, $now, $ttlMs. Columns: claimed.
MERGE (s:ScheduledSlot {key: $key})
SET s.touchedAt = $now
WITH s, coalesce(s.status, '') AS status, coalesce(s.owner, '') AS owner, coalesce(s.until, 0) AS until
WITH s, status = '' OR (status = 'RUNNING' AND (owner = $owner OR until < $now)) AS claimable
FOREACH (_ IN CASE WHEN claimable THEN [1] ELSE [] END | SET s.status = 'RUNNING', s.owner = $owner, s.until = $now + $ttlMs)
RETURN claimable AS claimed
