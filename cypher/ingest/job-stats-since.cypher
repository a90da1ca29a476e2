// The data-quality figures of every import run that ended since a time, for the
// per-source quality report.
// Parameters: $since (ISO datetime). Columns: id, endedAt, stats (JSON text).
MATCH (j:ImportJob)
WHERE j.startedAt >= datetime($since) AND j.stats IS NOT NULL
RETURN j.id AS id, j.endedAt AS endedAt, j.stats AS stats
ORDER BY j.startedAt
