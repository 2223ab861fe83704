// Every education level, lowest rank first. No parameters. Returns node.
MATCH (e:EducationLevel)
RETURN e {.*} AS node
ORDER BY e.rank, e.id
