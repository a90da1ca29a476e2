// One recorded technique run.
// Parameters: $id. Columns: run (all stored properties).
MATCH (r:TechniqueRun {id: $id})
RETURN properties(r) AS run
