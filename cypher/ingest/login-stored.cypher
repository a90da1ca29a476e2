// What is stored for the login records of a batch that exist already (one index seek on the
// LOGGED_IN key): their content hash and the import job and run that wrote them last, so the
// importer writes only new or changed records and counts the rest as unchanged, resumed
// or duplicate.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $key.
// Columns: i, hash, job, run; only for records that exist.
UNWIND range(0, size($i) - 1) AS row
MATCH ()-[s:LOGGED_IN {key: $key[row]}]->()
RETURN $i[row] AS i, s.rowHash AS hash, s.importJob AS job, s.importRun AS run
