// One verification order.
// Parameters: $id. Columns: order (stored properties).
MATCH (o:VerificationOrder {id: $id})
RETURN properties(o) AS order
