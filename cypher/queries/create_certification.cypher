// Records that a credential certifies a skill. $credentialId, $skillId:
// string; $level: int. Returns existed (true when the edge exists already:
// the caller rolls back), credential, skill (their properties) and level; no
// row when the credential or the skill is missing.
MATCH (c:Credential {id: $credentialId})
MATCH (s:Skill {id: $skillId})
WITH c, s, EXISTS { (c)-[:CERTIFIES]->(s) } AS existed
MERGE (c)-[e:CERTIFIES]->(s)
  ON CREATE SET e.level = $level
RETURN existed, c {.*} AS credential, s {.*} AS skill, e.level AS level
