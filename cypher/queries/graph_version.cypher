// Reads the graph version: the singleton node's epoch and write count,
// nulls when no write through Lattice has made the node yet.
// Parameters: none. Returns: epoch, n.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN v.epoch AS epoch, v.n AS n
