package resolvers

import (
	"github.com/lattice-pathways/lattice/graph"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// planWeight is the complexity of one planner run. A field counts its own
// selection, times its page for lists, plus planWeight for each plan it may
// run, so that the complexity limit bounds one request's planning: with the
// default limit (2,000), some 400 plans.
const planWeight = 5

// Bounds the complexity assumes for list fields without a page size.
const defaultPage = 10

// complexity weighs the fields whose cost grows with their arguments: pages
// by their size, planning fields by the plans they run.
func complexity() graph.ComplexityRoot {
	var c graph.ComplexityRoot
	page := func(first *int, def int) int {
		if first == nil || *first < 1 {
			return def
		}
		return *first
	}
	c.Query.Roles = func(child int, _ *model.RoleFilter, first *int, _ *string) int {
		return 1 + page(first, 20)*child
	}
	c.Query.Search = func(child int, _ string, first *int) int { return 1 + page(first, defaultPage)*child }
	c.Role.Overlaps = func(child int, first *int) int { return 1 + page(first, defaultPage)*child }
	c.Query.UpskillingPath = func(child int, _ model.ProfileInput, _ string, o *model.PlanOptions) int {
		return child + planWeight*plansOf(o)
	}
	c.Query.CohortPlan = func(child int, members []model.ProfileInput, _ string, o *model.CohortOptions) int {
		// Branch and bound re-plans members as cohort credentials open and
		// close; a member's plans are cached, so count a handful each.
		return child + len(members) + planWeight*4*len(members)
	}
	c.Query.ReachableRoles = func(child int, from model.ProfileInput, _ *model.ReachLimits, order *model.ReachOrder, first *int) int {
		n := page(first, defaultPage)
		plans := min(3*n, 90) // the starters' planning budget, and more than a role holder's page plans
		if order != nil && *order == model.ReachOrderPlanCost {
			plans = pathway.MaxPlanCostRoles
		}
		return n*child + planWeight*plans
	}
	c.Query.RecredentialingCandidates = func(child int, first *int) int {
		n := page(first, defaultPage)
		return n*child + planWeight*2*pathway.MaxOpenedFrom*n
	}
	return c
}

// plansOf is how many plans an upskilling path may run: one per alternative,
// a front's points, and both legs for each stepping stone tried.
func plansOf(o *model.PlanOptions) int {
	n := 1
	if o == nil {
		return n
	}
	if o.Alternatives != nil && *o.Alternatives > 1 {
		n = *o.Alternatives
	}
	if o.TradeOffFront != nil && *o.TradeOffFront {
		n += 10
	}
	if o.SteppingStones != nil && *o.SteppingStones {
		n += 2 * pathway.StoneCandidates
	}
	return n
}
