// Education levels by id. $ids: [string]. Returns id, node (its properties).
UNWIND $ids AS id
MATCH (e:EducationLevel {id: id})
RETURN id, e {.*} AS node
