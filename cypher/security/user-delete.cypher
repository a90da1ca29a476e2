// Removes a user and their sessions. Only test fixtures do this; the audit trail keeps
// the user's id and name on every record, so nothing there depends on the node.
// Parameters: $userId. Columns: none.
MATCH (u:User {id: $userId})
OPTIONAL MATCH (s:Session {userId: $userId})
WITH u, collect(s) AS sessions
FOREACH (s IN sessions | DELETE s)
DETACH DELETE u
