package resolvers

import (
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
)

// starterRole is one answer of reachableRoles as a student's view reads it.
type starterRole struct {
	Role struct {
		ID, Title, Industry string
		OccupationCode      *string
		Wage                *struct{ Median *float64 }
	}
	OpenNow         bool
	LearnedOnTheJob []struct{ ID string }
	FirstStep       *struct{ ID string }
	InterestMatch   *float64
	Plan            struct {
		Feasible   bool
		TotalCost  float64
		TotalHours float64
		Steps      []struct{ Credential struct{ ID string } }
	}
}

const starterQuery = `query($from: ProfileInput!, $limits: ReachLimits, $first: Int) {
  reachableRoles(from: $from, limits: $limits, first: $first) {
    role { id title industry occupationCode wage { median } }
    openNow learnedOnTheJob { id } firstStep { id } interestMatch
    plan { feasible totalCost totalHours steps { credential { id } } }
  }
}`

// TestStarterPathways asks the counselor's questions of the sample graph with
// O*NET loaded: where can a high-school graduate go, for how much, earning
// what; which roles suit a student's interests; where do an IT help desk's
// skills lead without a job title.
func TestStarterPathways(t *testing.T) {
	c, store := sampleClient(t)
	importONET(t, store)
	ask := func(t *testing.T, from, limits map[string]any, first int) []starterRole {
		t.Helper()
		var resp struct{ ReachableRoles []starterRole }
		start := time.Now()
		c.MustPost(starterQuery, &resp, client.Var("from", from), client.Var("limits", limits), client.Var("first", first))
		t.Logf("%v %v: %d roles in %s", from, limits, len(resp.ReachableRoles), time.Since(start).Round(time.Millisecond))
		return resp.ReachableRoles
	}
	highSchool := map[string]any{"educationLevelId": "high-school"}

	t.Run("a high-school graduate with $2,000 reaches at least 10 roles, each within the limit", func(t *testing.T) {
		got := ask(t, highSchool, map[string]any{"maxCost": 2000}, 20)
		if len(got) < 10 {
			t.Fatalf("%d roles, want at least 10", len(got))
		}
		for _, r := range got {
			if !r.Plan.Feasible || r.Plan.TotalCost > 2000 {
				t.Errorf("%s: plan feasible %v costs %v, past the $2,000 limit", r.Role.ID, r.Plan.Feasible, r.Plan.TotalCost)
			}
			if !r.OpenNow && len(r.Plan.Steps) == 0 {
				t.Errorf("%s: neither open now nor a plan that takes anything", r.Role.ID)
			}
		}
	})
	t.Run("with no limits, at least 20, some open now and some a credential away", func(t *testing.T) {
		got := ask(t, highSchool, nil, 40)
		if len(got) < 20 {
			t.Fatalf("%d roles, want at least 20", len(got))
		}
		open, away := 0, 0
		for _, r := range got {
			switch {
			case r.OpenNow:
				open++
			case r.FirstStep != nil:
				away++
			default:
				t.Errorf("%s: not open now and no first step", r.Role.ID)
			}
		}
		if open == 0 || away == 0 {
			t.Errorf("%d open now, %d a credential or more away; want some of each", open, away)
		}
	})
	t.Run("SIR interests rank health care and social roles above manufacturing", func(t *testing.T) {
		got := ask(t, map[string]any{"educationLevelId": "high-school", "interestCode": "SIR"}, nil, 20)
		pos := func(prefixes ...string) []int {
			var out []int
			for i, r := range got {
				code := strings.TrimPrefix(r.Role.ID, "onet:")
				if r.Role.OccupationCode != nil {
					code = *r.Role.OccupationCode
				}
				for _, p := range prefixes {
					if strings.HasPrefix(code, p) {
						out = append(out, i)
						break
					}
				}
			}
			return out
		}
		care, production := pos("29-", "31-", "21-", "39-9"), pos("51-")
		var titles []string
		for _, r := range got {
			titles = append(titles, r.Role.Title)
		}
		t.Logf("SIR: %s", strings.Join(titles, "; "))
		if len(care) == 0 {
			t.Fatalf("no health care or social role in the first 20")
		}
		if len(production) > 0 && production[0] < care[0] {
			t.Errorf("a production role (%s) ranks above the first health care or social one (%s)", got[production[0]].Role.Title, got[care[0]].Role.Title)
		}
		if len(care) < 3*len(production) {
			t.Errorf("%d health care or social roles, %d production ones", len(care), len(production))
		}
	})
	t.Run("an IT help desk's skills and credentials, no role, reach IT roles", func(t *testing.T) {
		from := map[string]any{
			"skills": []map[string]any{{"skillId": "technical-support", "level": 3}, {"skillId": "customer-service", "level": 3},
				{"skillId": "operating-systems", "level": 2}, {"skillId": "help-desk-software", "level": 3}, {"skillId": "networking", "level": 2}},
			"credentialIds": []string{"comptia-a-plus"}, "educationLevelId": "high-school",
		}
		got := ask(t, from, nil, 10)
		it := 0
		for _, r := range got {
			code := ""
			if r.Role.OccupationCode != nil {
				code = *r.Role.OccupationCode
			}
			if r.Role.Industry == "Information Technology" || strings.HasPrefix(code, "15-") {
				it++
			}
		}
		if it < 6 {
			var titles []string
			for _, r := range got {
				titles = append(titles, r.Role.Title)
			}
			t.Errorf("%d of %d roles in IT: %v", it, len(got), titles)
		}
	})
}
