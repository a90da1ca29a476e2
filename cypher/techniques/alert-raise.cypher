// Raises alerts once: the key (watch | movement) is unique, so a repeated follow-up of the
// same import raises nothing new.
// Parameters: $alerts [{key, props {id, watchId, personId, associateId, relation, strength, kind,
//   at, record, placeId, placeName, town, station, jobId, raisedAt}}].
// Columns: alert (stored properties), created.
UNWIND $alerts AS a
MERGE (x:Alert {key: a.key})
ON CREATE SET x += a.props, x.fresh = true
WITH x, coalesce(x.fresh, false) AS created
REMOVE x.fresh
RETURN properties(x) AS alert, created
