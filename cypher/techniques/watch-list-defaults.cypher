// The built-in watch-lists, created when missing and never overwritten (analysts' edits win).
// Parameters: $lists [{name, …settings}]. Columns: created.
UNWIND $lists AS d
MERGE (w:WatchList {name: d.name})
ON CREATE SET w = d, w.createdByDefault = true
RETURN count(*) AS created
