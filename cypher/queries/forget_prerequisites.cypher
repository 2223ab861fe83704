// Removes the prerequisites an imported credential no longer names: they are
// part of its definition, which the import gives anew (a residency that
// required a bachelor's and now requires a medical degree keeps no bachelor's
// beside it as an alternative). $rows: [{from, to}] where from is a
// credential id and to every id its prerequisites name now. Runs before
// merge_prerequisites. Returns outcome "skipped" (nothing to count: the merge
// counts the prerequisites) and rows.
UNWIND $rows AS row
OPTIONAL MATCH (:Credential {id: row.from})-[e:REQUIRES]->(b)
WHERE (b:Credential OR b:EducationLevel) AND NOT b.id IN row.to
WITH row, collect(e) AS gone
FOREACH (e IN gone | DELETE e)
RETURN 'skipped' AS outcome, count(row) AS rows
