// Creates or updates education levels. $rows: [{id, props}]. Returns written.
UNWIND $rows AS row
MERGE (n:EducationLevel {id: row.id})
SET n += row.props
RETURN count(n) AS written
