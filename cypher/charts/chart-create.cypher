// Saves a new chart.
// Parameters: $chart {id, title, caseNumber, shared, state (JSON text), nodeCount, edgeCount,
//   owner, unit, at (epoch ms)}.
// Columns: chart (stored properties).
CREATE (c:SavedChart {id: $chart.id, owner: $chart.owner, unit: $chart.unit, createdAt: $chart.at})
SET c.title = $chart.title, c.caseNumber = $chart.caseNumber, c.shared = $chart.shared, c.state = $chart.state,
    c.nodeCount = $chart.nodeCount, c.edgeCount = $chart.edgeCount, c.updatedAt = $chart.at
RETURN properties(c) AS chart
