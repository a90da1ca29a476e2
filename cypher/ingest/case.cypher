// Writes cases; the place is a location (hard reference, linked by OCCURRED_AT, its point
// copied) or given as lat/lon.
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $id, $type, $title, $status, $occurredFrom, $occurredTo, $mo, $offenders, $location,
//   $lat, $lon, $region, $agency, $description, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (l:Location {id: $location[row]})
WITH row, l, $location[row] IS NOT NULL AND l IS NULL AS unresolved
CALL (row, l, unresolved) {
  WITH row, l WHERE NOT unresolved
  MERGE (c:Case {id: $id[row]})
  ON CREATE SET c:Entity, c.uid = 'Case:' + $id[row], c.ingestedAt = datetime()
  WITH c, row, l, coalesce($lat[row], l.lat) AS lat, coalesce($lon[row], l.lon) AS lon
  SET c.type = $type[row], c.title = $title[row], c.status = $status[row],
      c.occurredFrom = datetime($occurredFrom[row]), c.occurredTo = datetime($occurredTo[row]),
      c.mo = $mo[row], c.offenders = $offenders[row], c.location = $location[row],
      c.lat = lat, c.lon = lon,
      c.point = CASE WHEN lat IS NULL THEN null ELSE point({latitude: lat, longitude: lon}) END,
      c.region = $region[row], c.agency = $agency[row], c.description = $description[row],
      c.source = $source[row], c.sourceId = $sourceId[row], c.importJob = $job,
    c.rowHash = $hash[row], c.importRun = $run
  WITH c, row, l
  CALL (c, row, l) {
    WITH c, row, l WHERE l IS NOT NULL
    MERGE (c)-[o:OCCURRED_AT {key: $id[row] + '|' + $location[row]}]->(l)
    ON CREATE SET o.ingestedAt = datetime(), o.source = $source[row], o.importJob = $job
  }
}
WITH row, unresolved WHERE unresolved
RETURN $i[row] AS i, 'location' AS field, $location[row] AS ref
