// One alert by id (a pushed alert, resolved for each subscriber), named as alert-list names it.
// Parameters: $id. Columns: alert (stored properties, personName, associateName); none when unknown.
MATCH (x:Alert {id: $id})
OPTIONAL MATCH (p:Person {id: x.personId})
OPTIONAL MATCH (a:Person {id: x.associateId})
RETURN x {.*, personName: p.name, associateName: a.name} AS alert
