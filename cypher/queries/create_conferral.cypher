// Records that a credential confers an education level. $credentialId,
// $educationLevelId: string. Returns existing (the ids of the levels it
// conferred before: when any, the caller rolls back, since a credential
// confers at most one) and node (the credential); no row when the credential
// or the level is missing.
MATCH (c:Credential {id: $credentialId})
MATCH (l:EducationLevel {id: $educationLevelId})
WITH c, l, COLLECT { MATCH (c)-[:CONFERS]->(old:EducationLevel) RETURN old.id } AS existing
MERGE (c)-[:CONFERS]->(l)
RETURN existing, c {.*} AS node
