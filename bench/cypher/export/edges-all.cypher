// Every relationship's ends and graph id, for the export benchmark to choose a selection of
// 10,000 nodes with 50,000 relationships among them from the seed county.
// Parameters: $limit. Columns: source, target, id.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.uid AS source, b.uid AS target, type(r) + ':' + r.key AS id
LIMIT $limit
