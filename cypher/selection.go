package cypher

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// Selection says which nested levels under a role a query asks for, so that
// one statement reads them with the role (a lookahead read). Every level
// reads what its batch method reads (RoleSkills, SkillCertifiedBy,
// RoleCredentials, CredentialStacksInto, RoleEducation, RoleOverlaps), in the
// same order, so a loader primed with it answers as if it had fetched.
type Selection struct {
	Skills      bool // the roles' skills profiles
	CertifiedBy bool // the credentials certifying every skill read (needs Skills), at most MaxCertifiedBy each
	Credentials bool // the credentials the roles require
	StacksInto  bool // what every credential read stacks into (needs Credentials)
	Education   bool // the education level the roles require
	Overlaps    bool // the roles' overlap edges, at most MaxOverlaps each
	MaxOverlaps int
	// MaxCertifiedBy bounds the certifications read per skill.
	MaxCertifiedBy int
}

func (sel Selection) params(p map[string]any) map[string]any {
	p["withSkills"] = sel.Skills
	p["withCertifiedBy"] = sel.Skills && sel.CertifiedBy
	p["withCredentials"] = sel.Credentials
	p["withStacksInto"] = sel.Credentials && sel.StacksInto
	p["withEducation"] = sel.Education
	p["withOverlaps"] = sel.Overlaps
	p["maxOverlaps"] = sel.MaxOverlaps
	p["maxCertifiedBy"] = sel.MaxCertifiedBy
	return p
}

// Nested is what a Selection read, by role, skill or credential id, in the
// shapes of the batch methods. A level's map is nil when the selection left
// it out; otherwise it has an entry for every id it read, even when the list
// is empty or (Education) the role has none, so that absence is known too.
type Nested struct {
	Skills      map[string][]pathway.RoleSkill
	Credentials map[string][]pathway.Credential
	Education   map[string]*pathway.EducationLevel
	Overlaps    map[string][]pathway.RoleOverlap
	CertifiedBy map[string][]pathway.CertifiedSkill
	StacksInto  map[string][]pathway.StackEdge
}

// RolesSelected is Roles with the selected nested levels of the page's roles,
// all in one round trip.
func (s *Store) RolesSelected(ctx context.Context, f RoleFilter, first int, afterTitle, afterID *string, sel Selection) (page RolePage, nested Nested, err error) {
	defer wrap(&err, "cypher.RolesSelected(%d, %+v)", first, sel)
	recs, err := s.read(ctx, "roles_page_selection", sel.params(rolesPageParams(f, first, afterTitle, afterID)))
	if err != nil {
		return RolePage{}, Nested{}, err
	}
	if len(recs) == 1 {
		page = rolePageFrom(recs[0], first)
		nested = nestedFrom(recs[0], sel)
	}
	return page, nested, nil
}

// RoleSelected returns the role with this id and its selected nested levels
// in one round trip; found is false when there is no such role.
func (s *Store) RoleSelected(ctx context.Context, id string, sel Selection) (role pathway.Role, nested Nested, found bool, err error) {
	defer wrap(&err, "cypher.RoleSelected(%q, %+v)", id, sel)
	recs, err := s.read(ctx, "role_selection", sel.params(map[string]any{"id": id}))
	if err != nil || len(recs) == 0 {
		return pathway.Role{}, Nested{}, false, err
	}
	return roleRow(recs[0]), nestedFrom(recs[0], sel), true, nil
}

// nestedFrom reads the nested, certifiedBy and stacksInto columns of a
// selection statement's row.
func nestedFrom(rec *neo4j.Record, sel Selection) Nested {
	roles := asList(get(rec, "nested"))
	var n Nested
	if sel.Skills {
		n.Skills = make(map[string][]pathway.RoleSkill, len(roles))
	}
	if sel.Skills && sel.CertifiedBy {
		n.CertifiedBy = map[string][]pathway.CertifiedSkill{}
	}
	if sel.Credentials {
		n.Credentials = make(map[string][]pathway.Credential, len(roles))
	}
	if sel.Credentials && sel.StacksInto {
		n.StacksInto = map[string][]pathway.StackEdge{}
	}
	if sel.Education {
		n.Education = make(map[string]*pathway.EducationLevel, len(roles))
	}
	if sel.Overlaps {
		n.Overlaps = make(map[string][]pathway.RoleOverlap, len(roles))
	}
	for _, x := range roles {
		m := asMap(x)
		id := str(m, "id")
		if n.Skills != nil {
			skills := make([]pathway.RoleSkill, 0)
			for _, e := range asList(m["skills"]) {
				rs := roleSkillFrom(id, asMap(e))
				skills = append(skills, rs)
				if n.CertifiedBy != nil {
					n.CertifiedBy[rs.Skill.ID] = make([]pathway.CertifiedSkill, 0)
				}
			}
			n.Skills[id] = skills
		}
		if n.Credentials != nil {
			creds := make([]pathway.Credential, 0)
			for _, c := range asList(m["credentials"]) {
				cred := credentialFrom(asMap(c))
				creds = append(creds, cred)
				if n.StacksInto != nil {
					n.StacksInto[cred.ID] = make([]pathway.StackEdge, 0)
				}
			}
			n.Credentials[id] = creds
		}
		if n.Education != nil {
			n.Education[id] = nil
			if e := asMap(m["education"]); e != nil {
				level := educationFrom(e)
				n.Education[id] = &level
			}
		}
		if n.Overlaps != nil {
			overlaps := make([]pathway.RoleOverlap, 0)
			for _, o := range asList(m["overlaps"]) {
				overlaps = append(overlaps, overlapFrom(asMap(o)))
			}
			n.Overlaps[id] = overlaps
		}
	}
	// The rows come ordered by id, then as the batch statements order them.
	for _, c := range asList(get(rec, "certifiedBy")) {
		cert := certifiedByFrom(asMap(c))
		n.CertifiedBy[cert.Skill.ID] = append(n.CertifiedBy[cert.Skill.ID], cert)
	}
	for _, x := range asList(get(rec, "stacksInto")) {
		m := asMap(x)
		id := str(m, "id")
		n.StacksInto[id] = append(n.StacksInto[id], stackFrom(m))
	}
	return n
}
