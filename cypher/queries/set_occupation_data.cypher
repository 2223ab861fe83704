// Sets what a labour-market source (BLS wages, employment, openings, ...)
// says of occupations on the O*NET roles of those occupations (source
// "onet"; hand-made roles keep their own, local figures), leaving every
// other property as it is. $rows: [{soc, props}] where soc is a SOC code
// (29-1141) or an aggregate's prefix (13-102 for 13-1020) and props the
// properties to set. A role takes the row of the longest soc its
// occupationCode starts with, so an occupation's own row wins over an
// aggregate's; all rows go in one statement for that. Returns outcome
// ("created": the role had none of the row's properties; "updated";
// "unchanged") and rows, the roles with that outcome.
UNWIND $rows AS row
MATCH (r:Role) WHERE r.occupationCode STARTS WITH row.soc AND r.source = 'onet'
WITH r, row ORDER BY size(row.soc) DESC
WITH r, collect(row)[0] AS row
WITH r, row, CASE WHEN all(k IN keys(row.props) WHERE r[k] IS NULL) THEN 'created'
                  WHEN all(k IN keys(row.props) WHERE r[k] = row.props[k]) THEN 'unchanged'
                  ELSE 'updated' END AS outcome
SET r += row.props
RETURN outcome, count(*) AS rows
