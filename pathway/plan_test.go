package pathway

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func cred(id string, cost, hours, weeks float64, certifies map[string]int) PlanCredential {
	return PlanCredential{ID: id, Name: id, Cost: cost, Hours: hours, Weeks: weeks, Certifies: certifies, ConfersRank: -1}
}

func fp(v float64) *float64 { return &v }
func ip(v int) *int         { return &v }

// steps lists a plan's credential ids in plan order.
func steps(p Plan) []string {
	out := []string{}
	for _, s := range p.Steps {
		out = append(out, s.CredentialID)
	}
	return out
}

// solveOne solves and checks the best plan against the independent checker.
func solveOne(t *testing.T, req PlanRequest, opt PlanOptions) Plan {
	t.Helper()
	plans, err := Solve(context.Background(), req, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) == 0 {
		t.Fatal("no plans")
	}
	p := plans[0]
	if p.Feasible {
		if err := checkPlan(newOracle(req, opt), p); err != nil {
			t.Fatalf("invalid plan %v: %v", steps(p), err)
		}
	}
	return p
}

func TestGap(t *testing.T) {
	target := []Requirement{
		{SkillID: "troubleshooting", Level: 3, Required: true},
		{SkillID: "networking", Level: 2, Required: true},
		{SkillID: "scripting", Level: 2, Required: false},
		{SkillID: "networking", Level: 4, Required: false}, // preferred higher level
		{SkillID: "customer-service", Level: 0, Required: true},
	}
	cands := []PlanCredential{cred("a-plus", 250, 120, 8, map[string]int{"troubleshooting": 3})}
	tests := []struct {
		name             string
		held             map[string]int
		heldCreds        []string
		includePreferred bool
		want             []string
		wantLevels       []int
	}{
		{name: "required only, sorted by id", held: nil, want: []string{"networking", "troubleshooting"}, wantLevels: []int{2, 3}},
		{name: "held at the level closes it", held: map[string]int{"troubleshooting": 3}, want: []string{"networking"}, wantLevels: []int{2}},
		{name: "held below the level stays a gap", held: map[string]int{"troubleshooting": 2}, want: []string{"networking", "troubleshooting"}, wantLevels: []int{2, 3}},
		{name: "a held credential counts as its skills", heldCreds: []string{"a-plus"}, want: []string{"networking"}, wantLevels: []int{2}},
		{name: "an unknown held credential counts for nothing", heldCreds: []string{"elsewhere"}, want: []string{"networking", "troubleshooting"}, wantLevels: []int{2, 3}},
		{name: "preferred too, highest level of a repeated skill", includePreferred: true, held: map[string]int{"networking": 3},
			want: []string{"networking", "scripting", "troubleshooting"}, wantLevels: []int{4, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := PlanRequest{HeldSkills: tt.held, HeldCredentials: tt.heldCreds, Target: target, Candidates: cands}
			gap := Gap(req, tt.includePreferred)
			var ids []string
			var levels []int
			for _, g := range gap {
				ids, levels = append(ids, g.SkillID), append(levels, g.Level)
			}
			if !slices.Equal(ids, tt.want) || !slices.Equal(levels, tt.wantLevels) {
				t.Errorf("Gap = %v %v, want %v %v", ids, levels, tt.want, tt.wantLevels)
			}
			// The same set as Gaps, the skills map's gap.
			held := heldSkills(req)
			seen := map[string]bool{}
			for _, g := range Gaps(held, target, tt.includePreferred) {
				seen[g.SkillID] = true
			}
			for _, id := range ids {
				delete(seen, id)
			}
			if len(seen) != 0 {
				t.Errorf("Gaps has %v that Gap lacks", seen)
			}
		})
	}
}

// The IT example: Help Desk Technician to Systems Administrator.
func itRequest() PlanRequest {
	return PlanRequest{
		HeldSkills: map[string]int{"troubleshooting": 3, "customer-service": 3},
		Target: []Requirement{
			{SkillID: "networking", Level: 3, Required: true},
			{SkillID: "linux", Level: 3, Required: true},
			{SkillID: "scripting", Level: 2, Required: true},
			{SkillID: "cloud", Level: 2, Required: false},
		},
		EducationRank:       1,
		TargetEducationRank: -1,
		Candidates: []PlanCredential{
			cred("ccna", 300, 120, 12, map[string]int{"networking": 4}),
			cred("network-plus", 358, 60, 6, map[string]int{"networking": 3}),
			cred("linux-plus", 358, 80, 8, map[string]int{"linux": 3, "scripting": 2}),
			cred("rhcsa", 500, 150, 10, map[string]int{"linux": 4, "scripting": 3}),
			cred("python-cert", 100, 40, 4, map[string]int{"scripting": 3}),
			cred("aws-practitioner", 100, 20, 2, map[string]int{"cloud": 2}),
		},
	}
}

func TestSolveObjectivesAndLimits(t *testing.T) {
	tests := []struct {
		name      string
		opt       PlanOptions
		want      []string
		feasible  bool
		reasonHas string
	}{
		{name: "fewest hours", opt: PlanOptions{Objective: ObjectiveHours}, want: []string{"linux-plus", "network-plus"}, feasible: true},
		{name: "least cost", opt: PlanOptions{Objective: ObjectiveCost}, want: []string{"ccna", "linux-plus"}, feasible: true},
		{name: "fewest weeks", opt: PlanOptions{Objective: ObjectiveWeeks}, want: []string{"linux-plus", "network-plus"}, feasible: true},
		{name: "fewest steps, ties to cost", opt: PlanOptions{Objective: ObjectiveSteps}, want: []string{"ccna", "linux-plus"}, feasible: true},
		{name: "a cost limit moves the fastest plan", opt: PlanOptions{MaxCost: fp(700)}, want: []string{"ccna", "linux-plus"}, feasible: true},
		{name: "an hours limit", opt: PlanOptions{Objective: ObjectiveCost, MaxHours: fp(150)}, want: []string{"linux-plus", "network-plus"}, feasible: true},
		{name: "a weeks limit", opt: PlanOptions{Objective: ObjectiveCost, MaxWeeks: fp(14)}, want: []string{"linux-plus", "network-plus"}, feasible: true},
		{name: "one credential is not enough", opt: PlanOptions{MaxCredentials: ip(1)}, feasible: false, reasonHas: "credentials 1"},
		{name: "no plan under $500", opt: PlanOptions{MaxCost: fp(500)}, feasible: false, reasonHas: "cost 500"},
		{name: "preferred skills count when asked", opt: PlanOptions{IncludePreferred: true},
			want: []string{"aws-practitioner", "linux-plus", "network-plus"}, feasible: true},
		{name: "excluded credentials are never steps", opt: PlanOptions{Exclude: []string{"network-plus"}},
			want: []string{"ccna", "linux-plus"}, feasible: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := solveOne(t, itRequest(), tt.opt)
			if p.Feasible != tt.feasible {
				t.Fatalf("feasible %v (%s), want %v", p.Feasible, p.Reason, tt.feasible)
			}
			if !p.Optimal {
				t.Errorf("not optimal")
			}
			if !tt.feasible {
				if !strings.Contains(p.Reason, tt.reasonHas) {
					t.Errorf("reason %q, want it to mention %q", p.Reason, tt.reasonHas)
				}
				return
			}
			got := steps(p)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("steps %v, want %v", got, tt.want)
			}
			if p.LowerBound != p.Objective(tt.opt.Objective) {
				t.Errorf("lower bound %v, objective %v", p.LowerBound, p.Objective(tt.opt.Objective))
			}
		})
	}
}

func TestSolveSkillsFirst(t *testing.T) {
	base := PlanRequest{
		HeldSkills:          map[string]int{"networking": 3},
		EducationRank:       1, // high school
		Target:              []Requirement{{SkillID: "networking", Level: 3, Required: true}, {SkillID: "security", Level: 3, Required: true}},
		TargetEducationRank: 4, // bachelor's
		Candidates: []PlanCredential{
			cred("security-plus", 400, 80, 8, map[string]int{"security": 3}),
			{ID: "bs-cybersecurity", Cost: 40000, Hours: 3600, Weeks: 160, ConfersRank: 4, Certifies: map[string]int{"security": 4, "networking": 3},
				Prerequisites: [][]Prereq{{{EducationRank: 1}}}},
		},
	}
	noDegree := base
	noDegree.Candidates = base.Candidates[:1]
	tests := []struct {
		name      string
		req       PlanRequest
		opt       PlanOptions
		want      []string
		feasible  bool
		education bool
	}{
		{name: "the degree requirement takes the degree", req: base, want: []string{"bs-cybersecurity"}, feasible: true, education: true},
		{name: "skills-first waives it", req: base, opt: PlanOptions{SkillsFirst: true}, want: []string{"security-plus"}, feasible: true},
		{name: "no degree to earn: infeasible", req: noDegree, feasible: false},
		{name: "no degree to earn, skills-first", req: noDegree, opt: PlanOptions{SkillsFirst: true}, want: []string{"security-plus"}, feasible: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := solveOne(t, tt.req, tt.opt)
			if p.Feasible != tt.feasible {
				t.Fatalf("feasible %v (%s), want %v", p.Feasible, p.Reason, tt.feasible)
			}
			if !p.Feasible {
				if !strings.Contains(p.Reason, "education rank 4") || !strings.Contains(p.Reason, "skills-first") {
					t.Errorf("reason %q", p.Reason)
				}
				return
			}
			if got := steps(p); !slices.Equal(got, tt.want) {
				t.Errorf("steps %v, want %v", got, tt.want)
			}
			if p.Steps[0].MeetsEducation != tt.education {
				t.Errorf("MeetsEducation %v", p.Steps[0].MeetsEducation)
			}
		})
	}
	// A person who holds the rank needs no degree.
	held := base
	held.EducationRank = 4
	if got := steps(solveOne(t, held, PlanOptions{})); !slices.Equal(got, []string{"security-plus"}) {
		t.Errorf("rank held: steps %v", got)
	}
}

func TestSolvePrerequisites(t *testing.T) {
	// CCNP needs CCNA or any associate degree (any one of); it also needs
	// a lab course (a second group).
	cands := []PlanCredential{
		cred("ccna", 300, 120, 12, map[string]int{"networking": 3}),
		{ID: "aas-networking", Cost: 8000, Hours: 900, Weeks: 80, ConfersRank: 3, Certifies: map[string]int{"networking": 3}},
		cred("lab", 50, 10, 1, map[string]int{}),
		{ID: "ccnp", Cost: 800, Hours: 200, Weeks: 16, ConfersRank: -1, Certifies: map[string]int{"routing": 4},
			Prerequisites: [][]Prereq{{{CredentialID: "ccna"}, {EducationRank: 3}}, {{CredentialID: "lab"}}}},
		// A deep chain: ccie needs ccnp.
		{ID: "ccie", Cost: 1600, Hours: 400, Weeks: 30, ConfersRank: -1, Certifies: map[string]int{"design": 5},
			Prerequisites: [][]Prereq{{{CredentialID: "ccnp"}}}},
	}
	target := []Requirement{{SkillID: "routing", Level: 4, Required: true}}
	tests := []struct {
		name      string
		rank      int
		heldCreds []string
		target    []Requirement
		want      []string // in plan order
		prereqOf  map[string][]string
	}{
		{name: "the cheaper option of the group, prerequisites first", rank: 1, target: target,
			want: []string{"ccna", "lab", "ccnp"}, prereqOf: map[string][]string{"ccna": {"ccnp"}, "lab": {"ccnp"}}},
		{name: "a held associate degree meets the group", rank: 3, target: target,
			want: []string{"lab", "ccnp"}, prereqOf: map[string][]string{"lab": {"ccnp"}}},
		{name: "a held credential meets the group", rank: 1, heldCreds: []string{"ccna", "lab"}, target: target,
			want: []string{"ccnp"}},
		{name: "a chain three deep", rank: 1, target: []Requirement{{SkillID: "design", Level: 5, Required: true}},
			want: []string{"ccna", "lab", "ccnp", "ccie"}, prereqOf: map[string][]string{"ccnp": {"ccie"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := PlanRequest{EducationRank: tt.rank, HeldCredentials: tt.heldCreds, Target: tt.target, TargetEducationRank: -1, Candidates: cands}
			p := solveOne(t, req, PlanOptions{Objective: ObjectiveCost})
			if got := steps(p); !slices.Equal(got, tt.want) {
				t.Fatalf("steps %v, want %v", got, tt.want)
			}
			for _, s := range p.Steps {
				if want := tt.prereqOf[s.CredentialID]; len(want) > 0 && !slices.Equal(s.PrerequisiteOf, want) {
					t.Errorf("%s: PrerequisiteOf %v, want %v", s.CredentialID, s.PrerequisiteOf, want)
				}
			}
		})
	}
}

// TestSolveFirstDegreeOfARank holds the search to the structure of degree
// programs: every master's needs rank 4, which the other master's confer
// too, yet the first degree of rank 4 in any plan is a bachelor's. Seen so,
// the bound at the root is the optimum and a few nodes prove it; taking the
// master's for each other's prerequisites left the bound at one master's
// hours and the search walking pairs of them (hundreds of nodes).
func TestSolveFirstDegreeOfARank(t *testing.T) {
	var cands []PlanCredential
	for i := range 8 {
		h := float64(10 * i)
		cands = append(cands,
			PlanCredential{ID: fmt.Sprintf("bachelor-%d", i), Hours: 3600 + h, Cost: 60000, Weeks: 128, ConfersRank: 4,
				Certifies: map[string]int{"care": 2}},
			PlanCredential{ID: fmt.Sprintf("master-%d", i), Hours: 1200 + h, Cost: 45000, Weeks: 64, ConfersRank: 5,
				Certifies: map[string]int{"care": 3, "research": 3}, Prerequisites: [][]Prereq{{{EducationRank: 4}}}})
	}
	cands = append(cands, PlanCredential{ID: "bachelor-care", Hours: 4000, Cost: 70000, Weeks: 128, ConfersRank: 4,
		Certifies: map[string]int{"care": 3, "research": 3}})
	req := PlanRequest{EducationRank: 1, TargetEducationRank: 4, Candidates: cands,
		Target: []Requirement{{SkillID: "care", Level: 3, Required: true}, {SkillID: "research", Level: 3, Required: true}}}
	for _, obj := range []Objective{ObjectiveHours, ObjectiveWeeks} {
		t.Run(obj.String(), func(t *testing.T) {
			// No dominance (as for alternatives), so that every master's stays.
			p, err := newProblem(req, PlanOptions{Objective: obj, TimeCap: time.Minute}, false, nil)
			if err != nil {
				t.Fatal(err)
			}
			s := newSearch(p, 1)
			s.run()
			plans := s.plans()
			if got := steps(plans[0]); !plans[0].Optimal || !slices.Equal(got, []string{"bachelor-care"}) {
				t.Fatalf("plan %v (optimal %v), want [bachelor-care] proven", got, plans[0].Optimal)
			}
			if s.nodes > 5 {
				t.Errorf("proving it took %d search nodes, want at most 5", s.nodes)
			}
			// Any plan with master-0 has a bachelor's before it.
			if got, want := p.lift[dimHours][p.index["master-0"]], 1200.0+3600; got != want {
				t.Errorf("master-0's lift is %v hours, want %v", got, want)
			}
		})
	}
}

func TestSolveStackingCredit(t *testing.T) {
	// CNA -> LPN -> RN: LPN takes $400 and 60 hours off RN; CNA takes $150
	// off LPN.
	ladder := func(cnaCost float64) []PlanCredential {
		return []PlanCredential{
			cred("cna", cnaCost, 120, 6, map[string]int{"patient-care": 2}),
			{ID: "lpn", Cost: 1200, Hours: 600, Weeks: 40, ConfersRank: 2, Certifies: map[string]int{"patient-care": 3, "medication": 3},
				StackCredit: []StackCredit{{FromID: "cna", Cost: 150}}},
			{ID: "rn", Cost: 2000, Hours: 1200, Weeks: 80, ConfersRank: 3, Certifies: map[string]int{"assessment": 4},
				StackCredit: []StackCredit{{FromID: "lpn", Hours: 60, Cost: 400}}},
		}
	}
	target := []Requirement{{SkillID: "medication", Level: 3, Required: true}, {SkillID: "assessment", Level: 4, Required: true}}
	tests := []struct {
		name      string
		cnaCost   float64
		heldCreds []string
		want      []string
		wantCost  float64
		stacks    map[string][]string
	}{
		{name: "the lower comes first and its credit applies", cnaCost: 500, want: []string{"lpn", "rn"}, wantCost: 1200 + 1600,
			stacks: map[string][]string{"lpn": {"rn"}}},
		{name: "a cheap lower earns its place by its credit", cnaCost: 100, want: []string{"cna", "lpn", "rn"}, wantCost: 100 + 1050 + 1600,
			stacks: map[string][]string{"cna": {"lpn"}, "lpn": {"rn"}}},
		{name: "a lower that costs what it saves stays out", cnaCost: 150, want: []string{"lpn", "rn"}, wantCost: 1200 + 1600,
			stacks: map[string][]string{"lpn": {"rn"}}},
		{name: "a held lower gives its credit", cnaCost: 500, heldCreds: []string{"cna"}, want: []string{"lpn", "rn"}, wantCost: 1050 + 1600,
			stacks: map[string][]string{"lpn": {"rn"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := PlanRequest{HeldCredentials: tt.heldCreds, Target: target, TargetEducationRank: -1, Candidates: ladder(tt.cnaCost)}
			p := solveOne(t, req, PlanOptions{Objective: ObjectiveCost})
			if got := steps(p); !slices.Equal(got, tt.want) || p.TotalCost != tt.wantCost {
				t.Fatalf("steps %v cost %v, want %v %v", got, p.TotalCost, tt.want, tt.wantCost)
			}
			for _, s := range p.Steps {
				if !slices.Equal(s.StacksInto, nonNil(tt.stacks[s.CredentialID])) {
					t.Errorf("%s: StacksInto %v, want %v", s.CredentialID, s.StacksInto, tt.stacks[s.CredentialID])
				}
			}
		})
	}
}

func TestSolveUncovered(t *testing.T) {
	req := itRequest()
	req.Target = append(req.Target, Requirement{SkillID: "mentoring", Level: 2, Required: true})
	tests := []struct {
		name string
		opt  PlanOptions
		want []string
	}{
		{name: "no candidate certifies it", want: []string{"mentoring"}},
		{name: "only excluded candidates certify it", opt: PlanOptions{Exclude: []string{"linux-plus", "rhcsa"}}, want: []string{"linux", "mentoring"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := solveOne(t, req, tt.opt)
			if !p.Feasible || !slices.Equal(p.Uncovered, tt.want) {
				t.Errorf("feasible %v uncovered %v, want %v", p.Feasible, p.Uncovered, tt.want)
			}
		})
	}
	// Nothing to close: an empty plan.
	done := PlanRequest{HeldSkills: map[string]int{"a": 3}, Target: []Requirement{{SkillID: "a", Level: 3, Required: true}}, TargetEducationRank: -1}
	if p := solveOne(t, done, PlanOptions{}); !p.Feasible || len(p.Steps) != 0 || !p.Optimal {
		t.Errorf("empty plan: %+v", p)
	}
}

func TestSolveTargetCredential(t *testing.T) {
	req := itRequest()
	req.TargetCredentials = []string{"rhcsa"}
	tests := []struct {
		name      string
		held      []string
		exclude   []string
		targets   []string
		want      []string
		reasonHas string
	}{
		{name: "a required license is a step", want: []string{"network-plus", "rhcsa"}},
		{name: "a held license is not", held: []string{"rhcsa"}, want: []string{"network-plus"}},
		{name: "an excluded license cannot be met", exclude: []string{"rhcsa"}, reasonHas: "excluded"},
		{name: "a license that is no candidate cannot be met", targets: []string{"ccie"}, reasonHas: "not among the candidates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := req
			r.HeldCredentials = tt.held
			if tt.targets != nil {
				r.TargetCredentials = tt.targets
			}
			p := solveOne(t, r, PlanOptions{Exclude: tt.exclude})
			if tt.reasonHas != "" {
				if p.Feasible || !strings.Contains(p.Reason, tt.reasonHas) {
					t.Fatalf("feasible %v reason %q", p.Feasible, p.Reason)
				}
				return
			}
			got := steps(p)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("steps %v, want %v", got, tt.want)
			}
			for _, s := range p.Steps {
				if s.MeetsCredential != (s.CredentialID == "rhcsa") {
					t.Errorf("%s: MeetsCredential %v", s.CredentialID, s.MeetsCredential)
				}
			}
		})
	}
}

func TestSolveInvalid(t *testing.T) {
	neg := -1.0
	tests := []struct {
		name string
		req  PlanRequest
		opt  PlanOptions
		want string
	}{
		{"negative max cost", itRequest(), PlanOptions{MaxCost: &neg}, "maxCost"},
		{"negative max hours", itRequest(), PlanOptions{MaxHours: &neg}, "maxHours"},
		{"negative max weeks", itRequest(), PlanOptions{MaxWeeks: &neg}, "maxWeeks"},
		{"negative max credentials", itRequest(), PlanOptions{MaxCredentials: ip(-1)}, "maxCredentials"},
		{"eleven alternatives", itRequest(), PlanOptions{Alternatives: 11}, "alternatives"},
		{"negative alternatives", itRequest(), PlanOptions{Alternatives: -1}, "alternatives"},
		{"unknown objective", itRequest(), PlanOptions{Objective: 9}, "objective"},
		{"negative time cap", itRequest(), PlanOptions{TimeCap: -time.Second}, "timeCap"},
		{"a candidate twice", PlanRequest{Candidates: []PlanCredential{cred("a", 1, 1, 1, nil), cred("a", 2, 2, 2, nil)}}, PlanOptions{}, "twice"},
		{"a candidate with no id", PlanRequest{Candidates: []PlanCredential{cred("", 1, 1, 1, nil)}}, PlanOptions{}, "no id"},
		{"a negative cost", PlanRequest{Candidates: []PlanCredential{cred("a", -1, 1, 1, nil)}}, PlanOptions{}, "cost"},
		{"an empty prerequisite", PlanRequest{Candidates: []PlanCredential{{ID: "a", Prerequisites: [][]Prereq{{{EducationRank: -1}}}}}}, PlanOptions{}, "prerequisite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Solve(context.Background(), tt.req, tt.opt)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Solve: %v, want ErrInvalid naming %q", err, tt.want)
			}
			if _, err := ParetoFront(context.Background(), tt.req, tt.opt); !errors.Is(err, ErrInvalid) {
				t.Errorf("ParetoFront: %v, want ErrInvalid", err)
			}
		})
	}
	// Excluded and held ids that are no candidates are fine.
	req := itRequest()
	req.HeldCredentials = []string{"elsewhere"}
	if _, err := Solve(context.Background(), req, PlanOptions{Exclude: []string{"nowhere"}, Alternatives: 10}); err != nil {
		t.Errorf("unknown ids: %v", err)
	}
}

func TestSolveAlternatives(t *testing.T) {
	plans, err := Solve(context.Background(), itRequest(), PlanOptions{Objective: ObjectiveCost, Alternatives: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	var costs []float64
	for _, p := range plans {
		s := steps(p)
		slices.Sort(s)
		got = append(got, s)
		costs = append(costs, p.TotalCost)
	}
	want := [][]string{{"ccna", "linux-plus"}, {"linux-plus", "network-plus"}, {"ccna", "rhcsa"}, {"network-plus", "rhcsa"}}
	if !reflect.DeepEqual(got, want) || !slices.IsSorted(costs) {
		t.Errorf("alternatives %v %v, want %v", got, costs, want)
	}
}

func TestSolveDominanceTies(t *testing.T) {
	target := []Requirement{{SkillID: "s", Level: 2, Required: true}}
	tests := []struct {
		name  string
		cands []PlanCredential
		want  string
	}{
		{name: "equal twins: the smaller id", cands: []PlanCredential{
			cred("b-course", 100, 10, 1, map[string]int{"s": 2}), cred("a-course", 100, 10, 1, map[string]int{"s": 2})}, want: "a-course"},
		{name: "equal but more: the smaller id still", cands: []PlanCredential{
			cred("b-course", 100, 10, 1, map[string]int{"s": 3, "t": 1}), cred("a-course", 100, 10, 1, map[string]int{"s": 2})}, want: "a-course"},
		{name: "the one that confers the rank the other needs stays", cands: []PlanCredential{
			{ID: "a-degree", Cost: 100, Hours: 10, Weeks: 1, ConfersRank: 3, Certifies: map[string]int{"s": 2}},
			{ID: "b-course", Cost: 50, Hours: 5, Weeks: 1, ConfersRank: 3, Certifies: map[string]int{"s": 3},
				Prerequisites: [][]Prereq{{{EducationRank: 3}}}}}, want: "a-degree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := PlanRequest{Target: target, TargetEducationRank: -1, Candidates: tt.cands}
			for obj := range 4 {
				p := solveOne(t, req, PlanOptions{Objective: Objective(obj)})
				if got := steps(p); !slices.Equal(got, []string{tt.want}) {
					t.Errorf("%v: steps %v, want %v", Objective(obj), got, tt.want)
				}
			}
		})
	}
}

func TestSolveCycles(t *testing.T) {
	// a and b need each other; c meets b's group another way. x stacks into
	// y and y into x: the credit cannot go both ways.
	cands := []PlanCredential{
		{ID: "a", Cost: 10, Hours: 10, ConfersRank: -1, Certifies: map[string]int{"s": 3}, Prerequisites: [][]Prereq{{{CredentialID: "b"}}}},
		{ID: "b", Cost: 10, Hours: 10, ConfersRank: -1, Certifies: map[string]int{"t": 3}, Prerequisites: [][]Prereq{{{CredentialID: "a"}, {CredentialID: "c"}}}},
		cred("c", 500, 50, 1, nil),
		{ID: "x", Cost: 100, Hours: 10, ConfersRank: -1, Certifies: map[string]int{"u": 3}, StackCredit: []StackCredit{{FromID: "y", Cost: 50}}},
		{ID: "y", Cost: 100, Hours: 10, ConfersRank: -1, Certifies: map[string]int{"v": 3}, StackCredit: []StackCredit{{FromID: "x", Cost: 50}}},
	}
	req := PlanRequest{Target: []Requirement{{SkillID: "s", Level: 3, Required: true}, {SkillID: "u", Level: 3, Required: true},
		{SkillID: "v", Level: 3, Required: true}}, TargetEducationRank: -1, Candidates: cands}
	p := solveOne(t, req, PlanOptions{Objective: ObjectiveCost})
	if got := steps(p); !slices.Equal(got, []string{"c", "b", "a", "x", "y"}) || p.TotalCost != 500+10+10+100+50 {
		t.Errorf("steps %v cost %v", got, p.TotalCost)
	}
}

func TestSolveTimeCap(t *testing.T) {
	req := benchRequest(rand.New(rand.NewPCG(7, 300)), 300, 3000)
	plans, err := Solve(context.Background(), req, PlanOptions{TimeCap: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	p := plans[0]
	if !p.Feasible || p.Optimal || p.LowerBound > p.TotalHours || p.LowerBound <= 0 {
		t.Errorf("feasible %v optimal %v lower bound %v hours %v", p.Feasible, p.Optimal, p.LowerBound, p.TotalHours)
	}
}

func TestParetoFront(t *testing.T) {
	front, err := ParetoFront(context.Background(), itRequest(), PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, p := range front {
		s := steps(p)
		slices.Sort(s)
		got = append(got, s)
		if !p.Optimal {
			t.Errorf("not optimal")
		}
	}
	// $658 and 200 hours, or $716 and 140 hours.
	want := [][]string{{"ccna", "linux-plus"}, {"linux-plus", "network-plus"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("front %v, want %v", got, want)
	}
}

// TestSolveFieldOfStudy: a degree meets the target's education requirement
// only in a field that prepares for it; prerequisites accept any field.
func TestSolveFieldOfStudy(t *testing.T) {
	accounting := cred("as-accounting", 9500, 900, 80, nil)
	accounting.ConfersRank, accounting.OtherField = 3, true
	nursing := cred("adn", 14000, 1400, 96, map[string]int{"care": 3})
	nursing.ConfersRank = 3
	msn := cred("msn", 30000, 1000, 80, nil) // needs a bachelor's in any field
	msn.ConfersRank = 5
	msn.Prerequisites = [][]Prereq{{{EducationRank: 4}}}
	target := []Requirement{{SkillID: "care", Level: 3, Required: true}}
	four, none := 4, 0
	tests := []struct {
		name      string
		req       PlanRequest
		opt       PlanOptions
		want      []string
		feasible  bool
		reasonHas string
	}{
		{name: "the cheaper degree in another field does not count",
			req: PlanRequest{Target: target, TargetEducationRank: 3, Candidates: []PlanCredential{accounting, nursing}},
			opt: PlanOptions{Objective: ObjectiveCost}, want: []string{"adn"}, feasible: true},
		{name: "only a degree in another field: no plan, and the reason says so",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, Target: target, TargetEducationRank: 3,
				Candidates: []PlanCredential{accounting}},
			want: []string{}, reasonHas: "in a field that prepares for it"},
		{name: "skills-first waives the field with the level",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, Target: target, TargetEducationRank: 3,
				Candidates: []PlanCredential{accounting}},
			opt: PlanOptions{SkillsFirst: true}, want: []string{}, feasible: true},
		{name: "a held bachelor's in another field does not meet the target",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, EducationRank: 4, FieldRank: &none, Target: target,
				TargetEducationRank: 3, Candidates: []PlanCredential{nursing}},
			opt: PlanOptions{Objective: ObjectiveCost}, want: []string{"adn"}, feasible: true},
		{name: "a held bachelor's in the field meets it",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, EducationRank: 4, FieldRank: &four, Target: target,
				TargetEducationRank: 3, Candidates: []PlanCredential{nursing}},
			want: []string{}, feasible: true},
		{name: "a held bachelor's in another field meets a master's prerequisite",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, EducationRank: 4, FieldRank: &none, Target: target,
				TargetEducationRank: 5, Candidates: []PlanCredential{msn}},
			want: []string{"msn"}, feasible: true},
		{name: "a held degree candidate in another field does not raise the field's rank",
			req: PlanRequest{HeldSkills: map[string]int{"care": 3}, HeldCredentials: []string{"as-accounting"}, Target: target,
				TargetEducationRank: 3, Candidates: []PlanCredential{accounting, nursing}},
			opt: PlanOptions{Objective: ObjectiveCost}, want: []string{"adn"}, feasible: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plans, err := Solve(context.Background(), tt.req, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			p := plans[0]
			if p.Feasible != tt.feasible || !slices.Equal(steps(p), tt.want) {
				t.Errorf("plan %v feasible %v (%s), want %v feasible %v", steps(p), p.Feasible, p.Reason, tt.want, tt.feasible)
			}
			if !strings.Contains(p.Reason, tt.reasonHas) {
				t.Errorf("reason %q, want it to say %q", p.Reason, tt.reasonHas)
			}
			if p.Feasible {
				if err := checkPlan(newOracle(tt.req, tt.opt), p); err != nil {
					t.Errorf("the oracle refuses the plan: %v", err)
				}
			}
		})
	}
}

// TestSolveStopsWithItsContext: the planner stops when the caller goes away
// or its deadline passes, and says why; a live context changes nothing.
func TestSolveStopsWithItsContext(t *testing.T) {
	req := PlanRequest{Target: []Requirement{{SkillID: "a", Level: 3, Required: true}},
		Candidates: []PlanCredential{cred("x", 100, 10, 1, map[string]int{"a": 3})}, TargetEducationRank: -1}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, stop := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer stop()
	for name, ctx := range map[string]context.Context{"cancelled": cancelled, "past its deadline": expired} {
		t.Run(name, func(t *testing.T) {
			if _, err := Solve(ctx, req, PlanOptions{}); !errors.Is(err, ctx.Err()) {
				t.Errorf("Solve: %v, want %v", err, ctx.Err())
			}
			if _, err := ParetoFront(ctx, req, PlanOptions{}); !errors.Is(err, ctx.Err()) {
				t.Errorf("ParetoFront: %v, want %v", err, ctx.Err())
			}
			if _, err := SolveCohort(ctx, []PlanRequest{req, req}, CohortOptions{}); !errors.Is(err, ctx.Err()) {
				t.Errorf("SolveCohort: %v, want %v", err, ctx.Err())
			}
		})
	}
	plans, err := Solve(context.Background(), req, PlanOptions{})
	if err != nil || !plans[0].Feasible {
		t.Fatalf("a live context: %v %+v", err, plans)
	}
}
