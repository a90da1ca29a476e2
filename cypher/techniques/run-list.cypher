// Recorded technique runs, newest first, optionally of one technique.
// Parameters: $technique (or null), $skip, $limit. Columns: run (all stored properties).
MATCH (r:TechniqueRun)
WHERE $technique IS NULL OR r.technique = $technique
RETURN properties(r) AS run
ORDER BY r.startedAt DESC, r.id DESC
SKIP $skip LIMIT $limit
