// The size of the graph measured on. No parameters. Returns nodes, edges.
RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[e]->() } AS edges
