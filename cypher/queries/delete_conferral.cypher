// Removes a conferral. $credentialId, $educationLevelId: string. Returns deleted.
MATCH (:Credential {id: $credentialId})-[e:CONFERS]->(:EducationLevel {id: $educationLevelId})
DELETE e
RETURN count(*) AS deleted
