package pathway

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// cohortMembers draws 2-3 members around one random target: each their own
// held skills, credentials and education.
func cohortMembers(r *rand.Rand) []PlanRequest {
	base := genRequest(r, genConfig{cands: 4 + r.IntN(5), skills: 3 + r.IntN(4), cohortCosts: true})
	members := []PlanRequest{base}
	for range 1 + r.IntN(2) {
		m := base
		m.HeldSkills = map[string]int{}
		for s := range 7 {
			if r.IntN(10) < 3 {
				m.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
			}
		}
		m.HeldCredentials = nil
		if r.IntN(4) == 0 {
			m.HeldCredentials = []string{base.Candidates[r.IntN(len(base.Candidates))].ID}
		}
		m.EducationRank = r.IntN(4)
		members = append(members, m)
	}
	return members
}

// cohortOracle is the best (ready, total) by brute force: every set of
// cohort-cost credentials to open, each member's cheapest valid plan from
// the rest and those (every subset enumerated), the cheapest members that fit
// the budget.
func cohortOracle(members []PlanRequest, opt CohortOptions) (int, float64) {
	excluded := map[string]bool{}
	for _, id := range opt.Exclude {
		excluded[id] = true
	}
	var cc []PlanCredential
	for _, c := range members[0].Candidates {
		if c.CohortCost > 0 && !excluded[c.ID] {
			cc = append(cc, c)
		}
	}
	budget := math.Inf(1)
	if opt.Budget != nil {
		budget = *opt.Budget
	}
	waived := make([][]string, len(members))
	for i, m := range members {
		waived[i] = nonNil(newOracle(m, opt.PlanOptions).uncovered)
	}
	bestReady, bestCost := -1, 0.0
	for open := range 1 << len(cc) {
		o := opt.PlanOptions
		o.Exclude = slices.Clone(opt.Exclude)
		fixed := 0.0
		for i, c := range cc {
			if open&(1<<i) == 0 {
				o.Exclude = append(o.Exclude, c.ID)
			} else {
				fixed += c.CohortCost
			}
		}
		var costs []float64
		for i, m := range members {
			or := newOracleFixed(m, o, waived[i])
			least := math.Inf(1)
			for s, ok := range or.valid {
				if ok {
					least = min(least, or.vals[s][1])
				}
			}
			if !math.IsInf(least, 1) {
				costs = append(costs, least)
			}
		}
		slices.Sort(costs)
		ready, total := 0, fixed
		for _, c := range costs {
			if total+c > budget+1e-9 {
				break
			}
			total += c
			ready++
		}
		if ready > bestReady || (ready == bestReady && total < bestCost) {

			bestReady, bestCost = ready, total
		}
	}
	return bestReady, bestCost
}

// TestSolveCohortAgainstOracle holds SolveCohort to the brute-force oracle on
// random small cohorts, with and without a budget: as many members ready and
// no more cost than the oracle's best, each ready member's plan valid, the
// totals and takers consistent, the budget kept, the answer repeatable.
func TestSolveCohortAgainstOracle(t *testing.T) {
	instances := 1000
	if testing.Short() {
		instances = 60
	}
	r := rand.New(rand.NewPCG(3, 4))
	var shared, fee, short, partial int
	for inst := range instances {
		members := cohortMembers(r)
		opt := CohortOptions{PlanOptions: genOptions(r, members[0])}
		opt.TimeCap = time.Minute // the oracle checks optimality, not speed
		opt.MaxCredentials, opt.MaxWeeks = nil, nil
		if r.IntN(2) == 0 {
			b := float64(100 * r.IntN(40))
			opt.Budget = &b
		}
		got, err := SolveCohort(context.Background(), members, opt)
		if err != nil {
			t.Fatal(err)
		}
		fail := func(format string, args ...any) {
			t.Helper()
			var b strings.Builder
			for i, m := range members {
				fmt.Fprintf(&b, "member %d: %s\n", i, describe(m, opt.PlanOptions))
			}
			t.Fatalf("instance %d: %s (budget %v)\n%s\ngot %+v", inst, fmt.Sprintf(format, args...), opt.Budget, b.String(), got)
		}
		ready, cost := cohortOracle(members, opt)
		if !got.Optimal || got.Ready != ready || !near(got.TotalCost, cost) || !near(got.LowerBound, got.TotalCost) {
			fail("ready %d cost %v optimal %v, oracle ready %d cost %v", got.Ready, got.TotalCost, got.Optimal, ready, cost)
		}
		// Consistency: each ready member's plan is valid; the totals add up.
		total, n := 0.0, 0
		takers := map[string]int{}
		for i, p := range got.Members {
			m := members[i]
			m.Target, m.TargetCredentials, m.TargetEducationRank, m.Candidates = members[0].Target,
				members[0].TargetCredentials, members[0].TargetEducationRank, members[0].Candidates
			if !p.Feasible {
				if p.Reason == "" {
					fail("member %d left out with no reason", i)
				}
				continue
			}
			n++
			if err := checkPlan(newOracle(m, opt.PlanOptions), p); err != nil {
				fail("member %d: %v", i, err)
			}
			total += p.TotalCost
			for _, s := range p.Steps {
				takers[s.CredentialID]++
			}
		}
		for _, c := range got.Credentials {
			if takers[c.CredentialID] != c.Takers {
				fail("%s: %d takers, want %d", c.CredentialID, c.Takers, takers[c.CredentialID])
			}
			total += c.CohortCost
		}
		if n != got.Ready || len(got.Credentials) != len(takers) || !near(total, got.TotalCost) {
			fail("ready %d, credentials %d, total %v: the members' plans say %d, %d, %v", got.Ready, len(got.Credentials), got.TotalCost, n, len(takers), total)
		}
		if opt.Budget != nil && got.TotalCost > *opt.Budget+1e-9 {
			fail("total %v is over the budget", got.TotalCost)
		}
		if again, _ := SolveCohort(context.Background(), members, opt); !reflect.DeepEqual(got, again) {
			fail("second run differs")
		}
		for _, c := range got.Credentials {
			if c.Takers > 1 {
				shared++
			}
			if c.CohortCost > 0 {
				fee++
			}
		}
		if got.Ready < len(members) {
			partial++
			if opt.Budget != nil {
				short++
			}
		}
	}
	t.Logf("%d cohorts: %d shared credentials, %d with a cohort fee; %d cohorts not all ready (%d with a budget)",
		instances, shared, fee, partial, short)
	if !testing.Short() && (shared == 0 || fee == 0 || short == 0) {
		t.Errorf("the generator misses a case")
	}
}

// TestSolveCohortSharedChoice shows the cohort cost moving the shared choice
// away from what each member would pick alone, both ways.
func TestSolveCohortSharedChoice(t *testing.T) {
	target := []Requirement{{SkillID: "networking", Level: 3, Required: true}}
	member := func(cands []PlanCredential) PlanRequest {
		return PlanRequest{Target: target, TargetEducationRank: -1, Candidates: cands}
	}
	tests := []struct {
		name      string
		cands     []PlanCredential
		members   int
		solo      string // Solve's best for one member: per-person cost only
		oneCohort string // a cohort of one, paying the cohort fee alone
		together  string // the cohort's choice
		wantTotal float64
	}{
		{
			name: "a cheap seat with a costly cohort fee loses",
			cands: []PlanCredential{
				{ID: "bootcamp", Cost: 50, CohortCost: 500, Hours: 40, Certifies: map[string]int{"networking": 3}, ConfersRank: -1},
				{ID: "college-course", Cost: 100, Hours: 60, Certifies: map[string]int{"networking": 3}, ConfersRank: -1},
			},
			members: 2, solo: "bootcamp", oneCohort: "college-course", together: "college-course", wantTotal: 200,
		},
		{
			name: "a shared delivery fee pays off for a group",
			cands: []PlanCredential{
				{ID: "employer-cohort", Cost: 10, CohortCost: 150, Hours: 40, Certifies: map[string]int{"networking": 3}, ConfersRank: -1},
				{ID: "online-course", Cost: 100, Hours: 60, Certifies: map[string]int{"networking": 3}, ConfersRank: -1},
			},
			members: 3, solo: "employer-cohort", oneCohort: "online-course", together: "employer-cohort", wantTotal: 180,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var members []PlanRequest
			for range tt.members {
				members = append(members, member(tt.cands))
			}
			solo, err := Solve(context.Background(), members[0], PlanOptions{Objective: ObjectiveCost})
			if err != nil {
				t.Fatal(err)
			}
			if got := solo[0].Steps[0].CredentialID; got != tt.solo {
				t.Errorf("solo: %s, want %s", got, tt.solo)
			}
			one, err := SolveCohort(context.Background(), members[:1], CohortOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := one.Members[0].Steps[0].CredentialID; got != tt.oneCohort {
				t.Errorf("a cohort of one: %s, want %s", got, tt.oneCohort)
			}
			got, err := SolveCohort(context.Background(), members, CohortOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !got.Optimal || got.Ready != tt.members || got.TotalCost != tt.wantTotal {
				t.Errorf("cohort: ready %d total %v optimal %v, want %d %v", got.Ready, got.TotalCost, got.Optimal, tt.members, tt.wantTotal)
			}
			for i, p := range got.Members {
				if p.Steps[0].CredentialID != tt.together {
					t.Errorf("member %d takes %s, want %s", i, p.Steps[0].CredentialID, tt.together)
				}
			}
			if len(got.Credentials) != 1 || got.Credentials[0].Takers != tt.members {
				t.Errorf("credentials %+v", got.Credentials)
			}
		})
	}
}

func TestSolveCohortBudget(t *testing.T) {
	cands := []PlanCredential{
		{ID: "ccna", Cost: 300, Hours: 100, Certifies: map[string]int{"networking": 3, "routing": 3}, ConfersRank: -1},
		{ID: "net-plus", Cost: 200, Hours: 60, Certifies: map[string]int{"networking": 3}, ConfersRank: -1},
		{ID: "routing-lab", Cost: 150, CohortCost: 100, Hours: 30, Certifies: map[string]int{"routing": 3}, ConfersRank: -1},
	}
	target := []Requirement{{SkillID: "networking", Level: 3, Required: true}, {SkillID: "routing", Level: 3, Required: true}}
	members := []PlanRequest{
		{Target: target, TargetEducationRank: -1, Candidates: cands},
		{HeldSkills: map[string]int{"networking": 3}},
		{HeldSkills: map[string]int{"routing": 4}},
	}
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name      string
		budget    *float64
		ready     int
		total     float64
		leftOut   []int
		wantTaken []string
	}{
		{name: "no budget", budget: nil, ready: 3, total: 300 + 250 + 200, wantTaken: []string{"ccna", "net-plus", "routing-lab"}},
		{name: "room for two", budget: f(500), ready: 2, total: 200 + 250, leftOut: []int{0}, wantTaken: []string{"net-plus", "routing-lab"}},
		{name: "room for one", budget: f(240), ready: 1, total: 200, leftOut: []int{0, 1}, wantTaken: []string{"net-plus"}},
		{name: "nothing fits", budget: f(100), ready: 0, total: 0, leftOut: []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SolveCohort(context.Background(), members, CohortOptions{Budget: tt.budget})
			if err != nil {
				t.Fatal(err)
			}
			if got.Ready != tt.ready || got.TotalCost != tt.total || !got.Optimal {
				t.Fatalf("ready %d total %v optimal %v, want %d %v", got.Ready, got.TotalCost, got.Optimal, tt.ready, tt.total)
			}
			var left []int
			for i, p := range got.Members {
				if !p.Feasible {
					left = append(left, i)
					if !strings.Contains(p.Reason, "budget") {
						t.Errorf("member %d: reason %q", i, p.Reason)
					}
				}
			}
			if !slices.Equal(left, tt.leftOut) {
				t.Errorf("left out %v, want %v", left, tt.leftOut)
			}
			var taken []string
			for _, c := range got.Credentials {
				taken = append(taken, c.CredentialID)
			}
			if !slices.Equal(taken, tt.wantTaken) {
				t.Errorf("taken %v, want %v", taken, tt.wantTaken)
			}
		})
	}
}

func TestSolveCohortPooledGap(t *testing.T) {
	target := []Requirement{{SkillID: "a", Level: 2, Required: true}, {SkillID: "b", Level: 2, Required: true}, {SkillID: "c", Level: 1}}
	members := []PlanRequest{
		{Target: target, TargetEducationRank: -1},
		{HeldSkills: map[string]int{"a": 2}},
		{HeldSkills: map[string]int{"b": 1}},
	}
	got, err := SolveCohort(context.Background(), members, CohortOptions{PlanOptions: PlanOptions{IncludePreferred: true}})
	if err != nil {
		t.Fatal(err)
	}
	want := []PooledGapSkill{{"b", 3}, {"c", 3}, {"a", 2}}
	if !reflect.DeepEqual(got.PooledGap, want) {
		t.Errorf("pooled gap %v, want %v", got.PooledGap, want)
	}
	// Nothing certifies anything: every member is ready with an empty plan
	// and the gaps uncovered.
	if got.Ready != 3 || got.TotalCost != 0 || len(got.Members[0].Uncovered) != 3 {
		t.Errorf("ready %d total %v uncovered %v", got.Ready, got.TotalCost, got.Members[0].Uncovered)
	}
}

func TestSolveCohortInvalid(t *testing.T) {
	neg := -1.0
	tests := []struct {
		name    string
		members []PlanRequest
		opt     CohortOptions
		want    string
	}{
		{"no members", nil, CohortOptions{}, "at least one member"},
		{"negative budget", []PlanRequest{{}}, CohortOptions{Budget: &neg}, "budget"},
		{"too many alternatives", []PlanRequest{{}}, CohortOptions{PlanOptions: PlanOptions{Alternatives: 11}}, "alternatives"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SolveCohort(context.Background(), tt.members, tt.opt)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want ErrInvalid naming %q", err, tt.want)
			}
		})
	}
}

func TestSolveCohortTimeCap(t *testing.T) {
	members := benchCohort()
	got, err := SolveCohort(context.Background(), members, CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Optimal || got.LowerBound > got.TotalCost {
		t.Errorf("optimal %v lower bound %v total %v", got.Optimal, got.LowerBound, got.TotalCost)
	}
	full, err := SolveCohort(context.Background(), members, CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	if !full.Optimal || full.Ready < got.Ready || (full.Ready == got.Ready && full.TotalCost > got.TotalCost) ||
		(full.Ready == got.Ready && got.LowerBound > full.TotalCost) {
		t.Errorf("full: ready %d total %v; capped: ready %d total %v bound %v", full.Ready, full.TotalCost, got.Ready, got.TotalCost, got.LowerBound)
	}
	total := 0.0
	for _, p := range got.Members {
		total += p.TotalCost
	}
	for _, c := range got.Credentials {
		total += c.CohortCost
	}
	if !near(total, got.TotalCost) {
		t.Errorf("total %v, the members' plans and cohort costs add to %v", got.TotalCost, total)
	}
}

// TestSolveCohortIdenticalMembers: members whose requests are the same
// share their plans (one search each, not one per member), and the cohort's
// answer is the one it gets when each copy plans on its own (the copies
// given their own candidate slices, so nothing is shared).
func TestSolveCohortIdenticalMembers(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for inst := range 200 {
		base := cohortMembers(r)
		var same, apart []PlanRequest
		for range 3 {
			for _, m := range base {
				same = append(same, m)
				m.Target, m.Candidates = slices.Clone(m.Target), slices.Clone(m.Candidates)
				apart = append(apart, m)
			}
		}
		opt := CohortOptions{PlanOptions: genOptions(r, base[0])}
		opt.TimeCap = time.Minute // equal answers, not a race against the cap
		if r.IntN(2) == 0 {
			b := float64(100 * r.IntN(40))
			opt.Budget = &b
		}
		got, err := SolveCohort(context.Background(), same, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := SolveCohort(context.Background(), apart, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("instance %d: with identical members planned once\n%+v\nwant, each planned on its own,\n%+v", inst, got, want)
		}
		shares := func(reqs []PlanRequest, i, j int) bool {
			cs := newCohortSearch(reqs, opt)
			cs.cache[i]["probe"] = nil
			_, ok := cs.cache[j]["probe"]
			return ok
		}
		n := len(base)
		if !shares(same, 0, n) || !shares(same, n-1, 3*n-1) {
			t.Fatalf("instance %d: identical members do not share their plans", inst)
		}
		if shares(same, 0, 1) || shares(apart, 0, n) {
			t.Fatalf("instance %d: members with different requests share their plans", inst)
		}
	}
}
