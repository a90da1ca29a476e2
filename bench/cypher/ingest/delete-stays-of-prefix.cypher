// Deletes the benchmark's stays (those of persons under its id prefix), in batches.
// Parameters: $prefix. Columns: none. Run as an auto-commit statement (CALL … IN TRANSACTIONS).
MATCH (p:Person)-[s:STAYED_AT]->()
WHERE p.id STARTS WITH $prefix
CALL (s) { DELETE s } IN TRANSACTIONS OF 20000 ROWS
