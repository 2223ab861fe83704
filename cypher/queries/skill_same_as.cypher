// Reads the skills crosswalked to skills (SAME_AS, either direction). $ids: [string]. Returns id and node.
UNWIND $ids AS id
MATCH (:Skill {id: id})-[:SAME_AS]-(x:Skill)
WITH DISTINCT id, x
ORDER BY id, x.name, x.id
RETURN id, x {.*} AS node
