// One page of roles by title then id, after a cursor.
// $level, $industry: string or null; $degreeRequired: bool or null;
// $degreeRank: int; $afterTitle, $afterID: string or null; $limit: int.
// Returns total (all matches) and nodes (at most $limit, in order).
MATCH (r:Role)
WHERE ($level IS NULL OR r.level = $level) AND ($industry IS NULL OR r.industry = $industry)
OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
WITH r, coalesce(max(e.rank), 0) AS rank
WHERE $degreeRequired IS NULL OR (rank >= $degreeRank) = $degreeRequired
WITH r ORDER BY r.title, r.id
WITH collect(r) AS matches
RETURN size(matches) AS total,
       [x IN matches WHERE $afterID IS NULL OR x.title > $afterTitle OR (x.title = $afterTitle AND x.id > $afterID) | x {.*}][..$limit] AS nodes
