package main

import (
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

//go:embed queries/*.cypher
var statements embed.FS

// statement returns the floor's Cypher statement of that name.
func statement(name string) string {
	b, err := statements.ReadFile("queries/" + name + ".cypher")
	if err != nil {
		panic(err) // embedded at build time: a missing name is a programming error
	}
	return string(b)
}

// read is one nested read, written for each server: Lattice's GraphQL, the
// peer's GraphQL (edge properties through ...Connection fields) and the
// floor's hand-written Cypher.
type read struct {
	name, about string
	pageSize    int // 0: one role per request, varied by id
	lattice     string
	peer        string
	floor       string // a file under queries/
}

// params is one request's parameters: a page (offset for the peer and the
// floor, the cursor of the role before it for Lattice) or a role id.
type params struct {
	offset int
	after  *string
	id     string
}

func (p params) String() string {
	if p.id != "" {
		return "role " + p.id
	}
	return fmt.Sprintf("roles from offset %d", p.offset)
}

// maxCerts is how many certifying credentials of a skill the reads compare:
// the most Lattice's certifiedBy returns (its first is at most 100, default
// 20). On the sample graph and O*NET no skill has more, so every read covers
// every certifier; with -programs a generic skill has ~1,160 and each server
// answers its top 100 in Lattice's order (highest level, then cost, an
// unknown one counting as 0, name, id): Lattice and the floor bound the list
// in Cypher, while the peer, which cannot bound a list merged over SAME_AS
// twins, reads them all and normalise keeps the same 100.
const maxCerts = 100

// latticeCerts is a skill's certifying credentials in Lattice's schema.
var latticeCerts = fmt.Sprintf(`certifiedBy(first: %d) { level credential { id name cost } }`, maxCerts)

// peerCerts is a skill's certifying credentials in the peer's schema.
const peerCerts = `certifiedByConnection { edges { properties { level } node { id name cost } } }`

// Lattice reads a credential certifying a SAME_AS skill (either direction) as
// certifying this one: the peer asks for the same through sameAs and sameAsOf.
const peerSkillCerts = `node { id name ` + peerCerts + ` sameAs { ` + peerCerts + ` } sameAsOf { ` + peerCerts + ` } }`

var reads = []read{
	{
		name:     "roles50",
		about:    "50 roles by title, each with its skills (id, name, level, required)",
		pageSize: 50,
		lattice: `query($first: Int!, $after: String) { roles(first: $first, after: $after) { edges { node {
			id title skills { level required skill { id name } } } } } }`,
		peer: `query($limit: Int!, $offset: Int!) { roles(sort: [{title: ASC}, {id: ASC}], limit: $limit, offset: $offset) {
			id title skillsConnection { edges { properties { level required } node { id name } } } } }`,
		floor: "roles_skills",
	},
	{
		name:  "role1certs",
		about: "one O*NET role, its skills, each skill's certifying credentials",
		lattice: `query($id: ID!) { role(id: $id) {
			id title skills { level required skill { id name ` + latticeCerts + ` } } } }`,
		peer: `query($id: ID!) { roles(where: {id: {eq: $id}}) {
			id title skillsConnection { edges { properties { level required } ` + peerSkillCerts + ` } } } }`,
		floor: "role_certified",
	},
	{
		name:     "roles20certs",
		about:    "20 roles by title, their skills, each skill's certifying credentials",
		pageSize: 20,
		lattice: `query($first: Int!, $after: String) { roles(first: $first, after: $after) { edges { node {
			id title skills { level required skill { id name ` + latticeCerts + ` } } } } } }`,
		peer: `query($limit: Int!, $offset: Int!) { roles(sort: [{title: ASC}, {id: ASC}], limit: $limit, offset: $offset) {
			id title skillsConnection { edges { properties { level required } ` + peerSkillCerts + ` } } } }`,
		floor: "roles_certified",
	},
}

// latticeVars, peerVars and floorVars are one request's variables for each server.
func (r *read) latticeVars(p params) map[string]any {
	if r.pageSize == 0 {
		return map[string]any{"id": p.id}
	}
	return map[string]any{"first": r.pageSize, "after": p.after}
}

func (r *read) peerVars(p params) map[string]any {
	if r.pageSize == 0 {
		return map[string]any{"id": p.id}
	}
	return map[string]any{"limit": r.pageSize, "offset": p.offset}
}

func (r *read) floorVars(p params) map[string]any {
	v := r.peerVars(p)
	v["maxCerts"] = maxCerts
	return v
}

// The normalised answer every server's is turned into before hashing: roles
// in the order served (the order is part of a page), skills and credentials
// sorted by id, each credential once at its highest level, at most maxCerts
// of them (the first in Lattice's order).
type (
	role struct {
		ID, Title string
		Skills    []skill
	}
	skill struct {
		ID, Name    string
		Level       int
		Required    bool
		CertifiedBy []cert `json:",omitempty"`
	}
	cert struct {
		ID, Name string
		Level    int
		Cost     *float64
	}
)

func normalise(roles []role) []role {
	for i := range roles {
		for j := range roles[i].Skills {
			roles[i].Skills[j].CertifiedBy = mergeCerts(roles[i].Skills[j].CertifiedBy)
		}
		slices.SortFunc(roles[i].Skills, func(a, b skill) int { return cmp.Compare(a.ID, b.ID) })
	}
	return roles
}

// mergeCerts keeps each credential once, at its highest level, as Lattice's
// certifiedBy does (a credential may certify a skill and its SAME_AS twin).
func mergeCerts(certs []cert) []cert {
	best := map[string]cert{}
	for _, c := range certs {
		if b, ok := best[c.ID]; !ok || c.Level > b.Level {
			best[c.ID] = c
		}
	}
	out := make([]cert, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	// Lattice's certifiedBy order (skill_certified_by.cypher), for the bound:
	// an unknown cost sorts after every known one.
	cost := func(c cert) float64 {
		if c.Cost == nil {
			return math.Inf(1)
		}
		return *c.Cost
	}
	slices.SortFunc(out, func(a, b cert) int {
		return cmp.Or(cmp.Compare(b.Level, a.Level), cmp.Compare(cost(a), cost(b)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	out = out[:min(len(out), maxCerts)]
	slices.SortFunc(out, func(a, b cert) int { return cmp.Compare(a.ID, b.ID) })
	if len(out) == 0 {
		return nil
	}
	return out
}

// gqlError is a GraphQL answer's errors, the one part read while timing.
type gqlError struct {
	Errors []json.RawMessage `json:"errors"`
}

func (e gqlError) err() error {
	if len(e.Errors) == 0 {
		return nil
	}
	return fmt.Errorf("GraphQL errors: %s", e.Errors[0])
}

// latticeAnswer is Lattice's answer to any of the reads.
type latticeAnswer struct {
	gqlError
	Data struct {
		Roles *struct {
			Edges []struct{ Node latticeRole }
		}
		Role *latticeRole
	}
}

type latticeRole struct {
	ID, Title string
	Skills    []struct {
		Level    int
		Required bool
		Skill    struct {
			ID, Name    string
			CertifiedBy []struct {
				Level      int
				Credential struct {
					ID, Name string
					Cost     *float64
				}
			}
		}
	}
}

func (a *latticeAnswer) roles() []role {
	var in []latticeRole
	if a.Data.Role != nil {
		in = append(in, *a.Data.Role)
	}
	if a.Data.Roles != nil {
		for _, e := range a.Data.Roles.Edges {
			in = append(in, e.Node)
		}
	}
	out := make([]role, 0, len(in))
	for _, r := range in {
		rl := role{ID: r.ID, Title: r.Title, Skills: []skill{}}
		for _, s := range r.Skills {
			sk := skill{ID: s.Skill.ID, Name: s.Skill.Name, Level: s.Level, Required: s.Required}
			for _, c := range s.Skill.CertifiedBy {
				sk.CertifiedBy = append(sk.CertifiedBy, cert{ID: c.Credential.ID, Name: c.Credential.Name, Level: c.Level, Cost: c.Credential.Cost})
			}
			rl.Skills = append(rl.Skills, sk)
		}
		out = append(out, rl)
	}
	return normalise(out)
}

// peerAnswer is the peer's answer to any of the reads.
type peerAnswer struct {
	gqlError
	Data struct {
		Roles []struct {
			ID, Title        string
			SkillsConnection struct {
				Edges []struct {
					Properties struct {
						Level    int
						Required bool
					}
					Node struct {
						ID, Name              string
						CertifiedByConnection peerCertEdges
						SameAs, SameAsOf      []struct{ CertifiedByConnection peerCertEdges }
					}
				}
			}
		}
	}
}

type peerCertEdges struct {
	Edges []struct {
		Properties struct{ Level int }
		Node       struct {
			ID, Name string
			Cost     *float64
		}
	}
}

func (c peerCertEdges) certs() []cert {
	var out []cert
	for _, e := range c.Edges {
		out = append(out, cert{ID: e.Node.ID, Name: e.Node.Name, Level: e.Properties.Level, Cost: e.Node.Cost})
	}
	return out
}

func (a *peerAnswer) roles() []role {
	out := make([]role, 0, len(a.Data.Roles))
	for _, r := range a.Data.Roles {
		rl := role{ID: r.ID, Title: r.Title, Skills: []skill{}}
		for _, e := range r.SkillsConnection.Edges {
			n := e.Node
			sk := skill{ID: n.ID, Name: n.Name, Level: e.Properties.Level, Required: e.Properties.Required,
				CertifiedBy: n.CertifiedByConnection.certs()}
			for _, twin := range append(n.SameAs, n.SameAsOf...) {
				sk.CertifiedBy = append(sk.CertifiedBy, twin.CertifiedByConnection.certs()...)
			}
			rl.Skills = append(rl.Skills, sk)
		}
		out = append(out, rl)
	}
	return normalise(out)
}
