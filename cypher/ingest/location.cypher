// Writes locations (hotels, cafés, checkpoints, markets …) with a WGS-84 point, linked to
// the station that covers them and their region. The station is a hard reference (an
// unknown one rejects the record); the region is soft (linked when known).
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $id, $type, $name, $lat, $lon, $address, $region, $town, $station, $source,
//   $sourceId; and $job, $run.
// Columns: i, field, ref (the unresolved references).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (station:Station {id: $station[row]})
WITH row, station, $station[row] IS NOT NULL AND station IS NULL AS unresolved
CALL (row, station, unresolved) {
  WITH row, station WHERE NOT unresolved
  MERGE (l:Location {id: $id[row]})
  ON CREATE SET l:Entity, l.uid = 'Location:' + $id[row], l.ingestedAt = datetime()
  SET l.type = $type[row], l.name = $name[row], l.lat = $lat[row], l.lon = $lon[row],
      l.point = point({latitude: $lat[row], longitude: $lon[row]}),
      l.address = $address[row], l.region = $region[row], l.town = $town[row], l.station = $station[row],
      l.source = $source[row], l.sourceId = $sourceId[row], l.importJob = $job,
    l.rowHash = $hash[row], l.importRun = $run
  WITH l, row, station
  CALL (l, row, station) {
    WITH l, row, station WHERE station IS NOT NULL
    MERGE (l)-[c:COVERED_BY {key: $id[row] + '|' + $station[row]}]->(station)
    ON CREATE SET c.ingestedAt = datetime(), c.source = $source[row], c.importJob = $job
  }
  CALL (l, row) {
    OPTIONAL MATCH (region:Region {code: $region[row]})
    WITH l, row, region WHERE region IS NOT NULL
    MERGE (l)-[r:IN_REGION {key: 'Location:' + $id[row] + '|' + $region[row]}]->(region)
    ON CREATE SET r.ingestedAt = datetime(), r.source = $source[row], r.importJob = $job
  }
}
WITH row, unresolved WHERE unresolved
RETURN $i[row] AS i, 'station' AS field, $station[row] AS ref
