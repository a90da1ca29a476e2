// Replaces a user's password hash (own change, or an administrator's reset).
// Parameters: $userId, $passwordHash, $by, $now (epoch ms).
// Columns: user (public properties).
MATCH (u:User {id: $userId})
SET u.passwordHash = $passwordHash, u.passwordChangedAt = $now, u.passwordChangedBy = $by
RETURN u {.id, .username, .displayName, .role, .unit, .status, .createdAt, .createdBy, .lockedAt} AS user
