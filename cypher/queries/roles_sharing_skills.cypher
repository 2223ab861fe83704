// Roles whose profile lists any of the skills. $skillIds: [string].
// Returns id (a role), once each.
UNWIND $skillIds AS sid
MATCH (:Skill {id: sid})<-[:REQUIRES]-(r:Role)
RETURN DISTINCT r.id AS id
