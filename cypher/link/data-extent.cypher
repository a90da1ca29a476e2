// The newest and oldest movement in the graph (stays, café logins, checkpoint passes,
// calls), each read from the end of its range index, so that a page can default its time
// windows to where the data is rather than to today. The newest is taken among movements
// not dated after $notAfter (now, give or take a sending system's clock): one record with a
// mistyped year would otherwise move every default window decades ahead, where nothing is.
// Parameters: notAfter (ISO datetime). Columns: newest, oldest (DATETIME or null).
CALL () {
  MATCH ()-[s:STAYED_AT]->() WHERE s.checkIn <= datetime($notAfter)
  WITH s.checkIn AS t ORDER BY t DESC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[l:LOGGED_IN]->() WHERE l.at <= datetime($notAfter)
  WITH l.at AS t ORDER BY t DESC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[p:PASSED]->() WHERE p.at <= datetime($notAfter)
  WITH p.at AS t ORDER BY t DESC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[c:CALLED]->() WHERE c.at <= datetime($notAfter)
  WITH c.at AS t ORDER BY t DESC LIMIT 1 RETURN t
}
WITH max(t) AS newest
CALL () {
  MATCH ()-[s:STAYED_AT]->() WHERE s.checkIn IS NOT NULL
  WITH s.checkIn AS t ORDER BY t ASC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[l:LOGGED_IN]->() WHERE l.at IS NOT NULL
  WITH l.at AS t ORDER BY t ASC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[p:PASSED]->() WHERE p.at IS NOT NULL
  WITH p.at AS t ORDER BY t ASC LIMIT 1 RETURN t
  UNION ALL
  MATCH ()-[c:CALLED]->() WHERE c.at IS NOT NULL
  WITH c.at AS t ORDER BY t ASC LIMIT 1 RETURN t
}
RETURN newest, min(t) AS oldest
