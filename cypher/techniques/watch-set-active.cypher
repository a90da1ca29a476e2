// Ends (or resumes) a standing watch.
// Parameters: $id, $active, $by, $at. Columns: watch (stored properties) or no row.
MATCH (w:StandingWatch {id: $id})
SET w.active = $active, w.changedBy = $by, w.changedAt = $at
RETURN properties(w) AS watch
