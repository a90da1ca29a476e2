// What the export read: the database's own clock and identity at the moment of reading,
// and the import job that last ended, so a package says which state of the data it shows.
// (Neo4j Community keeps no readable last-transaction id; the driver's bookmark, recorded
// beside this, stands for the transaction instead.)
// Parameters: none.
// Columns: readAt (datetime), databaseId, databaseName, lastImportJob, lastImportEndedAt.
CALL db.info() YIELD id, name
OPTIONAL CALL () {
  MATCH (j:ImportJob)
  WHERE j.endedAt IS NOT NULL
  RETURN j.id AS lastImportJob, j.endedAt AS lastImportEndedAt
  ORDER BY j.endedAt DESC
  LIMIT 1
}
RETURN datetime() AS readAt, id AS databaseId, name AS databaseName, lastImportJob, lastImportEndedAt
