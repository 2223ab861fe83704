// Reads the narrower skills of skills. $ids: [string]. Returns id and node.
UNWIND $ids AS id
MATCH (x:Skill)-[:PART_OF]->(:Skill {id: id})
WITH DISTINCT id, x
ORDER BY id, x.name, x.id
RETURN id, x {.*} AS node
