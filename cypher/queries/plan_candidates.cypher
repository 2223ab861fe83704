// The candidate subgraphs of upskilling plans to roles, in one round trip.
// $ids: [string] (roles). Returns one row per role found: id, role (the
// node), target ([{skill, level, importance, required, common}], common the
// skill's common level or null), targetCredentials
// ([id]), targetRank (int or null), the field rule's facts (pathway's
// field.go): preparing (ids of the credentials conferring an education
// level that prepare for the role or, when none does, for a role of its SOC
// broad occupation, the occupation code's first six characters, unless a
// role of its own SOC code, the first seven, has a program that prepares
// for it: then the importer chose among the detailed occupations of a split
// SOC code, and left this one out) and fields (their CIP codes and the
// role's acceptsFields, the fields that meet its requirement without
// preparing for it, as a nursing degree does for nursing instructors; a
// role with neither accepts any field), the occupation rule's nearCodes
// (the occupation codes of the roles it overlaps with, either way), and the
// ids of the candidates, with the prerequisites of each up to 8 deep:
//   - the credentials that certify a skill of the role, directly or through
//     a SAME_AS crosswalk, but no degree or program whose field does not
//     prepare for the role (unless the role accepts any field): another
//     field's degree is no way into a role;
//   - the credentials the role requires;
//   - the degrees and programs that prepare for it, by edge or by field;
//   - for prerequisites, which accept any field, and for roles that accept
//     any: the two cheapest, two shortest and two quickest conferrers of
//     each education level (the bound that keeps a catalog of thousands of
//     programs out of every plan);
//   - for a role that names its fields, the related bachelor's: those of
//     its fields (physics for physicists) or, when they confer none, those
//     of a field in the CIP series (first four digits) of one of its fields
//     that prepare for some role (a program that leads nowhere, such as
//     CIP's "Reserved" codes, says nothing of its relatedness) (or,
//     when there are none, as for medicine and law, whose series confer
//     doctorates only, those that prepare for a role of its SOC minor
//     group: 29-1, 23-1), and the credentials that stack into them, the
//     ladders of a graduate program's bachelor prerequisite (a nurse
//     midwife's master's follows a nursing bachelor's, not the catalog's
//     cheapest, accounting). When a
//     role has related bachelor's, the cheapest conferrers of the bachelor
//     level are left out: a plan meets a graduate program's bachelor
//     prerequisite with a related one. A person who holds a bachelor's of
//     any field meets it still (the prerequisite is the level).
// The related bachelor's are a candidate rule, not a stricter prerequisite:
// the planner stays exact over the candidates, and a held bachelor's of an
// unknown field is no second degree.
// Candidates are ids: plan_credentials reads what the planner needs of
// each, once per credential however many roles it is a candidate of. The
// order of each role's candidates is no part of the answer.
// The cheapest conferrers are the same for every role: found once.
CALL () {
  MATCH (e:EducationLevel)
  CALL (e) {
    MATCH (c:Credential)-[:CONFERS]->(e)
    RETURN c ORDER BY coalesce(c.cost, 0.0), c.id LIMIT 2
    UNION
    MATCH (c:Credential)-[:CONFERS]->(e)
    RETURN c ORDER BY coalesce(c.hours, 0.0), c.id LIMIT 2
    UNION
    MATCH (c:Credential)-[:CONFERS]->(e)
    RETURN c ORDER BY coalesce(c.weeks, 0.0), c.id LIMIT 2
  }
  RETURN collect(DISTINCT c) AS cheapest
}
// So are the credentials of no field: one scan, not one per role.
CALL () {
  MATCH (c:Credential)
  WHERE c.field IS NULL
  RETURN collect(c) AS fieldless
}
UNWIND $ids AS id
MATCH (r:Role {id: id})
CALL (r) {
  OPTIONAL MATCH (r)-[q:REQUIRES]->(s:Skill)
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                 ELSE {skill: s.id, level: q.level, importance: q.importance, required: q.required,
                      common: s.commonLevel} END) AS target
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(c:Credential)
  RETURN collect(c.id) AS targetCredentials
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
  RETURN max(e.rank) AS targetRank
}
// The occupation rule's facts: the codes of the roles it overlaps with.
CALL (r) {
  OPTIONAL MATCH (r)-[:OVERLAPS]-(o:Role)
  WHERE o.occupationCode IS NOT NULL
  RETURN collect(DISTINCT o.occupationCode) AS nearCodes
}
CALL (r) {
  // The field rule's facts: only what confers an education level prepares
  // for the role's requirement (a certification naming the role does not).
  OPTIONAL MATCH (d:Credential)-[:PREPARES_FOR]->(r)
  WHERE EXISTS { (d)-[:CONFERS]->(:EducationLevel) }
  WITH r, collect(d) AS direct
  CALL (r, direct) {
    UNWIND direct AS c
    RETURN c
    UNION
    MATCH (o:Role)
    WHERE size(direct) = 0 AND r.occupationCode IS NOT NULL AND o.occupationCode STARTS WITH left(r.occupationCode, 6)
      AND NOT EXISTS {
        MATCH (s:Role)<-[:PREPARES_FOR]-(x:Credential)
        WHERE s.occupationCode STARTS WITH left(r.occupationCode, 7) AND EXISTS { (x)-[:CONFERS]->(:EducationLevel) }
      }
    MATCH (c:Credential)-[:PREPARES_FOR]->(o)
    WHERE EXISTS { (c)-[:CONFERS]->(:EducationLevel) }
    RETURN c
  }
  RETURN collect(DISTINCT c.id) AS preparing, collect(DISTINCT c.field) AS prepared
}
WITH r, id, cheapest, fieldless, target, targetCredentials, targetRank, preparing, nearCodes,
     prepared + [f IN coalesce(r.acceptsFields, []) WHERE NOT f IN prepared] AS fields
WITH r, id, cheapest, fieldless, target, targetCredentials, targetRank, preparing, fields, nearCodes,
     coalesce(r.acceptsAnyField, false) OR size(preparing) + size(fields) = 0 AS anyField
// The related bachelor's: of the role's own fields or, when they have
// none, of their CIP series or, when it has none, of the programs for the
// role's SOC minor group.
CALL (r, fields, anyField) {
  CALL (fields, anyField) {
    WITH fields WHERE NOT anyField
    UNWIND fields AS f
    MATCH (c:Credential {field: f})-[:CONFERS]->(:EducationLevel {id: 'bachelor'})
    WHERE EXISTS { (c)-[:PREPARES_FOR]->(:Role) }
    RETURN collect(DISTINCT c) AS own
  }
  CALL (fields, anyField, own) {
    WITH fields WHERE NOT anyField AND size(own) = 0
    UNWIND [f IN fields | left(f, 5)] AS series
    WITH DISTINCT series
    MATCH (c:Credential)-[:CONFERS]->(:EducationLevel {id: 'bachelor'})
    WHERE c.field STARTS WITH series AND EXISTS { (c)-[:PREPARES_FOR]->(:Role) }
    RETURN collect(DISTINCT c) AS series
  }
  CALL (r, anyField, own, series) {
    WITH r WHERE NOT anyField AND size(own) + size(series) = 0 AND r.occupationCode IS NOT NULL
    MATCH (o:Role)<-[:PREPARES_FOR]-(c:Credential)-[:CONFERS]->(:EducationLevel {id: 'bachelor'})
    WHERE o.occupationCode STARTS WITH left(r.occupationCode, 4)
    RETURN collect(DISTINCT c) AS group
  }
  RETURN own + series + group AS related
}
CALL (r, preparing, fields, anyField, cheapest, fieldless, related) {
  // The skills a candidate of the role's fields must certify: its own and
  // those SAME_AS them, listed once per role, so that each credential of a
  // field is checked against the list, not by a walk back to the role from
  // every skill it certifies (a role shares generic skills with thousands).
  WITH r, preparing, fields, anyField, cheapest, fieldless, related,
       CASE WHEN anyField THEN [] ELSE
         [(r)-[:REQUIRES]->(s:Skill) | s] + [(r)-[:REQUIRES]->(:Skill)-[:SAME_AS]-(t:Skill) | t] END AS reach
  CALL (r, preparing, fields, anyField, cheapest, fieldless, related, reach) {
    // A generic skill is certified by a thousand programs of every field:
    // only a role that accepts any field walks them all; another role
    // checks the credentials of no field and those of its fields.
    WITH r WHERE anyField
    MATCH (r)-[:REQUIRES]->(:Skill)<-[:CERTIFIES]-(c:Credential)
    RETURN c
    UNION
    WITH r WHERE anyField
    MATCH (r)-[:REQUIRES]->(:Skill)-[:SAME_AS]-(:Skill)<-[:CERTIFIES]-(c:Credential)
    RETURN c
    UNION
    WITH fieldless, reach WHERE NOT anyField
    UNWIND fieldless AS c
    WITH c, reach
    WHERE any(s IN [(c)-[:CERTIFIES]->(s:Skill) | s] WHERE s IN reach)
    RETURN c
    UNION
    WITH fields, reach WHERE NOT anyField
    UNWIND fields AS f
    MATCH (c:Credential {field: f})
    WHERE any(s IN [(c)-[:CERTIFIES]->(s:Skill) | s] WHERE s IN reach)
    RETURN c
    UNION
    MATCH (r)-[:REQUIRES]->(c:Credential)
    RETURN c
    UNION
    UNWIND preparing AS pid
    MATCH (c:Credential {id: pid})
    RETURN c
    UNION
    UNWIND fields AS f
    MATCH (c:Credential {field: f})-[:CONFERS]->(:EducationLevel)
    RETURN c
    UNION
    UNWIND related AS b
    OPTIONAL MATCH (l:Credential)-[:STACKS_INTO*1..2]->(b)
    UNWIND [b, l] AS c
    WITH c WHERE c IS NOT NULL
    RETURN c
    UNION
    UNWIND cheapest AS c
    WITH c WHERE size(related) = 0 OR NOT EXISTS { (c)-[:CONFERS]->(:EducationLevel {id: 'bachelor'}) }
    RETURN c
  }
  RETURN collect(DISTINCT c) AS direct
}
WITH collect({id: id, role: r {.*}, target: target, targetCredentials: targetCredentials, targetRank: targetRank,
              preparing: preparing, fields: fields, anyField: anyField, nearCodes: nearCodes, direct: direct,
              related: [c IN related | c.id]}) AS rows
// A credential's prerequisites are the same whichever roles it is a
// candidate of: expanded once per credential, not once per role. A role
// with no candidate keeps its row (through the null). A role with related
// bachelor's keeps no other bachelor's of a field it does not name, even
// as a prerequisite (a nursing license's BSN is no way to law school): a
// candidate that needs one is then out of reach.
CALL (rows) {
  UNWIND range(0, size(rows) - 1) AS i
  UNWIND CASE size(rows[i].direct) WHEN 0 THEN [null] ELSE rows[i].direct END AS c
  WITH c, collect(i) AS roles
  OPTIONAL MATCH (c)-[:REQUIRES*0..8]->(p:Credential)
  WITH roles, p, p IS NOT NULL AND EXISTS { (p)-[:CONFERS]->(:EducationLevel {id: 'bachelor'}) } AS bachelor
  UNWIND roles AS i
  WITH i, rows[i] AS row, collect(DISTINCT {p: p, bachelor: bachelor}) AS ps
  WITH i, [x IN ps WHERE x.p IS NOT NULL AND (NOT x.bachelor OR row.anyField OR size(row.related) = 0
                        OR x.p.id IN row.related OR x.p.field IN row.fields) | x.p.id] AS candidates
  ORDER BY i
  RETURN collect(candidates) AS pools
}
UNWIND range(0, size(rows) - 1) AS i
WITH rows[i] AS row, pools[i] AS candidates
RETURN row.id AS id, row.role AS role, row.target AS target, row.targetCredentials AS targetCredentials,
       row.targetRank AS targetRank, row.preparing AS preparing, row.fields AS fields, row.anyField AS anyField,
       row.nearCodes AS nearCodes,
       candidates
