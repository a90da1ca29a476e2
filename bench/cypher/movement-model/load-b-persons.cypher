// Shape B: finds or creates each person by id (idempotent on the natural key).
// Parameters: $rows: list of {id: string}. Result: none.
UNWIND $rows AS row
MERGE (:BenchPersonB {id: row.id})
