// How many records a collision compared: the stays, logins and passes of an import job or
// of a time window (the denominator of the run's summary).
// Parameters: $job (or null), $from, $to. Columns: kind, records.
CALL () {
  WITH $job AS job WHERE job IS NOT NULL
  MATCH ()-[r:STAYED_AT]->() WHERE r.importJob = job RETURN 'STAY' AS kind, count(r) AS records
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH ()-[r:STAYED_AT]->() WHERE r.checkIn >= datetime($from) AND r.checkIn < datetime($to) RETURN 'STAY' AS kind, count(r) AS records
  UNION ALL
  WITH $job AS job WHERE job IS NOT NULL
  MATCH ()-[r:LOGGED_IN]->() WHERE r.importJob = job RETURN 'LOGIN' AS kind, count(r) AS records
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH ()-[r:LOGGED_IN]->() WHERE r.at >= datetime($from) AND r.at < datetime($to) RETURN 'LOGIN' AS kind, count(r) AS records
  UNION ALL
  WITH $job AS job WHERE job IS NOT NULL
  MATCH ()-[r:PASSED]->() WHERE r.importJob = job RETURN 'PASS' AS kind, count(r) AS records
  UNION ALL
  WITH $job AS job WHERE job IS NULL
  MATCH ()-[r:PASSED]->() WHERE r.at >= datetime($from) AND r.at < datetime($to) RETURN 'PASS' AS kind, count(r) AS records
}
RETURN kind, records
