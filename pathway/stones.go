package pathway

import "context"

// Stepping stones: DESIGN's plans that pass through an intermediate role when
// the direct jump breaks the limits (or when asked for).

// StoneCandidates is how many stepping-stone roles a plan tries: the roles
// whose overlap edges into the target are strongest.
const StoneCandidates = 10

// StoneRoute is the best plan through one stepping-stone role: a first leg
// into the stone, then a second from the stone, with what the first leg
// earned, into the target.
type StoneRoute struct {
	Stone         *PlanGraph // plans into the stone role
	First, Second Plan
}

// Plan is the route as one plan: the first leg's steps, then the second's,
// with summed totals and bounds; optimal only when both legs are. (Each leg
// is optimal on its own; the pair is the best over the stones tried.)
func (r StoneRoute) Plan() Plan {
	p := r.Second
	p.Steps = append(append([]PlanStep(nil), r.First.Steps...), r.Second.Steps...)
	p.TotalCost += r.First.TotalCost
	p.TotalHours += r.First.TotalHours
	p.TotalWeeks += r.First.TotalWeeks
	p.LowerBound = r.First.LowerBound + r.Second.LowerBound
	p.Optimal = r.First.Optimal && r.Second.Optimal
	return p
}

// PlanViaStone plans from held into target through each stone in turn (the
// plan graphs into the candidate stone roles, in the order tried) and returns
// the route whose two legs together are best by opt's objective, ties going
// to the stone tried first; nil when no stone gives two feasible legs. Each
// leg keeps to opt's limits. A stone that is the held profile's own role is
// skipped. In the stone role a person holds what the role means (TakeRole)
// besides what they held and what the first leg earned.
func PlanViaStone(ctx context.Context, held *Held, target *PlanGraph, stones []*PlanGraph, opt PlanOptions) (*StoneRoute, error) {
	opt.Alternatives = 1
	var best *StoneRoute
	bestValue := 0.0
	for _, sg := range stones {
		if sg == nil || sg.RoleID == held.RoleID || sg.RoleID == target.RoleID {
			continue
		}
		first, err := Solve(ctx, sg.Request(held), opt)
		if err != nil {
			return nil, err
		}
		if !first[0].Feasible {
			continue
		}
		next := held.Clone()
		next.TakeRole(sg.RoleID, sg.Target, sg.TargetCredentials, sg.TargetEducationRank, sg.FieldAcceptance)
		for _, st := range first[0].Steps {
			for _, c := range sg.Candidates {
				if c.ID == st.CredentialID {
					next.Earn(c)
				}
			}
		}
		second, err := Solve(ctx, target.Request(next), opt)
		if err != nil {
			return nil, err
		}
		if !second[0].Feasible {
			continue
		}
		v := first[0].Objective(opt.Objective) + second[0].Objective(opt.Objective)
		if best == nil || v < bestValue {
			best, bestValue = &StoneRoute{Stone: sg, First: first[0], Second: second[0]}, v
		}
	}
	return best, nil
}
