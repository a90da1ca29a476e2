// One import job.
// Parameters: $id. Columns: job (all properties).
MATCH (j:ImportJob {id: $id})
RETURN j {.*} AS job
