// Batch comparison (批量比对碰撞): the records of one import job, or of a time window, whose
// subject carries an identifier that is on a watch-list: the person's own record id, resident
// ID, a phone, or name with birth date (stays and logins), or the plate (car passes). The
// sets are parameters, so each record costs a few in-memory look-ups; which list and member
// matched, and how strongly, is worked out by the caller from the same sets.
// Parameters: $job (import job id, or null to use the window), $from, $to (ISO datetimes),
//   $ids, $idNumbers, $phones, $plates, $nameBirths ["name|yyyy-mm-dd"].
// Columns: kind (STAY | LOGIN | PASS), record (edge id), at, until, place {id, name, type,
//   station, town}, subject {id, name, employment, origin, idNumber, phones, birthKey} or null, plate.
CALL () {
  WITH $job AS job WHERE job IS NOT NULL
  MATCH (p:Person)-[r:STAYED_AT]->(l:Location) WHERE r.importJob = job
  RETURN 'STAY' AS kind, r, p, null AS v, l, r.checkIn AS at, r.checkOut AS until
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH (p:Person)-[r:STAYED_AT]->(l:Location) WHERE r.checkIn >= datetime($from) AND r.checkIn < datetime($to)
  RETURN 'STAY' AS kind, r, p, null AS v, l, r.checkIn AS at, r.checkOut AS until
  UNION ALL
  WITH $job AS job WHERE job IS NOT NULL
  MATCH (p:Person)-[r:LOGGED_IN]->(l:Location) WHERE r.importJob = job
  RETURN 'LOGIN' AS kind, r, p, null AS v, l, r.at AS at, r.until AS until
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH (p:Person)-[r:LOGGED_IN]->(l:Location) WHERE r.at >= datetime($from) AND r.at < datetime($to)
  RETURN 'LOGIN' AS kind, r, p, null AS v, l, r.at AS at, r.until AS until
  UNION ALL
  WITH $job AS job WHERE job IS NOT NULL
  MATCH (v:Vehicle)-[r:PASSED]->(l:Location) WHERE r.importJob = job
  RETURN 'PASS' AS kind, r, null AS p, v, l, r.at AS at, null AS until
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH (v:Vehicle)-[r:PASSED]->(l:Location) WHERE r.at >= datetime($from) AND r.at < datetime($to)
  RETURN 'PASS' AS kind, r, null AS p, v, l, r.at AS at, null AS until
}
WITH kind, r, p, v, l, at, until,
     CASE WHEN p IS NULL OR p.birthDate IS NULL THEN null ELSE p.name + '|' + toString(p.birthDate) END AS birthKey
WHERE (p IS NOT NULL AND (p.id IN $ids OR p.idNumber IN $idNumbers OR birthKey IN $nameBirths
        OR any(x IN coalesce(p.phones, []) WHERE x IN $phones)))
   OR (v IS NOT NULL AND v.plate IN $plates)
RETURN kind, type(r) + ':' + r.key AS record, at, until,
       l {.id, .name, .type, .station, .town} AS place,
       CASE WHEN p IS NULL THEN null ELSE p {.id, .name, .employment, .origin, .idNumber, .phones, birthKey: birthKey} END AS subject,
       CASE WHEN v IS NULL THEN null ELSE v.plate END AS plate
