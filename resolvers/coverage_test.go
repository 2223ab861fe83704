package resolvers

import (
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// TestHonestPlans: every plan says how much of the required gap it closes
// and why the rest stays open, consistently with its gaps; on the sample
// graph some moves are complete and some leave skills to learn on the job.
func TestHonestPlans(t *testing.T) {
	c, _ := sampleClient(t)
	var roles struct {
		Roles struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	c.MustPost(`{ roles(first: 100) { edges { node { id } } } }`, &roles)
	const q = `query($to: ID!) {
	  upskillingPath(from: {roleId: "help-desk-technician"}, to: $to, options: {objective: COST}) {
	    feasible complete steps { closes { id } }
	    gaps { skill { id } required closedBy { id } }
	    coverage { requiredGaps closed share summary open { skill { id } reason } }
	  }
	}`
	var complete, learnedOnTheJob int
	for _, e := range roles.Roles.Edges {
		to := e.Node.ID
		if to == "help-desk-technician" {
			continue
		}
		var r struct {
			UpskillingPath struct {
				Feasible, Complete bool
				Steps              []struct{ Closes []struct{ ID string } }
				Gaps               []struct {
					Skill    struct{ ID string }
					Required bool
					ClosedBy []struct{ ID string }
				}
				Coverage struct {
					RequiredGaps, Closed int
					Share                float64
					Summary              string
					Open                 []struct {
						Skill  struct{ ID string }
						Reason string
					}
				}
			}
		}
		c.MustPost(q, &r, client.Var("to", to))
		p, cv := r.UpskillingPath, r.UpskillingPath.Coverage
		required, certified := 0, map[string]bool{}
		for _, g := range p.Gaps {
			if g.Required {
				required++
				certified[g.Skill.ID] = len(g.ClosedBy) > 0
			}
		}
		if cv.RequiredGaps != required || cv.Closed+len(cv.Open) != required {
			t.Errorf("%s: coverage %d closed + %d open of %d, but %d required gaps", to, cv.Closed, len(cv.Open), cv.RequiredGaps, required)
		}
		if p.Complete != (p.Feasible && len(cv.Open) == 0) {
			t.Errorf("%s: complete %v, feasible %v with %d open gaps", to, p.Complete, p.Feasible, len(cv.Open))
		}
		for _, o := range cv.Open {
			if want := map[bool]string{true: "OUTSIDE_PLAN", false: "NO_CREDENTIAL"}[certified[o.Skill.ID]]; o.Reason != want {
				t.Errorf("%s: open gap %s is %s, want %s", to, o.Skill.ID, o.Reason, want)
			}
			if o.Reason == "NO_CREDENTIAL" && strings.Contains(cv.Summary, "learned on the job") {
				learnedOnTheJob++
			}
		}
		if cv.Summary == "" {
			t.Errorf("%s: no summary", to)
		}
		if p.Complete {
			complete++
		}
	}
	if complete == 0 || learnedOnTheJob == 0 {
		t.Errorf("%d complete plans and %d gaps learned on the job; want some of each on the sample graph", complete, learnedOnTheJob)
	}
}
