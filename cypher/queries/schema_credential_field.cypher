// A range index on credentials' fields (CIP codes): the field rule finds the
// degrees in a field that prepares for a role by it.
CREATE RANGE INDEX credential_field IF NOT EXISTS FOR (c:Credential) ON (c.field)
