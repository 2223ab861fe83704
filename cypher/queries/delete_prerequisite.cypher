// Removes a prerequisite of a credential. $credentialId, $prerequisiteId:
// string. Returns deleted.
MATCH (:Credential {id: $credentialId})-[e:REQUIRES]->(t)
WHERE t.id = $prerequisiteId AND (t:Credential OR t:EducationLevel)
DELETE e
RETURN count(*) AS deleted
