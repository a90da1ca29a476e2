// Shape A clean-up: deletes the bench places (and any stay still attached), in batches.
// Parameters: $batch (integer rows per transaction). Result: none.
MATCH (l:BenchLocationA)
CALL (l) { DETACH DELETE l } IN TRANSACTIONS OF $batch ROWS
