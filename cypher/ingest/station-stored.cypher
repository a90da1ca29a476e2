// What is stored for the station records of a batch that exist already: their content hash
// and the import job and run that wrote them last, so the importer writes only new or
// changed records and counts the rest as unchanged, resumed or duplicate.
// Parameters: $rows [{i, id}].
// Columns: i, hash, job, run; only for records that exist.
UNWIND $rows AS row
MATCH (n:Station {id: row.id})
RETURN row.i AS i, n.rowHash AS hash, n.importJob AS job, n.importRun AS run
