// Skills by id. $ids: [string]. Returns id, node (its properties).
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN id, s {.*} AS node
