// Sets the education level a role requires. $roleId, $educationLevelId:
// string. Returns existing (the ids of the levels it required before: when
// any, the caller rolls back, since a role requires at most one) and node
// (the role); no row when the role or the level is missing.
MATCH (r:Role {id: $roleId})
MATCH (l:EducationLevel {id: $educationLevelId})
WITH r, l, COLLECT { MATCH (r)-[:REQUIRES]->(old:EducationLevel) RETURN old.id } AS existing
MERGE (r)-[:REQUIRES]->(l)
RETURN existing, r {.*} AS node
