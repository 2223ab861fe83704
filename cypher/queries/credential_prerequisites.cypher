// Prerequisites of credentials. $ids: [string]. Returns one row per edge:
// id, grp, kind ("Credential" or "EducationLevel"), node.
UNWIND $ids AS id
MATCH (:Credential {id: id})-[p:REQUIRES]->(x)
WHERE x:Credential OR x:EducationLevel
RETURN id, coalesce(p.group, x.id) AS grp,
       CASE WHEN x:Credential THEN 'Credential' ELSE 'EducationLevel' END AS kind,
       x {.*} AS node
ORDER BY id, grp, coalesce(x.name, ''), x.id
