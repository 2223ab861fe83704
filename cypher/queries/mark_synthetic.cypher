// Marks the database as holding a synthetic graph (lattice sample -scale):
// one (:SyntheticGraph) node with what built it. $scale: float, $seed: int.
// Returns marked.
MERGE (m:SyntheticGraph {id: 'synthetic'})
SET m.scale = $scale, m.seed = $seed
RETURN count(m) AS marked
