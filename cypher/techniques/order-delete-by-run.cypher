// Removes the orders a run issued and the run record (tests and the benchmark clean up
// after themselves with this; no GraphQL operation deletes orders).
// Parameters: $runId. Columns: deleted.
MATCH (r:TechniqueRun {id: $runId})
OPTIONAL MATCH (o:VerificationOrder {issuedByRun: $runId})
DETACH DELETE o
WITH DISTINCT r
DETACH DELETE r
RETURN 1 AS deleted
