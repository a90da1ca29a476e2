// Starts a server-side session; only the token's SHA-256 is stored.
// Parameters: $session {id, tokenHash, userId, createdAt, lastSeenAt, expiresAt, clientAddress}.
// Columns: none.
CREATE (s:Session)
SET s = $session
