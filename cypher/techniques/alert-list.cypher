// Alerts, newest first, of one watch or of all.
// Parameters: $watchId (or null), $skip, $limit. Columns: alert (stored properties).
MATCH (x:Alert)
WHERE $watchId IS NULL OR x.watchId = $watchId
RETURN properties(x) AS alert
ORDER BY x.raisedAt DESC, x.id DESC
SKIP $skip LIMIT $limit
