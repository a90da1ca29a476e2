// Alerts, newest first, of one watch or of all.
// Parameters: $watchId (or null), $skip, $limit.
// Columns: alert (stored properties, and the names of the watched person and the associate now).
MATCH (x:Alert)
WHERE $watchId IS NULL OR x.watchId = $watchId
WITH x
ORDER BY x.raisedAt DESC, x.id DESC
SKIP $skip LIMIT $limit
OPTIONAL MATCH (p:Person {id: x.personId})
OPTIONAL MATCH (a:Person {id: x.associateId})
RETURN x {.*, personName: p.name, associateName: a.name} AS alert
