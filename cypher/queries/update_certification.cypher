// Changes the level a credential certifies a skill at. $credentialId,
// $skillId: string; $level: int. Returns credential, skill (their
// properties) and level; no row when there is no such edge.
MATCH (c:Credential {id: $credentialId})-[e:CERTIFIES]->(s:Skill {id: $skillId})
SET e.level = $level
RETURN c {.*} AS credential, s {.*} AS skill, e.level AS level
