// The education level each role requires (the highest, should there be more).
// $ids: [string]. Returns id (the role), node (the level).
UNWIND $ids AS id
MATCH (:Role {id: id})-[:REQUIRES]->(e:EducationLevel)
WITH id, e ORDER BY e.rank DESC
WITH id, collect(e)[0] AS e
RETURN id, e {.*} AS node
