// Writes persons with their phones and plates (as Phone / Vehicle nodes and as lists on
// the person, so one full-text index finds a person by any of them).
// Parameters: $rows [{i, hash, id, name, idNumber, gender, birthDate, origin, residence, employment,
//   phones, plates, tags, source, sourceId}], $job, $run.
// Columns: i, field, ref (none: a person names no other record).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p:Entity, p.uid = 'Person:' + row.id, p.ingestedAt = datetime()
SET p.name = row.name, p.idNumber = row.idNumber, p.gender = row.gender,
    p.birthDate = date(row.birthDate), p.origin = row.origin, p.residence = row.residence,
    p.employment = row.employment, p.phones = row.phones, p.plates = row.plates, p.tags = row.tags,
    p.source = row.source, p.sourceId = row.sourceId, p.importJob = $job,
    p.rowHash = row.hash, p.importRun = $run
WITH p, row
CALL (p, row) {
  UNWIND row.phones AS number
  MERGE (ph:Phone {number: number})
  ON CREATE SET ph:Entity, ph.uid = 'Phone:' + number, ph.ingestedAt = datetime(), ph.source = row.source, ph.importJob = $job
  MERGE (p)-[u:USES_PHONE {key: row.id + '|' + number}]->(ph)
  ON CREATE SET u.ingestedAt = datetime(), u.source = row.source, u.sourceId = row.sourceId, u.importJob = $job
}
CALL (p, row) {
  UNWIND row.plates AS plate
  MERGE (v:Vehicle {plate: plate})
  ON CREATE SET v:Entity, v.uid = 'Vehicle:' + plate, v.ingestedAt = datetime(), v.source = row.source, v.importJob = $job
  MERGE (p)-[o:OWNS_VEHICLE {key: row.id + '|' + plate}]->(v)
  ON CREATE SET o.ingestedAt = datetime(), o.source = row.source, o.sourceId = row.sourceId, o.importJob = $job
}
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
