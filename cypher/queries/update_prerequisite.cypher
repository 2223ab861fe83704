// Moves a prerequisite of a credential to another group. $credentialId,
// $prerequisiteId, $group: string. Returns node (the credential), once per
// edge changed; no row when there is no such prerequisite.
MATCH (c:Credential {id: $credentialId})-[e:REQUIRES]->(t)
WHERE t.id = $prerequisiteId AND (t:Credential OR t:EducationLevel)
SET e.group = $group
RETURN c {.*} AS node
