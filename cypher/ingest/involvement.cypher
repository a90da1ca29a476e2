// Writes a person's involvement in a case (suspect, offender, victim, witness).
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $person, $case, $role, $key, $note, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (p:Person {id: $person[row]})
OPTIONAL MATCH (c:Case {id: $case[row]})
CALL (row, p, c) {
  WITH row, p, c WHERE p IS NOT NULL AND c IS NOT NULL
  MERGE (p)-[r:INVOLVED_IN {key: $key[row]}]->(c)
  ON CREATE SET r.ingestedAt = datetime()
  SET r.role = $role[row], r.note = $note[row], r.source = $source[row], r.sourceId = $sourceId[row], r.importJob = $job,
    r.rowHash = $hash[row], r.importRun = $run
}
WITH row, p, c WHERE p IS NULL OR c IS NULL
RETURN $i[row] AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'case' END AS field, CASE WHEN p IS NULL THEN $person[row] ELSE $case[row] END AS ref
