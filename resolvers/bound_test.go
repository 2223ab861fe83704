package resolvers

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// bulkCertifiers is how many credentials addBulkCertifiers adds: more than
// the largest first the certifier lists accept, so every bound shows.
const bulkCertifiers = 105

// addBulkCertifiers gives skill bulkCertifiers more certifying credentials at
// the top level, with costs, hours and names that tie in every way the
// orders break (unknown costs and hours among them).
func addBulkCertifiers(t *testing.T, store *cypher.Store, skill string) {
	t.Helper()
	ctx := context.Background()
	for i := range bulkCertifiers {
		c := pathway.Credential{ID: fmt.Sprintf("bulk-%03d", i), Name: fmt.Sprintf("Bulk program %d", i%10), Kind: "CERTIFICATE"}
		if i%4 != 0 {
			cost := float64(i%7) * 100
			c.Cost = &cost
		}
		if i%3 != 0 {
			hours := float64(i % 5 * 40)
			c.Hours = &hours
		}
		if _, err := store.CreateCredential(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := store.CreateCertification(ctx, c.ID, skill, pathway.MaxLevel); err != nil {
			t.Fatal(err)
		}
	}
}

type certifierAnswer struct {
	Level      int
	Credential struct {
		ID, Name    string
		Cost, Hours *float64
	}
}

type closerAnswer struct {
	ID, Name    string
	Cost, Hours *float64
}

func certIDs(certs []certifierAnswer) []string {
	out := make([]string, len(certs))
	for i, c := range certs {
		out[i] = c.Credential.ID
	}
	return out
}

func closerIDs(creds []closerAnswer) []string {
	out := make([]string, len(creds))
	for i, c := range creds {
		out[i] = c.ID
	}
	return out
}

// TestCertifierListsBounded: on a skill certified by more credentials than
// any page, certifiedBy and closedBy return their default bound, `first`
// bounds them, each in its documented order, and every page is the head of
// the full list the store reads without a bound.
func TestCertifierListsBounded(t *testing.T) {
	c, store := sampleClient(t)
	ctx := context.Background()
	const skill = "security"
	addBulkCertifiers(t, store, skill)
	all, err := store.SkillCertifiedBy(ctx, []string{skill}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	full := all[skill]
	if len(full) <= bulkCertifiers {
		t.Fatalf("the store reads %d certifiers of %s, want more than %d", len(full), skill, bulkCertifiers)
	}
	fullIDs := make([]string, len(full))
	for i, cs := range full {
		fullIDs[i] = cs.Credential.ID
	}
	unknownLast := func(v *float64) float64 {
		if v == nil {
			return math.Inf(1)
		}
		return *v
	}
	// The order the schema states: level (highest first), cost (unknown
	// after every known one), name, id.
	if !slices.IsSortedFunc(full, func(a, b pathway.CertifiedSkill) int {
		return cmp.Or(cmp.Compare(b.Level, a.Level), cmp.Compare(unknownLast(a.Credential.Cost), unknownLast(b.Credential.Cost)),
			cmp.Compare(a.Credential.Name, b.Credential.Name), cmp.Compare(a.Credential.ID, b.Credential.ID))
	}) {
		t.Errorf("the certifiers of %s are not by level, cost, name and id: %v", skill, fullIDs)
	}

	t.Run("certifiedBy", func(t *testing.T) {
		for _, tc := range []struct {
			first string
			want  int
		}{{"", 20}, {"(first: 0)", 0}, {"(first: 7)", 7}, {"(first: 100)", 100}} {
			var resp struct {
				Skill struct{ CertifiedBy []certifierAnswer }
			}
			c.MustPost(`query($id: ID!) { skill(id: $id) { certifiedBy`+tc.first+` { level credential { id name cost hours } } } }`, &resp, client.Var("id", skill))
			if got := certIDs(resp.Skill.CertifiedBy); !slices.Equal(got, fullIDs[:tc.want]) {
				t.Errorf("certifiedBy%s = %d %v, want the first %d of the full list %v", tc.first, len(got), got, tc.want, fullIDs[:tc.want])
			}
		}
	})

	t.Run("closedBy", func(t *testing.T) {
		const q = `query { skillsMap(from: "it-support-specialist", to: "systems-administrator") {
			gaps { skill { id } level few: closedBy(first: 3) { id } page: closedBy { id } most: closedBy(first: 100) { id name cost hours } none: closedBy(first: 0) { id } } } }`
		type gap struct {
			Skill                 struct{ ID string }
			Level                 int
			Few, Page, Most, None []closerAnswer
		}
		var resp struct{ SkillsMap struct{ Gaps []gap } }
		c.MustPost(q, &resp)
		i := slices.IndexFunc(resp.SkillsMap.Gaps, func(g gap) bool { return g.Skill.ID == skill })
		if i < 0 {
			t.Fatalf("no %s gap from it-support-specialist to systems-administrator: %+v", skill, resp.SkillsMap.Gaps)
		}
		g := resp.SkillsMap.Gaps[i]
		// The oracle: the whole list, filtered and sorted here, as closedBy
		// was answered before it was bounded.
		want := closedByOracle(skill, g.Level, full)
		wantIDs := make([]string, len(want))
		for j, cr := range want {
			wantIDs[j] = cr.ID
		}
		if len(want) <= 100 {
			t.Fatalf("%d credentials close the gap; the test needs more than 100", len(want))
		}
		for _, tc := range []struct {
			name string
			got  []closerAnswer
			n    int
		}{{"first: 3", g.Few, 3}, {"the default", g.Page, 10}, {"first: 100", g.Most, 100}, {"first: 0", g.None, 0}} {
			if got := closerIDs(tc.got); !slices.Equal(got, wantIDs[:tc.n]) {
				t.Errorf("closedBy with %s = %v, want the cheapest %d %v", tc.name, got, tc.n, wantIDs[:tc.n])
			}
		}
	})

	t.Run("bad first", func(t *testing.T) {
		for _, q := range []string{
			`{ skill(id: "security") { certifiedBy(first: -1) { level } } }`,
			`{ skill(id: "security") { certifiedBy(first: 101) { level } } }`,
			`{ skillsMap(from: "it-support-specialist", to: "systems-administrator") { gaps { closedBy(first: -1) { id } } } }`,
			`{ skillsMap(from: "it-support-specialist", to: "systems-administrator") { gaps { closedBy(first: 101) { id } } } }`,
		} {
			resp, err := c.RawPost(q)
			if err != nil {
				t.Fatal(err)
			}
			var errs []gqlError
			if err := json.Unmarshal(resp.Errors, &errs); err != nil || len(errs) == 0 {
				t.Fatalf("%s: want an error, got %s", q, resp.Data)
			}
			if code := errs[0].Extensions["code"]; code != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "first must be 0 to 100") {
				t.Errorf("%s: error %q (%v), want BAD_USER_INPUT saying first must be 0 to 100", q, errs[0].Message, code)
			}
		}
	})
}

// TestPrefetchBoundsAsLoaders: with more certifiers than the read bound, the
// lookahead read and the loaders still answer byte for byte alike, at every
// first.
func TestPrefetchBoundsAsLoaders(t *testing.T) {
	store := cyphertest.Sample(t)
	addBulkCertifiers(t, store, "security")
	prefetch, loaded := newHandlers(t, store)
	var shapes []prefetchShape
	for _, first := range []string{"", "(first: 0)", "(first: 5)", "(first: 100)"} {
		shapes = append(shapes,
			prefetchShape{"a page, certifiedBy" + first, `{ roles(first: 50) { edges { node { id skills { skill { id certifiedBy` + first + ` { level credential { id cost } } } } } } } }`, nil, 0},
			prefetchShape{"one role, certifiedBy" + first, `{ role(id: "security-specialist") { id skills { skill { id certifiedBy` + first + ` { level credential { id cost } } } } } }`, nil, 0})
	}
	shapes = append(shapes, prefetchShape{"aliased bounds", `{ role(id: "security-specialist") { id skills { skill { id a: certifiedBy(first: 2) { credential { id } } b: certifiedBy { credential { id } } c: certifiedBy(first: 100) { credential { id } } } } } }`, nil, 0})
	samePrefetched(t, prefetch, loaded, shapes)
}

// statements records the names of the statements a store sends.
type statements struct {
	mu    sync.Mutex
	names []string
}

func (s *statements) ObserveStatement(name string, _ time.Duration, _ error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.names = append(s.names, name)
}

// count says how many statements of each name were sent since the last
// count, and forgets them.
func (s *statements) count() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for _, n := range s.names {
		out[n]++
	}
	s.names = nil
	return out
}

// TestCertifiersReadWhenSelected: a question whose query does not select a
// gap's closedBy reads no certifier; one that does reads them in one
// statement for all the gaps of the answer. A plan's coverage asks only
// whether a gap is closable.
func TestCertifiersReadWhenSelected(t *testing.T) {
	base := cyphertest.Sample(t)
	seen := &statements{}
	c := newClient(t, base.WithObserver(seen))
	for _, tc := range []struct {
		name, query   string
		closedBy      int // skill_closed_by statements wanted
		gapsCertified int // skill_gaps_certified statements wanted
	}{
		{"reachable roles without gaps", `{ reachableRoles(from: {roleId: "help-desk-technician"}) { role { id title } score overlap } }`, 0, 0},
		{"reachable roles with gaps but not closedBy", `{ reachableRoles(from: {roleId: "help-desk-technician"}) { role { id } gaps { skill { id } level } } }`, 0, 0},
		{"reachable roles with closedBy", `{ reachableRoles(from: {roleId: "help-desk-technician"}, first: 10) { role { id } gaps { skill { id } closedBy { id } } } }`, 1, 0},
		{"reachable roles with plans", `{ reachableRoles(from: {roleId: "help-desk-technician"}) { role { id } plan { coverage { share } } } }`, 0, 1},
		{"skills map without closedBy", `{ skillsMap(from: "it-support-specialist", to: "systems-administrator") { readiness gaps { skill { id } } } }`, 0, 0},
		{"skills map with closedBy", `{ skillsMap(from: "it-support-specialist", to: "systems-administrator") { gaps { skill { id } a: closedBy(first: 1) { id } b: closedBy { id } } } }`, 1, 0},
		{"upskilling path without gaps", `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist") { totalCost steps { credential { id } } } }`, 0, 1},
		{"upskilling path with closedBy", `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist") { gaps { closedBy { id } } coverage { share } } }`, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A loader batches the keys that arrive within its wait; a busy
			// machine can delay a resolver past it, so the fewest of three
			// runs is the query's cost, as in TestRolesRoundTrips. A read that
			// should not happen must not happen in any run.
			best := map[string]int{}
			for run := range 3 {
				seen.count()
				var resp map[string]any
				c.MustPost(tc.query, &resp)
				sent := seen.count()
				for _, name := range []string{"skill_certified_by", "skill_closed_by", "skill_gaps_certified"} {
					n := sent[name]
					if run == 0 || n < best[name] {
						best[name] = n
					}
					if n > 0 && (name == "skill_certified_by" || name == "skill_closed_by" && tc.closedBy == 0) {
						t.Errorf("run %d sent %d %s statements, want none", run, n, name)
					}
				}
			}
			if best["skill_closed_by"] != tc.closedBy || best["skill_gaps_certified"] != tc.gapsCertified {
				t.Errorf("statements at best %v: want skill_closed_by %d, skill_gaps_certified %d", best, tc.closedBy, tc.gapsCertified)
			}
		})
	}
}

// closedByOracle is closedBy's rule over a whole list of certifications:
// the credentials certifying the skill at the level or above, cheapest
// first (unknown costs last, then by hours, unknown last, name and id).
func closedByOracle(skill string, level int, certs []pathway.CertifiedSkill) []pathway.Credential {
	out := []pathway.Credential{}
	for _, c := range certs {
		if c.Skill.ID == skill && c.Level >= level {
			out = append(out, c.Credential)
		}
	}
	unknownLast := func(v *float64) float64 {
		if v == nil {
			return math.Inf(1)
		}
		return *v
	}
	slices.SortStableFunc(out, func(a, b pathway.Credential) int {
		return cmp.Or(cmp.Compare(unknownLast(a.Cost), unknownLast(b.Cost)), cmp.Compare(unknownLast(a.Hours), unknownLast(b.Hours)),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}
