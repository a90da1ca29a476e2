// Who was near each scene when it happened: stays, café logins and passes of owned cars at
// places within $radius metres of the scene, overlapping the case's time widened by the
// slack (a stay or login without an end counts 12 h / 2 h). Optionally only persons whose
// origin starts with a region prefix (the high-risk search).
// Parameters: $scenes [{id, lat, lon, from, to}] (from/to already widened), $radius (m),
//   $origin (region code prefix or null).
// Columns: caseId, person, kind, at, until, place {id, name, lat, lon, town}, distance (m),
//   edge (id), owner edge id or null.
UNWIND $scenes AS c
WITH c, point({latitude: c.lat, longitude: c.lon}) AS scene, datetime(c.from) AS cf, datetime(c.to) AS ct
MATCH (l:Location)
WHERE point.distance(l.point, scene) <= $radius
CALL (l, cf, ct) {
  MATCH (p:Person)-[m:STAYED_AT]->()
  USING INDEX m:STAYED_AT(locationId, checkIn)
  WHERE m.locationId = l.id AND m.checkIn >= cf - duration({days: 3}) AND m.checkIn <= ct
    AND coalesce(m.checkOut, m.checkIn + duration({hours: 12})) >= cf
  RETURN p, m, null AS o, 'STAY' AS kind, m.checkIn AS at, m.checkOut AS until
  UNION ALL
  MATCH (p:Person)-[m:LOGGED_IN]->()
  USING INDEX m:LOGGED_IN(locationId, at)
  WHERE m.locationId = l.id AND m.at >= cf - duration({hours: 12}) AND m.at <= ct
    AND coalesce(m.until, m.at + duration({hours: 2})) >= cf
  RETURN p, m, null AS o, 'LOGIN' AS kind, m.at AS at, m.until AS until
  UNION ALL
  MATCH (v:Vehicle)-[m:PASSED]->()
  USING INDEX m:PASSED(locationId, at)
  WHERE m.locationId = l.id AND m.at >= cf AND m.at <= ct
  MATCH (p:Person)-[o:OWNS_VEHICLE]->(v)
  RETURN p, m, o, 'PASS' AS kind, m.at AS at, null AS until
}
WITH c, scene, l, p, m, o, kind, at, until
WHERE $origin IS NULL OR p.origin STARTS WITH $origin
RETURN c.id AS caseId, p.id AS person, kind, at, until,
       l {.id, .name, .lat, .lon, .town} AS place, round(point.distance(l.point, scene)) AS distance,
       type(m) + ':' + m.key AS edge, CASE WHEN o IS NULL THEN null ELSE type(o) + ':' + o.key END AS owner
ORDER BY caseId, person, at, edge
