// Roles that require education levels. $ids: [string] (levels). Returns id
// (the level), node (the role) and anyField (whether a degree of any field
// meets the requirement: the role says so, or no credential prepares for it
// and it names no fields that meet it, acceptsFields).
UNWIND $ids AS id
MATCH (r:Role)-[:REQUIRES]->(:EducationLevel {id: id})
RETURN id, r {.*} AS node,
       coalesce(r.acceptsAnyField, false)
         OR (NOT EXISTS { (:Credential)-[:PREPARES_FOR]->(r) } AND r.acceptsFields IS NULL) AS anyField
ORDER BY id, r.title, r.id
