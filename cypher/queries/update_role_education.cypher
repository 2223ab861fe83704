// Replaces the education level a role requires. $roleId, $educationLevelId:
// string. Returns node (the role); no row when the role requires no
// education level yet, or the role or the level is missing.
MATCH (r:Role {id: $roleId})-[old:REQUIRES]->(:EducationLevel)
MATCH (l:EducationLevel {id: $educationLevelId})
DELETE old
WITH DISTINCT r, l
MERGE (r)-[:REQUIRES]->(l)
RETURN r {.*} AS node
