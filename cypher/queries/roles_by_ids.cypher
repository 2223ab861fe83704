// Roles by id. $ids: [string]. Returns one row per role found: id, role (its properties).
UNWIND $ids AS id
MATCH (r:Role {id: id})
RETURN id, r {.*} AS node
