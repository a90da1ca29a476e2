// Every user, for the administrator's list.
// Parameters: none. Columns: user (public properties), ordered by user name.
MATCH (u:User)
RETURN u {.id, .username, .displayName, .role, .unit, .status, .createdAt, .createdBy, .lockedAt} AS user
ORDER BY u.username
