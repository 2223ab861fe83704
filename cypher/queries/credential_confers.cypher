// The education level each credential confers (the highest). $ids: [string].
// Returns id, node (the level).
UNWIND $ids AS id
MATCH (:Credential {id: id})-[:CONFERS]->(e:EducationLevel)
WITH id, e ORDER BY e.rank DESC
WITH id, collect(e)[0] AS e
RETURN id, e {.*} AS node
