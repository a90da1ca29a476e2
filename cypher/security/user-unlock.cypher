// An administrator releases a locked account (and forgets its failed sign-ins).
// Parameters: $username, $by (administrator's user name), $now (epoch ms).
// Columns: user (public properties).
MATCH (u:User {username: $username})
SET u.status = CASE WHEN u.status = 'LOCKED' THEN 'ACTIVE' ELSE u.status END,
    u.failedSignIns = [], u.lockedAt = null, u.releasedBy = $by, u.releasedAt = $now
RETURN u {.id, .username, .displayName, .role, .unit, .status, .createdAt, .createdBy, .lockedAt} AS user
