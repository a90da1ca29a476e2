// Graph nodes by their graph id, for the start nodes of an expansion and for path ends.
// Parameters: $ids [uid]. Columns: node {id, kind, properties}.
UNWIND $ids AS id
MATCH (n:Entity {uid: id})
RETURN {id: n.uid, kind: [l IN labels(n) WHERE l <> 'Entity'][0], properties: properties(n)} AS node
