// What is stored for the relation records of a batch that exist already: their content
// hash and the import job and run that wrote them last. The type is chosen per row, so the
// relation is found from its first person (few relations each) and filtered by type and key.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $from, $type, $key.
// Columns: i, hash, job, run; only for records that exist.
UNWIND range(0, size($i) - 1) AS row
MATCH (:Person {id: $from[row]})-[r]->()
WHERE type(r) = $type[row] AND r.key = $key[row]
RETURN $i[row] AS i, r.rowHash AS hash, r.importJob AS job, r.importRun AS run
