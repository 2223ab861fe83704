// Removes the SAME_AS edge between two skills, whichever way it points.
// $fromId, $toId: string. Returns deleted.
MATCH (:Skill {id: $fromId})-[e:SAME_AS]-(:Skill {id: $toId})
DELETE e
RETURN count(*) AS deleted
