// Drops a role's education requirement. $roleId: string. Returns deleted.
MATCH (:Role {id: $roleId})-[e:REQUIRES]->(:EducationLevel)
DELETE e
RETURN count(*) AS deleted
