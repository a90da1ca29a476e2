// Writes person-to-person relations; the type comes from the validated vocabulary and is
// set with a dynamic type, never by string concatenation.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $from, $to, $type, $key, $since, $until, $weight, $note, $source, $sourceId; and
//   $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (a:Person {id: $from[row]})
OPTIONAL MATCH (b:Person {id: $to[row]})
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:$($type[row]) {key: $key[row]}]->(b)
  ON CREATE SET r.ingestedAt = datetime()
  SET r.since = date($since[row]), r.until = date($until[row]), r.weight = $weight[row], r.note = $note[row],
      r.source = $source[row], r.sourceId = $sourceId[row], r.importJob = $job,
    r.rowHash = $hash[row], r.importRun = $run
}
WITH row, a, b WHERE a IS NULL OR b IS NULL
RETURN $i[row] AS i, CASE WHEN a IS NULL THEN 'from' ELSE 'to' END AS field, CASE WHEN a IS NULL THEN $from[row] ELSE $to[row] END AS ref
