// Writes person-to-person relations; the type comes from the validated vocabulary and is
// set with a dynamic type, never by string concatenation.
// Parameters: $rows [{i, hash, from, to, type, key, since, until, weight, note, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (a:Person {id: row.from})
OPTIONAL MATCH (b:Person {id: row.to})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
  ON CREATE SET r.ingestedAt = datetime()
  SET r.since = date(row.since), r.until = date(row.until), r.weight = row.weight, r.note = row.note,
      r.source = row.source, r.sourceId = row.sourceId, r.importJob = $job,
    r.rowHash = row.hash, r.importRun = $run
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN row.i AS i, CASE WHEN a IS NULL THEN 'from' ELSE 'to' END AS field, CASE WHEN a IS NULL THEN row.from ELSE row.to END AS ref
