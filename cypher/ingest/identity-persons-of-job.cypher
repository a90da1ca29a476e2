// A page of the persons an import job wrote (new or changed), for identity resolution.
// Parameters: $job, $after (person id; '' for the start), $limit.
// Columns: id.
MATCH (p:Person)
WHERE p.importJob = $job AND p.id > $after
RETURN p.id AS id
ORDER BY id
LIMIT $limit
