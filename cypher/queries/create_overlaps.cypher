// Creates derived overlap edges. $rows: [{from, to, score, shared}]. Returns written.
UNWIND $rows AS row
MATCH (a:Role {id: row.from})
MATCH (b:Role {id: row.to})
CREATE (a)-[o:OVERLAPS]->(b)
SET o.score = row.score, o.shared = row.shared
RETURN count(o) AS written
