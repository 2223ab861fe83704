// The roles whose profile lists the most of the skills. $skillIds: [string];
// $first: int. Returns id (a role), once each, at most $first, those sharing
// the most skills first (ties by id).
UNWIND $skillIds AS sid
MATCH (:Skill {id: sid})<-[:REQUIRES]-(r:Role)
WITH r, count(*) AS shared
RETURN r.id AS id
ORDER BY shared DESC, id
LIMIT $first
