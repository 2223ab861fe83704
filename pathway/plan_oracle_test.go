package pathway

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// This file holds the planner's random instance generator, a brute-force
// oracle written apart from the solver (it enumerates every subset of the
// candidates), an independent checker of a returned plan, and the property
// tests that hold the solver to them on thousands of random graphs.

// genConfig shapes a random instance.
type genConfig struct {
	cands, skills int
	cohortCosts   bool
	coarse        bool // few distinct values, so ties abound
}

// genRequest draws a random planning question: overlapping certifications,
// prerequisite chains (one in three candidates requires the one before it,
// so chains run deep), "any one of" groups mixing credentials and education
// ranks, degrees that confer ranks, stacking credit (sometimes more than the
// lower costs), costs drawn apart from hours, held skills and credentials,
// target licenses and an education requirement.
//
// Candidates are made in a hidden order that every prerequisite and
// stacking edge respects (an education option asks only for ranks that no
// later candidate confers), so some order of any set gives every credit; the
// ids are a shuffle of that order.
func genRequest(r *rand.Rand, cfg genConfig) PlanRequest {
	n := cfg.cands
	skill := func() string { return fmt.Sprintf("s%02d", r.IntN(cfg.skills)) }
	perm := r.Perm(n)
	id := func(i int) string { return fmt.Sprintf("c%02d", perm[i]) }
	cands := make([]PlanCredential, n)
	nDeg := r.IntN(3)
	rank := 1
	for i := range n {
		c := &cands[i]
		c.ID, c.Name = id(i), "Credential "+id(i)
		c.ConfersRank = -1
		if i < nDeg {
			rank += 1 + r.IntN(2)
			c.ConfersRank = min(rank, 6)
		} else if r.IntN(12) == 0 {
			c.ConfersRank = 2
		}
		c.Certifies = map[string]int{}
		for range 1 + r.IntN(3) {
			c.Certifies[skill()] = 1 + r.IntN(5)
		}
		c.Cost = float64(50 * r.IntN(21))
		c.Hours = float64(10 * r.IntN(31))
		c.Weeks = float64(r.IntN(13))
		if cfg.coarse {
			c.Cost, c.Hours, c.Weeks = float64(100*r.IntN(3)), float64(10*r.IntN(3)), float64(r.IntN(3))
		}
		if cfg.cohortCosts && r.IntN(3) == 0 {
			c.CohortCost = float64(100 * (1 + r.IntN(6)))
		}
	}
	// suffix[i] is the highest rank conferred at index i or later.
	suffix := make([]int, n+1)
	suffix[n] = -1
	for i := n - 1; i >= 0; i-- {
		suffix[i] = max(suffix[i+1], cands[i].ConfersRank)
	}
	for i := 1; i < n; i++ {
		c := &cands[i]
		if r.IntN(3) == 0 {
			c.Prerequisites = append(c.Prerequisites, []Prereq{{CredentialID: id(i - 1)}})
		}
		if r.IntN(5) < 2 {
			var g []Prereq
			for range 1 + r.IntN(3) {
				switch lo := suffix[i+1] + 1; {
				case r.IntN(10) < 3 && lo <= 6:
					g = append(g, Prereq{EducationRank: lo + r.IntN(7-lo)})
				case r.IntN(15) == 0:
					g = append(g, Prereq{CredentialID: "elsewhere"})
				default:
					g = append(g, Prereq{CredentialID: id(r.IntN(i))})
				}
			}
			c.Prerequisites = append(c.Prerequisites, g)
		}
		if r.IntN(10) < 3 {
			from := id(r.IntN(i))
			if r.IntN(8) == 0 {
				from = "old-cert"
			}
			c.StackCredit = append(c.StackCredit, StackCredit{FromID: from,
				Hours: float64(10 * r.IntN(12)), Cost: float64(50 * r.IntN(8))})
		}
	}
	req := PlanRequest{HeldSkills: map[string]int{}, Candidates: cands, TargetEducationRank: -1}
	for s := range cfg.skills {
		if r.IntN(10) < 7 {
			req.Target = append(req.Target, Requirement{SkillID: fmt.Sprintf("s%02d", s),
				Level: 1 + r.IntN(5), Required: r.IntN(4) != 0, Importance: float64(r.IntN(6))})
			if r.IntN(4) == 0 { // a common skill: its gap may be foundational
				req.Target[len(req.Target)-1].Common = 1 + r.IntN(4)
			}
		}
		if r.IntN(10) < 3 {
			req.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
		}
	}
	if len(req.Target) > 0 && r.IntN(6) == 0 { // a skill listed twice
		t := req.Target[r.IntN(len(req.Target))]
		t.Level, t.Required = 1+r.IntN(5), !t.Required
		req.Target = append(req.Target, t)
	}
	req.EducationRank = r.IntN(4)
	if r.IntN(2) == 0 {
		req.TargetEducationRank = 1 + r.IntN(5)
	}
	if n > 0 && r.IntN(10) < 3 {
		req.TargetCredentials = append(req.TargetCredentials, id(r.IntN(n)))
	}
	if r.IntN(25) == 0 {
		req.TargetCredentials = append(req.TargetCredentials, "license-elsewhere")
	}
	if n > 0 && r.IntN(10) < 3 {
		req.HeldCredentials = append(req.HeldCredentials, id(r.IntN(n)))
	}
	if r.IntN(8) == 0 {
		req.HeldCredentials = append(req.HeldCredentials, "old-cert")
	}
	// Fields: a degree may be in a field that does not prepare for the
	// target, and the education held may be in one too.
	for i := range cands {
		if cands[i].ConfersRank >= 0 && r.IntN(3) == 0 {
			cands[i].OtherField = true
		}
	}
	if r.IntN(4) == 0 {
		fr := r.IntN(req.EducationRank + 1)
		req.FieldRank = &fr
	}
	// Fits: in one instance in three, so that equal plans go by fit before
	// id (compareCands).
	// Twins (a copy under another id) make plans equal in every total; the
	// oracle takes 16 candidates at most.
	if n <= 13 && r.IntN(3) == 0 {
		for k := range 1 + r.IntN(3) {
			tw := cands[r.IntN(n)]
			tw.ID, tw.Name = fmt.Sprintf("%st%d", tw.ID, k), tw.Name+" twin"
			tw.Certifies = maps.Clone(tw.Certifies)
			cands = append(cands, tw)
		}
		for i := range cands {
			cands[i].Fit = r.IntN(3)
		}
		req.Candidates = cands
	}
	// The store's order is arbitrary.
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	return req
}

func genOptions(r *rand.Rand, req PlanRequest) PlanOptions {
	// The oracle checks optimality, not speed: a busy machine must not hit the cap.
	opt := PlanOptions{Objective: Objective(r.IntN(4)), Alternatives: 1 + r.IntN(4), TimeCap: time.Minute}
	f := func(v float64) *float64 { return &v }
	if r.IntN(5) == 0 {
		opt.MaxCost = f(float64(50 * r.IntN(40)))
	}
	if r.IntN(5) == 0 {
		opt.MaxHours = f(float64(10 * r.IntN(60)))
	}
	if r.IntN(6) == 0 {
		opt.MaxWeeks = f(float64(r.IntN(40)))
	}
	if r.IntN(6) == 0 {
		m := r.IntN(5)
		opt.MaxCredentials = &m
	}
	opt.IncludePreferred = r.IntN(10) < 3
	opt.SkillsFirst = r.IntN(10) < 3
	if len(req.Candidates) > 0 && r.IntN(10) < 3 {
		opt.Exclude = append(opt.Exclude, req.Candidates[r.IntN(len(req.Candidates))].ID)
	}
	if r.IntN(20) == 0 {
		opt.Exclude = append(opt.Exclude, "never-heard-of-it")
	}
	return opt
}

// oracle answers a small planning question by brute force.
type oracle struct {
	req       PlanRequest
	opt       PlanOptions
	pool      []PlanCredential // neither excluded nor held, in request order
	held      map[string]bool
	heldRank  int // for prerequisites
	fieldRank int // for the target's education requirement
	gapSkill  []string
	gapLevel  []int
	uncovered []string
	eduNeed   int            // -1 when none
	targets   []string       // target credentials not held
	valid     []bool         // per subset of pool
	vals      [][4]float64   // hours, cost, weeks, steps per subset
	orderable []bool         // per subset: an order meets every prerequisite
	ids       [][]string     // sorted ids per subset, filled lazily
	byID      map[string]int // pool index

	groups     [][]oGroup
	credits    [][]oCredit
	heldCredit [][2]float64
}

func newOracle(req PlanRequest, opt PlanOptions) *oracle { return newOracleFixed(req, opt, nil) }

// newOracleFixed is newOracle with the uncovered skills given (when not
// nil) rather than found: the cohort's oracle excludes credentials to price
// its choices without waiving the skills only they certify.
func newOracleFixed(req PlanRequest, opt PlanOptions, fixed []string) *oracle {
	o := &oracle{req: req, opt: opt, held: map[string]bool{}, byID: map[string]int{}, eduNeed: -1}
	excluded := map[string]bool{}
	for _, id := range opt.Exclude {
		excluded[id] = true
	}
	for _, id := range req.HeldCredentials {
		o.held[id] = true
	}
	skills := map[string]int{}
	for s, l := range req.HeldSkills {
		skills[s] = l
	}
	o.heldRank = max(req.EducationRank, 0)
	o.fieldRank = o.heldRank
	if req.FieldRank != nil {
		o.fieldRank = max(min(*req.FieldRank, o.heldRank), 0)
	}
	for _, c := range req.Candidates {
		if o.held[c.ID] {
			for s, l := range c.Certifies {
				skills[s] = max(skills[s], l)
			}
			o.heldRank = max(o.heldRank, c.ConfersRank)
			if !c.OtherField {
				o.fieldRank = max(o.fieldRank, c.ConfersRank)
			}
		} else if !excluded[c.ID] {
			o.byID[c.ID] = len(o.pool)
			o.pool = append(o.pool, c)
		}
	}
	need, common := map[string]int{}, map[string]int{}
	for _, t := range req.Target {
		if t.Required || opt.IncludePreferred {
			need[t.SkillID] = max(need[t.SkillID], t.Level)
			common[t.SkillID] = max(common[t.SkillID], t.Common)
		}
	}
	for s, l := range need {
		if skills[s] < l {
			o.gapSkill = append(o.gapSkill, s)
		}
	}
	sort.Strings(o.gapSkill)
	for _, s := range o.gapSkill {
		o.gapLevel = append(o.gapLevel, need[s])
	}
	for _, id := range req.TargetCredentials {
		if !o.held[id] && !slices.Contains(o.targets, id) {
			o.targets = append(o.targets, id)
		}
	}
	if !opt.SkillsFirst && req.TargetEducationRank >= 0 && req.TargetEducationRank > o.fieldRank {
		o.eduNeed = req.TargetEducationRank
	}

	n := len(o.pool)
	if n > 16 {
		panic("oracle: too many candidates")
	}
	o.prepare()
	total := 1 << n
	o.orderable = make([]bool, total)
	o.valid = make([]bool, total)
	o.vals = make([][4]float64, total)
	o.ids = make([][]string, total)
	attainable := 0
	for m := range total {
		o.orderable[m] = o.canOrder(m)
		if o.orderable[m] {
			attainable |= m
		}
	}
	covers := make([]int, len(o.gapSkill)) // certifiers at the level, per gap skill
	for gi, s := range o.gapSkill {
		for i, c := range o.pool {
			if c.closing()[s] >= o.gapLevel[gi] {
				covers[gi] |= 1 << i
			}
		}
		// A foundational gap (the level at or below the skill's common
		// level) needs no step, as one no attainable candidate covers.
		if (fixed == nil && covers[gi]&attainable == 0) || slices.Contains(fixed, s) || o.gapLevel[gi] <= common[s] {
			o.uncovered = append(o.uncovered, s)
			covers[gi] = -1
		}
	}
	licenses := 0
	for _, id := range o.targets {
		j, in := o.byID[id]
		if !in {
			licenses = -1
			break
		}
		licenses |= 1 << j
	}
	degrees := 0
	for i, c := range o.pool {
		if o.eduNeed >= 0 && c.ConfersRank >= o.eduNeed && !c.OtherField {
			degrees |= 1 << i
		}
	}
	for m := range total {
		o.vals[m] = o.value(m)
		if !o.orderable[m] || licenses < 0 || m&licenses != licenses || (o.eduNeed >= 0 && m&degrees == 0) {
			continue
		}
		ok := true
		for _, cv := range covers {
			if cv != -1 && m&cv == 0 {
				ok = false
				break
			}
		}
		o.valid[m] = ok && o.withinLimits(o.vals[m])
	}
	return o
}

type oGroup struct {
	heldMet bool
	creds   int // pool options by id
	rank    int // least rank option; MaxInt when none
}

type oCredit struct {
	from        int
	hours, cost float64
}

// prepare turns the pool's prerequisites and credits into bit masks.
func (o *oracle) prepare() {
	o.groups = make([][]oGroup, len(o.pool))
	o.credits = make([][]oCredit, len(o.pool))
	o.heldCredit = make([][2]float64, len(o.pool))
	for i, c := range o.pool {
		for _, g := range c.Prerequisites {
			og := oGroup{heldMet: len(g) == 0, rank: math.MaxInt}
			for _, p := range g {
				if p.CredentialID != "" {
					og.heldMet = og.heldMet || o.held[p.CredentialID]
					if j, in := o.byID[p.CredentialID]; in && j != i {
						og.creds |= 1 << j
					}
				} else {
					og.heldMet = og.heldMet || p.EducationRank <= o.heldRank
					og.rank = min(og.rank, p.EducationRank)
				}
			}
			o.groups[i] = append(o.groups[i], og)
		}
		for _, sc := range c.StackCredit {
			if sc.FromID == c.ID {
				continue
			}
			if o.held[sc.FromID] {
				o.heldCredit[i][0] += sc.Hours
				o.heldCredit[i][1] += sc.Cost
			} else if j, in := o.byID[sc.FromID]; in {
				o.credits[i] = append(o.credits[i], oCredit{j, sc.Hours, sc.Cost})
			}
		}
	}
}

// canOrder says whether the subset has an order meeting every prerequisite.
func (o *oracle) canOrder(m int) bool {
	placed, rank := 0, -1
	for {
		progress := false
		for i := range o.pool {
			if m&(1<<i) == 0 || placed&(1<<i) != 0 {
				continue
			}
			all := true
			for _, g := range o.groups[i] {
				if !g.heldMet && g.creds&placed == 0 && g.rank > rank {
					all = false
					break
				}
			}
			if all {
				placed |= 1 << i
				rank = max(rank, o.pool[i].ConfersRank)
				progress = true
			}
		}
		if !progress {
			return placed == m
		}
	}
}

// value is the subset's hours, cost, weeks and steps, every credit taken.
func (o *oracle) value(m int) [4]float64 {
	var v [4]float64
	for i, c := range o.pool {
		if m&(1<<i) == 0 {
			continue
		}
		h, k := c.Hours-o.heldCredit[i][0], c.Cost-o.heldCredit[i][1]
		for _, cr := range o.credits[i] {
			if m&(1<<cr.from) != 0 {
				h -= cr.hours
				k -= cr.cost
			}
		}
		v[0] += max(h, 0)
		v[1] += max(k, 0)
		v[2] += c.Weeks
	}
	v[3] = float64(bits.OnesCount(uint(m)))
	return v
}

// idsOf is the sorted ids of a subset.
func (o *oracle) idsOf(m int) []string {
	if o.ids[m] == nil && m != 0 {
		for i, c := range o.pool {
			if m&(1<<i) != 0 {
				o.ids[m] = append(o.ids[m], c.ID)
			}
		}
		sort.Strings(o.ids[m])
	}
	return o.ids[m]
}

// orderOf is a subset's steps in the planner's candidate order (fit, then
// id), for the last tie-break between plans.
func (o *oracle) orderOf(m int) []string {
	var out []string
	for i, c := range o.pool {
		if m&(1<<i) != 0 {
			out = append(out, fmt.Sprintf("%06d\x00%s", c.Fit, c.ID))
		}
	}
	sort.Strings(out)
	return out
}

func (o *oracle) withinLimits(v [4]float64) bool {
	lim := []*float64{o.opt.MaxHours, o.opt.MaxCost, o.opt.MaxWeeks}
	for d, l := range lim {
		if l != nil && v[d] > *l+1e-9 {
			return false
		}
	}
	return o.opt.MaxCredentials == nil || int(v[3]) <= *o.opt.MaxCredentials
}

// keyOrder is the comparison order of the oracle's value vector for an
// objective: the objective, then cost, hours, weeks, steps.
func keyOrder(obj Objective) []int {
	first := map[Objective]int{ObjectiveHours: 0, ObjectiveCost: 1, ObjectiveWeeks: 2, ObjectiveSteps: 3}[obj]
	out := []int{first}
	for _, d := range []int{1, 0, 2, 3} {
		if d != first {
			out = append(out, d)
		}
	}
	return out
}

// cmpKey compares two subsets by the objective's key, then by their steps
// in candidate order (orderOf).
func (o *oracle) cmpKey(obj Objective, a, b int) int {
	for _, d := range keyOrder(obj) {
		if o.vals[a][d] != o.vals[b][d] {
			if o.vals[a][d] < o.vals[b][d] {
				return -1
			}
			return 1
		}
	}
	return slices.Compare(o.orderOf(a), o.orderOf(b))
}

// minimal says no one step of valid subset m can be dropped leaving a valid
// plan that is better by the objective's key (ids aside).
func (o *oracle) minimal(obj Objective, m int) bool {
	for i := range o.pool {
		if m&(1<<i) == 0 {
			continue
		}
		t := m &^ (1 << i)
		if !o.valid[t] {
			continue
		}
		better := true
		for _, d := range keyOrder(obj) {
			if o.vals[t][d] != o.vals[m][d] {
				better = o.vals[t][d] < o.vals[m][d]
				break
			}
		}
		if better {
			return false
		}
	}
	return true
}

// best returns the k best minimal valid subsets for an objective.
func (o *oracle) best(obj Objective, k int) []int {
	var all []int
	for m, ok := range o.valid {
		if ok && o.minimal(obj, m) {
			all = append(all, m)
		}
	}
	sort.Slice(all, func(i, j int) bool { return o.cmpKey(obj, all[i], all[j]) < 0 })
	if len(all) > k {
		all = all[:k]
	}
	return all
}

// front returns the cost/hours Pareto front of the valid subsets, one per
// point (fewest weeks, then steps, then ids), sorted by cost.
func (o *oracle) front() []int {
	var out []int
	for m, ok := range o.valid {
		if !ok {
			continue
		}
		dominated := false
		for t, ok2 := range o.valid {
			if !ok2 || t == m {
				continue
			}
			vc, vh, tc, th := o.vals[m][1], o.vals[m][0], o.vals[t][1], o.vals[t][0]
			if tc <= vc && th <= vh {
				if tc < vc || th < vh {
					dominated = true
					break
				}
				// Same point: the representative has fewer weeks, steps, ids.
				if o.vals[t][2] != o.vals[m][2] {
					dominated = dominated || o.vals[t][2] < o.vals[m][2]
				} else if o.vals[t][3] != o.vals[m][3] {
					dominated = dominated || o.vals[t][3] < o.vals[m][3]
				} else {
					dominated = dominated || slices.Compare(o.orderOf(t), o.orderOf(m)) < 0
				}
				if dominated {
					break
				}
			}
		}
		if !dominated {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if o.vals[a][1] != o.vals[b][1] {
			return o.vals[a][1] < o.vals[b][1]
		}
		return o.vals[a][0] < o.vals[b][0]
	})
	return out
}

// mask is the pool subset of a plan's steps.
func (o *oracle) mask(p Plan) int {
	m := 0
	for _, s := range p.Steps {
		m |= 1 << o.byID[s.CredentialID]
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*max(1, math.Abs(a), math.Abs(b)) }

// checkPlan checks a feasible plan against the semantics, step by step in
// its own order, apart from the solver: no excluded, held or repeated step;
// each step's prerequisites met before it; its credit and values; the
// totals; every gap skill closed or uncovered; the target's credentials and
// education; the limits; and why each step is there.
func checkPlan(o *oracle, p Plan) error {
	if !p.Feasible {
		return fmt.Errorf("plan is not feasible")
	}
	// closed says whether a step closes the gap skill gi.
	closed := func(gi int) bool {
		for _, st := range p.Steps {
			if c := o.pool[o.byID[st.CredentialID]]; c.closing()[o.gapSkill[gi]] >= o.gapLevel[gi] {
				return true
			}
		}
		return false
	}
	// Uncovered: what needs no step and no step closes.
	var uncovered []string
	for gi, s := range o.gapSkill {
		if slices.Contains(o.uncovered, s) && !closed(gi) {
			uncovered = append(uncovered, s)
		}
	}
	if !slices.Equal(nonNil(p.Uncovered), nonNil(uncovered)) {
		return fmt.Errorf("uncovered %v, want %v", p.Uncovered, uncovered)
	}
	earlier := map[string]bool{}
	rank, fieldRank := -1, -1 // ranks the steps confer: any field, and fields the target accepts
	var total [3]float64
	for i, st := range p.Steps {
		j, in := o.byID[st.CredentialID]
		if !in {
			return fmt.Errorf("step %d %q is excluded, held or no candidate", i, st.CredentialID)
		}
		if earlier[st.CredentialID] {
			return fmt.Errorf("step %q repeats", st.CredentialID)
		}
		c := o.pool[j]
		for gi, g := range c.Prerequisites {
			met := len(g) == 0
			for _, q := range g {
				if q.CredentialID != "" {
					met = met || o.held[q.CredentialID] || (q.CredentialID != c.ID && earlier[q.CredentialID])
				} else {
					met = met || q.EducationRank <= o.heldRank || q.EducationRank <= rank
				}
			}
			if !met {
				return fmt.Errorf("step %q: prerequisite group %d is not met before it", c.ID, gi)
			}
		}
		h, k := c.Hours, c.Cost
		for _, sc := range c.StackCredit {
			if sc.FromID != c.ID && (o.held[sc.FromID] || earlier[sc.FromID]) {
				h -= sc.Hours
				k -= sc.Cost
			}
		}
		if !near(st.Hours, max(h, 0)) || !near(st.Cost, max(k, 0)) || !near(st.Weeks, c.Weeks) {
			return fmt.Errorf("step %q: hours, cost, weeks %v %v %v, want %v %v %v", c.ID, st.Hours, st.Cost, st.Weeks, max(h, 0), max(k, 0), c.Weeks)
		}
		var closes []string
		for gi, s := range o.gapSkill {
			if c.closing()[s] >= o.gapLevel[gi] {
				closes = append(closes, s)
			}
		}
		if !slices.Equal(nonNil(st.Closes), nonNil(closes)) {
			return fmt.Errorf("step %q closes %v, want %v", c.ID, st.Closes, closes)
		}
		if st.MeetsCredential != slices.Contains(o.targets, c.ID) {
			return fmt.Errorf("step %q: MeetsCredential %v", c.ID, st.MeetsCredential)
		}
		if st.MeetsEducation != (o.eduNeed >= 0 && c.ConfersRank >= o.eduNeed && !c.OtherField) {
			return fmt.Errorf("step %q: MeetsEducation %v", c.ID, st.MeetsEducation)
		}
		total[0] += st.Hours
		total[1] += st.Cost
		total[2] += st.Weeks
		earlier[c.ID] = true
		rank = max(rank, c.ConfersRank)
		if !c.OtherField {
			fieldRank = max(fieldRank, c.ConfersRank)
		}
	}
	if !near(total[0], p.TotalHours) || !near(total[1], p.TotalCost) || !near(total[2], p.TotalWeeks) {
		return fmt.Errorf("totals %v %v %v, steps sum to %v", p.TotalHours, p.TotalCost, p.TotalWeeks, total)
	}
	for gi, s := range o.gapSkill {
		if !slices.Contains(o.uncovered, s) && !closed(gi) {
			return fmt.Errorf("gap skill %q is not closed", s)
		}
	}
	for _, id := range o.targets {
		if !earlier[id] {
			return fmt.Errorf("target credential %q is not earned", id)
		}
	}
	if o.eduNeed >= 0 && fieldRank < o.eduNeed {
		return fmt.Errorf("education rank %d is not reached in a field the target accepts", o.eduNeed)
	}
	if !o.withinLimits([4]float64{p.TotalHours, p.TotalCost, p.TotalWeeks, float64(len(p.Steps))}) {
		return fmt.Errorf("plan breaks a limit")
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func planIDs(p Plan) []string {
	var ids []string
	for _, s := range p.Steps {
		ids = append(ids, s.CredentialID)
	}
	sort.Strings(ids)
	return ids
}

func describe(req PlanRequest, opt PlanOptions) string {
	var b strings.Builder
	fieldRank := "all"
	if req.FieldRank != nil {
		fieldRank = fmt.Sprint(*req.FieldRank)
	}
	fmt.Fprintf(&b, "held %v creds %v rank %d (in field %s) target %v creds %v rank %d\n", req.HeldSkills, req.HeldCredentials,
		req.EducationRank, fieldRank, req.Target, req.TargetCredentials, req.TargetEducationRank)
	for _, c := range req.Candidates {
		fmt.Fprintf(&b, "  %s cost %v hours %v weeks %v cc %v cert %v rank %d other field %v pre %v credit %v\n", c.ID, c.Cost, c.Hours,
			c.Weeks, c.CohortCost, c.Certifies, c.ConfersRank, c.OtherField, c.Prerequisites, c.StackCredit)
	}
	fmt.Fprintf(&b, "options %+v", opt)
	return b.String()
}

// TestSolveAgainstOracle holds Solve and ParetoFront to the brute-force
// oracle on thousands of random graphs, for every objective: each plan is
// valid and minimal, the k plans are exactly the oracle's k best, the front
// is the oracle's front, the search proves optimality, and the answer does
// not depend on the candidates' order.
func TestSolveAgainstOracle(t *testing.T) {
	instances := 3000
	if testing.Short() {
		instances = 300
	}
	r := rand.New(rand.NewPCG(1, 2))
	solves := 0
	var stats planStats
	for inst := range instances {
		cfg := genConfig{cands: 2 + r.IntN(11), skills: 3 + r.IntN(6), coarse: inst%4 == 3}
		if inst%10 == 0 {
			cfg.cands = 13 + r.IntN(2)
		}
		req := genRequest(r, cfg)
		base := genOptions(r, req)
		o := newOracle(req, base) // the objective does not change validity
		for obj := range 4 {
			opt := base
			opt.Objective = Objective(obj)
			plans, err := Solve(context.Background(), req, opt)
			solves++
			if err != nil {
				t.Fatalf("instance %d: %v", inst, err)
			}
			fail := func(format string, args ...any) {
				t.Helper()
				t.Fatalf("instance %d objective %v: %s\n%s", inst, opt.Objective, fmt.Sprintf(format, args...), describe(req, opt))
			}
			k := opt.Alternatives
			want := o.best(opt.Objective, k)
			if len(want) == 0 {
				if len(plans) != 1 || plans[0].Feasible || !plans[0].Optimal || plans[0].Reason == "" {
					fail("want one infeasible plan with a reason, got %+v", plans)
				}
				continue
			}
			if len(plans) != len(want) {
				fail("got %d plans, want %d", len(plans), len(want))
			}
			for i, p := range plans {
				stats.count(p)
				if err := checkPlan(o, p); err != nil {
					fail("plan %d: %v", i, err)
				}
				m := o.mask(p)
				if !o.valid[m] || !o.minimal(opt.Objective, m) {
					fail("plan %d %v is not a minimal valid plan", i, planIDs(p))
				}
				if !slices.Equal(planIDs(p), o.idsOf(want[i])) {
					fail("plan %d is %v (%v), want %v (%v)", i, planIDs(p), o.vals[m], o.idsOf(want[i]), o.vals[want[i]])
				}
				if !p.Optimal || p.LowerBound != p.Objective(opt.Objective) {
					fail("plan %d: optimal %v lower bound %v", i, p.Optimal, p.LowerBound)
				}
			}
			if obj == 0 {
				// The same question twice, and with the candidates shuffled.
				again, _ := Solve(context.Background(), req, opt)
				if !reflect.DeepEqual(plans, again) {
					fail("second run differs")
				}
				shuffled := req
				shuffled.Candidates = slices.Clone(req.Candidates)
				r.Shuffle(len(shuffled.Candidates), func(i, j int) {
					shuffled.Candidates[i], shuffled.Candidates[j] = shuffled.Candidates[j], shuffled.Candidates[i]
				})
				if again, _ := Solve(context.Background(), shuffled, opt); !reflect.DeepEqual(plans, again) {
					fail("shuffled candidates give a different answer")
				}
			}
		}
		// The cost/hours front.
		opt := base
		front, err := ParetoFront(context.Background(), req, opt)
		if err != nil {
			t.Fatalf("instance %d: %v", inst, err)
		}
		want := o.front()
		if len(want) == 0 {
			if len(front) != 1 || front[0].Feasible {
				t.Fatalf("instance %d: front %+v, want infeasible", inst, front)
			}
			continue
		}
		var got, wantIDs [][]string
		for _, p := range front {
			if err := checkPlan(o, p); err != nil {
				t.Fatalf("instance %d: front plan: %v\n%s", inst, err, describe(req, opt))
			}
			got = append(got, planIDs(p))
		}
		for _, m := range want {
			wantIDs = append(wantIDs, o.idsOf(m))
		}
		if !reflect.DeepEqual(got, wantIDs) {
			t.Fatalf("instance %d: front %v, want %v\n%s", inst, got, wantIDs, describe(req, opt))
		}
	}
	t.Logf("%d instances, %d solves; plans: %+v", instances, solves, stats)
	// The generator must reach the cases that matter.
	if !testing.Short() && (stats.Deep == 0 || stats.CreditOnly == 0 || stats.Stacked == 0 || stats.Degree == 0 || stats.Uncovered == 0) {
		t.Errorf("the generator misses a case: %+v", stats)
	}
}

// planStats counts what the random plans exercise.
type planStats struct {
	Plans, Steps3, Deep, Stacked, CreditOnly, Degree, License, Uncovered int
}

func (s *planStats) count(p Plan) {
	s.Plans++
	if len(p.Steps) >= 3 {
		s.Steps3++
	}
	if len(p.Uncovered) > 0 {
		s.Uncovered++
	}
	depth := map[string]int{}
	deepest := 0
	for _, st := range p.Steps {
		depth[st.CredentialID] = max(depth[st.CredentialID], 1)
		for _, up := range st.PrerequisiteOf {
			depth[up] = max(depth[up], depth[st.CredentialID]+1)
		}
		deepest = max(deepest, depth[st.CredentialID])
		if len(st.StacksInto) > 0 {
			s.Stacked++
			if len(st.Closes) == 0 && !st.MeetsCredential && !st.MeetsEducation && len(st.PrerequisiteOf) == 0 {
				s.CreditOnly++
			}
		}
		if st.MeetsEducation {
			s.Degree++
		}
		if st.MeetsCredential {
			s.License++
		}
	}
	if deepest >= 3 {
		s.Deep++
	}
}
