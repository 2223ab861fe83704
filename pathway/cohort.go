package pathway

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// The cohort planner: DESIGN's "cohort plan". Many profiles, one target.
// Each member pays the per-person cost of their steps; a credential with a
// cohort cost is paid for once when anyone takes it. The cohort's objective
// is the total; with a budget, first the number of members made ready, then
// the total.
//
// The search is branch and bound over the set O of cohort-cost credentials
// the cohort opens. Given O, each member's best plan is their cheapest plan
// (Solve, by cost) from the credentials without a cohort cost and those in
// O, and the members made ready are the cheapest that fit the budget after
// O's cohort costs. A node fixes some credentials in O and some out; the
// rest are open. Its bound lets every member use every credential not fixed
// out, paying only the cohort costs fixed in: no choice below the node does
// better. Its members' plans give a solution at once (open what they use);
// when they use no open credential the node is solved, else it branches on
// the open credential they use most: in, then out.

// DefaultCohortTimeCap bounds a cohort search when its TimeCap is zero.
const DefaultCohortTimeCap = time.Second

// CohortOptions tune a cohort plan: the plan options apply to every member
// (their limits are per person; the objective is always cost), and Budget
// caps the total spend.
type CohortOptions struct {
	PlanOptions
	Budget *float64
}

// CohortCredential is a credential some members of the cohort take.
type CohortCredential struct {
	CredentialID string
	Takers       int
	PersonCost   float64 // the per-person costs its takers pay, after their stacking credit
	CohortCost   float64 // paid once
}

// PooledGapSkill is a gap skill and how many members lack it.
type PooledGapSkill struct {
	SkillID string
	Members int
}

// CohortPlan is the cohort's plan.
type CohortPlan struct {
	// Members holds each member's plan, index-aligned with the request;
	// a member left out (no plan, or over the budget) has Feasible false.
	Members     []Plan
	Credentials []CohortCredential // the credentials taken, sorted by id
	PooledGap   []PooledGapSkill   // most members first, then by id
	// TotalCost is the per-person costs of every member's steps plus each
	// credential's cohort cost once.
	TotalCost float64
	Ready     int
	// Optimal says no plan makes more members ready, or as many for less.
	// LowerBound is a proven lower bound of the total of any plan making as
	// many members ready; it equals TotalCost when Optimal.
	Optimal    bool
	LowerBound float64
}

// SolveCohort plans for a cohort moving to one target. The members share
// members[0]'s Target, TargetCredentials, TargetEducationRank and
// Candidates; their own are ignored. It returns ErrInvalid for no members,
// bad options or a malformed candidate.
func SolveCohort(ctx context.Context, members []PlanRequest, opt CohortOptions) (cp CohortPlan, err error) {
	defer func(start time.Time) { observeRun(ctx, "cohort", start, cp.Optimal, err) }(time.Now())
	if len(members) == 0 {
		return CohortPlan{}, fmt.Errorf("a cohort needs at least one member: %w", ErrInvalid)
	}
	if _, err := checkOptions(opt.PlanOptions); err != nil {
		return CohortPlan{}, err
	}
	if opt.Budget != nil && (math.IsNaN(*opt.Budget) || *opt.Budget < 0) {
		return CohortPlan{}, fmt.Errorf("budget must be zero or more, got %v: %w", *opt.Budget, ErrInvalid)
	}
	shared := members[0]
	if err := checkRequest(shared); err != nil {
		return CohortPlan{}, err
	}
	reqs := make([]PlanRequest, len(members))
	for i, m := range members {
		m.Target, m.TargetCredentials = shared.Target, shared.TargetCredentials
		m.TargetEducationRank, m.Candidates, m.index = shared.TargetEducationRank, shared.Candidates, shared.index
		reqs[i] = m
	}
	cs := newCohortSearch(reqs, opt)
	cs.ctx = ctx
	cs.run()
	if err := ctx.Err(); err != nil {
		return CohortPlan{}, stopped(err)
	}
	return cs.plan(), nil
}

// memberBest is a member's best plan given the cohort credentials excluded.
type memberBest struct {
	plan     Plan
	feasible bool    // a plan was found
	maybe    bool    // no plan found, but the search was cut short
	cost     float64 // the plan's total cost
	lb       float64 // a lower bound of the member's cost
	uses     []int   // cohort credentials (indices into cc) its steps take
}

type cohortSolution struct {
	ready  int
	cost   float64
	opened []bool        // the cohort credentials opened
	plans  []*memberBest // per member; nil when left out
}

// cohortCut is the bound of a subtree the time cap cut off: the cohort
// costs fixed in and the lower bounds of the members' costs, ascending (nil:
// not known, each at least zero).
type cohortCut struct {
	fixed float64
	costs []float64
}

type cohortSearch struct {
	reqs    []PlanRequest
	opt     CohortOptions
	budget  float64
	base    PlanOptions
	cc      []string       // ids of the credentials with a cohort cost, sorted
	ccCost  []float64      // their cohort costs
	ccIndex map[string]int // id -> index into cc
	cache   []map[string]*memberBest
	// uncovered is each member's uncovered skills with every credential
	// open: excluding a cohort credential must not waive a skill.
	uncovered [][]string
	// relevant says, per member, which cohort credentials are in its first
	// pool (all of them without the graph's index): excluding the others
	// leaves the member's problem as it is, so its plan is cached by the
	// exclusions of these only.
	relevant [][]bool
	deadline time.Time
	ctx      context.Context // the caller's: the search stops when it ends
	stopped  bool
	exact    bool // every member search finished
	best     *cohortSolution
	cuts     []cohortCut
}

func newCohortSearch(reqs []PlanRequest, opt CohortOptions) *cohortSearch {
	cs := &cohortSearch{reqs: reqs, opt: opt, budget: math.Inf(1), ccIndex: map[string]int{}, exact: true}
	if opt.Budget != nil {
		cs.budget = *opt.Budget
	}
	cs.base = opt.PlanOptions
	cs.base.Objective, cs.base.Alternatives = ObjectiveCost, 1
	excluded := map[string]bool{}
	for _, id := range opt.Exclude {
		excluded[id] = true
	}
	for _, c := range reqs[0].Candidates {
		if c.CohortCost > 0 && !excluded[c.ID] {
			cs.cc = append(cs.cc, c.ID)
		}
	}
	sort.Strings(cs.cc)
	byID := map[string]float64{}
	for _, c := range reqs[0].Candidates {
		byID[c.ID] = c.CohortCost
	}
	for i, id := range cs.cc {
		cs.ccIndex[id] = i
		cs.ccCost = append(cs.ccCost, byID[id])
	}
	cs.cache = make([]map[string]*memberBest, len(reqs))
	cs.uncovered = make([][]string, len(reqs))
	cs.relevant = make([][]bool, len(reqs))
	first := map[string]int{} // a request's key -> the first member with it
	for i := range cs.cache {
		key := requestKey(reqs[i])
		if j, ok := first[key]; ok {
			// The same request plans the same: the members share their
			// plans instead of planning each (a cohort is often a few
			// profiles many times over).
			cs.cache[i], cs.uncovered[i], cs.relevant[i] = cs.cache[j], cs.uncovered[j], cs.relevant[j]
			continue
		}
		first[key] = i
		cs.cache[i] = map[string]*memberBest{}
		cs.relevant[i] = make([]bool, len(cs.cc))
		if u, in, err := uncoveredOf(reqs[i], cs.base, cs.cc); err == nil {
			cs.uncovered[i], cs.relevant[i] = u, in
		}
	}
	return cs
}

// requestKey names everything a member's plan depends on: what the member
// holds, by value, and the target and candidates, by identity (the members
// of a cohort plan into one graph, whose slices they share).
func requestKey(r PlanRequest) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%p/%d %p/%d %p %q %d|%d ", r.Target, len(r.Target), r.Candidates, len(r.Candidates), r.index,
		r.TargetCredentials, r.TargetEducationRank, r.EducationRank)
	if r.FieldRank != nil {
		fmt.Fprintf(&b, "field %d ", *r.FieldRank)
	}
	fmt.Fprintf(&b, "%q ", r.HeldCredentials)
	for _, id := range slices.Sorted(maps.Keys(r.HeldSkills)) {
		fmt.Fprintf(&b, "%q=%d ", id, r.HeldSkills[id])
	}
	return b.String()
}

func (cs *cohortSearch) run() {
	timeCap := cs.opt.TimeCap
	if timeCap == 0 {
		timeCap = DefaultCohortTimeCap
	}
	cs.deadline = time.Now().Add(timeCap)
	in, out := make([]bool, len(cs.cc)), make([]bool, len(cs.cc))
	cs.node(in, out, cohortCut{})
}

// solve returns member m's best plan with the cohort credentials in out
// excluded.
func (cs *cohortSearch) solve(m int, out []bool) *memberBest {
	var key strings.Builder
	for i, x := range out {
		if x && cs.relevant[m][i] {
			key.WriteByte('1')
		} else {
			key.WriteByte('0')
		}
	}
	if b, ok := cs.cache[m][key.String()]; ok {
		return b
	}
	opt := cs.base
	opt.Exclude = slices.Clone(cs.base.Exclude)
	for i, x := range out {
		if x {
			opt.Exclude = append(opt.Exclude, cs.cc[i])
		}
	}
	left := time.Until(cs.deadline)
	if cap := cs.memberCap(); left > cap {
		left = cap
	}
	opt.TimeCap = max(left, time.Millisecond)
	plans, err := solve(cs.ctx, cs.reqs[m], opt, 1, cs.uncovered[m])
	b := &memberBest{}
	if err == nil && len(plans) > 0 {
		p := plans[0]
		b.plan = p
		b.feasible = p.Feasible
		b.maybe = !p.Feasible && !p.Optimal
		b.cost, b.lb = p.TotalCost, p.LowerBound
		if p.Optimal {
			b.lb = p.TotalCost
		}
		if !p.Optimal {
			cs.exact = false
		}
		for _, st := range p.Steps {
			if i, ok := cs.ccIndex[st.CredentialID]; ok {
				b.uses = append(b.uses, i)
			}
		}
	}
	cs.cache[m][key.String()] = b
	return b
}

func (cs *cohortSearch) memberCap() time.Duration {
	if cs.opt.TimeCap > 0 {
		return cs.opt.TimeCap
	}
	return DefaultTimeCap
}

// better says whether a solution beats the incumbent.
func (cs *cohortSearch) better(ready int, cost float64) bool {
	if cs.best == nil {
		return true
	}
	if ready != cs.best.ready {
		return ready > cs.best.ready
	}
	return cost < cs.best.cost-tol(cs.best.cost)
}

// byCost orders the members who may be ready by the given cost, then index.
func byCost(bests []*memberBest, cost func(*memberBest) float64, ok func(*memberBest) bool) []int {
	var idx []int
	for m, b := range bests {
		if ok(b) {
			idx = append(idx, m)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return cost(bests[idx[i]]) < cost(bests[idx[j]]) })
	return idx
}

// fit is how many of the members, in order, fit the budget after fixed.
func (cs *cohortSearch) fit(order []int, cost func(int) float64, fixed float64) (int, float64) {
	total := fixed
	n := 0
	for _, m := range order {
		c := cost(m)
		if total+c > cs.budget+tol(cs.budget) {
			break
		}
		total += c
		n++
	}
	return n, total
}

func (cs *cohortSearch) node(in, out []bool, parent cohortCut) {
	if cs.ctx.Err() != nil || (time.Now().After(cs.deadline) && cs.best != nil) {
		cs.stopped = true
	}
	if cs.stopped {
		cs.cuts = append(cs.cuts, parent)
		return
	}
	bests := make([]*memberBest, len(cs.reqs))
	for m := range cs.reqs {
		bests[m] = cs.solve(m, out)
	}
	fixed := 0.0
	for i, x := range in {
		if x {
			fixed += cs.ccCost[i]
		}
	}
	// The bound: every member at their least cost, only fixed cohort costs.
	maybe := byCost(bests, func(b *memberBest) float64 { return b.lb }, func(b *memberBest) bool { return b.feasible || b.maybe })
	readyUB, costLB := cs.fit(maybe, func(m int) float64 { return bests[m].lb }, fixed)
	if cs.best != nil && (readyUB < cs.best.ready || (readyUB == cs.best.ready && costLB >= cs.best.cost-tol(cs.best.cost))) {
		return
	}
	here := cohortCut{fixed: fixed}
	for _, m := range maybe {
		here.costs = append(here.costs, bests[m].lb)
	}
	slices.Sort(here.costs)
	// The node's own solution: the members who fit, opening what they use.
	sure := byCost(bests, func(b *memberBest) float64 { return b.cost }, func(b *memberBest) bool { return b.feasible })
	n, total := cs.fit(sure, func(m int) float64 { return bests[m].cost }, fixed)
	chosen := sure[:n]
	uses := make([]int, len(cs.cc))
	used := make([]bool, len(cs.cc))
	var open []int
	for _, m := range chosen {
		for _, i := range bests[m].uses {
			used[i] = true
			if !in[i] && !out[i] {
				if uses[i] == 0 {
					open = append(open, i)
				}
				uses[i]++
			}
		}
	}
	cost := total - fixed
	for i, x := range used {
		if x {
			cost += cs.ccCost[i]
		}
	}
	if cost <= cs.budget+tol(cs.budget) {
		if cs.better(n, cost) {
			plans := make([]*memberBest, len(cs.reqs))
			for _, m := range chosen {
				plans[m] = bests[m]
			}
			cs.best = &cohortSolution{ready: n, cost: cost, opened: used, plans: plans}
		}
	} else {
		opened := slices.Clone(in)
		for _, i := range open {
			opened[i] = true
		}
		cs.evaluate(opened)
	}
	if len(open) == 0 {
		return
	}
	slices.Sort(open)
	u := open[0]
	for _, i := range open {
		if uses[i] > uses[u] {
			u = i
		}
	}
	in[u] = true
	inc := here
	inc.fixed += cs.ccCost[u]
	cs.node(in, out, inc)
	in[u] = false
	out[u] = true
	cs.node(in, out, here)
	out[u] = false
}

// evaluate records the solution that opens exactly the credentials in
// opened: each member's best plan from those, the cheapest members that fit
// the budget after the cohort costs, the cohort costs of what they use.
func (cs *cohortSearch) evaluate(opened []bool) {
	out := make([]bool, len(opened))
	fixed := 0.0
	for i, x := range opened {
		out[i] = !x
		if x {
			fixed += cs.ccCost[i]
		}
	}
	bests := make([]*memberBest, len(cs.reqs))
	for m := range cs.reqs {
		bests[m] = cs.solve(m, out)
	}
	sure := byCost(bests, func(b *memberBest) float64 { return b.cost }, func(b *memberBest) bool { return b.feasible })
	n, _ := cs.fit(sure, func(m int) float64 { return bests[m].cost }, fixed)
	used := make([]bool, len(cs.cc))
	cost := 0.0
	plans := make([]*memberBest, len(cs.reqs))
	for _, m := range sure[:n] {
		plans[m] = bests[m]
		cost += bests[m].cost
		for _, i := range bests[m].uses {
			used[i] = true
		}
	}
	for i, x := range used {
		if x {
			cost += cs.ccCost[i]
		}
	}
	if cs.better(n, cost) {
		cs.best = &cohortSolution{ready: n, cost: cost, opened: used, plans: plans}
	}
}

func (cs *cohortSearch) plan() CohortPlan {
	out := CohortPlan{Members: make([]Plan, len(cs.reqs)), Credentials: []CohortCredential{}, PooledGap: []PooledGapSkill{}}
	optimal := !cs.stopped && cs.exact
	best := cs.best
	if best == nil {
		best = &cohortSolution{plans: make([]*memberBest, len(cs.reqs))}
	}
	taken := map[string]*CohortCredential{}
	cohortCost := map[string]float64{}
	for _, c := range cs.reqs[0].Candidates {
		cohortCost[c.ID] = c.CohortCost
	}
	for m := range cs.reqs {
		b := best.plans[m]
		if b == nil {
			p := Plan{Feasible: false, Steps: []PlanStep{}, Optimal: optimal}
			// Why: the member's own plan (with every credential), or the budget.
			own := cs.cache[m][strings.Repeat("0", len(cs.cc))]
			switch {
			case own == nil:
				p.Reason = "left out: the search ran out of time"
			case !own.feasible:
				p.Reason = own.plan.Reason
				p.Uncovered = own.plan.Uncovered
			default:
				p.Reason = "left out: over the cohort budget"
				p.Uncovered = own.plan.Uncovered
			}
			if p.Uncovered == nil {
				p.Uncovered = []string{}
			}
			out.Members[m] = p
			continue
		}
		p := b.plan
		p.Optimal = optimal
		out.Members[m] = p
		out.Ready++
		out.TotalCost += p.TotalCost
		for _, st := range p.Steps {
			t := taken[st.CredentialID]
			if t == nil {
				t = &CohortCredential{CredentialID: st.CredentialID, CohortCost: cohortCost[st.CredentialID]}
				taken[st.CredentialID] = t
			}
			t.Takers++
			t.PersonCost += st.Cost
		}
	}
	for _, t := range taken {
		out.Credentials = append(out.Credentials, *t)
	}
	sort.Slice(out.Credentials, func(i, j int) bool { return out.Credentials[i].CredentialID < out.Credentials[j].CredentialID })
	for _, t := range out.Credentials {
		out.TotalCost += t.CohortCost
	}
	out.Optimal = optimal
	out.LowerBound = out.TotalCost
	if !optimal {
		for _, c := range cs.cuts {
			lb := c.fixed
			if c.costs != nil {
				if len(c.costs) < out.Ready {
					continue // it cannot make as many ready
				}
				for _, v := range c.costs[:out.Ready] {
					lb += v
				}
			}
			out.LowerBound = min(out.LowerBound, lb)
		}
		if !cs.exact {
			out.LowerBound = min(out.LowerBound, cs.memberBound(out.Ready))
		}
	}
	// The pooled gap.
	count := map[string]int{}
	for _, r := range cs.reqs {
		for _, g := range Gap(r, cs.opt.IncludePreferred) {
			count[g.SkillID]++
		}
	}
	for id, n := range count {
		out.PooledGap = append(out.PooledGap, PooledGapSkill{SkillID: id, Members: n})
	}
	sort.Slice(out.PooledGap, func(i, j int) bool {
		a, b := out.PooledGap[i], out.PooledGap[j]
		if a.Members != b.Members {
			return a.Members > b.Members
		}
		return a.SkillID < b.SkillID
	})
	return out
}

// memberBound is a lower bound of the cost of making ready members ready
// when some member search was cut short: the cheapest lower bounds with
// every credential open and no cohort cost.
func (cs *cohortSearch) memberBound(ready int) float64 {
	root := strings.Repeat("0", len(cs.cc))
	var costs []float64
	for m := range cs.reqs {
		if b := cs.cache[m][root]; b == nil {
			costs = append(costs, 0)
		} else if b.feasible || b.maybe {
			costs = append(costs, b.lb)
		}
	}
	slices.Sort(costs)
	lb := 0.0
	for _, v := range costs[:min(ready, len(costs))] {
		lb += v
	}
	return lb
}
