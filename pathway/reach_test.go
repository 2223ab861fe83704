package pathway

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"
)

// memGraph is a small career graph in memory: the reads of ReachSource and
// OpenedSource, each counted as one round trip, so the domain's use of them
// is tested without a database.
type memGraph struct {
	roles     map[string]Role
	profiles  map[string][]RoleSkill
	overlaps  map[string][]RoleOverlap // out of each role, closest first
	education map[string]EducationLevel
	graphs    map[string]*PlanGraph
	floors    map[int]float64 // education rank -> the cheapest conferrer's cost
	common    map[string]int  // skill id -> its common level (foundational.go), set before addRole
	mu        sync.Mutex      // planningFacts reads profiles and plan graphs at once
	trips     int
	planReads int // PlanGraphs calls
}

// trip counts a read.
func (m *memGraph) trip() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.trips++
}

// StarterRoles lists every role with its education and credentials; the
// cost floor of a rank is floors', hours none.
func (m *memGraph) StarterRoles(_ context.Context, maxRank *int, industry *string) ([]StarterRole, error) {
	m.trip()
	var out []StarterRole
	for _, id := range slices.Sorted(mapKeys(m.roles)) {
		r := m.roles[id]
		s := StarterRole{Role: r, EducationRank: -1}
		if e, ok := m.education[id]; ok {
			s.EducationRank = e.Rank
			s.EducationCost = m.floors[e.Rank]
		}
		if (maxRank != nil && s.EducationRank > *maxRank) || (industry != nil && (r.Industry == nil || *r.Industry != *industry)) {
			continue
		}
		for _, c := range m.graphs[id].TargetCredentials {
			s.Credentials = append(s.Credentials, c)
			s.CredentialCost, s.CredentialHours = append(s.CredentialCost, 0), append(s.CredentialHours, 0)
		}
		out = append(out, s)
	}
	return out, nil
}

func (m *memGraph) RoleOverlaps(_ context.Context, ids []string, first int) (map[string][]RoleOverlap, error) {
	m.trip()
	out := map[string][]RoleOverlap{}
	for _, id := range ids {
		out[id] = m.overlaps[id][:min(first, len(m.overlaps[id]))]
	}
	return out, nil
}

func (m *memGraph) OverlapsInto(_ context.Context, ids []string, first int) (map[string][]RoleOverlap, error) {
	m.trip()
	out := map[string][]RoleOverlap{}
	for _, from := range slices.Sorted(mapKeys(m.overlaps)) {
		for _, o := range m.overlaps[from] {
			if slices.Contains(ids, o.Role.ID) && len(out[o.Role.ID]) < first {
				out[o.Role.ID] = append(out[o.Role.ID], RoleOverlap{Role: m.roles[from], Score: o.Score})
			}
		}
	}
	return out, nil
}

func (m *memGraph) RolesSharingSkills(_ context.Context, skillIDs []string, first int) ([]string, error) {
	m.trip()
	var out []string
	for id, p := range m.profiles {
		for _, rs := range p {
			if slices.Contains(skillIDs, rs.Skill.ID) {
				out = append(out, id)
				break
			}
		}
	}
	slices.Sort(out)
	return out[:min(first, len(out))], nil
}

func (m *memGraph) RoleSkills(_ context.Context, ids []string) (map[string][]RoleSkill, error) {
	m.trip()
	out := map[string][]RoleSkill{}
	for _, id := range ids {
		if p, ok := m.profiles[id]; ok {
			out[id] = p
		}
	}
	return out, nil
}

func (m *memGraph) RolesByIDs(_ context.Context, ids []string) (map[string]Role, error) {
	m.trip()
	out := map[string]Role{}
	for _, id := range ids {
		if r, ok := m.roles[id]; ok {
			out[id] = r
		}
	}
	return out, nil
}

func (m *memGraph) RoleEducation(_ context.Context, ids []string) (map[string]EducationLevel, error) {
	m.trip()
	out := map[string]EducationLevel{}
	for _, id := range ids {
		if e, ok := m.education[id]; ok {
			out[id] = e
		}
	}
	return out, nil
}

func (m *memGraph) PlanGraphs(_ context.Context, ids []string) (map[string]*PlanGraph, error) {
	m.trip()
	m.mu.Lock()
	m.planReads++
	m.mu.Unlock()
	out := map[string]*PlanGraph{}
	for _, id := range ids {
		if g, ok := m.graphs[id]; ok {
			out[id] = g
		}
	}
	return out, nil
}

// Profiles holds, for profiles naming a role, what the role means.
func (m *memGraph) Profiles(_ context.Context, ps []Profile) ([]*Held, []*Role, error) {
	m.trip()
	held := make([]*Held, len(ps))
	roles := make([]*Role, len(ps))
	for i, p := range ps {
		h := NewHeld()
		if g, ok := m.graphs[p.RoleID]; ok {
			h.TakeRole(p.RoleID, g.Target, g.TargetCredentials, g.TargetEducationRank, g.FieldAcceptance)
			r := m.roles[p.RoleID]
			roles[i] = &r
		}
		held[i] = h
	}
	return held, roles, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// addRole puts a role in the graph with its required skills (skill id ->
// level), its education rank (which limits reach; plans here ignore it), its
// plan graph and the candidates that certify its skills.
func (m *memGraph) addRole(r Role, skills map[string]int, eduRank int, candidates ...PlanCredential) {
	m.roles[r.ID] = r
	g := &PlanGraph{RoleID: r.ID, Role: r, TargetEducationRank: -1, Credentials: map[string]Credential{}}
	for _, s := range slices.Sorted(mapKeys(skills)) {
		imp := 3.0
		sk := Skill{ID: s, Name: s}
		if c, ok := m.common[s]; ok {
			sk.CommonLevel = &c
		}
		m.profiles[r.ID] = append(m.profiles[r.ID], RoleSkill{RoleID: r.ID, Skill: sk, Level: skills[s], Importance: &imp, Required: true})
		g.Target = append(g.Target, Requirement{SkillID: s, Level: skills[s], Importance: imp, Required: true, Common: m.common[s]})
	}
	for _, c := range candidates {
		g.Candidates = append(g.Candidates, c)
		g.Credentials[c.ID] = Credential{ID: c.ID, Name: c.Name}
	}
	m.graphs[r.ID] = g
	if eduRank >= 0 {
		m.education[r.ID] = EducationLevel{ID: "rank", Rank: eduRank}
	}
}

func (m *memGraph) link(from, to string, score float64) {
	m.overlaps[from] = append(m.overlaps[from], RoleOverlap{Role: m.roles[to], Score: score})
}

func role(id string, wage float64, vacancies int, industry string, level RoleLevel) Role {
	return Role{ID: id, Title: id, WageMedian: &wage, Vacancies: &vacancies, Industry: &industry, Level: &level}
}

// itGraph: help desk -> support -> sysadmin -> architect, and a nurse role
// in another industry; credentials that close the IT gaps.
func itGraph() *memGraph {
	m := &memGraph{roles: map[string]Role{}, profiles: map[string][]RoleSkill{}, overlaps: map[string][]RoleOverlap{},
		education: map[string]EducationLevel{}, graphs: map[string]*PlanGraph{}}
	aplus := cred("a-plus", 300, 100, 8, map[string]int{"hardware": 3})
	netplus := cred("net-plus", 400, 120, 10, map[string]int{"networking": 3})
	linux := cred("linux", 2500, 400, 20, map[string]int{"linux": 4})
	m.addRole(role("help-desk", 40000, 50, "IT", LevelEntry), map[string]int{"support": 3}, 1)
	m.addRole(role("support", 50000, 20, "IT", LevelEntry), map[string]int{"support": 3, "hardware": 3}, 1, aplus)
	m.addRole(role("sysadmin", 80000, 10, "IT", LevelMiddleSkill), map[string]int{"hardware": 3, "networking": 3, "linux": 4}, 3, aplus, netplus, linux)
	m.addRole(role("architect", 120000, 5, "IT", LevelProfessional), map[string]int{"networking": 3, "linux": 4, "design": 4}, 4, netplus, linux)
	m.addRole(role("nurse", 90000, 100, "Health", LevelMiddleSkill), map[string]int{"support": 2, "care": 4}, 3)
	m.link("help-desk", "support", 0.8)
	m.link("help-desk", "nurse", 0.3)
	m.link("support", "sysadmin", 0.6)
	m.link("sysadmin", "architect", 0.7)
	return m
}

func reachedIDs(rs []ReachedRole) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Role.ID)
	}
	return out
}

func TestReachableRoles(t *testing.T) {
	g := itGraph()
	start := g.roles["help-desk"]
	held := NewHeld()
	held.TakeRole("help-desk", g.graphs["help-desk"].Target, nil, 1, FieldAcceptance{})
	it := "IT"
	edu := 2
	tests := []struct {
		name  string
		q     ReachQuery
		want  []string
		check func(t *testing.T, rs []ReachedRole)
	}{
		{name: "one move, closest first", q: ReachQuery{Limits: ReachLimits{MaxSteps: 1}}, want: []string{"support", "nurse"}},
		{name: "two moves discount the score", q: ReachQuery{Limits: ReachLimits{MaxSteps: 2}}, want: []string{"support", "sysadmin", "nurse"},
			check: func(t *testing.T, rs []ReachedRole) {
				if s := rs[1]; s.Score != 0.48 || s.Steps != 2 || len(s.Path) != 2 || s.Path[0].ID != "support" {
					t.Errorf("sysadmin reached as %+v, want score 0.48 in 2 steps through support", s.Reach)
				}
			}},
		{name: "industry filter", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3, Industry: &it}}, want: []string{"support", "sysadmin", "architect"}},
		{name: "education ceiling", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3, MaxEducationRank: &edu}}, want: []string{"support"}},
		{name: "wage gain order", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3}, Order: OrderWageGain}, want: []string{"architect", "nurse", "sysadmin", "support"},
			check: func(t *testing.T, rs []ReachedRole) {
				if rs[0].WageGain == nil || *rs[0].WageGain != 80000 {
					t.Errorf("architect's wage gain = %v, want 80000", rs[0].WageGain)
				}
			}},
		{name: "demand order", q: ReachQuery{Limits: ReachLimits{MaxSteps: 2}, Order: OrderDemand}, want: []string{"nurse", "support", "sysadmin"}},
		{name: "plan cost order: feasible and cheapest first", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3}, Order: OrderPlanCost},
			want: []string{"nurse", "support", "architect", "sysadmin"},
			check: func(t *testing.T, rs []ReachedRole) {
				for i := 1; i < len(rs); i++ {
					if rs[i-1].Plan.TotalCost > rs[i].Plan.TotalCost {
						t.Errorf("plan costs out of order: %v", rs)
					}
				}
			}},
		{name: "a cost limit keeps roles whose plan fits", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3, MaxCost: fp(500)}}, want: []string{"support", "nurse"}},
		{name: "the page size", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3}, First: 2}, want: []string{"support", "sysadmin"}},
		{name: "minimum overlap", q: ReachQuery{Limits: ReachLimits{MaxSteps: 3, MinOverlap: 0.5}}, want: []string{"support", "nurse"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Held, q.Start, q.RoleOnly = held, &start, true
			if q.First == 0 {
				q.First = 10
			}
			g.trips = 0
			rs, err := ReachableRoles(context.Background(), g, q)
			if err != nil {
				t.Fatal(err)
			}
			if got := reachedIDs(rs); !slices.Equal(got, tt.want) {
				t.Errorf("reached %v, want %v", got, tt.want)
			}
			for _, r := range rs {
				if r.Graph == nil || r.Graph.RoleID != r.Role.ID {
					t.Errorf("%s: no plan graph", r.Role.ID)
				}
				if q.Limits.MaxCost != nil && r.Plan.TotalCost > *q.Limits.MaxCost {
					t.Errorf("%s: plan costs %g past the limit", r.Role.ID, r.Plan.TotalCost)
				}
			}
			if tt.check != nil {
				tt.check(t, rs)
			}
			// A fixed number of reads: one per move, two for the page's
			// roles, two per chunk of planned roles.
			if g.trips > q.Limits.MaxSteps+4 {
				t.Errorf("%d reads for %d moves", g.trips, q.Limits.MaxSteps)
			}

			// Asked without plans, the same roles in the same order with the
			// same scores, overlaps and gaps, and no plan graph read unless
			// the order or a limit needs plans.
			q.SkipPlans = true
			g.planReads = 0
			bare, err := ReachableRoles(context.Background(), g, q)
			if err != nil {
				t.Fatal(err)
			}
			needs := q.Order == OrderPlanCost || q.Limits.MaxCost != nil || q.Limits.MaxHours != nil
			if g.planReads > 0 && !needs {
				t.Errorf("without plans asked for, the plan graphs were read %d times", g.planReads)
			}
			if len(bare) != len(rs) {
				t.Fatalf("without plans: %v, want %v", reachedIDs(bare), reachedIDs(rs))
			}
			for i := range rs {
				if bare[i].Role.ID != rs[i].Role.ID || bare[i].Score != rs[i].Score || bare[i].Overlap != rs[i].Overlap ||
					!slices.Equal(bare[i].Gaps, rs[i].Gaps) {
					t.Errorf("without plans, role %d is %s (score %g, overlap %g, gaps %v), want %s (%g, %g, %v)", i,
						bare[i].Role.ID, bare[i].Score, bare[i].Overlap, bare[i].Gaps, rs[i].Role.ID, rs[i].Score, rs[i].Overlap, rs[i].Gaps)
				}
				if (bare[i].Graph == nil) != !needs {
					t.Errorf("%s: planned %v without plans asked for, want %v", bare[i].Role.ID, bare[i].Graph != nil, needs)
				}
			}
		})
	}
}

// TestStarters: a profile that names no role reaches the roles open to it
// now and those a plan takes it to, ranked by relatedness when it holds
// enough skills, else by interests and preparation, then cost.
func TestStarters(t *testing.T) {
	g := itGraph()
	skilled := NewHeld()
	skilled.AddSkill("networking", 3)
	skilled.AddSkill("linux", 4)
	skilled.AddSkill("design", 2)
	skilled.Finish()
	rs, err := ReachableRoles(context.Background(), g, ReachQuery{Held: skilled, Limits: ReachLimits{MaxSteps: 1}, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	// sysadmin: related, A+ away; help desk: entry level, nothing asked, open
	// now; support: A+ away. The architect's gap (design at 4) has no
	// credential and it is no entry role: no plan takes the profile there.
	if got := reachedIDs(rs); !slices.Equal(got, []string{"sysadmin", "help-desk", "support"}) {
		t.Fatalf("reached %v", got)
	}
	if r := rs[0]; r.Score <= 0 || r.OpenNow || len(r.Plan.Steps) != 1 || r.Overlap != 0.6667 || len(r.Gaps) != 1 || r.Gaps[0].SkillID != "hardware" {
		t.Errorf("sysadmin: %+v", r)
	}
	if r := rs[1]; !r.OpenNow || len(r.Gaps) != 1 || r.Gaps[0].SkillID != "support" {
		t.Errorf("help desk: open now %v, gaps %+v: want open, support learned on the job", r.OpenNow, r.Gaps)
	}

	// With interests and no skills, the match ranks, then the cost floor.
	g.roles["support"] = withInterests(g.roles["support"], 6, 4, 1, 2, 2, 5)
	g.roles["sysadmin"] = withInterests(g.roles["sysadmin"], 4, 6, 1, 1, 3, 5)
	ric, _ := InterestsFromCode("RIC")
	rs, err = ReachableRoles(context.Background(), g, ReachQuery{Held: NewHeld(), Limits: ReachLimits{MaxSteps: 1}, First: 10, Interests: ric})
	if err != nil {
		t.Fatal(err)
	}
	if got := reachedIDs(rs); len(got) < 2 || got[0] != "support" || rs[0].InterestMatch == nil {
		t.Errorf("RIC reached %v; want support (RIC-like) first, with its match", got)
	}

	// A cost limit prefilters by the floors: the education the role asks.
	g.education["support"] = EducationLevel{ID: "associate", Rank: 3}
	g.floors = map[int]float64{3: 5000}
	limit := 1000.0
	rs, err = ReachableRoles(context.Background(), g, ReachQuery{Held: NewHeld(), Limits: ReachLimits{MaxSteps: 1, MaxCost: &limit}, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(reachedIDs(rs), "support") {
		t.Errorf("support asks an associate degree (at least $5,000): past a $1,000 limit, yet reached: %v", reachedIDs(rs))
	}
}

func withInterests(r Role, v ...float64) Role { r.Interests = v; return r }

func TestReachLimitsCheck(t *testing.T) {
	for name, l := range map[string]ReachLimits{
		"no steps":        {MaxSteps: 0},
		"too many steps":  {MaxSteps: MaxReachSteps + 1},
		"overlap above 1": {MaxSteps: 1, MinOverlap: 1.5},
		"negative cost":   {MaxSteps: 1, MaxCost: fp(-1)},
		"negative hours":  {MaxSteps: 1, MaxHours: fp(-1)},
	} {
		t.Run(name, func(t *testing.T) {
			if err := l.Check(); err == nil {
				t.Errorf("Check(%+v) = nil, want ErrInvalid", l)
			}
		})
	}
	if err := (ReachLimits{MaxSteps: MaxReachSteps, MinOverlap: 1, MaxCost: fp(0)}).Check(); err != nil {
		t.Errorf("the widest valid limits: %v", err)
	}
}

func TestPlanViaStone(t *testing.T) {
	g := itGraph()
	held := NewHeld()
	held.TakeRole("help-desk", g.graphs["help-desk"].Target, nil, 1, FieldAcceptance{})
	target := g.graphs["sysadmin"]
	limit := 3000.0
	opt := PlanOptions{Objective: ObjectiveCost, MaxCost: &limit}
	// Direct, the three credentials cost 3,200: past the limit. Through the
	// support role (which holds A+ skills), each leg keeps to it.
	if direct, _ := Solve(context.Background(), target.Request(held), opt); direct[0].Feasible {
		t.Fatalf("the direct plan should break the limit: %+v", direct[0])
	}
	route, err := PlanViaStone(context.Background(), held, target, []*PlanGraph{g.graphs["nurse"], g.graphs["help-desk"], g.graphs["support"]}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if route == nil || route.Stone.RoleID != "support" {
		t.Fatalf("route = %+v, want through support", route)
	}
	p := route.Plan()
	if got := steps(route.First); !slices.Equal(got, []string{"a-plus"}) {
		t.Errorf("first leg %v, want A+ into support", got)
	}
	// In support a person holds its skills, and A+ besides: the second leg
	// needs only networking and Linux.
	if got := steps(p); len(got) != 3 || got[0] != "a-plus" || !slices.Contains(got, "net-plus") || !slices.Contains(got, "linux") {
		t.Errorf("route steps %v, want A+ then Network+ and Linux", got)
	}
	if p.TotalCost != 3200 || p.TotalCost != route.First.TotalCost+route.Second.TotalCost || !p.Feasible {
		t.Errorf("route totals %+v do not add up its legs", p)
	}
}

// randomCandidates is a pool of credentials over skills s0..s9 with coarse
// costs (so plans tie; with dimes, whose sums round, when cents is set),
// ranks, fields, prerequisites and stacking credit.
func randomCandidates(r *rand.Rand, n int, cents bool) []PlanCredential {
	var out []PlanCredential
	for i := range n {
		c := cred(fmt.Sprintf("c%02d", i), float64(500*r.IntN(6)), float64(10*(1+r.IntN(8))), float64(1+r.IntN(4)), map[string]int{})
		if cents {
			c.Cost += 0.1 * float64(r.IntN(3)) // sums that round
		}
		for range 1 + r.IntN(3) {
			c.Certifies[fmt.Sprintf("s%d", r.IntN(10))] = 1 + r.IntN(5)
		}
		if r.IntN(4) == 0 {
			c.ConfersRank = 2 + r.IntN(4)
			c.Field = []string{"f1", "f2", ""}[r.IntN(3)]
		}
		if i > 0 && r.IntN(4) == 0 {
			g := []Prereq{{CredentialID: fmt.Sprintf("c%02d", r.IntN(i))}}
			if r.IntN(2) == 0 {
				g = append(g, Prereq{EducationRank: 1 + r.IntN(4)})
			}
			c.Prerequisites = [][]Prereq{g}
		}
		if i > 0 && r.IntN(5) == 0 {
			c.StackCredit = []StackCredit{{FromID: fmt.Sprintf("c%02d", r.IntN(i)), Cost: float64(250 * r.IntN(4)), Hours: 5}}
		}
		out = append(out, c)
	}
	return out
}

// randomReachGraph is 30 roles over ten skills, each with its own subset
// of a shared pool of candidates, some with a required credential (perhaps
// not a candidate) or education in a field, linked by random overlaps.
func randomReachGraph(r *rand.Rand) *memGraph {
	m := &memGraph{roles: map[string]Role{}, profiles: map[string][]RoleSkill{}, overlaps: map[string][]RoleOverlap{},
		education: map[string]EducationLevel{}, graphs: map[string]*PlanGraph{}}
	pool := randomCandidates(r, 30, r.IntN(4) == 0)
	m.common = map[string]int{}
	for s := range 10 {
		if r.IntN(4) == 0 { // a skill most roles need at some level
			m.common[fmt.Sprintf("s%d", s)] = 1 + r.IntN(3)
		}
	}
	ids := make([]string, 30)
	for i := range ids {
		ids[i] = fmt.Sprintf("r%02d", i)
		skills := map[string]int{}
		for range 1 + r.IntN(4) {
			skills[fmt.Sprintf("s%d", r.IntN(10))] = 1 + r.IntN(5)
		}
		var cands []PlanCredential
		for _, c := range pool {
			if r.IntN(3) > 0 {
				cands = append(cands, c)
			}
		}
		m.addRole(role(ids[i], float64(30000+1000*r.IntN(50)), r.IntN(100), "IT", LevelEntry), skills, -1, cands...)
		g := m.graphs[ids[i]]
		if r.IntN(5) == 0 {
			g.TargetCredentials = []string{fmt.Sprintf("c%02d", r.IntN(32))}
		}
		if r.IntN(3) == 0 {
			g.TargetEducationRank = 2 + r.IntN(3)
			if r.IntN(2) == 0 {
				g.FieldAcceptance = FieldAcceptance{Fields: []string{"f1"}}
			} else {
				g.FieldAcceptance = FieldAcceptance{AnyField: true}
			}
		}
	}
	for _, from := range ids {
		for range 2 + r.IntN(5) {
			if to := ids[r.IntN(len(ids))]; to != from {
				m.link(from, to, float64(1+r.IntN(9))/10)
			}
		}
		slices.SortStableFunc(m.overlaps[from], func(a, b RoleOverlap) int { return -cmp.Compare(a.Score, b.Score) })
	}
	return m
}

// TestCostFloorBoundsPlans: the floor never exceeds the cheapest plan's
// cost, and is infinite only when no plan exists.
func TestCostFloorBoundsPlans(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	tight := 0
	for i := range 400 {
		m := randomReachGraph(r)
		for _, id := range []string{"r00", "r01", "r02"} {
			g := m.graphs[id]
			held := NewHeld()
			for range r.IntN(4) {
				held.AddSkill(fmt.Sprintf("s%d", r.IntN(10)), 1+r.IntN(5))
			}
			if r.IntN(3) == 0 {
				held.Credentials[fmt.Sprintf("c%02d", r.IntN(30))] = true
			}
			held.EducationRank = r.IntN(4)
			req := g.Request(held)
			floor := g.costFloor(req)
			plans, err := Solve(context.Background(), req, PlanOptions{Objective: ObjectiveCost, TimeCap: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			p := plans[0]
			switch {
			case !p.Optimal:
				t.Fatalf("case %d %s: not proven optimal", i, id)
			case p.Feasible && p.TotalCost < floor-tol(floor):
				t.Errorf("case %d %s: floor %v above the cheapest plan's cost %v", i, id, floor, p.TotalCost)
			case p.Feasible && p.TotalCost > 0 && p.TotalCost == floor:
				tight++
			}
		}
	}
	if tight < 50 {
		t.Errorf("the floor met a positive plan cost %d times: too weak to test", tight)
	}
}

// TestReachByPlanCostPruned: an order by plan cost that plans roles in
// order of their floors and stops early answers exactly as planning every
// role does (the oracle), on random graphs, profiles, limits and pages,
// while planning fewer roles.
func TestReachByPlanCostPruned(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 14))
	pruned, cases := 0, 0
	for i := range 300 {
		m := randomReachGraph(r)
		start := m.roles[fmt.Sprintf("r%02d", r.IntN(30))]
		held := NewHeld()
		held.TakeRole(start.ID, m.graphs[start.ID].Target, nil, -1, FieldAcceptance{})
		roleOnly := r.IntN(2) == 0
		if !roleOnly {
			for range r.IntN(3) {
				held.AddSkill(fmt.Sprintf("s%d", r.IntN(10)), 1+r.IntN(5))
			}
			if r.IntN(3) == 0 {
				held.Credentials[fmt.Sprintf("c%02d", r.IntN(30))] = true
			}
			held.EducationRank = r.IntN(5)
			if r.IntN(2) == 0 {
				held.Education = []HeldEducation{{Rank: held.EducationRank, Fields: []string{"f2"}}}
			}
		}
		q := ReachQuery{Held: held, Start: &start, RoleOnly: roleOnly, Order: OrderPlanCost, First: r.IntN(12),
			Limits: ReachLimits{MaxSteps: 1 + r.IntN(3)}}
		if r.IntN(4) == 0 {
			q.Limits.MinOverlap = 0.2
		}
		if r.IntN(4) == 0 {
			q.Limits.MaxCost = fp(float64(500 * r.IntN(6)))
		}
		if r.IntN(6) == 0 {
			q.Limits.MaxHours = fp(float64(10 * r.IntN(10)))
		}
		var solves [2]int
		count := func(k int) context.Context {
			return WithPlanObserver(context.Background(), func(kind string, _ bool, _ time.Duration, _ error) { solves[k]++ })
		}
		got, err := ReachableRoles(count(0), m, q)
		if err != nil {
			t.Fatal(err)
		}
		q.planEvery = true
		want, err := ReachableRoles(count(1), m, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d (first %d, limits %+v): pruned page differs from planning every role:\n got %v\nwant %v",
				i, q.First, q.Limits, pageSummary(got), pageSummary(want))
		}
		if len(want) > 0 {
			cases++
		}
		if solves[0] < solves[1] {
			pruned++
		}
	}
	if cases < 100 || pruned < 50 {
		t.Errorf("%d cases with a page, %d planned fewer roles: the test proves little", cases, pruned)
	}
}

func pageSummary(page []ReachedRole) []string {
	var out []string
	for _, c := range page {
		out = append(out, fmt.Sprintf("%s:%v/%v", c.Role.ID, c.Plan.Feasible, c.Plan.TotalCost))
	}
	return out
}
