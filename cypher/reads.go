package cypher

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// grouped runs a batch statement that takes $ids and returns rows keyed by
// "id", and groups what each row makes by that key. Loaders call the methods
// built on it, one round trip for a whole batch.
func grouped[T any](ctx context.Context, s *Store, name string, ids []string, params map[string]any, row func(*neo4j.Record) T) (map[string][]T, error) {
	if params == nil {
		params = map[string]any{}
	}
	params["ids"] = ids
	recs, err := s.read(ctx, name, params)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]T, len(ids))
	for _, rec := range recs {
		id, _ := get(rec, "id").(string)
		out[id] = append(out[id], row(rec))
	}
	return out, nil
}

// single is grouped for statements that return at most one row per id.
func single[T any](ctx context.Context, s *Store, name string, ids []string, row func(*neo4j.Record) T) (map[string]T, error) {
	g, err := grouped(ctx, s, name, ids, nil, row)
	if err != nil {
		return nil, err
	}
	out := make(map[string]T, len(g))
	for id, v := range g {
		out[id] = v[0]
	}
	return out, nil
}

func nodeOf(rec *neo4j.Record) map[string]any { return asMap(get(rec, "node")) }

func roleRow(rec *neo4j.Record) pathway.Role             { return roleFrom(nodeOf(rec)) }
func skillRow(rec *neo4j.Record) pathway.Skill           { return skillFrom(nodeOf(rec)) }
func credentialRow(rec *neo4j.Record) pathway.Credential { return credentialFrom(nodeOf(rec)) }
func educationRow(rec *neo4j.Record) pathway.EducationLevel {
	return educationFrom(nodeOf(rec))
}

// RolesByIDs returns the roles found, by id; missing ids are absent.
func (s *Store) RolesByIDs(ctx context.Context, ids []string) (out map[string]pathway.Role, err error) {
	defer wrap(&err, "cypher.RolesByIDs(%d ids)", len(ids))
	return single(ctx, s, "roles_by_ids", ids, roleRow)
}

// SkillsByIDs returns the skills found, by id.
func (s *Store) SkillsByIDs(ctx context.Context, ids []string) (out map[string]pathway.Skill, err error) {
	defer wrap(&err, "cypher.SkillsByIDs(%d ids)", len(ids))
	return single(ctx, s, "skills_by_ids", ids, skillRow)
}

// CredentialsByIDs returns the credentials found, by id.
func (s *Store) CredentialsByIDs(ctx context.Context, ids []string) (out map[string]pathway.Credential, err error) {
	defer wrap(&err, "cypher.CredentialsByIDs(%d ids)", len(ids))
	return single(ctx, s, "credentials_by_ids", ids, credentialRow)
}

// EducationLevelsByIDs returns the education levels found, by id.
func (s *Store) EducationLevelsByIDs(ctx context.Context, ids []string) (out map[string]pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.EducationLevelsByIDs(%d ids)", len(ids))
	return single(ctx, s, "education_levels_by_ids", ids, educationRow)
}

// EducationLevels returns every education level, lowest rank first.
func (s *Store) EducationLevels(ctx context.Context) (levels []pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.EducationLevels()")
	recs, err := s.read(ctx, "education_levels", nil)
	if err != nil {
		return nil, err
	}
	out := make([]pathway.EducationLevel, 0, len(recs))
	for _, rec := range recs {
		out = append(out, educationRow(rec))
	}
	return out, nil
}

// RoleSkills returns the skills profiles of roles, required skills first.
func (s *Store) RoleSkills(ctx context.Context, roleIDs []string) (out map[string][]pathway.RoleSkill, err error) {
	defer wrap(&err, "cypher.RoleSkills(%d roles)", len(roleIDs))
	return grouped(ctx, s, "role_skills", roleIDs, nil, func(rec *neo4j.Record) pathway.RoleSkill {
		return roleSkillRow(get(rec, "id").(string), rec)
	})
}

func roleSkillRow(roleID string, rec *neo4j.Record) pathway.RoleSkill {
	return roleSkillFrom(roleID, rec.AsMap())
}

// roleSkillFrom reads a REQUIRES edge to a skill: node (the skill), level,
// importance, required (a missing one counts as required).
func roleSkillFrom(roleID string, m map[string]any) pathway.RoleSkill {
	rs := pathway.RoleSkill{
		RoleID:   roleID,
		Skill:    skillFrom(asMap(m["node"])),
		Level:    intOf(m["level"]),
		Required: m["required"] != false,
	}
	if f, ok := num(m["importance"]); ok {
		rs.Importance = &f
	}
	return rs
}

// RoleCredentials returns the credentials roles require.
func (s *Store) RoleCredentials(ctx context.Context, roleIDs []string) (out map[string][]pathway.Credential, err error) {
	defer wrap(&err, "cypher.RoleCredentials(%d roles)", len(roleIDs))
	return grouped(ctx, s, "role_credentials", roleIDs, nil, credentialRow)
}

// RoleEducation returns the education level each role requires, if any.
func (s *Store) RoleEducation(ctx context.Context, roleIDs []string) (out map[string]pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.RoleEducation(%d roles)", len(roleIDs))
	return single(ctx, s, "role_education", roleIDs, educationRow)
}

// RoleOverlaps returns the derived overlap edges out of roles, closest first,
// at most first per role.
func (s *Store) RoleOverlaps(ctx context.Context, roleIDs []string, first int) (out map[string][]pathway.RoleOverlap, err error) {
	defer wrap(&err, "cypher.RoleOverlaps(%d roles, %d)", len(roleIDs), first)
	return grouped(ctx, s, "role_overlaps", roleIDs, map[string]any{"first": first}, func(rec *neo4j.Record) pathway.RoleOverlap {
		return overlapFrom(rec.AsMap())
	})
}

// overlapFrom reads an OVERLAPS edge: node (the other role), score, shared.
func overlapFrom(m map[string]any) pathway.RoleOverlap {
	return pathway.RoleOverlap{Role: roleFrom(asMap(m["node"])), Score: floatOf(m["score"]), SharedSkills: intOf(m["shared"])}
}

// SkillCertifiedBy returns the credentials that certify skills, highest level
// first, at most first per skill. Only the skill's id is set in each result:
// the caller has the skill.
func (s *Store) SkillCertifiedBy(ctx context.Context, skillIDs []string, first int) (out map[string][]pathway.CertifiedSkill, err error) {
	defer wrap(&err, "cypher.SkillCertifiedBy(%d skills, %d)", len(skillIDs), first)
	return grouped(ctx, s, "skill_certified_by", skillIDs, map[string]any{"max": first}, func(rec *neo4j.Record) pathway.CertifiedSkill {
		return certifiedByFrom(rec.AsMap())
	})
}

// GapKey names a skill gap by what decides the credentials closing it: its
// skill and the level needed.
type GapKey struct {
	SkillID string
	Level   int
}

// String is the gap as one string key (the loaders' and the read cache's):
// the level first, as skill ids may hold any character but a level none of
// ':'.
func (g GapKey) String() string { return strconv.Itoa(g.Level) + ":" + g.SkillID }

// ParseGapKey reads a GapKey.String back.
func ParseGapKey(key string) GapKey {
	level, id, _ := strings.Cut(key, ":")
	n, _ := strconv.Atoi(level)
	return GapKey{SkillID: id, Level: n}
}

// gapParams are gap keys as the closed-by statements take them.
func gapParams(gaps []GapKey) []any {
	out := make([]any, len(gaps))
	for i, g := range gaps {
		out[i] = map[string]any{"skill": g.SkillID, "level": g.Level}
	}
	return out
}

// SkillClosedBy returns the credentials that close skill gaps as
// pathway.ClosedBy lists them (cheapest first), at most first per gap. A gap
// no credential closes is absent.
func (s *Store) SkillClosedBy(ctx context.Context, gaps []GapKey, first int) (out map[GapKey][]pathway.Credential, err error) {
	defer wrap(&err, "cypher.SkillClosedBy(%d gaps, %d)", len(gaps), first)
	recs, err := s.read(ctx, "skill_closed_by", map[string]any{"gaps": gapParams(gaps), "max": first})
	if err != nil {
		return nil, err
	}
	out = make(map[GapKey][]pathway.Credential, len(recs))
	for _, rec := range recs {
		k := GapKey{SkillID: get(rec, "skill").(string), Level: intOf(get(rec, "level"))}
		creds := make([]pathway.Credential, 0)
		for _, n := range asList(get(rec, "nodes")) {
			creds = append(creds, credentialFrom(asMap(n)))
		}
		out[k] = creds
	}
	return out, nil
}

// GapsCertified tells which skill gaps some credential closes, without
// reading the credentials (a plan's coverage needs no more).
func (s *Store) GapsCertified(ctx context.Context, gaps []GapKey) (out map[GapKey]bool, err error) {
	defer wrap(&err, "cypher.GapsCertified(%d gaps)", len(gaps))
	out = map[GapKey]bool{}
	if len(gaps) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "skill_gaps_certified", map[string]any{"gaps": gapParams(gaps)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		out[GapKey{SkillID: get(rec, "skill").(string), Level: intOf(get(rec, "level"))}] = true
	}
	return out, nil
}

// certifiedByFrom reads a certification of a skill: id (the skill), node
// (the credential), level.
func certifiedByFrom(m map[string]any) pathway.CertifiedSkill {
	return pathway.CertifiedSkill{Credential: credentialFrom(asMap(m["node"])), Skill: pathway.Skill{ID: m["id"].(string)}, Level: intOf(m["level"])}
}

// CredentialCertifies returns the skills credentials certify.
// Only the credential's id is set in each result: the caller has the credential.
func (s *Store) CredentialCertifies(ctx context.Context, credentialIDs []string) (out map[string][]pathway.CertifiedSkill, err error) {
	defer wrap(&err, "cypher.CredentialCertifies(%d credentials)", len(credentialIDs))
	return grouped(ctx, s, "credential_certifies", credentialIDs, nil, func(rec *neo4j.Record) pathway.CertifiedSkill {
		return pathway.CertifiedSkill{Credential: pathway.Credential{ID: get(rec, "id").(string)}, Skill: skillRow(rec), Level: intOf(get(rec, "level"))}
	})
}

// CredentialConfers returns the education level each credential confers.
func (s *Store) CredentialConfers(ctx context.Context, credentialIDs []string) (out map[string]pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.CredentialConfers(%d credentials)", len(credentialIDs))
	return single(ctx, s, "credential_confers", credentialIDs, educationRow)
}

// CredentialPrerequisites returns the prerequisite groups of credentials, by group name.
func (s *Store) CredentialPrerequisites(ctx context.Context, credentialIDs []string) (out map[string][]pathway.PrerequisiteGroup, err error) {
	defer wrap(&err, "cypher.CredentialPrerequisites(%d credentials)", len(credentialIDs))
	type row struct {
		group string
		cred  *pathway.Credential
		level *pathway.EducationLevel
	}
	rows, err := grouped(ctx, s, "credential_prerequisites", credentialIDs, nil, func(rec *neo4j.Record) row {
		r := row{group: get(rec, "grp").(string)}
		if get(rec, "kind") == "Credential" {
			c := credentialRow(rec)
			r.cred = &c
		} else {
			e := educationRow(rec)
			r.level = &e
		}
		return r
	})
	if err != nil {
		return nil, err
	}
	out = make(map[string][]pathway.PrerequisiteGroup, len(rows))
	for id, rs := range rows {
		var groups []pathway.PrerequisiteGroup
		for _, r := range rs { // rows come ordered by group
			if len(groups) == 0 || groups[len(groups)-1].Group != r.group {
				groups = append(groups, pathway.PrerequisiteGroup{Group: r.group})
			}
			g := &groups[len(groups)-1]
			if r.cred != nil {
				g.Credentials = append(g.Credentials, *r.cred)
			} else {
				g.EducationLevels = append(g.EducationLevels, *r.level)
			}
		}
		out[id] = groups
	}
	return out, nil
}

func stackRow(rec *neo4j.Record) pathway.StackEdge { return stackFrom(rec.AsMap()) }

// stackFrom reads a STACKS_INTO edge: node (the credential at the other
// end), creditHours, creditCost.
func stackFrom(m map[string]any) pathway.StackEdge {
	return pathway.StackEdge{Credential: credentialFrom(asMap(m["node"])), CreditHours: floatOf(m["creditHours"]), CreditCost: floatOf(m["creditCost"])}
}

// CredentialStacksInto returns the credentials each credential stacks into.
func (s *Store) CredentialStacksInto(ctx context.Context, credentialIDs []string) (out map[string][]pathway.StackEdge, err error) {
	defer wrap(&err, "cypher.CredentialStacksInto(%d credentials)", len(credentialIDs))
	return grouped(ctx, s, "credential_stacks_into", credentialIDs, nil, stackRow)
}

// CredentialStacksFrom returns the credentials that stack into each credential.
func (s *Store) CredentialStacksFrom(ctx context.Context, credentialIDs []string) (out map[string][]pathway.StackEdge, err error) {
	defer wrap(&err, "cypher.CredentialStacksFrom(%d credentials)", len(credentialIDs))
	return grouped(ctx, s, "credential_stacks_from", credentialIDs, nil, stackRow)
}

// CredentialRequiredBy returns the roles that require each credential.
func (s *Store) CredentialRequiredBy(ctx context.Context, credentialIDs []string) (out map[string][]pathway.Role, err error) {
	defer wrap(&err, "cypher.CredentialRequiredBy(%d credentials)", len(credentialIDs))
	return grouped(ctx, s, "credential_required_by", credentialIDs, nil, roleRow)
}

// CredentialPreparesFor returns the roles each credential prepares for.
func (s *Store) CredentialPreparesFor(ctx context.Context, credentialIDs []string) (out map[string][]pathway.Role, err error) {
	defer wrap(&err, "cypher.CredentialPreparesFor(%d credentials)", len(credentialIDs))
	return grouped(ctx, s, "credential_prepares_for", credentialIDs, nil, roleRow)
}

// EducationStacksInto returns the levels each education level leads on to.
func (s *Store) EducationStacksInto(ctx context.Context, levelIDs []string) (out map[string][]pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.EducationStacksInto(%d levels)", len(levelIDs))
	return grouped(ctx, s, "education_stacks_into", levelIDs, nil, educationRow)
}

// EducationConferredBy returns the credentials that confer each education level.
func (s *Store) EducationConferredBy(ctx context.Context, levelIDs []string) (out map[string][]pathway.Credential, err error) {
	defer wrap(&err, "cypher.EducationConferredBy(%d levels)", len(levelIDs))
	return grouped(ctx, s, "education_conferred_by", levelIDs, nil, credentialRow)
}

// RoleFilter narrows a roles page.
type RoleFilter struct {
	Level          *pathway.RoleLevel
	Industry       *string
	DegreeRequired *bool
}

// RolePage is a page of roles in title order.
type RolePage struct {
	Roles []pathway.Role
	Total int
	More  bool
}

// Roles returns up to first roles matching the filter after the role with
// (afterTitle, afterID), in title then id order.
func (s *Store) Roles(ctx context.Context, f RoleFilter, first int, afterTitle, afterID *string) (page RolePage, err error) {
	defer wrap(&err, "cypher.Roles(%d)", first)
	recs, err := s.read(ctx, "roles_page", rolesPageParams(f, first, afterTitle, afterID))
	if err != nil {
		return RolePage{}, err
	}
	if len(recs) == 1 {
		page = rolePageFrom(recs[0], first)
	}
	return page, nil
}

// rolesPageParams are the parameters of roles_page and roles_page_selection.
func rolesPageParams(f RoleFilter, first int, afterTitle, afterID *string) map[string]any {
	var level any
	if f.Level != nil {
		level = string(*f.Level)
	}
	params := map[string]any{
		"level": level, "industry": nil, "degreeRequired": nil, "degreeRank": pathway.DegreeRank,
		"afterTitle": nil, "afterID": nil, "limit": first + 1,
	}
	if f.Industry != nil {
		params["industry"] = *f.Industry
	}
	if f.DegreeRequired != nil {
		params["degreeRequired"] = *f.DegreeRequired
	}
	if afterID != nil {
		params["afterTitle"], params["afterID"] = *afterTitle, *afterID
	}
	return params
}

// rolePageFrom reads the total and nodes columns of a page's row: one role
// more than first says there is more.
func rolePageFrom(rec *neo4j.Record, first int) (page RolePage) {
	page.Total = intOf(get(rec, "total"))
	for _, n := range asList(get(rec, "nodes")) {
		page.Roles = append(page.Roles, roleFrom(asMap(n)))
	}
	if len(page.Roles) > first {
		page.Roles, page.More = page.Roles[:first], true
	}
	return page
}

// SearchHit is one search result.
type SearchHit struct {
	ID    string
	Name  string
	Kind  string // the node label: Role, Skill, Credential or EducationLevel
	Score float64
}

// Search finds nodes whose names match plain text. Every term is reduced to
// letters and digits before it reaches Lucene, so no input is ever read as
// query syntax. Text without a letter or digit matches nothing.
func (s *Store) Search(ctx context.Context, text string, first int) (found []SearchHit, err error) {
	defer wrap(&err, "cypher.Search(%q, %d)", text, first)
	query := searchQuery(text)
	if query == "" {
		return []SearchHit{}, nil
	}
	recs, err := s.read(ctx, "search", map[string]any{"query": query, "first": first})
	if err != nil {
		return nil, err
	}
	hits := make([]SearchHit, 0, len(recs))
	for _, rec := range recs {
		hits = append(hits, SearchHit{
			ID:    fmt.Sprint(get(rec, "id")),
			Name:  fmt.Sprint(get(rec, "name")),
			Kind:  fmt.Sprint(get(rec, "kind")),
			Score: floatOf(get(rec, "score")),
		})
	}
	return hits, nil
}

// searchQuery turns plain text into a Lucene query: each run of letters and
// digits becomes a term matched whole or as a prefix (for autocomplete), and
// all terms must match. Lower case keeps AND, OR and NOT from being operators.
func searchQuery(text string) string {
	terms := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(terms) > 16 {
		terms = terms[:16]
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = fmt.Sprintf("(%s^2 OR %s*)", t, t)
	}
	return strings.Join(parts, " AND ")
}

// RoleBroader returns the broader roles of roles in an occupation hierarchy.
func (s *Store) RoleBroader(ctx context.Context, ids []string) (out map[string][]pathway.Role, err error) {
	defer wrap(&err, "cypher.RoleBroader(%d roles)", len(ids))
	return grouped(ctx, s, "role_broader", ids, nil, roleRow)
}

// RoleNarrower returns the narrower roles of roles.
func (s *Store) RoleNarrower(ctx context.Context, ids []string) (out map[string][]pathway.Role, err error) {
	defer wrap(&err, "cypher.RoleNarrower(%d roles)", len(ids))
	return grouped(ctx, s, "role_narrower", ids, nil, roleRow)
}

// SkillBroader returns the broader skills of skills in a taxonomy.
func (s *Store) SkillBroader(ctx context.Context, ids []string) (out map[string][]pathway.Skill, err error) {
	defer wrap(&err, "cypher.SkillBroader(%d skills)", len(ids))
	return grouped(ctx, s, "skill_broader", ids, nil, skillRow)
}

// SkillNarrower returns the narrower skills of skills.
func (s *Store) SkillNarrower(ctx context.Context, ids []string) (out map[string][]pathway.Skill, err error) {
	defer wrap(&err, "cypher.SkillNarrower(%d skills)", len(ids))
	return grouped(ctx, s, "skill_narrower", ids, nil, skillRow)
}

// SkillSameAs returns the skills crosswalked to skills, either way.
func (s *Store) SkillSameAs(ctx context.Context, ids []string) (out map[string][]pathway.Skill, err error) {
	defer wrap(&err, "cypher.SkillSameAs(%d skills)", len(ids))
	return grouped(ctx, s, "skill_same_as", ids, nil, skillRow)
}
