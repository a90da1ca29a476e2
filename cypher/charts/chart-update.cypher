// Saves a new state of one of the owner's charts; another owner's chart is left as it is.
// Parameters: $chart as in chart-create.cypher ($chart.unit is not changed).
// Columns: chart (stored properties), or no row when the owner has no chart of that id.
MATCH (c:SavedChart {id: $chart.id}) WHERE c.owner = $chart.owner
SET c.title = $chart.title, c.caseNumber = $chart.caseNumber, c.shared = $chart.shared, c.state = $chart.state,
    c.nodeCount = $chart.nodeCount, c.edgeCount = $chart.edgeCount, c.updatedAt = $chart.at
RETURN properties(c) AS chart
