// Drops a role's credential requirement. $roleId, $credentialId: string. Returns deleted.
MATCH (:Role {id: $roleId})-[e:REQUIRES]->(:Credential {id: $credentialId})
DELETE e
RETURN count(*) AS deleted
