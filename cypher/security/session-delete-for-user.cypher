// Ends every session of a user (password changed or reset, account disabled).
// Parameters: $userId. Columns: ended (how many).
MATCH (s:Session {userId: $userId})
DELETE s
RETURN count(*) AS ended
