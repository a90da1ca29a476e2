// Closes a scheduled slot with the run it produced (or the error).
// Parameters: $key, $status (DONE | FAILED), $runId, $error, $now. Columns: key.
MATCH (s:ScheduledSlot {key: $key})
SET s.status = $status, s.runId = $runId, s.error = $error, s.finishedAt = $now
RETURN s.key AS key
