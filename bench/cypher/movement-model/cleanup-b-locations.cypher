// Shape B clean-up: deletes the bench places (and anything still attached), in batches.
// Parameters: $batch (integer rows per transaction). Result: none.
MATCH (l:BenchLocationB)
CALL (l) { DETACH DELETE l } IN TRANSACTIONS OF $batch ROWS
