// Marks an import job as followed up by the techniques (collision run id, alerts raised).
// Parameters: $id, $at (epoch ms), $runId. Columns: id.
MATCH (j:ImportJob {id: $id})
SET j.techniquesFollowedUpAt = $at, j.techniquesCollisionRun = $runId
RETURN j.id AS id
