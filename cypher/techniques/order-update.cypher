// Moves an order to its next status with who did it and when (and the station's feedback),
// only from the statuses the move is allowed from, so two clicks cannot both apply.
// Parameters: $id, $from [status], $set {status, …fields}. Columns: order (stored properties) or no row.
MATCH (o:VerificationOrder {id: $id})
WHERE o.status IN $from
SET o += $set
RETURN properties(o) AS order
