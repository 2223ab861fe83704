// Reads the broader skills of skills (the taxonomy above them). $ids: [string]. Returns id and node.
UNWIND $ids AS id
MATCH (:Skill {id: id})-[:PART_OF]->(x:Skill)
WITH DISTINCT id, x
ORDER BY id, x.name, x.id
RETURN id, x {.*} AS node
