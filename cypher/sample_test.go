package cypher

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/pathway"
)

// These tests check the sample graph (sample/graph.json) without Neo4j: that
// it decodes and validates, that every edge names a node of the file, and
// that the facts the sample exists to show hold.

// sampleIndex is the sample graph with its nodes by id.
type sampleIndex struct {
	g           *Graph
	roles       map[string]GraphRole
	skills      map[string]GraphSkill
	credentials map[string]GraphCredential
	levels      map[string]GraphEducationLevel
}

func sampleLoad(t *testing.T) sampleIndex {
	t.Helper()
	g, err := Sample()
	if err != nil {
		t.Fatalf("Sample() = %v", err)
	}
	x := sampleIndex{
		g:           g,
		roles:       map[string]GraphRole{},
		skills:      map[string]GraphSkill{},
		credentials: map[string]GraphCredential{},
		levels:      map[string]GraphEducationLevel{},
	}
	for _, r := range g.Roles {
		x.roles[r.ID] = r
	}
	for _, s := range g.Skills {
		x.skills[s.ID] = s
	}
	for _, c := range g.Credentials {
		x.credentials[c.ID] = c
	}
	for _, l := range g.EducationLevels {
		x.levels[l.ID] = l
	}
	return x
}

func (x sampleIndex) role(t *testing.T, id string) GraphRole {
	t.Helper()
	r, ok := x.roles[id]
	if !ok {
		t.Fatalf("role %q is not in the sample", id)
	}
	return r
}

func (x sampleIndex) credential(t *testing.T, id string) GraphCredential {
	t.Helper()
	c, ok := x.credentials[id]
	if !ok {
		t.Fatalf("credential %q is not in the sample", id)
	}
	return c
}

// sampleDeref is what p points to, or nil, for messages.
func sampleDeref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// sampleLevelOrder orders role levels up the career ladder.
var sampleLevelOrder = map[string]int{"ENTRY": 0, "MIDDLE_SKILL": 1, "PROFESSIONAL": 2, "EXECUTIVE": 3}

func sampleRoleLevel(r GraphRole) int {
	if r.Level == nil {
		return -1
	}
	return sampleLevelOrder[string(*r.Level)]
}

// sampleSkillIDs is the set of skills a role lists, required or preferred.
func sampleSkillIDs(r GraphRole) map[string]bool {
	out := map[string]bool{}
	for _, s := range r.Skills {
		out[s.Skill] = true
	}
	return out
}

// sampleHeld is what a person in a role holds: its required skills at
// their levels.
func sampleHeld(r GraphRole) map[string]int {
	out := map[string]int{}
	for _, s := range r.Skills {
		if s.Required {
			out[s.Skill] = max(out[s.Skill], s.Level)
		}
	}
	return out
}

// sampleOverlap is the skills both roles list, at any level.
func sampleOverlap(a, b GraphRole) []string {
	in := sampleSkillIDs(a)
	var out []string
	for id := range sampleSkillIDs(b) {
		if in[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// sampleGaps is the required skills of b that a's required skills lack or hold
// below the level b needs.
func sampleGaps(a, b GraphRole) []string {
	held := sampleHeld(a)
	var out []string
	for _, s := range b.Skills {
		if s.Required && held[s.Skill] < s.Level {
			out = append(out, s.Skill)
		}
	}
	sort.Strings(out)
	return out
}

// sampleCoverage is the importance-weighted share of reqs that held meets,
// with partial credit for a lower level; preferred skills weigh half.
func sampleCoverage(held map[string]int, reqs []GraphRoleSkill) float64 {
	var total, met float64
	for _, r := range reqs {
		w := 3.0
		if r.Importance != nil && *r.Importance > 0 {
			w = *r.Importance
		}
		if !r.Required {
			w /= 2
		}
		total += w
		if h := held[r.Skill]; h > 0 {
			met += w * math.Min(1, float64(h)/float64(max(1, r.Level)))
		}
	}
	if total == 0 {
		return 0
	}
	return met / total
}

// sampleReadiness is the readiness of a person in a for b, as the engine
// derives overlap edges.
func sampleReadiness(a, b GraphRole) float64 {
	toHeld := map[string]int{}
	for _, s := range b.Skills {
		toHeld[s.Skill] = max(toHeld[s.Skill], s.Level)
	}
	return 0.75*sampleCoverage(sampleHeld(a), b.Skills) + 0.25*sampleCoverage(toHeld, a.Skills)
}

// closestMoves is the roles sharing a skill with from, closest first.
func (x sampleIndex) closestMoves(from GraphRole) []string {
	type move struct {
		id    string
		score float64
	}
	var moves []move
	for _, to := range x.g.Roles {
		if to.ID == from.ID || len(sampleOverlap(from, to)) == 0 {
			continue
		}
		if s := sampleReadiness(from, to); s >= 0.2 {
			moves = append(moves, move{to.ID, s})
		}
	}
	sort.Slice(moves, func(i, j int) bool {
		if moves[i].score != moves[j].score {
			return moves[i].score > moves[j].score
		}
		return moves[i].id < moves[j].id
	})
	ids := make([]string, len(moves))
	for i, m := range moves {
		ids[i] = m.id
	}
	return ids
}

func TestSampleDecodesAndValidates(t *testing.T) {
	x := sampleLoad(t)
	if err := x.g.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	for _, tc := range []struct {
		name string
		n    int
		min  int
	}{
		{"education levels", len(x.g.EducationLevels), 7},
		{"skills", len(x.g.Skills), 60},
		{"credentials", len(x.g.Credentials), 50},
		{"roles", len(x.g.Roles), 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.n < tc.min {
				t.Errorf("%d %s, want at least %d", tc.n, tc.name, tc.min)
			}
		})
	}
}

func TestSampleEducationLevels(t *testing.T) {
	x := sampleLoad(t)
	want := []struct {
		id   string
		rank int
	}{
		{"none", 0}, {"high-school", 1}, {"postsecondary-certificate", 2}, {"associate", 3},
		{"bachelor", 4}, {"master", 5}, {"doctorate", 6},
	}
	if len(x.g.EducationLevels) != len(want) {
		t.Errorf("%d education levels, want %d", len(x.g.EducationLevels), len(want))
	}
	for _, tc := range want {
		t.Run(tc.id, func(t *testing.T) {
			l, ok := x.levels[tc.id]
			if !ok {
				t.Fatalf("missing")
			}
			if l.Rank != tc.rank || l.Name == "" {
				t.Errorf("rank %d name %q, want rank %d and a name", l.Rank, l.Name, tc.rank)
			}
		})
	}
}

func TestSampleReferences(t *testing.T) {
	x := sampleLoad(t)
	isCredOrLevel := func(id string) bool {
		_, c := x.credentials[id]
		_, l := x.levels[id]
		return c != l // exactly one of them: a prerequisite target must not be ambiguous
	}
	type ref struct{ from, to string }
	cases := []struct {
		name string
		refs func() []ref
		ok   func(string) bool
	}{
		{"role skills", func() (out []ref) {
			for _, r := range x.g.Roles {
				for _, s := range r.Skills {
					out = append(out, ref{r.ID, s.Skill})
				}
			}
			return
		}, func(id string) bool { _, ok := x.skills[id]; return ok }},
		{"role credentials", func() (out []ref) {
			for _, r := range x.g.Roles {
				for _, c := range r.Credentials {
					out = append(out, ref{r.ID, c})
				}
			}
			return
		}, func(id string) bool { _, ok := x.credentials[id]; return ok }},
		{"role education", func() (out []ref) {
			for _, r := range x.g.Roles {
				if r.Education != "" {
					out = append(out, ref{r.ID, r.Education})
				}
			}
			return
		}, func(id string) bool { _, ok := x.levels[id]; return ok }},
		{"certifies", func() (out []ref) {
			for _, c := range x.g.Credentials {
				for _, s := range c.Certifies {
					out = append(out, ref{c.ID, s.Skill})
				}
			}
			return
		}, func(id string) bool { _, ok := x.skills[id]; return ok }},
		{"confers", func() (out []ref) {
			for _, c := range x.g.Credentials {
				if c.Confers != "" {
					out = append(out, ref{c.ID, c.Confers})
				}
			}
			return
		}, func(id string) bool { _, ok := x.levels[id]; return ok }},
		{"prerequisites", func() (out []ref) {
			for _, c := range x.g.Credentials {
				for _, group := range c.Prerequisites {
					for _, id := range group {
						out = append(out, ref{c.ID, id})
					}
				}
			}
			return
		}, isCredOrLevel},
		{"stacksInto", func() (out []ref) {
			for _, c := range x.g.Credentials {
				for _, s := range c.StacksInto {
					out = append(out, ref{c.ID, s.Credential})
				}
			}
			return
		}, func(id string) bool { _, ok := x.credentials[id]; return ok }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			refs := tc.refs()
			if len(refs) == 0 {
				t.Fatalf("no %s in the sample", tc.name)
			}
			seen := map[ref]bool{}
			for _, r := range refs {
				if !tc.ok(r.to) {
					t.Errorf("%s -> %q: no such node in the file", r.from, r.to)
				}
				if seen[r] {
					t.Errorf("%s -> %q listed twice", r.from, r.to)
				}
				seen[r] = true
			}
		})
	}
}

func TestSampleNoStackCycle(t *testing.T) {
	x := sampleLoad(t)
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var visit func(id string, path []string)
	visit = func(id string, path []string) {
		switch state[id] {
		case open:
			t.Fatalf("STACKS_INTO cycle: %v -> %s", path, id)
		case done:
			return
		}
		state[id] = open
		for _, s := range x.credentials[id].StacksInto {
			visit(s.Credential, append(path, id))
		}
		state[id] = done
	}
	for _, c := range x.g.Credentials {
		visit(c.ID, nil)
	}
}

func TestSampleSkillsMap(t *testing.T) {
	x := sampleLoad(t)
	for _, tc := range []struct {
		name, from, to string
		overlap, gaps  []string
	}{
		{
			name: "it support specialist to systems administrator",
			from: "it-support-specialist", to: "systems-administrator",
			overlap: []string{"documentation", "networking", "operating-systems", "technical-support"},
			gaps:    []string{"advanced-networking", "backup-and-recovery", "scripting-and-automation", "security", "system-management"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := x.role(t, tc.from), x.role(t, tc.to)
			if got := sampleOverlap(a, b); !slices.Equal(got, tc.overlap) {
				t.Errorf("overlap = %v, want %v", got, tc.overlap)
			}
			if got := sampleGaps(a, b); !slices.Equal(got, tc.gaps) {
				t.Errorf("gaps = %v, want %v", got, tc.gaps)
			}
		})
	}
}

func TestSampleWorkshopRoles(t *testing.T) {
	x := sampleLoad(t)
	// The workshop's tables: level, 12-month vacancies, turnover, degree
	// required, advancement potential.
	for _, tc := range []struct {
		id        string
		level     string
		vacancies int
		turnover  float64
		degree    bool
		adv       bool
	}{
		{"help-desk-technician", "ENTRY", 120, 15, false, true},
		{"junior-web-developer", "ENTRY", 90, 20, true, true},
		{"it-project-coordinator", "ENTRY", 20, 16, true, true},
		{"quality-assurance-analyst", "MIDDLE_SKILL", 25, 10, true, true},
		{"network-administrator", "MIDDLE_SKILL", 50, 10, true, true},
		{"database-analyst", "MIDDLE_SKILL", 30, 9, true, true},
		{"security-specialist", "MIDDLE_SKILL", 40, 12, true, true},
		{"cybersecurity-analyst", "MIDDLE_SKILL", 30, 12, true, true},
		{"it-project-manager", "PROFESSIONAL", 25, 8, true, true},
		{"cloud-architect", "PROFESSIONAL", 20, 7, true, true},
		{"senior-software-engineer", "PROFESSIONAL", 15, 5, true, true},
		{"data-scientist", "PROFESSIONAL", 10, 6, true, true},
		{"cto", "EXECUTIVE", 5, 4, true, false},
		{"payroll-clerk", "ENTRY", 25, 18, true, true},
		{"payroll-coordinator", "MIDDLE_SKILL", 13, 15, true, true},
		{"payroll-specialist", "MIDDLE_SKILL", 10, 20, true, true},
		{"payroll-manager", "MIDDLE_SKILL", 4, 40, true, true},
		{"payroll-analyst", "MIDDLE_SKILL", 5, 10, true, true},
		{"payroll-administrator", "PROFESSIONAL", 2, 10, true, true},
		{"payroll-director", "PROFESSIONAL", 1, 33, true, false},
		{"chief-payroll-officer", "EXECUTIVE", 0, 0, true, false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			r := x.role(t, tc.id)
			if r.Level == nil || string(*r.Level) != tc.level {
				t.Errorf("level = %v, want %s", sampleDeref(r.Level), tc.level)
			}
			if r.Vacancies == nil || *r.Vacancies != tc.vacancies {
				t.Errorf("vacancies = %v, want %d", sampleDeref(r.Vacancies), tc.vacancies)
			}
			if r.TurnoverRate == nil || *r.TurnoverRate != tc.turnover {
				t.Errorf("turnover = %v, want %v", sampleDeref(r.TurnoverRate), tc.turnover)
			}
			if got := x.levels[r.Education].Rank >= 3; got != tc.degree {
				t.Errorf("degree required = %v (education %q), want %v", got, r.Education, tc.degree)
			}
			if r.AdvancementPotential == nil || *r.AdvancementPotential != tc.adv {
				t.Errorf("advancement potential = %v, want %v", sampleDeref(r.AdvancementPotential), tc.adv)
			}
		})
	}
}

func TestSampleProfiles(t *testing.T) {
	x := sampleLoad(t)
	for _, r := range x.g.Roles {
		t.Run(r.ID, func(t *testing.T) {
			if n := len(r.Skills); n < 5 || n > 12 {
				t.Errorf("%d skills, want 5 to 12", n)
			}
			var required, preferred int
			for _, s := range r.Skills {
				if s.Required {
					required++
				} else {
					preferred++
				}
				if s.Importance == nil || *s.Importance < 1 || *s.Importance > 5 {
					t.Errorf("%s: importance %v, want 1 to 5", s.Skill, sampleDeref(s.Importance))
				}
			}
			if required == 0 || preferred == 0 {
				t.Errorf("%d required and %d preferred skills, want both", required, preferred)
			}
			if r.Level == nil || r.Industry == nil || r.Description == nil {
				t.Errorf("level, industry or description missing")
			}
		})
	}
}

func TestSampleSkills(t *testing.T) {
	x := sampleLoad(t)
	types := map[string]bool{"SPECIALIZED": true, "COMMON": true, "SOFTWARE": true, "KNOWLEDGE": true}
	for _, s := range x.g.Skills {
		if s.Category == nil || *s.Category == "" || s.Type == nil || !types[*s.Type] || s.Description == nil {
			t.Errorf("skill %q: category %v, type %v, description %v", s.ID, sampleDeref(s.Category), sampleDeref(s.Type), sampleDeref(s.Description))
		}
	}
	// The newsletter's ten soft skills.
	for _, id := range []string{"communication", "leadership", "problem-solving", "time-management",
		"organizational-skills", "research-skills", "critical-thinking", "interpersonal-skills", "teamwork",
		"creativity"} {
		t.Run(id, func(t *testing.T) {
			s, ok := x.skills[id]
			if !ok {
				t.Fatalf("missing")
			}
			if s.Type == nil || *s.Type != "COMMON" {
				t.Errorf("type %v, want COMMON", sampleDeref(s.Type))
			}
		})
	}
}

func TestSampleLadders(t *testing.T) {
	x := sampleLoad(t)
	for _, tc := range []struct {
		name  string
		roles []string
	}{
		{"it support", []string{"help-desk-technician", "it-support-specialist", "network-administrator", "security-specialist"}},
		{"web development", []string{"junior-web-developer", "web-designer-programmer", "senior-software-engineer"}},
		{"payroll", []string{"payroll-clerk", "payroll-specialist", "payroll-manager"}},
		{"nursing", []string{"nursing-assistant", "licensed-practical-nurse", "registered-nurse", "registered-nurse-bsn"}},
		{"manufacturing", []string{"fabricator", "tool-and-die-machinist", "cnc-programmer"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := 1; i < len(tc.roles); i++ {
				a, b := x.role(t, tc.roles[i-1]), x.role(t, tc.roles[i])
				shared := len(sampleOverlap(a, b))
				if 2*shared < len(a.Skills) {
					t.Errorf("%s -> %s shares %d of %d skills, want most", a.ID, b.ID, shared, len(a.Skills))
				}
				if r := sampleReadiness(a, b); r < 0.5 {
					t.Errorf("%s -> %s readiness %.3f, want >= 0.5", a.ID, b.ID, r)
				}
				if rank := slices.Index(x.closestMoves(a), b.ID); rank < 0 || rank >= 5 {
					t.Errorf("%s -> %s is move %d of %s, want among the 5 closest", a.ID, b.ID, rank+1, a.ID)
				}
			}
		})
	}
	t.Run("help desk closest move", func(t *testing.T) {
		moves := x.closestMoves(x.role(t, "help-desk-technician"))
		if len(moves) == 0 || moves[0] != "it-support-specialist" {
			t.Errorf("closest moves from help-desk-technician = %v, want it-support-specialist first", moves)
		}
	})
}

// sampleChain follows the single STACKS_INTO edge out of each rung.
func sampleChain(x sampleIndex, from string) []string {
	chain := []string{from}
	for c := x.credentials[from]; len(c.StacksInto) > 0 && len(chain) <= len(x.credentials); {
		next := c.StacksInto[0].Credential
		chain = append(chain, next)
		c = x.credentials[next]
	}
	return chain
}

func TestSampleStacks(t *testing.T) {
	x := sampleLoad(t)
	for _, tc := range []struct {
		name  string
		rungs []string
	}{
		{"comptia", []string{"comptia-a-plus", "comptia-network-plus", "comptia-security-plus", "comptia-cysa-plus"}},
		{"nursing", []string{"cna", "practical-nursing-certificate", "associate-degree-nursing", "bachelor-science-nursing"}},
		{"macwic", []string{"macwic-level-1", "macwic-level-2"}},
		{"it degrees", []string{"associate-degree-it", "bachelor-computer-science"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sampleChain(x, tc.rungs[0]); !slices.Equal(got, tc.rungs) {
				t.Errorf("stack from %s = %v, want %v", tc.rungs[0], got, tc.rungs)
			}
			for _, id := range tc.rungs[:len(tc.rungs)-1] {
				for _, s := range x.credential(t, id).StacksInto {
					if s.CreditHours < 0 || s.CreditCost < 0 {
						t.Errorf("%s -> %s carries negative credit", id, s.Credential)
					}
				}
			}
		})
	}
	t.Run("a stack of three or more rungs", func(t *testing.T) {
		longest := 0
		for _, c := range x.g.Credentials {
			longest = max(longest, len(sampleChain(x, c.ID)))
		}
		if longest < 3 {
			t.Errorf("longest stack has %d rungs, want >= 3", longest)
		}
	})
}

func TestSamplePrerequisites(t *testing.T) {
	x := sampleLoad(t)
	t.Run("any one of", func(t *testing.T) {
		for _, tc := range []struct {
			credential string
			group      []string
		}{
			{"comptia-security-plus", []string{"comptia-network-plus", "ccna"}},
			{"rn-license", []string{"associate-degree-nursing", "bachelor-science-nursing"}},
			{"associate-degree-nursing", []string{"cna", "lpn-license"}},
		} {
			found := false
			for _, g := range x.credential(t, tc.credential).Prerequisites {
				found = found || slices.Equal(g, tc.group)
			}
			if !found {
				t.Errorf("%s has no prerequisite group %v", tc.credential, tc.group)
			}
		}
	})
	t.Run("chain of depth three", func(t *testing.T) {
		var depth func(id string, seen map[string]bool) int
		depth = func(id string, seen map[string]bool) int {
			if seen[id] {
				t.Fatalf("prerequisite cycle through %s", id)
			}
			seen[id] = true
			defer delete(seen, id)
			best := 0
			for _, g := range x.credentials[id].Prerequisites {
				for _, p := range g {
					if _, ok := x.credentials[p]; ok {
						best = max(best, depth(p, seen))
					}
				}
			}
			return best + 1
		}
		deepest := 0
		for _, c := range x.g.Credentials {
			deepest = max(deepest, depth(c.ID, map[string]bool{}))
		}
		if deepest < 3 {
			t.Errorf("deepest prerequisite chain has %d credentials, want >= 3", deepest)
		}
	})
}

func TestSampleCredentials(t *testing.T) {
	x := sampleLoad(t)
	kinds := map[string]bool{"CERTIFICATION": true, "LICENSE": true, "CERTIFICATE": true, "MICRO_CREDENTIAL": true,
		"BADGE": true, "APPRENTICESHIP": true, "COURSE": true, "PROGRAM": true, "HIGH_SCHOOL_DIPLOMA": true,
		"ASSOCIATE_DEGREE": true, "BACHELORS_DEGREE": true, "MASTERS_DEGREE": true}
	confers := map[string]string{"HIGH_SCHOOL_DIPLOMA": "high-school", "ASSOCIATE_DEGREE": "associate",
		"BACHELORS_DEGREE": "bachelor", "MASTERS_DEGREE": "master"}
	minRatio, maxRatio := math.Inf(1), 0.0
	for _, c := range x.g.Credentials {
		if !kinds[c.Kind] {
			t.Errorf("%s: kind %q", c.ID, c.Kind)
		}
		if want, ok := confers[c.Kind]; ok && c.Confers != want {
			t.Errorf("%s (%s) confers %q, want %q", c.ID, c.Kind, c.Confers, want)
		}
		if c.Issuer == nil || c.Cost == nil || c.Hours == nil || c.Weeks == nil || c.IndustryRecognized == nil ||
			len(c.Certifies) == 0 {
			t.Errorf("%s: issuer, cost, hours, weeks, industryRecognized or certifies missing", c.ID)
			continue
		}
		if *c.Hours > 0 {
			r := *c.Cost / *c.Hours
			minRatio, maxRatio = math.Min(minRatio, r), math.Max(maxRatio, r)
		}
	}
	t.Run("cost is not proportional to hours", func(t *testing.T) {
		if maxRatio < 10*math.Max(minRatio, 1) {
			t.Errorf("cost per hour spans %.2f to %.2f, want a wide spread", minRatio, maxRatio)
		}
	})
	t.Run("cohort costs", func(t *testing.T) {
		n := 0
		for _, c := range x.g.Credentials {
			if c.CohortCost != nil {
				n++
			}
		}
		if n < 3 {
			t.Errorf("%d credentials with a cohort cost, want a few", n)
		}
	})
	t.Run("licenses", func(t *testing.T) {
		for role, license := range map[string]string{
			"registered-nurse": "rn-license", "registered-nurse-bsn": "rn-license",
			"licensed-practical-nurse": "lpn-license", "nursing-assistant": "cna",
		} {
			if !slices.Contains(x.role(t, role).Credentials, license) {
				t.Errorf("%s does not require %s", role, license)
			}
		}
	})
}

func TestSampleCoverage(t *testing.T) {
	x := sampleLoad(t)
	certified := map[string]int{}
	for _, c := range x.g.Credentials {
		for _, s := range c.Certifies {
			certified[s.Skill] = max(certified[s.Skill], s.Level)
		}
	}
	for _, id := range []string{"help-desk-technician", "it-support-specialist", "network-administrator",
		"security-specialist", "systems-administrator"} {
		t.Run(id, func(t *testing.T) {
			for _, s := range x.role(t, id).Skills {
				if s.Required && certified[s.Skill] < s.Level {
					t.Errorf("required %s at %d: the best credential certifies %d", s.Skill, s.Level, certified[s.Skill])
				}
			}
		})
	}
	t.Run("some skills only the job teaches", func(t *testing.T) {
		var uncovered []string
		for _, s := range x.g.Skills {
			if certified[s.ID] == 0 {
				uncovered = append(uncovered, s.ID)
			}
		}
		if len(uncovered) < 1 || len(uncovered) > 2 {
			t.Errorf("skills no credential certifies: %v, want one or two", uncovered)
		}
	})
}

func TestSampleRecredentialing(t *testing.T) {
	x := sampleLoad(t)
	type scored struct {
		id    string
		score float64
	}
	var all []scored
	for _, r := range x.g.Roles {
		if x.levels[r.Education].Rank < 3 {
			continue // only degree-required roles are candidates
		}
		var v, turnover, adv float64
		if r.Vacancies != nil {
			v = float64(*r.Vacancies)
		}
		if r.TurnoverRate != nil {
			turnover = *r.TurnoverRate
		}
		if r.AdvancementPotential != nil && *r.AdvancementPotential {
			adv = 1
		}
		// Upward moves, approximated: roles at a higher level sharing at
		// least three skills.
		up := 0
		for _, o := range x.g.Roles {
			if sampleRoleLevel(o) > sampleRoleLevel(r) && len(sampleOverlap(r, o)) >= 3 {
				up++
			}
		}
		score := 0.5*v/(v+30) + 0.2*turnover/(turnover+10) + 0.3*(0.5*adv+0.5*math.Min(1, float64(up)/3))
		all = append(all, scored{r.ID, score})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].id < all[j].id
	})
	var top []string
	for _, s := range all[:min(5, len(all))] {
		top = append(top, s.id)
	}
	for _, id := range []string{"junior-web-developer", "network-administrator", "security-specialist"} {
		t.Run(id, func(t *testing.T) {
			if !slices.Contains(top, id) {
				t.Errorf("not in the top five candidates %v", top)
			}
		})
	}
}

// TestONETCrosswalk checks the hand-written crosswalk to O*NET
// (sample/onet_crosswalk.json) without Neo4j: it decodes and validates, its
// sample side names skills of the sample, and a file with a fault is refused.
// That every O*NET side names a skill of the O*NET release is checked by the
// full-release test in cypher/imports.
func TestONETCrosswalk(t *testing.T) {
	x := sampleLoad(t)
	pairs, err := ONETCrosswalk()
	if err != nil {
		t.Fatalf("ONETCrosswalk() = %v", err)
	}
	if len(pairs) < 20 {
		t.Errorf("%d pairs; the crosswalk lost some", len(pairs))
	}
	g := &Graph{Crosswalks: pairs}
	if err := g.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	covered := map[string]bool{}
	for _, p := range pairs {
		if _, ok := x.skills[p.From]; !ok {
			t.Errorf("%s is not a sample skill", p.From)
		}
		covered[p.To] = true
	}
	// The sample's certifications meet O*NET roles through these.
	for _, id := range []string{"onet:2.C.3.a", "onet:2.C.9.a", "onet:2.C.5.a", "onet:2.C.2.a", "onet:2.C.1.c", "onet:tech:structured-query-language-sql"} {
		if !covered[id] {
			t.Errorf("no sample skill is the same as %s", id)
		}
	}

	skills := map[string]bool{"sql": true, "networking": true}
	for _, tc := range []struct{ name, file, want string }{
		{"an unknown field", `[{"why": "w", "pairs": [["sql", "onet:2.B.3.e"]], "note": "x"}]`, "unknown field"},
		{"no why", `[{"why": " ", "pairs": [["sql", "onet:2.B.3.e"]]}]`, "needs a why"},
		{"no pairs", `[{"why": "w", "pairs": []}]`, "needs a why and at least one pair"},
		{"a pair of three", `[{"why": "w", "pairs": [["sql", "onet:2.B.3.e", "onet:2.A.1.a"]]}]`, "is not [sample skill, O*NET skill]"},
		{"a skill not in the sample", `[{"why": "w", "pairs": [["nosql", "onet:2.B.3.e"]]}]`, `"nosql" is not a skill of the sample`},
		{"an id O*NET would not make", `[{"why": "w", "pairs": [["sql", "onet:tech:SQL"]]}]`, "is not an O*NET skill id"},
		{"an O*NET occupation", `[{"why": "w", "pairs": [["sql", "onet:15-1242.00"]]}]`, "is not an O*NET skill id"},
		{"a pair twice", `[{"why": "w", "pairs": [["sql", "onet:2.B.3.e"]]}, {"why": "v", "pairs": [["networking", "onet:2.C.9.a"], ["sql", "onet:2.B.3.e"]]}]`, "group 2: sql -> onet:2.B.3.e appears twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCrosswalk([]byte(tc.file), skills)
			if err == nil || !errors.Is(err, pathway.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalid saying %q", err, tc.want)
			}
		})
	}
	if got, err := parseCrosswalk([]byte(`[{"why": "w", "pairs": [["sql", "onet:tech:structured-query-language-sql"], ["networking", "onet:2.C.10"]]}]`), skills); err != nil || len(got) != 2 {
		t.Errorf("a good file: %v, %v", got, err)
	}
}
