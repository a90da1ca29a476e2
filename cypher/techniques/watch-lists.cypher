// The watch-lists with their group rules (JSON) and order settings, by name.
// Parameters: $names [name] or null for all. Columns: list (stored properties).
MATCH (w:WatchList)
WHERE $names IS NULL OR w.name IN $names
RETURN properties(w) AS list
ORDER BY w.name
