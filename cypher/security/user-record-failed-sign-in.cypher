// A failed sign-in. The first SET takes the user's write lock, so concurrent failures from
// several processes are counted one after another; failures older than the window are
// dropped and the account locks when the count reaches the threshold.
// Parameters: $username, $now (epoch ms), $windowMs, $threshold.
// Columns: status, failures (inside the window, this one included).
MATCH (u:User {username: $username})
SET u.signInLock = $now
WITH u
SET u.failedSignIns = [t IN coalesce(u.failedSignIns, []) WHERE t > $now - $windowMs] + [$now]
WITH u, u.status = 'ACTIVE' AND size(u.failedSignIns) >= $threshold AS locks
SET u.status = CASE WHEN locks THEN 'LOCKED' ELSE u.status END,
    u.lockedAt = CASE WHEN locks THEN $now ELSE u.lockedAt END
RETURN u.status AS status, size(u.failedSignIns) AS failures
