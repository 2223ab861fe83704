// Deletes a credential and every edge it has. $id: string. Returns deleted (0 or 1).
MATCH (n:Credential {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
