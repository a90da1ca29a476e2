// Writes a person's involvement in a case (suspect, offender, victim, witness).
// Parameters: $rows [{i, hash, person, case, role, key, note, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person})
OPTIONAL MATCH (c:Case {id: row.case})
CALL (row, p, c) {
  WITH row, p, c WHERE p IS NOT NULL AND c IS NOT NULL
  MERGE (p)-[r:INVOLVED_IN {key: row.key}]->(c)
  ON CREATE SET r.ingestedAt = datetime()
  SET r.role = row.role, r.note = row.note, r.source = row.source, r.sourceId = row.sourceId, r.importJob = $job,
    r.rowHash = row.hash, r.importRun = $run
}
WITH row, p, c WHERE p IS NULL OR c IS NULL
RETURN row.i AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'case' END AS field, CASE WHEN p IS NULL THEN row.person ELSE row.case END AS ref
