// Deletes a batch of events older than the retention: subscribers only ever want new ones.
// Parameters: $before (epoch ms), $limit. Columns: deleted.
MATCH (e:ClewEvent)
WHERE e.atMs < $before
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS deleted
