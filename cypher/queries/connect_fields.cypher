// Gives each role the fields that meet its education requirement without
// preparing for it: r.acceptsFields, the sorted CIP codes (field) of the
// credentials whose `fieldFor` names a code the role's occupation code
// starts with (a nursing program's 25-1072 for Nursing Instructors and
// Teachers, Postsecondary). A role no credential names any longer loses the
// property. Run after every import, as connect_occupations is. No
// parameters. Returns set (roles whose fields changed) and cleared.
CALL () {
  MATCH (c:Credential) WHERE c.fieldFor IS NOT NULL AND c.field IS NOT NULL
  UNWIND c.fieldFor AS soc
  MATCH (r:Role) WHERE r.occupationCode STARTS WITH soc
  WITH r, c.field AS f ORDER BY f
  WITH r, collect(DISTINCT f) AS fields
  RETURN collect({role: r, fields: fields}) AS rows
}
CALL (rows) {
  MATCH (r:Role) WHERE r.acceptsFields IS NOT NULL AND NOT r IN [x IN rows | x.role]
  REMOVE r.acceptsFields
  RETURN count(*) AS cleared
}
CALL (rows) {
  UNWIND rows AS x
  WITH x.role AS r, x.fields AS fields
  WHERE r.acceptsFields IS NULL OR r.acceptsFields <> fields
  SET r.acceptsFields = fields
  RETURN count(*) AS set
}
RETURN set, cleared
