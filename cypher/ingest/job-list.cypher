// Import jobs, newest first, optionally of one status or source.
// Parameters: $status (or null), $source (or null), $skip, $limit.
// Columns: job (all properties but the data-quality figures), total (jobs that match).
MATCH (j:ImportJob)
WHERE ($status IS NULL OR j.status = $status) AND ($source IS NULL OR j.source = $source)
WITH j ORDER BY j.startedAt DESC, j.id
WITH collect(j) AS jobs
UNWIND jobs[$skip..$skip + $limit] AS j
RETURN j {.*, stats: null} AS job, size(jobs) AS total
