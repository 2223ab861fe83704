package resolvers

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"
)

const planQuery = `query($from: ProfileInput!, $to: ID!, $options: PlanOptions) {
	upskillingPath(from: $from, to: $to, options: $options) {
		feasible reason optimal lowerBound totalCost totalHours totalWeeks
		steps { position credential { id name } closes { id } cost hours weeks
			meetsCredentialRequirement meetsEducationRequirement prerequisiteOf { id } stacksInto { id } leg { id } why }
		uncovered { id } via { id }
		gaps { skill { id } level }
		alternatives { totalCost totalHours steps { credential { id } } }
		tradeOffFront { totalCost totalHours steps { credential { id } } }
	} }`

type planResp struct {
	UpskillingPath struct {
		Feasible   bool
		Reason     *string
		Optimal    bool
		LowerBound float64
		TotalCost  float64
		TotalHours float64
		TotalWeeks float64
		Steps      []struct {
			Position   int
			Credential struct{ ID, Name string }
			Closes     []struct{ ID string }
			Cost       float64
			Hours      float64
			Weeks      float64

			MeetsCredentialRequirement bool
			MeetsEducationRequirement  bool
			PrerequisiteOf             []struct{ ID string }
			StacksInto                 []struct{ ID string }
			Leg                        *struct{ ID string }
			Why                        []string
		}
		Uncovered []struct{ ID string }
		Via       []struct{ ID string }
		Gaps      []struct {
			Skill struct{ ID string }
			Level int
		}
		Alternatives  []planSummary
		TradeOffFront []planSummary
	}
}

type planSummary struct {
	TotalCost  float64
	TotalHours float64
	Steps      []struct{ Credential struct{ ID string } }
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenPlans runs the planner's questions on the sample graph and
// compares the plans with the golden files (go test -run GoldenPlans -update
// rewrites them). Besides the goldens, each plan is checked for what a user
// relies on: feasible, proven optimal, totals that are the sums of the steps.
func TestGoldenPlans(t *testing.T) {
	c, _ := sampleClient(t)
	tests := []struct {
		name string
		from map[string]any
		to   string
		opt  map[string]any
	}{
		{"help desk to security specialist by hours", map[string]any{"roleId": "help-desk-technician"}, "security-specialist", map[string]any{"objective": "HOURS"}},
		{"help desk to security specialist by cost", map[string]any{"roleId": "help-desk-technician"}, "security-specialist", map[string]any{"objective": "COST"}},
		{"high school to registered nurse", map[string]any{"educationLevelId": "high-school"}, "registered-nurse", map[string]any{"objective": "COST"}},
		// The license needs the ADN, so dropping the degree requirement saves nothing here.
		{"high school to registered nurse skills first", map[string]any{"educationLevelId": "high-school"}, "registered-nurse", map[string]any{"objective": "COST", "skillsFirst": true}},
		{"high school to network administrator with the degree", map[string]any{"educationLevelId": "high-school"}, "network-administrator", map[string]any{"objective": "COST"}},
		{"high school to network administrator skills first", map[string]any{"educationLevelId": "high-school"}, "network-administrator", map[string]any{"objective": "COST", "skillsFirst": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp planResp
			c.MustPost(planQuery, &resp, client.Var("from", tt.from), client.Var("to", tt.to), client.Var("options", tt.opt))
			p := resp.UpskillingPath
			if !p.Feasible || !p.Optimal {
				t.Fatalf("feasible %v optimal %v reason %v", p.Feasible, p.Optimal, p.Reason)
			}
			var cost, hours float64
			for i, s := range p.Steps {
				cost += s.Cost
				hours += s.Hours
				if s.Position != i+1 || len(s.Why) == 0 {
					t.Errorf("step %d (%s): position %d, why %v", i+1, s.Credential.ID, s.Position, s.Why)
				}
			}
			if math.Abs(cost-p.TotalCost) > 1e-6 || math.Abs(hours-p.TotalHours) > 1e-6 {
				t.Errorf("totals %v/%v are not the sums of the steps %v/%v", p.TotalCost, p.TotalHours, cost, hours)
			}
			golden(t, filepath.Join("testdata", "plans", strings.ReplaceAll(tt.name, " ", "-")+".json"), resp)
		})
	}
}

// golden compares got, as indented JSON, with the file, or rewrites it with -update.
func golden(t *testing.T, path string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func stepIDs(p planResp) []string {
	var out []string
	for _, s := range p.UpskillingPath.Steps {
		out = append(out, s.Credential.ID)
	}
	return out
}

func TestSkillsFirstShowsTheDifference(t *testing.T) {
	c, _ := sampleClient(t)
	var degree, skills planResp
	from := client.Var("from", map[string]any{"educationLevelId": "high-school"})
	to := client.Var("to", "network-administrator")
	c.MustPost(planQuery, &degree, from, to, client.Var("options", map[string]any{"objective": "COST"}))
	c.MustPost(planQuery, &skills, from, to, client.Var("options", map[string]any{"objective": "COST", "skillsFirst": true}))
	d, s := degree.UpskillingPath, skills.UpskillingPath
	if s.TotalCost >= d.TotalCost {
		t.Errorf("skills first costs %v, with the degree %v: dropping the degree proxy should be cheaper", s.TotalCost, d.TotalCost)
	}
	var earnsDegree bool
	for _, st := range d.Steps {
		earnsDegree = earnsDegree || st.MeetsEducationRequirement
	}
	if !earnsDegree {
		t.Errorf("the degree plan %v earns no degree", stepIDs(degree))
	}
	for _, st := range s.Steps {
		if st.MeetsEducationRequirement {
			t.Errorf("the skills-first plan still earns the degree: %v", stepIDs(skills))
		}
	}
}

func TestPlanOptions(t *testing.T) {
	c, _ := sampleClient(t)
	from := client.Var("from", map[string]any{"roleId": "help-desk-technician"})
	to := client.Var("to", "security-specialist")
	t.Run("alternatives are distinct and sorted", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, from, to, client.Var("options", map[string]any{"objective": "COST", "alternatives": 4}))
		p := resp.UpskillingPath
		seen := map[string]bool{strings.Join(stepIDs(resp), ","): true}
		last := p.TotalCost
		for _, a := range p.Alternatives {
			var ids []string
			for _, s := range a.Steps {
				ids = append(ids, s.Credential.ID)
			}
			sort.Strings(ids)
			key := strings.Join(ids, ",")
			if seen[key] {
				t.Errorf("alternative %s repeats a plan", key)
			}
			seen[key] = true
			if a.TotalCost < last {
				t.Errorf("alternatives not sorted by cost: %v after %v", a.TotalCost, last)
			}
			last = a.TotalCost
		}
		if len(p.Alternatives) != 3 {
			t.Errorf("%d alternatives, want 3", len(p.Alternatives))
		}
	})
	t.Run("excluded credentials are never used", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, from, to, client.Var("options", map[string]any{"excludeCredentialIds": []string{"ccna"}}))
		if slices.Contains(stepIDs(resp), "ccna") || !resp.UpskillingPath.Feasible {
			t.Errorf("plan without ccna: %v feasible %v", stepIDs(resp), resp.UpskillingPath.Feasible)
		}
	})
	t.Run("the trade-off front is non-dominated", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, from, to, client.Var("options", map[string]any{"tradeOffFront": true}))
		f := resp.UpskillingPath.TradeOffFront
		if len(f) == 0 {
			t.Fatal("no trade-off front")
		}
		for i := 1; i < len(f); i++ {
			if !(f[i].TotalCost > f[i-1].TotalCost && f[i].TotalHours < f[i-1].TotalHours) {
				t.Errorf("front point %d (%v, %vh) does not trade cost for hours against (%v, %vh)", i, f[i].TotalCost, f[i].TotalHours, f[i-1].TotalCost, f[i-1].TotalHours)
			}
		}
	})
	t.Run("a budget too small is infeasible, with a reason", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, from, to, client.Var("options", map[string]any{"maxCost": 50}))
		if resp.UpskillingPath.Feasible || resp.UpskillingPath.Reason == nil {
			t.Errorf("plan under $50: feasible %v reason %v", resp.UpskillingPath.Feasible, resp.UpskillingPath.Reason)
		}
	})
	t.Run("a stepping stone when asked", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, from, to, client.Var("options", map[string]any{"steppingStones": true, "skillsFirst": true}))
		p := resp.UpskillingPath
		if !p.Feasible || len(p.Via) != 1 {
			t.Fatalf("feasible %v via %v", p.Feasible, p.Via)
		}
		legs := 0
		for _, s := range p.Steps {
			if s.Leg != nil && s.Leg.ID == p.Via[0].ID {
				legs++
			}
		}
		t.Logf("via %s: %v", p.Via[0].ID, stepIDs(resp))
	})
}

func TestPlanBadInput(t *testing.T) {
	c, _ := sampleClient(t)
	plan := func(opt string) string {
		return `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: ` + opt + `) { feasible } }`
	}
	tests := []struct{ name, query, code string }{
		{"negative cost limit", plan(`{maxCost: -1}`), CodeBadUserInput},
		{"negative hours limit", plan(`{maxHours: -5}`), CodeBadUserInput},
		{"negative credential limit", plan(`{maxCredentials: -1}`), CodeBadUserInput},
		{"no alternatives", plan(`{alternatives: 0}`), CodeBadUserInput},
		{"too many alternatives", plan(`{alternatives: 11}`), CodeBadUserInput},
		{"unknown excluded credential", plan(`{excludeCredentialIds: ["no-such-credential"]}`), CodeNotFound},
		{"unknown target", `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "no-such-role") { feasible } }`, CodeNotFound},
		{"unknown profile role", `{ upskillingPath(from: {roleId: "no-such-role"}, to: "security-specialist") { feasible } }`, CodeNotFound},
		{"empty cohort", `{ cohortPlan(members: [], to: "network-administrator") { ready } }`, CodeBadUserInput},
		{"negative budget", `{ cohortPlan(members: [{roleId: "help-desk-technician"}], to: "network-administrator", options: {budget: -1}) { ready } }`, CodeBadUserInput},
		{"unknown member skill", `{ cohortPlan(members: [{skills: [{skillId: "nope", level: 2}]}], to: "network-administrator") { ready } }`, CodeNotFound},
		{"negative reach cost", `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxCost: -3}) { score } }`, CodeBadUserInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorCode(t, c, tt.query); got != tt.code {
				t.Errorf("code = %q, want %q", got, tt.code)
			}
		})
	}
}

func TestReachableWithinPlanLimits(t *testing.T) {
	c, _ := sampleClient(t)
	type reach struct {
		ReachableRoles []struct {
			Role struct{ ID string }
			Plan struct {
				Feasible   bool
				TotalCost  float64
				TotalHours float64
			}
		}
	}
	query := `query($limits: ReachLimits, $order: ReachOrder) {
		reachableRoles(from: {roleId: "help-desk-technician"}, limits: $limits, orderBy: $order, first: 20) {
		role { id } plan { feasible totalCost totalHours } } }`
	var all, cheap, byCost reach
	c.MustPost(query, &all, client.Var("limits", map[string]any{"maxSteps": 2}))
	c.MustPost(query, &cheap, client.Var("limits", map[string]any{"maxSteps": 2, "maxCost": 1500}))
	c.MustPost(query, &byCost, client.Var("limits", map[string]any{"maxSteps": 2}), client.Var("order", "PLAN_COST"))
	if len(cheap.ReachableRoles) == 0 || len(cheap.ReachableRoles) >= len(all.ReachableRoles) {
		t.Errorf("a $1,500 limit keeps %d of %d roles; it should keep some and drop some", len(cheap.ReachableRoles), len(all.ReachableRoles))
	}
	for _, r := range cheap.ReachableRoles {
		if !r.Plan.Feasible || r.Plan.TotalCost > 1500 {
			t.Errorf("%s kept with plan %+v over the $1,500 limit", r.Role.ID, r.Plan)
		}
	}
	for i := 1; i < len(byCost.ReachableRoles); i++ {
		a, b := byCost.ReachableRoles[i-1].Plan, byCost.ReachableRoles[i].Plan
		if a.Feasible == b.Feasible && b.TotalCost < a.TotalCost {
			t.Errorf("PLAN_COST order: %v after %v", b.TotalCost, a.TotalCost)
		}
	}
}

func TestRecredentialingOpensRoles(t *testing.T) {
	c, _ := sampleClient(t)
	var resp struct {
		RecredentialingCandidates []struct {
			Role        struct{ ID string }
			RolesOpened int
		}
	}
	c.MustPost(`{ recredentialingCandidates(first: 10) { role { id } rolesOpened } }`, &resp)
	total := 0
	for _, cand := range resp.RecredentialingCandidates {
		total += cand.RolesOpened
	}
	if total == 0 {
		t.Errorf("dropping the degree opens no move into any of the top ten: %+v", resp.RecredentialingCandidates)
	}
}
