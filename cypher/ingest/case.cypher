// Writes cases; the place is a location (hard reference, linked by OCCURRED_AT, its point
// copied) or given as lat/lon.
// Parameters: $rows [{i, hash, id, type, title, status, occurredFrom, occurredTo, mo, offenders,
//   location, lat, lon, region, agency, description, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (l:Location {id: row.location})
WITH row, l, row.location IS NOT NULL AND l IS NULL AS unresolved
CALL (row, l, unresolved) {
  WITH row, l WHERE NOT unresolved
  MERGE (c:Case {id: row.id})
  ON CREATE SET c:Entity, c.uid = 'Case:' + row.id, c.ingestedAt = datetime()
  WITH c, row, l, coalesce(row.lat, l.lat) AS lat, coalesce(row.lon, l.lon) AS lon
  SET c.type = row.type, c.title = row.title, c.status = row.status,
      c.occurredFrom = datetime(row.occurredFrom), c.occurredTo = datetime(row.occurredTo),
      c.mo = row.mo, c.offenders = row.offenders, c.location = row.location,
      c.lat = lat, c.lon = lon,
      c.point = CASE WHEN lat IS NULL THEN null ELSE point({latitude: lat, longitude: lon}) END,
      c.region = row.region, c.agency = row.agency, c.description = row.description,
      c.source = row.source, c.sourceId = row.sourceId, c.importJob = $job,
    c.rowHash = row.hash, c.importRun = $run
  WITH c, row, l
  CALL (c, row, l) {
    WITH c, row, l WHERE l IS NOT NULL
    MERGE (c)-[o:OCCURRED_AT {key: row.id + '|' + row.location}]->(l)
    ON CREATE SET o.ingestedAt = datetime(), o.source = row.source, o.importJob = $job
  }
}
WITH row, unresolved WHERE unresolved
RETURN row.i AS i, 'location' AS field, row.location AS ref
