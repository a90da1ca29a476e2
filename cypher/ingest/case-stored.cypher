// What is stored for the case records of a batch that exist already: their content hash
// and the import job and run that wrote them last, so the importer writes only new or
// changed records and counts the rest as unchanged, resumed or duplicate.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $id.
// Columns: i, hash, job, run; only for records that exist.
UNWIND range(0, size($i) - 1) AS row
MATCH (n:Case {id: $id[row]})
RETURN $i[row] AS i, n.rowHash AS hash, n.importJob AS job, n.importRun AS run
