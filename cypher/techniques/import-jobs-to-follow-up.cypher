// Import jobs that finished successfully in the last day and were not followed up yet by
// the techniques (collision of their records, standing watches).
// Parameters: $limit. Columns: id.
MATCH (j:ImportJob)
WHERE j.status = 'SUCCEEDED' AND j.techniquesFollowedUpAt IS NULL AND j.endedAt >= datetime() - duration({hours: 24})
RETURN j.id AS id
ORDER BY j.endedAt, j.id
LIMIT $limit
