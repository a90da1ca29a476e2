// Shape A clean-up: deletes the bench persons with their stay relationships, in batches so
// no transaction holds millions of changes. Runs as an implicit transaction (required by
// CALL … IN TRANSACTIONS).
// Parameters: $batch (integer rows per transaction). Result: none.
MATCH (p:BenchPersonA)
CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF $batch ROWS
