// Records that education levels lead on to others. $rows: [{from, to}]. Returns written.
UNWIND $rows AS row
MATCH (a:EducationLevel {id: row.from})
MATCH (b:EducationLevel {id: row.to})
MERGE (a)-[e:STACKS_INTO]->(b)
RETURN count(e) AS written
