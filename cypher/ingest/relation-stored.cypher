// What is stored for the relation records of a batch that exist already: their content
// hash and the import job and run that wrote them last. The type is chosen per row, so the
// relation is found from its first person (few relations each) and filtered by type and key.
// Parameters: $rows [{i, from, type, key}].
// Columns: i, hash, job, run; only for records that exist.
UNWIND $rows AS row
MATCH (:Person {id: row.from})-[r]->()
WHERE type(r) = row.type AND r.key = row.key
RETURN row.i AS i, r.rowHash AS hash, r.importJob AS job, r.importRun AS run
