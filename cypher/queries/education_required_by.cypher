// Roles that require education levels. $ids: [string] (levels). Returns id
// (the level), node (the role).
UNWIND $ids AS id
MATCH (r:Role)-[:REQUIRES]->(:EducationLevel {id: id})
RETURN id, r {.*} AS node
ORDER BY id, r.title, r.id
