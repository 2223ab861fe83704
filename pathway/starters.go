package pathway

import (
	"cmp"
	"context"
	"slices"
)

// Pathways for students and career starters: a profile that names no role
// (an education level, a few skills or credentials, interests) reaches the
// roles open to it now and the roles one or more credentials away within
// the limits.

// StarterRole is a role as the starters' question first sees it: what it
// requires and lower bounds of the cost and hours of any plan into it, to
// prefilter by the limits before planning.
type StarterRole struct {
	Role          Role
	EducationRank int      // -1 for none
	Credentials   []string // the credentials it requires
	// The floors: a plan must earn each required credential not held and,
	// unless the education held reaches the role's, some credential
	// conferring its level; each at its cost (hours) less the most credit
	// any lower credential carries into it.
	CredentialCost, CredentialHours []float64
	EducationCost, EducationHours   float64 // the cheapest conferrer's, for the role's rank
}

// floor is a lower bound of the cost (hours) of any plan into the role.
func (s StarterRole) floor(held *Held, hours bool) float64 {
	var creds float64
	for i, id := range s.Credentials {
		if !held.Credentials[id] {
			if hours {
				creds += s.CredentialHours[i]
			} else {
				creds += s.CredentialCost[i]
			}
		}
	}
	edu := 0.0
	if s.EducationRank > held.EducationRank {
		edu = s.EducationCost
		if hours {
			edu = s.EducationHours
		}
	}
	return max(creds, edu)
}

// StarterSource is what the starters' question reads besides ReachSource;
// the Neo4j store implements it.
type StarterSource interface {
	ReachSource
	// StarterRoles returns every role with its requirements and floors, of
	// the industry and within the education ceiling when they are given.
	StarterRoles(ctx context.Context, maxEducationRank *int, industry *string) ([]StarterRole, error)
}

// Work bounds of the starters' question: how many roles it plans at most,
// per page, and in all.
const (
	starterPlansPerRole = 3
	maxStarterPlans     = 90
)

// enoughSkills is how many skills a profile must hold for relatedness to
// rank roles; below it, interests and then plan cost do.
const enoughSkills = 3

// interestWeight is the weight of the interest match in the ranking of a
// profile that gives interests.
const interestWeight = 0.25

// preparation discounts a starter's ranking by interests by the education
// a role asks beyond what the profile holds, 8% a rank: a counselor shows a
// high-school student the roles a certificate or an associate degree away
// before those behind a doctorate, however well they match. A profile with
// skills enough to rank by is ranked by what it holds alone.
func preparation(held, role int) float64 {
	return 1 - 0.08*float64(max(0, role-held))
}

// OpenNow says the profile can start in the role now: the role is entry
// level (Role.EntryLevel), the profile holds the credentials it requires and its education in a field it
// accepts (the field rule). Its skill gaps are then learned on the job.
func OpenNow(held *Held, g *PlanGraph) bool {
	if !g.Role.EntryLevel() {
		return false
	}
	for _, id := range g.TargetCredentials {
		if !held.Credentials[id] {
			return false
		}
	}
	if g.TargetEducationRank > 0 {
		req := g.Request(held)
		rank := req.EducationRank
		if req.FieldRank != nil {
			rank = *req.FieldRank
		}
		if rank < g.TargetEducationRank {
			return false
		}
	}
	return true
}

// starterPage answers a starter's question: every role of the industry and
// within the education ceiling whose floors keep to the cost and hours
// limits, ranked (relatedness to the skills held when there are enough of
// them, blended with the interest match when interests are given; else the
// interest match; discounted by the education beyond the profile's
// (preparation); then the cost floor), then planned in that order, a chunk
// at a time, until the page is full of roles open now or with a plan that
// takes at least one credential and keeps to the limits, or the planning
// budget (starterPlansPerRole x the page, at most maxStarterPlans roles) is
// spent. related holds the relatedness of the roles that share a skill with
// the profile.
func starterPage(ctx context.Context, src StarterSource, q ReachQuery, related map[string]Reach) ([]ReachedRole, error) {
	lim, held := q.Limits, q.Held
	starters, err := src.StarterRoles(ctx, lim.MaxEducationRank, lim.Industry)
	if err != nil {
		return nil, err
	}
	useSkills := len(held.Skills) >= enoughSkills
	type ranked struct {
		ReachedRole
		rank, floor float64
	}
	var cands []ranked
	for _, s := range starters {
		cost, hours := s.floor(held, false), s.floor(held, true)
		if (lim.MaxCost != nil && cost > *lim.MaxCost) || (lim.MaxHours != nil && hours > *lim.MaxHours) {
			continue
		}
		c := ranked{ReachedRole: ReachedRole{Reach: Reach{RoleID: s.Role.ID, Steps: 1, Path: []string{s.Role.ID}}, Role: s.Role,
			Path: []Role{s.Role}}, floor: cost}
		if useSkills {
			c.Score = related[s.Role.ID].Score
		}
		c.rank = c.Score
		if m, ok := InterestMatch(q.Interests, s.Role.Interests); ok {
			c.InterestMatch = &m
			c.rank = (1-interestWeight)*c.Score + interestWeight*m
		}
		if !useSkills {
			c.rank *= preparation(held.EducationRank, s.EducationRank)
		}
		if w := s.Role.WageMedian; w != nil {
			c.WageGain = w // over no wage: a starter's first pay
		}
		cands = append(cands, c)
	}
	slices.SortFunc(cands, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.rank, a.rank), cmp.Compare(a.floor, b.floor), cmp.Compare(a.Role.ID, b.Role.ID))
	})
	n := q.First
	budget := min(starterPlansPerRole*n, maxStarterPlans)
	opt := PlanOptions{Objective: ObjectiveCost, MaxCost: lim.MaxCost, MaxHours: lim.MaxHours}
	var page []ReachedRole
	chunk := max(2*n, 20)
	for start := 0; start < min(len(cands), budget) && len(page) < n; start += chunk {
		part := cands[start:min(start+chunk, len(cands), budget)]
		roles := make([]ReachedRole, len(part))
		for i, c := range part {
			roles[i] = c.ReachedRole
		}
		graphs, profiles, err := planningFacts(ctx, src, roles)
		if err != nil {
			return nil, err
		}
		for _, c := range part {
			r := c.ReachedRole
			if r.Graph = graphs[r.Role.ID]; r.Graph == nil {
				continue
			}
			r.Profile = profiles[r.Role.ID]
			r.Overlap = Readiness(held.Skills, Requirements(r.Profile))
			if r.Overlap < lim.MinOverlap {
				continue
			}
			plans, err := Solve(ctx, r.Graph.Request(held), opt)
			if err != nil {
				return nil, err
			}
			r.Plan, r.OpenNow = plans[0], OpenNow(held, r.Graph)
			switch {
			case r.OpenNow && !r.Plan.Feasible:
				// Open now, and nothing to take within the limits: start,
				// and learn the gaps on the job.
				r.Plan = Plan{Feasible: true, Optimal: true, Steps: []PlanStep{}, Uncovered: []string{}}
			case r.OpenNow:
			case !r.Plan.Feasible || len(r.Plan.Steps) == 0:
				// Not open now, and no plan takes the profile there.
				continue
			}
			r.Gaps = Gaps(held.Skills, Requirements(r.Profile), false)
			page = append(page, r)
			if len(page) == n {
				break
			}
		}
	}
	orderPage(page, q.Order)
	return page, nil
}

// orderPage puts a starters' page in the order asked for; the default keeps
// the ranking.
func orderPage(page []ReachedRole, order ReachOrder) {
	key := func(r ReachedRole) float64 {
		switch order {
		case OrderWageGain:
			return -orLowest(r.WageGain)
		case OrderDemand:
			return -float64(deref(r.Role.Vacancies))
		case OrderPlanCost:
			return r.Plan.TotalCost
		}
		return 0
	}
	slices.SortStableFunc(page, func(a, b ReachedRole) int { return cmp.Compare(key(a), key(b)) })
}
