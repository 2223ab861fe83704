// Roles that require education levels. $ids: [string] (levels). Returns id
// (the level), node (the role) and anyField (whether a degree of any field
// meets the requirement: the role says so, or no credential conferring an
// education level prepares for it and it names no fields that meet it,
// acceptsFields).
UNWIND $ids AS id
MATCH (r:Role)-[:REQUIRES]->(:EducationLevel {id: id})
RETURN id, r {.*} AS node,
       coalesce(r.acceptsAnyField, false)
         OR (NOT EXISTS { (d:Credential)-[:PREPARES_FOR]->(r) WHERE EXISTS { (d)-[:CONFERS]->(:EducationLevel) } }
             AND r.acceptsFields IS NULL) AS anyField
ORDER BY id, r.title, r.id
