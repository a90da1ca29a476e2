// Waits until every index is online, so loads and timings never run against a populating index.
// Parameters: $timeoutSeconds (integer). Result: none.
CALL db.awaitIndexes($timeoutSeconds)
