// Roles that require credentials. $ids: [string]. Returns id (the credential), node (the role).
UNWIND $ids AS id
MATCH (r:Role)-[:REQUIRES]->(:Credential {id: id})
RETURN id, r {.*} AS node
ORDER BY id, r.title, r.id
