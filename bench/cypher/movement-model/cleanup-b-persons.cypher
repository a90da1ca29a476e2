// Shape B clean-up: deletes the bench persons (and anything still attached), in batches.
// Parameters: $batch (integer rows per transaction). Result: none.
MATCH (p:BenchPersonB)
CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF $batch ROWS
