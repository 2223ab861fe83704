// The roles with an overlap edge into any of roles, each once. $ids:
// [string]. Returns id.
UNWIND $ids AS id
MATCH (other:Role)-[:OVERLAPS]->(:Role {id: id})
RETURN DISTINCT other.id AS id
