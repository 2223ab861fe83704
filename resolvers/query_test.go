package resolvers

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	sort.Strings(out)
	return out
}

type idName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func TestSkillsMapWorkshopExample(t *testing.T) {
	c, _ := sampleClient(t)
	var resp struct {
		SkillsMap struct {
			Overlap []struct{ Skill idName } `json:"overlap"`
			Gaps    []struct {
				Skill    idName
				Required bool
				Level    int
				ClosedBy []struct {
					ID   string
					Cost *float64
				} `json:"closedBy"`
			} `json:"gaps"`
			Readiness float64
		}
	}
	c.MustPost(`query($from: ID!, $to: ID!) { skillsMap(from: $from, to: $to) {
		overlap { skill { id name } }
		gaps { skill { id name } required level closedBy { id cost } }
		readiness } }`, &resp, client.Var("from", "it-support-specialist"), client.Var("to", "systems-administrator"))
	m := resp.SkillsMap
	overlap := ids(m.Overlap, func(o struct{ Skill idName }) string { return o.Skill.ID })
	if want := []string{"documentation", "networking", "operating-systems", "technical-support"}; !slices.Equal(overlap, want) {
		t.Errorf("overlap = %v, want the workshop's %v", overlap, want)
	}
	var gaps []string
	for _, g := range m.Gaps {
		gaps = append(gaps, g.Skill.ID)
		if !g.Required {
			t.Errorf("gap %s is not marked required; preferred skills were not asked for", g.Skill.ID)
		}
		for i := 1; i < len(g.ClosedBy); i++ {
			if a, b := g.ClosedBy[i-1].Cost, g.ClosedBy[i].Cost; a != nil && b != nil && *a > *b {
				t.Errorf("closedBy of %s is not cheapest first: %v then %v", g.Skill.ID, *a, *b)
			}
		}
	}
	sort.Strings(gaps)
	if want := []string{"advanced-networking", "backup-and-recovery", "scripting-and-automation", "security", "system-management"}; !slices.Equal(gaps, want) {
		t.Errorf("gaps = %v, want the workshop's %v", gaps, want)
	}
	if m.Readiness <= 0 || m.Readiness >= 1 {
		t.Errorf("readiness = %v, want strictly between 0 and 1 (some skills shared, some missing)", m.Readiness)
	}
	closable := 0
	for _, g := range m.Gaps {
		if len(g.ClosedBy) > 0 {
			closable++
		}
	}
	if closable == 0 {
		t.Error("no gap has a credential that closes it")
	}
}

type stackResp struct {
	CredentialStack struct {
		Rungs []struct {
			ID       string
			Name     string
			Kind     string
			Position int
			Cost     *float64
			Hours    *float64
			Opens    []struct {
				Role struct{ ID string }
				Wage *struct{ Min, Max *float64 }
				How  string
			}
		}
	}
}

func TestCredentialStack(t *testing.T) {
	c, _ := sampleClient(t)
	query := `query($id: ID!) { credentialStack(id: $id) { rungs { id name kind position cost hours
		opens { role { id } wage { min max } how } } } }`
	tests := []struct {
		name    string
		id      string
		inOrder []string // rungs that must appear, in this order
	}{
		{"IT certification ladder through Network+", "comptia-network-plus",
			[]string{"comptia-a-plus", "comptia-network-plus", "comptia-security-plus", "comptia-cysa-plus"}},
		{"nursing ladder through the ADN", "associate-degree-nursing",
			[]string{"cna", "practical-nursing-certificate", "associate-degree-nursing", "bachelor-science-nursing"}},
		{"education ladder", "associate",
			[]string{"none", "high-school", "postsecondary-certificate", "associate", "bachelor", "master", "doctorate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp stackResp
			c.MustPost(query, &resp, client.Var("id", tt.id))
			rungs := resp.CredentialStack.Rungs
			pos := map[string]int{}
			for i, r := range rungs {
				if r.Position != i {
					t.Errorf("rung %s has position %d at index %d", r.ID, r.Position, i)
				}
				pos[r.ID] = i
			}
			last := -1
			for _, id := range tt.inOrder {
				p, ok := pos[id]
				if !ok {
					t.Fatalf("rung %s missing from %v", id, rungs)
				}
				if p <= last {
					t.Errorf("rung %s at %d is not above the rung before it (%d)", id, p, last)
				}
				last = p
			}
			opened, paid := 0, 0
			for _, r := range rungs {
				if r.Kind == "CREDENTIAL" && (r.Cost == nil || r.Hours == nil) {
					t.Errorf("credential rung %s lacks cost or hours", r.ID)
				}
				for _, o := range r.Opens {
					opened++
					if o.How != "CREDENTIAL" && o.How != "EDUCATION" {
						t.Errorf("rung %s opens %s how=%q", r.ID, o.Role.ID, o.How)
					}
					if o.Wage != nil && o.Wage.Min != nil {
						paid++
					}
				}
			}
			if opened == 0 || paid == 0 {
				t.Errorf("rungs open %d roles, %d of them with a wage range", opened, paid)
			}
		})
	}
}

func TestCredentialStackOpensByEducation(t *testing.T) {
	c, _ := sampleClient(t)
	var resp stackResp
	c.MustPost(`{ credentialStack(id: "high-school") { rungs { id kind opens { role { id } how } } } }`, &resp)
	byRung := map[string][]string{}
	for _, r := range resp.CredentialStack.Rungs {
		for _, o := range r.Opens {
			byRung[r.ID] = append(byRung[r.ID], o.Role.ID)
		}
	}
	for _, level := range []string{"high-school", "associate", "bachelor"} {
		if len(byRung[level]) == 0 {
			t.Errorf("the %s rung opens no roles; the proposal lists roles after high school, an associate and a bachelor's degree", level)
		}
	}
}

type reachResp struct {
	ReachableRoles []struct {
		Role    struct{ ID string }
		Score   float64
		Overlap float64
		Steps   int
		Path    []struct{ ID string }
		Gaps    []struct{ Skill struct{ ID string } }
	}
}

func TestReachableRoles(t *testing.T) {
	c, _ := sampleClient(t)
	query := `query($from: ProfileInput!, $limits: ReachLimits, $first: Int) {
		reachableRoles(from: $from, limits: $limits, first: $first) {
		role { id } score overlap steps path { id } gaps { skill { id } } } }`
	t.Run("help desk reaches IT support in one move", func(t *testing.T) {
		var resp reachResp
		c.MustPost(query, &resp, client.Var("from", map[string]any{"roleId": "help-desk-technician"}))
		var found bool
		for i, r := range resp.ReachableRoles {
			if r.Role.ID == "help-desk-technician" {
				t.Error("the start role is listed as reachable")
			}
			if r.Steps != 1 || len(r.Path) != 1 || r.Path[0].ID != r.Role.ID {
				t.Errorf("%s: steps %d path %v, want one move ending at it", r.Role.ID, r.Steps, r.Path)
			}
			if i > 0 && r.Score > resp.ReachableRoles[i-1].Score {
				t.Errorf("not closest first: %s (%v) after %v", r.Role.ID, r.Score, resp.ReachableRoles[i-1].Score)
			}
			found = found || r.Role.ID == "it-support-specialist"
		}
		if !found {
			t.Errorf("it-support-specialist not reachable from help-desk-technician: %+v", resp.ReachableRoles)
		}
	})
	t.Run("two moves reach the next rung of the ladder", func(t *testing.T) {
		var resp reachResp
		c.MustPost(query, &resp, client.Var("from", map[string]any{"roleId": "help-desk-technician"}),
			client.Var("limits", map[string]any{"maxSteps": 2}), client.Var("first", 100))
		steps := map[string]int{}
		for _, r := range resp.ReachableRoles {
			steps[r.Role.ID] = r.Steps
			if r.Path[len(r.Path)-1].ID != r.Role.ID || len(r.Path) != r.Steps {
				t.Errorf("%s: path %v does not end at it in %d moves", r.Role.ID, r.Path, r.Steps)
			}
		}
		if _, ok := steps["network-administrator"]; !ok {
			t.Errorf("network-administrator not within two moves of help-desk-technician: %v", steps)
		}
	})
	t.Run("default page holds ten roles", func(t *testing.T) {
		var all, page reachResp
		from := client.Var("from", map[string]any{"roleId": "it-support-specialist"})
		c.MustPost(query, &all, from, client.Var("limits", map[string]any{"maxSteps": 3}), client.Var("first", 100))
		c.MustPost(query, &page, from, client.Var("limits", map[string]any{"maxSteps": 3}))
		if want := min(10, len(all.ReachableRoles)); len(page.ReachableRoles) != want {
			t.Errorf("default page has %d roles, want %d (of %d reachable)", len(page.ReachableRoles), want, len(all.ReachableRoles))
		}
		if len(all.ReachableRoles) < 10 {
			t.Errorf("only %d roles within three moves of IT support in the sample", len(all.ReachableRoles))
		}
	})
	t.Run("a profile of skills alone", func(t *testing.T) {
		var resp reachResp
		c.MustPost(query, &resp, client.Var("from", map[string]any{"skills": []map[string]any{
			{"skillId": "networking", "level": 3}, {"skillId": "technical-support", "level": 3}, {"skillId": "operating-systems", "level": 3},
		}}))
		if len(resp.ReachableRoles) == 0 {
			t.Fatal("no role reachable from networking, technical support and operating systems")
		}
		for _, r := range resp.ReachableRoles {
			if r.Overlap <= 0 {
				t.Errorf("%s reached with no overlap", r.Role.ID)
			}
		}
	})
	t.Run("minimum overlap holds", func(t *testing.T) {
		var resp reachResp
		c.MustPost(query, &resp, client.Var("from", map[string]any{"roleId": "help-desk-technician"}),
			client.Var("limits", map[string]any{"maxSteps": 2, "minOverlap": 0.5}), client.Var("first", 100))
		for _, r := range resp.ReachableRoles {
			if r.Overlap < 0.5 {
				t.Errorf("%s overlap %v below the limit 0.5", r.Role.ID, r.Overlap)
			}
		}
	})
}

func TestRecredentialingCandidates(t *testing.T) {
	c, _ := sampleClient(t)
	var resp struct {
		RecredentialingCandidates []struct {
			Role struct {
				ID             string
				DegreeRequired bool
			}
			Score             float64
			ReplacementSkills []struct {
				Required bool
				Skill    struct{ ID string }
			}
		}
	}
	c.MustPost(`{ recredentialingCandidates(first: 5) { role { id degreeRequired } score replacementSkills { required skill { id } } } }`, &resp)
	got := resp.RecredentialingCandidates
	if len(got) != 5 {
		t.Fatalf("got %d candidates, want 5", len(got))
	}
	top := map[string]bool{}
	for i, cand := range got {
		top[cand.Role.ID] = true
		if !cand.Role.DegreeRequired {
			t.Errorf("%s does not require a degree: nothing to recredential", cand.Role.ID)
		}
		if i > 0 && cand.Score > got[i-1].Score {
			t.Errorf("not best first: %s (%v) after %v", cand.Role.ID, cand.Score, got[i-1].Score)
		}
		if len(cand.ReplacementSkills) == 0 {
			t.Errorf("%s has no skills to stand in for the degree", cand.Role.ID)
		}
		for _, s := range cand.ReplacementSkills {
			if !s.Required {
				t.Errorf("%s: replacement skill %s is only preferred", cand.Role.ID, s.Skill.ID)
			}
		}
	}
	for _, pick := range []string{"junior-web-developer", "network-administrator", "security-specialist"} {
		if !top[pick] {
			t.Errorf("the workshop's pick %s is not in the top five: %+v", pick, got)
		}
	}
}

func TestLookups(t *testing.T) {
	c, _ := sampleClient(t)
	t.Run("role with its profile and requirements", func(t *testing.T) {
		var resp struct {
			Role struct {
				Title          string
				Vacancies      *int
				TurnoverRate   *float64
				DegreeRequired bool
				Skills         []struct {
					Required bool
					Level    int
					Skill    struct{ ID string }
				}
				SkillsProfile []struct {
					Name      string
					Required  []struct{ Level int }
					Preferred []struct{ Level int }
				}
			}
		}
		c.MustPost(`{ role(id: "help-desk-technician") { title vacancies turnoverRate degreeRequired
			skills { required level skill { id } } skillsProfile { name required { level } preferred { level } } } }`, &resp)
		r := resp.Role
		if r.Title != "Help Desk Technician" || r.Vacancies == nil || *r.Vacancies != 120 || r.TurnoverRate == nil || *r.TurnoverRate != 15 || r.DegreeRequired {
			t.Errorf("role = %+v, want the workshop's Help Desk Technician: 120 vacancies, 15%% turnover, no degree", r)
		}
		n := 0
		for _, cat := range r.SkillsProfile {
			n += len(cat.Required) + len(cat.Preferred)
		}
		if n != len(r.Skills) || n == 0 {
			t.Errorf("skills profile holds %d skills, the flat list %d", n, len(r.Skills))
		}
	})
	t.Run("roles pages cover every role once", func(t *testing.T) {
		type page struct {
			Roles struct {
				Edges []struct {
					Cursor string
					Node   struct{ ID string }
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
				TotalCount int
			}
		}
		seen := map[string]bool{}
		var after *string
		total := -1
		for i := 0; i < 100; i++ {
			var resp page
			c.MustPost(`query($after: String) { roles(first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
				&resp, client.Var("after", after))
			total = resp.Roles.TotalCount
			for _, e := range resp.Roles.Edges {
				if seen[e.Node.ID] {
					t.Fatalf("role %s on two pages", e.Node.ID)
				}
				seen[e.Node.ID] = true
			}
			if !resp.Roles.PageInfo.HasNextPage {
				break
			}
			after = resp.Roles.PageInfo.EndCursor
		}
		if len(seen) != total || total < 21 {
			t.Errorf("paged through %d roles, totalCount %d (the sample has at least the workshop's 21)", len(seen), total)
		}
	})
	t.Run("degree filter", func(t *testing.T) {
		var resp struct {
			Roles struct {
				Edges []struct {
					Node struct {
						ID             string
						DegreeRequired bool
					}
				}
			}
		}
		c.MustPost(`{ roles(first: 100, filter: {degreeRequired: true}) { edges { node { id degreeRequired } } } }`, &resp)
		if len(resp.Roles.Edges) == 0 {
			t.Fatal("no degree-requiring roles in the sample")
		}
		for _, e := range resp.Roles.Edges {
			if !e.Node.DegreeRequired {
				t.Errorf("%s passed the degree filter without a degree requirement", e.Node.ID)
			}
		}
	})
	t.Run("education levels in rank order", func(t *testing.T) {
		var resp struct {
			EducationLevels []struct {
				ID   string
				Rank int
			}
		}
		c.MustPost(`{ educationLevels { id rank } }`, &resp)
		if len(resp.EducationLevels) != 7 || resp.EducationLevels[0].ID != "none" || resp.EducationLevels[6].ID != "doctorate" {
			t.Errorf("education levels = %+v", resp.EducationLevels)
		}
	})
}

func TestSearch(t *testing.T) {
	c, _ := sampleClient(t)
	type hits struct {
		Search []struct {
			ID    string
			Kind  string
			Score float64
		}
	}
	tests := []struct {
		name, text, wantID, wantKind string
	}{
		{"role by a word of its title", "support specialist", "it-support-specialist", "ROLE"},
		{"prefix for autocomplete", "netw", "networking", "SKILL"},
		{"quotes and wildcards are plain text", `"network" admin*)`, "network-administrator", "ROLE"},
		{"query syntax never errors", `network* AND "admin" OR (title:x) ~2 \ / [ ] { } ^ ! && || -`, "", ""},
		{"only punctuation matches nothing", `*?~"()`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp hits
			c.MustPost(`query($text: String!) { search(text: $text, first: 50) { id kind score } }`, &resp, client.Var("text", tt.text))
			if tt.wantID == "" {
				return
			}
			for _, h := range resp.Search {
				if h.ID == tt.wantID && h.Kind == tt.wantKind {
					return
				}
			}
			t.Errorf("search %q: %s (%s) not among %+v", tt.text, tt.wantID, tt.wantKind, resp.Search)
		})
	}
}

func TestBadInput(t *testing.T) {
	c, _ := sampleClient(t)
	tests := []struct {
		name, query, code string
	}{
		{"unknown role", `{ role(id: "no-such-role") { id } }`, CodeNotFound},
		{"unknown skill", `{ skill(id: "no-such-skill") { id } }`, CodeNotFound},
		{"unknown credential", `{ credential(id: "no-such-credential") { id } }`, CodeNotFound},
		{"negative page size", `{ roles(first: -1) { totalCount } }`, CodeBadUserInput},
		{"page too large", `{ roles(first: 101) { totalCount } }`, CodeBadUserInput},
		{"forged cursor", `{ roles(after: "not-a-cursor") { totalCount } }`, CodeBadUserInput},
		{"empty search", `{ search(text: "  ") { id } }`, CodeBadUserInput},
		{"search page of zero", `{ search(text: "nurse", first: 0) { id } }`, CodeBadUserInput},
		{"skills map from unknown role", `{ skillsMap(from: "no-such-role", to: "systems-administrator") { readiness } }`, CodeNotFound},
		{"skills map to unknown role", `{ skillsMap(from: "it-support-specialist", to: "no-such-role") { readiness } }`, CodeNotFound},
		{"stack of unknown credential", `{ credentialStack(id: "no-such-credential") { id } }`, CodeNotFound},
		{"empty profile", `{ reachableRoles(from: {}) { score } }`, CodeBadUserInput},
		{"profile with unknown role", `{ reachableRoles(from: {roleId: "no-such-role"}) { score } }`, CodeNotFound},
		{"profile with unknown skill", `{ reachableRoles(from: {skills: [{skillId: "no-such-skill", level: 2}]}) { score } }`, CodeNotFound},
		{"profile with unknown credential", `{ reachableRoles(from: {credentialIds: ["no-such-credential"]}) { score } }`, CodeNotFound},
		{"profile with a level off the scale", `{ reachableRoles(from: {skills: [{skillId: "networking", level: 9}]}) { score } }`, CodeBadUserInput},
		{"profile with a malformed id", `{ reachableRoles(from: {roleId: "a b"}) { score } }`, CodeBadUserInput},
		{"too many moves", `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxSteps: 9}) { score } }`, CodeBadUserInput},
		{"overlap above one", `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {minOverlap: 1.5}) { score } }`, CodeBadUserInput},
		{"unknown education ceiling", `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxEducationLevelId: "phd-ish"}) { score } }`, CodeNotFound},
		{"recredentialing page of zero", `{ recredentialingCandidates(first: 0) { score } }`, CodeBadUserInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorCode(t, c, tt.query); got != tt.code {
				t.Errorf("code = %q, want %q", got, tt.code)
			}
		})
	}
}

// TestRolesRoundTrips proves a page of roles with nested skills and
// credentials costs a fixed number of Cypher round trips, not one per role:
// one statement when the root field reads every level it selects ahead
// (prefetch.go), one more per level it leaves to the loaders, and one per
// level when the loaders read them all. It runs without the read cache,
// which would answer the repeats from memory (one trip, the version read:
// TestReadCacheRoundTrips); with the cache a cold request costs one trip
// more than here.
func TestRolesRoundTrips(t *testing.T) {
	store := cyphertest.Sample(t)
	h, err := newHandler(Config{Store: store, Log: zerolog.Nop(), noPrefetch: true})
	if err != nil {
		t.Fatal(err)
	}
	prefetch, loaded := newClient(t, store), client.New(h, client.Path("/graphql"))
	covered := `query($first: Int) { roles(first: $first) { edges { node { id title
		skills { level skill { id name certifiedBy { credential { id } } } }
		credentials { id name stacksInto { credential { id } } }
		education { id } } } } }`
	// Levels not read ahead: a credential's prerequisites and the skills it
	// certifies, under the few credentials of a page, and a skill's broader
	// and sameAs skills, under every skill of the page.
	uncovered := `query($first: Int) { roles(first: $first) { edges { node { id
		credentials { id prerequisites { group } certifies { level } } } } } }`
	fanned := `query($first: Int) { roles(first: $first) { edges { node { id
		skills { level skill { id certifiedBy { credential { id } } broader { id } sameAs { id } } } } } } }`
	// The loaders batch the keys that arrive within their wait; a garbage
	// collection or a busy machine can delay a few resolvers past it. The
	// fewest trips of five runs is the cost of the query's shape: an N+1
	// would cost about N trips every time. A read ahead has no wait, so
	// every run must cost the same.
	runtime.GC()
	trips := func(c *client.Client, query string, first int) (best, worst int64, n int) {
		best = math.MaxInt64
		for range 5 {
			var resp struct {
				Roles struct{ Edges []map[string]any }
			}
			before := store.RoundTrips()
			c.MustPost(query, &resp, client.Var("first", first))
			cost := store.RoundTrips() - before
			best, worst, n = min(best, cost), max(worst, cost), len(resp.Roles.Edges)
		}
		return best, worst, n
	}
	// withCredentials counts the first roles that require a credential.
	withCredentials := func(first int) int {
		var resp struct {
			Roles struct {
				Edges []struct {
					Node struct{ Credentials []struct{ ID string } }
				}
			}
		}
		loaded.MustPost(`query($first: Int) { roles(first: $first) { edges { node { credentials { id } } } } }`, &resp, client.Var("first", first))
		n := 0
		for _, e := range resp.Roles.Edges {
			n += min(len(e.Node.Credentials), 1)
		}
		return n
	}
	for _, first := range []int{1, 10, 25, 50} {
		t.Run(fmt.Sprintf("first %d", first), func(t *testing.T) {
			best, worst, got := trips(prefetch, covered, first)
			if got != first {
				t.Fatalf("roles(first: %d) returned %d roles; the sample has too few for this test", first, got)
			}
			if best != 1 || worst != 1 {
				t.Errorf("read ahead: %d to %d round trips, want 1 every time", best, worst)
			}
			// One trip per level left to the loaders, or none when the page's
			// roles require no credentials.
			want := int64(3)
			if withCredentials(first) == 0 {
				want = 1
			}
			if best, _, _ := trips(prefetch, uncovered, first); best != want {
				t.Errorf("two levels left to the loaders: %d round trips, want %d (the page, then one per level)", best, want)
			}
			// Hundreds of resolvers ask for these keys, with no wait above
			// them to line them up: a busy machine may split a level's batch
			// in a few (two cores at load 14 split each in two), never into
			// one trip per skill (an N+1 costs about 85 a level at 50 roles).
			if best, _, _ := trips(prefetch, fanned, first); best > 1+2*3 {
				t.Errorf("two levels under every skill left to the loaders: %d round trips, want at most %d", best, 1+2*3)
			}
			// Through the loaders: the page and one trip per nested list field
			// (skills, their certifications, credentials, their stacks,
			// education). A level with no keys (a page whose roles require no
			// credentials) costs nothing.
			const levels = 6
			if best, _, _ := trips(loaded, covered, first); best > levels {
				t.Errorf("through the loaders: %d round trips, want at most %d whatever the page size", best, levels)
			}
		})
	}
	t.Run("one role", func(t *testing.T) {
		query := `{ role(id: "network-administrator") { id skills { level skill { id certifiedBy { level credential { id } } } }
			credentials { id stacksInto { credential { id } } } education { id } degreeRequired overlaps(first: 3) { score role { id } } } }`
		for range 3 {
			before := store.RoundTrips()
			var resp map[string]any
			prefetch.MustPost(query, &resp)
			if n := store.RoundTrips() - before; n != 1 {
				t.Errorf("role(id) with every covered level: %d round trips, want 1", n)
			}
		}
	})
}

// TestCertifiedBySkill: a certifier's skill is the skill asked about,
// whether the query selects it directly, in an inline fragment or in a named
// one, beside a certifiedBy of the same skill that does not select it (the
// resolver shares the loaded edges then, without their skill).
func TestCertifiedBySkill(t *testing.T) {
	c, _ := sampleClient(t)
	var resp struct {
		Roles struct {
			Edges []struct {
				Node struct {
					Skills []struct {
						Skill struct {
							ID, Name              string
							Bare                  []struct{ Credential struct{ ID string } }
							Direct, Inline, Named []struct {
								Credential struct{ ID string }
								Skill      struct{ ID, Name string }
							}
						}
					}
				}
			}
		}
	}
	c.MustPost(`{ roles(first: 50) { edges { node { skills { skill { id name
		bare: certifiedBy { credential { id } }
		direct: certifiedBy { credential { id } skill { id name } }
		inline: certifiedBy { credential { id } ... on CertifiedSkill { skill { id name } } }
		named: certifiedBy { ...C } } } } } } }
		fragment C on CertifiedSkill { credential { id } skill { id name } }`, &resp)
	checked := 0
	for _, e := range resp.Roles.Edges {
		for _, rs := range e.Node.Skills {
			s := rs.Skill
			for name, list := range map[string][]struct {
				Credential struct{ ID string }
				Skill      struct{ ID, Name string }
			}{"direct": s.Direct, "inline": s.Inline, "named": s.Named} {
				if len(list) != len(s.Bare) {
					t.Fatalf("skill %s: %s has %d certifiers, the bare list %d", s.ID, name, len(list), len(s.Bare))
				}
				for i, cs := range list {
					if cs.Skill.ID != s.ID || cs.Skill.Name != s.Name || cs.Credential.ID != s.Bare[i].Credential.ID {
						t.Errorf("skill %s: %s certifier %d is %s of skill %q (%q), want %s of skill %s (%q)",
							s.ID, name, i, cs.Credential.ID, cs.Skill.ID, cs.Skill.Name, s.Bare[i].Credential.ID, s.ID, s.Name)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no certifier checked: the sample graph's roles have no certified skills")
	}
}
