// The derived overlap edges into roles, closest first, at most $first each.
// $ids: [string], $first: int. Returns id, node (the role the edge comes
// from), score, shared.
UNWIND $ids AS id
MATCH (other:Role)-[o:OVERLAPS]->(:Role {id: id})
WITH id, o, other ORDER BY o.score DESC, other.title, other.id
WITH id, collect({node: other {.*}, score: o.score, shared: o.shared})[..$first] AS edges
UNWIND edges AS edge
RETURN id, edge.node AS node, edge.score AS score, edge.shared AS shared
