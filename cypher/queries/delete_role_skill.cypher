// Removes a skill from a role's profile. $roleId, $skillId: string. Returns deleted.
MATCH (:Role {id: $roleId})-[e:REQUIRES]->(:Skill {id: $skillId})
DELETE e
RETURN count(*) AS deleted
