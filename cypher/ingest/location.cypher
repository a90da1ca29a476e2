// Writes locations (hotels, cafés, checkpoints, markets …) with a WGS-84 point, linked to
// the station that covers them and their region. The station is a hard reference (an
// unknown one rejects the record); the region is soft (linked when known).
// Parameters: $rows [{i, hash, id, type, name, lat, lon, address, region, town, station, source, sourceId}], $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
OPTIONAL MATCH (station:Station {id: row.station})
WITH row, station, row.station IS NOT NULL AND station IS NULL AS unresolved
CALL (row, station, unresolved) {
  WITH row, station WHERE NOT unresolved
  MERGE (l:Location {id: row.id})
  ON CREATE SET l:Entity, l.uid = 'Location:' + row.id, l.ingestedAt = datetime()
  SET l.type = row.type, l.name = row.name, l.lat = row.lat, l.lon = row.lon,
      l.point = point({latitude: row.lat, longitude: row.lon}),
      l.address = row.address, l.region = row.region, l.town = row.town, l.station = row.station,
      l.source = row.source, l.sourceId = row.sourceId, l.importJob = $job,
    l.rowHash = row.hash, l.importRun = $run
  WITH l, row, station
  CALL (l, row, station) {
    WITH l, row, station WHERE station IS NOT NULL
    MERGE (l)-[c:COVERED_BY {key: row.id + '|' + row.station}]->(station)
    ON CREATE SET c.ingestedAt = datetime(), c.source = row.source, c.importJob = $job
  }
  CALL (l, row) {
    OPTIONAL MATCH (region:Region {code: row.region})
    WITH l, row, region WHERE region IS NOT NULL
    MERGE (l)-[r:IN_REGION {key: 'Location:' + row.id + '|' + row.region}]->(region)
    ON CREATE SET r.ingestedAt = datetime(), r.source = row.source, r.importJob = $job
  }
}
WITH row, unresolved WHERE unresolved
RETURN row.i AS i, 'station' AS field, row.station AS ref
