// Deletes what the person-write benchmark wrote: persons (and its unindexed BenchPerson
// stand-ins), phones and vehicles under its prefix, in batches.
// Parameters: $prefix. Columns: none. Run as an auto-commit statement.
CALL () {
  MATCH (n:Person) WHERE n.id STARTS WITH $prefix RETURN n
  UNION
  MATCH (n:BenchPerson) RETURN n
  UNION
  MATCH (n:Phone) WHERE n.number STARTS WITH $prefix RETURN n
  UNION
  MATCH (n:Vehicle) WHERE n.plate STARTS WITH $prefix RETURN n
}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
