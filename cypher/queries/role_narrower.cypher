// Reads the narrower roles of roles. $ids: [string]. Returns id and node.
UNWIND $ids AS id
MATCH (x:Role)-[:PART_OF]->(:Role {id: id})
WITH DISTINCT id, x
ORDER BY id, x.title, x.id
RETURN id, x {.*} AS node
