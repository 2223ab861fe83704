package pathway

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
)

// Roles reachable from here: DESIGN's roles within a number of role moves of
// a profile, within limits, ordered, each with its overlap, gap and cheapest
// plan (computed for the returned page only).

// ReachOrder is the order of reachable roles.
type ReachOrder int

// Orders. The zero value is relatedness, the closest moves first.
const (
	OrderRelatedness ReachOrder = iota
	OrderWageGain               // the largest median wage gain first
	OrderDemand                 // the most vacancies first
	OrderPlanCost               // feasible plans first, cheapest first
)

// MaxSharingRoles bounds the first moves of a profile with skills of its
// own: the roles listing the most of its skills are scored, not every role
// that lists one (a crosswalk to O*NET's generic skills reaches nearly all
// of O*NET's).
const MaxSharingRoles = 200

// MaxPlanCostRoles is how many reached roles, the closest first, an order by
// plan cost plans.
const MaxPlanCostRoles = 100

// MaxReachSteps is the most role moves a reach may take: each move is one
// round trip and widens the frontier by up to MaxOverlapsPerRole roles.
const MaxReachSteps = 4

// ReachLimits bound the roles reached; nil pointers are no limit.
type ReachLimits struct {
	MaxSteps          int     // 1 to MaxReachSteps role moves
	MinOverlap        float64 // the least share of required skills already met
	MaxEducationRank  *int    // roles requiring more education are left out
	Industry          *string // only roles of this industry
	MaxCost, MaxHours *float64
}

// Check returns ErrInvalid when a limit is out of range.
func (l ReachLimits) Check() error {
	if l.MaxSteps < 1 || l.MaxSteps > MaxReachSteps {
		return fmt.Errorf("limits.maxSteps must be 1 to %d, got %d: %w", MaxReachSteps, l.MaxSteps, ErrInvalid)
	}
	if l.MinOverlap < 0 || l.MinOverlap > 1 {
		return fmt.Errorf("limits.minOverlap must be 0 to 1, got %g: %w", l.MinOverlap, ErrInvalid)
	}
	for _, f := range []struct {
		name string
		v    *float64
	}{{"maxCost", l.MaxCost}, {"maxHours", l.MaxHours}} {
		if f.v != nil && *f.v < 0 {
			return fmt.Errorf("limits.%s must be zero or more, got %g: %w", f.name, *f.v, ErrInvalid)
		}
	}
	return nil
}

// ReachSource is what a reach reads from the graph, each call one round
// trip; the Neo4j store implements it.
type ReachSource interface {
	// RoleOverlaps returns each role's overlap edges out, closest first, at
	// most first each.
	RoleOverlaps(ctx context.Context, roleIDs []string, first int) (map[string][]RoleOverlap, error)
	// RolesSharingSkills returns the ids of the roles listing the most of
	// the skills, at most first.
	RolesSharingSkills(ctx context.Context, skillIDs []string, first int) ([]string, error)
	// RoleSkills returns each role's skills profile.
	RoleSkills(ctx context.Context, roleIDs []string) (map[string][]RoleSkill, error)
	// RolesByIDs returns the roles that exist among ids.
	RolesByIDs(ctx context.Context, ids []string) (map[string]Role, error)
	// RoleEducation returns each role's education requirement, where it has one.
	RoleEducation(ctx context.Context, roleIDs []string) (map[string]EducationLevel, error)
	// PlanGraphs returns the plan graphs into the roles that exist.
	PlanGraphs(ctx context.Context, roleIDs []string) (map[string]*PlanGraph, error)
}

// ReachQuery is one reachable-roles question.
type ReachQuery struct {
	Held *Held
	// Start is the profile's role, nil when it names none; RoleOnly says the
	// profile is that role and nothing more (Profile.RoleOnly).
	Start    *Role
	RoleOnly bool
	Limits   ReachLimits
	Order    ReachOrder
	First    int // the page size
	// Interests are the profile's RIASEC scores, nil when not given: the
	// ranking weighs how well each role matches them.
	Interests []float64
	// SkipPlans says the asker shows no plan and nothing drawn from one
	// (open now, first step): the roles are then not planned, unless the
	// order or a cost or hours limit needs their plans. Planning is most of
	// the work once programs give every gap hundreds of candidates; the
	// roles, their order and their scores are the same either way.
	SkipPlans bool
	// planEvery plans every role an order by plan cost may show, as before
	// planCheapest bounded them: the tests' oracle.
	planEvery bool
}

// ReachedRole is one role of the page, with what the answer shows of it.
type ReachedRole struct {
	Reach
	Role     Role
	Path     []Role // the roles passed through, the reached role last
	Overlap  float64
	WageGain *float64   // over the start role's median, where both are known
	Plan     Plan       // the cheapest plan, within the cost and hours limits
	Graph    *PlanGraph // nil when the role was not planned (SkipPlans)
	Profile  []RoleSkill
	Gaps     []SkillGap // the required skills the profile lacks
	// OpenNow: the profile can start in the role now (OpenNow); its gaps
	// are learned on the job.
	OpenNow bool
	// InterestMatch is how well the role matches the profile's interests,
	// where both are known.
	InterestMatch *float64
}

// ReachableRoles answers q in a fixed number of round trips per move and per
// chunk of planned roles. The first move scores the start role's overlap
// edges (their stored score for a role-only profile, the profile's
// relatedness otherwise) and, for a profile with skills of its own, every
// role listing one of them; further moves follow the overlap edges, each
// discounting the score (ExtendReach).
//
// A profile that names no role is a student or a career starter: its answer
// is starterPage's, for which src must be a StarterSource.
func ReachableRoles(ctx context.Context, src ReachSource, q ReachQuery) ([]ReachedRole, error) {
	if err := q.Limits.Check(); err != nil {
		return nil, err
	}
	held := q.Held
	best := map[string]Reach{}
	addFirst := func(id string, score float64) {
		if id == held.RoleID || score <= 0 {
			return
		}
		if b, ok := best[id]; ok && b.Score >= score {
			return
		}
		best[id] = Reach{RoleID: id, Score: score, Steps: 1, Path: []string{id}}
	}
	if q.Start != nil {
		edges, err := src.RoleOverlaps(ctx, []string{q.Start.ID}, MaxOverlapsPerRole)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, e := range edges[q.Start.ID] {
			if q.RoleOnly {
				// A person who is just their role moves along its overlap
				// edges: their score is the edge's, no profile to fetch.
				addFirst(e.Role.ID, e.Score)
			} else {
				ids = append(ids, e.Role.ID)
			}
		}
		if err := scoreFirstMoves(ctx, src, held, ids, addFirst); err != nil {
			return nil, err
		}
	}
	if !q.RoleOnly || q.Start == nil {
		sharing, err := src.RolesSharingSkills(ctx, slices.Collect(maps.Keys(held.Skills)), MaxSharingRoles)
		if err != nil {
			return nil, err
		}
		if err := scoreFirstMoves(ctx, src, held, sharing, addFirst); err != nil {
			return nil, err
		}
	}
	if q.Start == nil {
		ss, ok := src.(StarterSource)
		if !ok {
			return nil, fmt.Errorf("reachable roles for a profile without a role need a StarterSource")
		}
		return starterPage(ctx, ss, q, best)
	}
	var frontier []Reach
	for _, id := range slices.Sorted(maps.Keys(best)) {
		frontier = append(frontier, best[id])
	}
	// Further moves follow the derived overlap edges, one round trip a move.
	for step := 2; step <= q.Limits.MaxSteps && len(frontier) > 0; step++ {
		ids := make([]string, len(frontier))
		for i, f := range frontier {
			ids[i] = f.RoleID
		}
		edges, err := src.RoleOverlaps(ctx, ids, MaxOverlapsPerRole)
		if err != nil {
			return nil, err
		}
		var moves []Move
		for _, id := range ids {
			for _, e := range edges[id] {
				moves = append(moves, Move{From: id, To: e.Role.ID, Score: e.Score})
			}
		}
		frontier = ExtendReach(best, frontier, moves, held.RoleID)
	}
	return reachPage(ctx, src, q, best)
}

// scoreFirstMoves scores a first move to each role by the relatedness of the
// profile to the role's, in one round trip.
func scoreFirstMoves(ctx context.Context, src ReachSource, held *Held, ids []string, first func(string, float64)) error {
	if len(ids) == 0 {
		return nil
	}
	ids = sortedUnique(ids)
	profiles, err := src.RoleSkills(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		first(id, round4(Relatedness(held.Profile, Requirements(profiles[id]))))
	}
	return nil
}

// reachPage filters the reached roles by the limits, orders them and builds
// the page: roles are taken in order, a chunk per two round trips, and
// planned until the page is full of roles whose overlap and plan keep to the
// limits. Ordered by plan cost, the MaxPlanCostRoles closest are planned.
func reachPage(ctx context.Context, src ReachSource, q ReachQuery, best map[string]Reach) ([]ReachedRole, error) {
	var ids []string
	for id, reach := range best {
		ids = append(append(ids, id), reach.Path...)
	}
	ids = sortedUnique(ids)
	roles, err := src.RolesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	education, err := src.RoleEducation(ctx, ids)
	if err != nil {
		return nil, err
	}
	lim := q.Limits
	var cands []ReachedRole
	for id, reach := range best {
		role, ok := roles[id]
		if !ok {
			continue
		}
		if lim.Industry != nil && (role.Industry == nil || *role.Industry != *lim.Industry) {
			continue
		}
		if e, ok := education[id]; ok && lim.MaxEducationRank != nil && e.Rank > *lim.MaxEducationRank {
			continue
		}
		c := ReachedRole{Reach: reach, Role: role}
		if m, ok := InterestMatch(q.Interests, role.Interests); ok {
			c.InterestMatch = &m
		}
		if q.Start != nil && q.Start.WageMedian != nil && role.WageMedian != nil {
			g := *role.WageMedian - *q.Start.WageMedian
			c.WageGain = &g
		}
		for _, p := range reach.Path {
			c.Path = append(c.Path, roles[p])
		}
		cands = append(cands, c)
	}
	slices.SortFunc(cands, func(a, b ReachedRole) int {
		switch q.Order {
		case OrderWageGain:
			if c := cmp.Compare(orLowest(b.WageGain), orLowest(a.WageGain)); c != 0 {
				return c
			}
		case OrderDemand:
			if c := cmp.Compare(deref(b.Role.Vacancies), deref(a.Role.Vacancies)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(rankOf(b), rankOf(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.Role.ID, b.Role.ID)
	})
	n := q.First
	opt := PlanOptions{Objective: ObjectiveCost, MaxCost: lim.MaxCost, MaxHours: lim.MaxHours}
	var planned []ReachedRole
	if q.Order == OrderPlanCost {
		// Ordered by plan cost, the closest MaxPlanCostRoles may be planned:
		// the cheapest far-fetched move is not worth planning a thousand.
		planned, err = planByCost(ctx, src, q, cands[:min(len(cands), MaxPlanCostRoles)], opt)
	} else {
		planned, err = planInOrder(ctx, src, q, cands, opt)
	}
	if err != nil {
		return nil, err
	}
	page := planned[:min(n, len(planned))]
	for i := range page {
		page[i].Gaps = Gaps(q.Held.Skills, Requirements(page[i].Profile), false)
		page[i].OpenNow = page[i].Graph != nil && OpenNow(q.Held, page[i].Graph)
	}
	return page, nil
}

// rankOf is what orders reached roles by relatedness: the score, blended
// with the interest match when the profile gives interests.
func rankOf(r ReachedRole) float64 {
	if r.InterestMatch == nil {
		return r.Score
	}
	return (1-interestWeight)*r.Score + interestWeight*(*r.InterestMatch)
}

// Requirements is a skills profile as the algorithms see it.
func Requirements(profile []RoleSkill) []Requirement {
	out := make([]Requirement, len(profile))
	for i, rs := range profile {
		imp := 0.0
		if rs.Importance != nil {
			imp = *rs.Importance
		}
		out[i] = Requirement{SkillID: rs.Skill.ID, Level: rs.Level, Importance: imp, Required: rs.Required}
		if c := rs.Skill.CommonLevel; c != nil {
			out[i].Common = *c
		}
	}
	return out
}

func sortedUnique(ids []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(ids)))
}

// orLowest puts an unknown wage gain below every known one.
func orLowest(v *float64) float64 {
	if v == nil {
		return -1e18
	}
	return *v
}

// Reach is the best way found to a role: its relatedness score (the product of
// the readiness of each move, so every extra move discounts it), the moves it
// takes and the roles passed through, the reached role last.
type Reach struct {
	RoleID string
	Score  float64
	Steps  int
	Path   []string
}

// Move is one overlap edge: a person in From is Score ready for To.
type Move struct {
	From, To string
	Score    float64
}

// ExtendReach takes the roles reached at the last step (frontier) and the
// moves out of them, records every role reached better than before in best
// (never the start role), and returns the new frontier, ordered by id.
func ExtendReach(best map[string]Reach, frontier []Reach, moves []Move, start string) []Reach {
	at := make(map[string]Reach, len(frontier))
	for _, r := range frontier {
		at[r.RoleID] = r
	}
	next := map[string]Reach{}
	for _, m := range moves {
		from, ok := at[m.From]
		if !ok || m.To == start {
			continue
		}
		cand := Reach{RoleID: m.To, Score: round4(from.Score * m.Score), Steps: from.Steps + 1,
			Path: append(append([]string(nil), from.Path...), m.To)}
		if b, seen := best[m.To]; seen && !betterReach(cand, b) {
			continue
		}
		best[m.To] = cand
		next[m.To] = cand
	}
	out := make([]Reach, 0, len(next))
	for _, r := range next {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RoleID < out[j].RoleID })
	return out
}

// betterReach prefers the higher score, then fewer moves, then the path that
// sorts first, so results never depend on map order.
func betterReach(a, b Reach) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Steps != b.Steps {
		return a.Steps < b.Steps
	}
	return slices.Compare(a.Path, b.Path) < 0
}

// roleIDs lists the roles' ids, in order.
func roleIDs(roles []ReachedRole) []string {
	ids := make([]string, len(roles))
	for i, r := range roles {
		ids[i] = r.Role.ID
	}
	return ids
}

// planInOrder takes the roles in order, a chunk per two round trips, and
// plans them (unless q.SkipPlans and no limit needs plans) until q.First
// keep to the limits.
func planInOrder(ctx context.Context, src ReachSource, q ReachQuery, cands []ReachedRole, opt PlanOptions) ([]ReachedRole, error) {
	n, lim := q.First, q.Limits
	planned := make([]ReachedRole, 0, n)
	chunk := max(2*n, 20)
	plan := !q.SkipPlans || lim.MaxCost != nil || lim.MaxHours != nil
	for start := 0; start < len(cands) && len(planned) < n; start += chunk {
		part := cands[start:min(start+chunk, len(cands))]
		var graphs map[string]*PlanGraph
		var profiles map[string][]RoleSkill
		var err error
		if plan {
			graphs, profiles, err = planningFacts(ctx, src, part)
		} else {
			profiles, err = src.RoleSkills(ctx, roleIDs(part))
		}
		if err != nil {
			return nil, err
		}
		for _, c := range part {
			if c.Graph = graphs[c.Role.ID]; plan && c.Graph == nil {
				continue
			}
			c.Profile = profiles[c.Role.ID]
			c.Overlap = Readiness(q.Held.Skills, Requirements(c.Profile))
			if c.Overlap < lim.MinOverlap {
				continue
			}
			if plan {
				plans, err := Solve(ctx, c.Graph.Request(q.Held), opt)
				if err != nil {
					return nil, err
				}
				if c.Plan = plans[0]; !c.Plan.Feasible && (lim.MaxCost != nil || lim.MaxHours != nil) {
					continue
				}
			}
			if planned = append(planned, c); len(planned) == n {
				break
			}
		}
	}
	return planned, nil
}

// planByCost fetches what planning the roles needs in two round trips and
// returns those within the limits, ordered by plan cost (planCheapest).
func planByCost(ctx context.Context, src ReachSource, q ReachQuery, cands []ReachedRole, opt PlanOptions) ([]ReachedRole, error) {
	if len(cands) == 0 {
		return []ReachedRole{}, nil
	}
	graphs, profiles, err := planningFacts(ctx, src, cands)
	if err != nil {
		return nil, err
	}
	var kept []ReachedRole
	for _, c := range cands {
		if c.Graph = graphs[c.Role.ID]; c.Graph == nil {
			continue
		}
		c.Profile = profiles[c.Role.ID]
		if c.Overlap = Readiness(q.Held.Skills, Requirements(c.Profile)); c.Overlap >= q.Limits.MinOverlap {
			kept = append(kept, c)
		}
	}
	return planCheapest(ctx, q, kept, opt)
}

// planCheapest plans the roles (in order of relatedness) and returns those
// with a plan within the limits, ordered by plan cost: feasible plans
// first, cheapest first, ties in order of relatedness. Only as many are
// planned as the first q.First of that order need: roles are planned in
// order of a proven lower bound of their plan's cost (costFloor), and
// planning stops once q.First feasible plans all cost less than the next
// role's bound, since no role left can then come before them. Unless
// q.planEvery, the test's oracle, which plans them all.
func planCheapest(ctx context.Context, q ReachQuery, roles []ReachedRole, opt PlanOptions) ([]ReachedRole, error) {
	n := q.First
	reqs := make([]PlanRequest, len(roles))
	floors := make([]float64, len(roles))
	order := make([]int, len(roles))
	for i := range roles {
		reqs[i] = roles[i].Graph.Request(q.Held)
		floors[i] = roles[i].Graph.costFloor(reqs[i])
		order[i] = i
	}
	if !q.planEvery {
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(floors[a], floors[b]) })
	}
	// With whole-dollar costs every floor and total is exact, and a role
	// whose floor is the page's last cost comes after it when it comes
	// later by relatedness, as roles of one floor are planned in that order.
	exact := true
	for i := range roles {
		exact = exact && roles[i].Graph.wholeCosts(reqs[i])
	}
	limited := opt.MaxCost != nil || opt.MaxHours != nil
	keep := make([]bool, len(roles))
	var top []rankedCost // the feasible plans, by cost then relatedness
	for _, i := range order {
		if !q.planEvery && len(top) >= n {
			if n <= 0 {
				break
			}
			last, f := top[n-1], floors[i]
			if exact && (last.cost < f || (last.cost == f && last.role < i)) {
				break
			}
			// Otherwise a plan's cost may round apart from the floor, by
			// far less than tol.
			if !exact && last.cost < f-tol(f) {
				break
			}
		}
		plans, err := Solve(ctx, reqs[i], opt)
		if err != nil {
			return nil, err
		}
		if roles[i].Plan = plans[0]; !roles[i].Plan.Feasible {
			keep[i] = !limited
			continue
		}
		keep[i] = true
		r := rankedCost{roles[i].Plan.TotalCost, i}
		at, _ := slices.BinarySearchFunc(top, r, rankedCost.compare)
		top = slices.Insert(top, at, r)
	}
	planned := make([]ReachedRole, 0, len(roles))
	for i, r := range roles {
		if keep[i] {
			planned = append(planned, r)
		}
	}
	slices.SortStableFunc(planned, func(a, b ReachedRole) int {
		if a.Plan.Feasible != b.Plan.Feasible {
			if a.Plan.Feasible {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Plan.TotalCost, b.Plan.TotalCost)
	})
	return planned, nil
}

// rankedCost is a feasible plan's cost and its role's place by relatedness.
type rankedCost struct {
	cost float64
	role int
}

func (a rankedCost) compare(b rankedCost) int {
	if c := cmp.Compare(a.cost, b.cost); c != 0 {
		return c
	}
	return cmp.Compare(a.role, b.role)
}

// planningFacts fetches what planning into roles needs: their plan graphs
// and skills profiles. Neither read needs the other, so they run at once
// and the request waits for the slower, not for both in turn.
func planningFacts(ctx context.Context, src ReachSource, roles []ReachedRole) (map[string]*PlanGraph, map[string][]RoleSkill, error) {
	ids := roleIDs(roles)
	var profiles map[string][]RoleSkill
	var perr error
	var panicked any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { panicked = recover() }() // raised again below, where the caller recovers
		profiles, perr = src.RoleSkills(ctx, ids)
	}()
	graphs, err := src.PlanGraphs(ctx, ids)
	<-done
	if panicked != nil {
		panic(panicked)
	}
	if err != nil {
		return nil, nil, err
	}
	if perr != nil {
		return nil, nil, perr
	}
	return graphs, profiles, nil
}
