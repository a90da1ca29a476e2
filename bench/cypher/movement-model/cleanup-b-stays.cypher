// Shape B clean-up: deletes the stay event nodes with their BENCH_MADE and BENCH_AT
// relationships, in batches.
// Parameters: $batch (integer rows per transaction). Result: none.
MATCH (s:BenchStay)
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF $batch ROWS
