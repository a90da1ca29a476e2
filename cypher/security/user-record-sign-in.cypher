// A successful sign-in clears the failure count.
// Parameters: $userId, $now (epoch ms). Columns: none.
MATCH (u:User {id: $userId})
SET u.failedSignIns = [], u.lastSignInAt = $now
