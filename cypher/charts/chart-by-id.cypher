// One saved chart with its state, if the user may open it (their own, or shared in their unit).
// Parameters: $id, $owner, $unit.
// Columns: chart (stored properties), or no row.
MATCH (c:SavedChart {id: $id})
WHERE c.owner = $owner OR (c.unit = $unit AND c.shared = true)
RETURN properties(c) AS chart
