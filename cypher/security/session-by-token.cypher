// A session by its token hash, with its user's current role, unit and status (a role
// change or a disabled account takes effect on the next request).
// Parameters: $tokenHash. Columns: session (all properties), user (id, username, role, unit, status).
MATCH (s:Session {tokenHash: $tokenHash})
OPTIONAL MATCH (u:User {id: s.userId})
RETURN s {.*} AS session, u {.id, .username, .role, .unit, .status} AS user
