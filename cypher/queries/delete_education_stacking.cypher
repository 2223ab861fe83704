// Removes an education stacking edge. $fromId, $toId: string. Returns deleted.
MATCH (:EducationLevel {id: $fromId})-[e:STACKS_INTO]->(:EducationLevel {id: $toId})
DELETE e
RETURN count(*) AS deleted
