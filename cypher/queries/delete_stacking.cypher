// Removes a stacking edge. $fromId, $toId: string. Returns deleted.
MATCH (:Credential {id: $fromId})-[e:STACKS_INTO]->(:Credential {id: $toId})
DELETE e
RETURN count(*) AS deleted
