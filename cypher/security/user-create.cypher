// Creates a user. A taken user name fails on the user_username constraint (the caller
// reports it as CONFLICT).
// Parameters: $user {id, username, displayName, passwordHash, role, unit, status, createdAt, createdBy}.
// Columns: user (public properties: no password hash).
CREATE (u:User)
SET u = $user
RETURN u {.id, .username, .displayName, .role, .unit, .status, .createdAt, .createdBy, .lockedAt} AS user
