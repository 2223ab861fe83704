// Removes a certification edge. $credentialId, $skillId: string. Returns deleted.
MATCH (:Credential {id: $credentialId})-[e:CERTIFIES]->(:Skill {id: $skillId})
DELETE e
RETURN count(*) AS deleted
