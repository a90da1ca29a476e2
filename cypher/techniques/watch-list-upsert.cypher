// Creates or changes a watch-list's settings (title, single-hit handling, group rules).
// Parameters: $list {name, title, description, singleHits, singleDeadlineMinutes, rules (JSON),
//   active, updatedBy, updatedAt}. Columns: list (stored properties).
MERGE (w:WatchList {name: $list.name})
SET w += $list
RETURN properties(w) AS list
