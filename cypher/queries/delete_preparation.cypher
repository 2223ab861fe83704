// Drops a credential's preparation for a role. $credentialId, $roleId: string. Returns deleted.
MATCH (:Credential {id: $credentialId})-[e:PREPARES_FOR]->(:Role {id: $roleId})
DELETE e
RETURN count(*) AS deleted
