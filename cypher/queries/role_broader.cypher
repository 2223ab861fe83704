// Reads the broader roles of roles in an occupation hierarchy. $ids: [string]. Returns id and node.
UNWIND $ids AS id
MATCH (:Role {id: id})-[:PART_OF]->(x:Role)
WITH DISTINCT id, x
ORDER BY id, x.title, x.id
RETURN id, x {.*} AS node
