// The education levels levels lead on to. $ids: [string]. Returns id, node.
UNWIND $ids AS id
MATCH (:EducationLevel {id: id})-[:STACKS_INTO]->(e:EducationLevel)
RETURN id, e {.*} AS node
ORDER BY id, e.rank, e.id
