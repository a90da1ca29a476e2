// Standing watches, optionally only the active ones, oldest first.
// Parameters: $activeOnly (bool). Columns: watch (stored properties).
MATCH (w:StandingWatch)
WHERE NOT $activeOnly OR w.active
RETURN properties(w) AS watch
ORDER BY w.createdAt, w.id
