// The full-text index behind search: role titles and the names of skills,
// credentials and education levels. No parameters.
CREATE FULLTEXT INDEX lattice_names IF NOT EXISTS
FOR (n:Role|Skill|Credential|EducationLevel) ON EACH [n.title, n.name]
