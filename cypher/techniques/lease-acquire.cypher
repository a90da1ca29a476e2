// Takes or renews a named lease for one process: granted when free, expired, or already
// held by the same owner. The write lock is taken first (SET), so two processes asking at
// once are serialized and only one is granted.
// Parameters: $name, $owner, $now, $ttlMs. Columns: granted, owner, until.
MERGE (l:Lease {name: $name})
SET l.touchedAt = $now
WITH l, coalesce(l.owner, '') AS holder, coalesce(l.until, 0) AS until
WITH l, holder = '' OR holder = $owner OR until < $now AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET l.owner = $owner, l.until = $now + $ttlMs)
RETURN free AS granted, l.owner AS owner, l.until AS until
