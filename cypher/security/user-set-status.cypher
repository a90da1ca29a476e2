// An administrator disables an account or enables it again.
// Parameters: $username, $status ('ACTIVE' or 'DISABLED'), $by, $now (epoch ms).
// Columns: user (public properties).
MATCH (u:User {username: $username})
SET u.status = $status, u.failedSignIns = [], u.lockedAt = null, u.statusChangedBy = $by, u.statusChangedAt = $now
RETURN u {.id, .username, .displayName, .role, .unit, .status, .createdAt, .createdBy, .lockedAt} AS user
