// Removes a (:Skill)-[:PART_OF]->(:Skill) edge. $fromId, $toId: string. Returns deleted.
MATCH (:Skill {id: $fromId})-[e:PART_OF]->(:Skill {id: $toId})
DELETE e
RETURN count(*) AS deleted
