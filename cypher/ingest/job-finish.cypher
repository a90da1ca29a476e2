// Closes an import job's run with its final counters, notices and data-quality figures.
// Parameters: $id, $status (SUCCEEDED | FAILED), $counters {phase, read, accepted, rejected,
//   unchanged, duplicates, bytesRead}, $notices [string], $noticesZh [the same in Chinese],
//   $stats (JSON text), $error, $errorZh (the same in Chinese).
// Columns: none.
MATCH (j:ImportJob {id: $id})
SET j += $counters, j.status = $status, j.notices = $notices, j.noticesZh = $noticesZh, j.stats = $stats, j.error = $error, j.errorZh = $errorZh,
    j.endedAt = datetime(), j.heartbeatAt = datetime()
