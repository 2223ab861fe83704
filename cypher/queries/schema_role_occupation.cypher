// A range index on roles' occupation codes: programs connect to roles by SOC
// code prefix, and the field rule finds a role's SOC broad occupation by one.
CREATE RANGE INDEX role_occupation_code IF NOT EXISTS FOR (r:Role) ON (r.occupationCode)
