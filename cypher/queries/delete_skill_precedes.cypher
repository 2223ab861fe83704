// Removes a (:Skill)-[:PRECEDES]->(:Skill) edge. $fromId, $toId: string. Returns deleted.
MATCH (:Skill {id: $fromId})-[e:PRECEDES]->(:Skill {id: $toId})
DELETE e
RETURN count(*) AS deleted
