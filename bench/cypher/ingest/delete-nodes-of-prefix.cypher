// Deletes the benchmark's persons, locations and station (ids under its prefix), its own
// region and the import jobs it ran, in batches.
// Parameters: $prefix, $region (code), $jobs [job id]. Columns: none. Run as an auto-commit statement.
MATCH (n)
WHERE (n:Entity AND n.id STARTS WITH $prefix) OR (n:Region AND n.code = $region) OR (n:ImportJob AND n.id IN $jobs) OR (n:ImportRejection AND n.job IN $jobs)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
