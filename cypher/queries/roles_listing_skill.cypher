// The roles whose profile lists a skill. $id: string. Returns id, once each.
MATCH (:Skill {id: $id})<-[:REQUIRES]-(r:Role)
RETURN DISTINCT r.id AS id
