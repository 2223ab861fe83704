package pathway

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"time"
)

// The upskilling planner: DESIGN's "shortest upskilling path" and the
// cost/hours trade-off front. The search itself is in plan_search.go, the
// cohort planner in cohort.go.
//
// A plan is a set of candidate credentials in an order. It is valid when
//
//  1. every gap skill is certified by some step at the level needed, except
//     the skills no attainable candidate certifies at that level and the
//     foundational gaps (foundational.go), which need no step (reported
//     Uncovered unless a step certifies them anyway: learnable on the job,
//     they do not block a plan);
//  2. every credential the target requires is held or a step;
//  3. unless skills-first, the education rank held reaches the target's, or
//     some step confers a rank that does;
//  4. each step's prerequisite groups are each met, before the step, by a
//     held credential, the education rank held, a rank an earlier step
//     confers, or an earlier step;
//  5. it keeps within the limits.
//
// A stacking credit applies when the lower credential is held or an earlier
// step; steps are ordered so that lowers come first. A plan is minimal when
// dropping any one step breaks it or makes it worse by the objective and its
// tie-breaks: a step is never dead weight, though a lower credential may be a
// step only for the credit it carries, when that credit pays for it.

// Objective is what a plan minimizes. The zero value is ObjectiveHours.
type Objective int

// Objectives.
const (
	ObjectiveHours Objective = iota // total hours, after stacking credit
	ObjectiveCost                   // total per-person cost, after stacking credit
	ObjectiveWeeks                  // total weeks, credentials one after another
	ObjectiveSteps                  // number of credentials
)

func (o Objective) String() string {
	switch o {
	case ObjectiveHours:
		return "hours"
	case ObjectiveCost:
		return "cost"
	case ObjectiveWeeks:
		return "weeks"
	case ObjectiveSteps:
		return "steps"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// Prereq is one option of a prerequisite group: a credential (CredentialID
// set) or an education rank (CredentialID empty, EducationRank >= 0: met by
// that rank or a higher one).
type Prereq struct {
	CredentialID  string
	EducationRank int
}

// StackCredit is credit carried into a credential from a lower one: when
// FromID is held or an earlier step, the credential costs Hours and Cost less
// (the credits of all its lowers together, floored at zero).
type StackCredit struct {
	FromID      string
	Hours, Cost float64
}

// PlanCredential is a candidate credential as the planner sees it.
type PlanCredential struct {
	ID, Name string
	Cost     float64 // per person, USD
	// CohortCost is paid once per cohort when any member takes it; only
	// SolveCohort counts it.
	CohortCost   float64
	Hours, Weeks float64
	Certifies    map[string]int // skill id -> level proven
	ConfersRank  int            // education rank it confers, -1 for none
	Field        string         // a program's field of study (CIP code), "" for none
	// Occupations are the SOC codes it prepares for (a catalog's, for a
	// certification): the occupation rule's facts (field.go).
	Occupations []string
	// OccupationsOfField says Occupations are its field's programs' (a
	// catalog's program that names none): the occupation rule reads them,
	// but its own list of what it certifies is no importer's estimate to
	// widen (field.go, dedicated).
	OccupationsOfField bool
	// Namesakes are those of its occupations its name is made for
	// (Pharmacy: Pharmacists): it is dedicated to their roles (field.go).
	Namesakes []string
	// OtherField marks a degree or program whose field does not prepare for
	// the target: the rank it confers meets prerequisites (which accept any
	// field) but not the target's education requirement, and it closes none
	// of the target's skill gaps.
	OtherField bool
	// OtherOccupation marks a credential meant for occupations far from the
	// target's (the occupation rule, field.go): it closes none of the
	// target's skill gaps, though a degree of it may meet the education
	// requirement of a role that accepts any field.
	OtherOccupation bool
	// AboveRole marks a degree far above the target's entry education (the
	// field rule, field.go): it closes none of the target's gaps.
	AboveRole bool
	// NotForEntry marks a credential not meant for an entry-level target
	// (field.go): the target's gaps it would close are learned on the job.
	NotForEntry   bool
	Prerequisites [][]Prereq // every group must be met; any one option meets a group
	StackCredit   []StackCredit
	// Fit orders equal plans: lower fits the target better (the field
	// rule sets it, field.go). Plans equal in every total go to the one
	// whose steps, sorted by Fit then id, come first.
	Fit int
}

// compareCands is the planner's order of candidates, the last tie-break of
// plans: Fit, then id.
func compareCands(a, b *PlanCredential) int {
	if a.Fit != b.Fit {
		return cmp.Compare(a.Fit, b.Fit)
	}
	return strings.Compare(a.ID, b.ID)
}

// closing is what the candidate certifies towards the target's gaps: none
// for a degree or program in another field or a credential for other
// occupations, which is a step only as a rung below a later one (a
// prerequisite, or stacking credit) or, for a role accepting any field, for
// the education level it confers.
func (c *PlanCredential) closing() map[string]int {
	if c.OtherField || c.OtherOccupation || c.AboveRole || c.NotForEntry {
		return nil
	}
	return c.Certifies
}

// PlanRequest is one planning question: where a person is, the target, and
// the candidate credentials the store fetched for it.
type PlanRequest struct {
	HeldSkills map[string]int // skill id -> level held
	// HeldCredentials count as the skills they certify (when they are among
	// the candidates) and meet prerequisites; held credentials are never steps.
	HeldCredentials []string
	// EducationRank is the highest rank held: 0 none, 1 high school, 2
	// postsecondary certificate, 3 associate, 4 bachelor, 5 master, 6
	// doctorate. A held candidate that confers a higher rank raises it.
	EducationRank int
	// FieldRank is the highest rank held in a field the target accepts when
	// that is lower than EducationRank (a degree in another field, or a level
	// whose field is not known); nil when every rank held counts. A held
	// candidate that confers a rank raises it unless it is OtherField.
	FieldRank           *int
	Target              []Requirement // the target role's skills
	TargetCredentials   []string      // credentials the target requires (licenses)
	TargetEducationRank int           // -1 for none
	Candidates          []PlanCredential
	// index is the graph's index of Candidates (PlanGraph.Request), nil
	// when the request was made otherwise.
	index *candIndex
}

// PlanGraph is what planning into one role needs, as the store fetches it in
// one round trip: the role, its requirements and the candidate credentials,
// as the planner sees them and as stored.
type PlanGraph struct {
	RoleID              string
	Role                Role
	Target              []Requirement
	TargetCredentials   []string
	TargetEducationRank int // -1 for none
	Candidates          []PlanCredential
	Credentials         map[string]Credential
	// FieldAcceptance is what the role accepts as the field of its
	// education requirement (the field rule, field.go).
	FieldAcceptance
	// NearCodes are the occupation codes of the roles it overlaps with:
	// with its own, the occupations a certification may be meant for to
	// close its gaps (the occupation rule, field.go).
	NearCodes        []string
	fieldRuleApplied bool
	index            *candIndex // made with the field rule
}

// wholeCosts says whether every cost and credit of req's candidates is a
// whole number, so that sums of them are exact (the graph's index knows).
func (g *PlanGraph) wholeCosts(req PlanRequest) bool {
	ix := g.index.of(req)
	return ix != nil && ix.Whole
}

// costFloor is costFloor(req) for a request Request made from g: 0 (a
// bound that holds for any plan) when the index does not fit it.
func (g *PlanGraph) costFloor(req PlanRequest) float64 {
	ix := g.index.of(req)
	if ix == nil {
		return 0
	}
	return costFloor(req, ix)
}

// Request is the planning question from what held holds into g's role,
// with the field rule applied to the candidates and to the education held.
func (g *PlanGraph) Request(held *Held) PlanRequest {
	g.applyFieldRule()
	req := PlanRequest{
		HeldSkills:          held.Skills,
		EducationRank:       held.EducationRank,
		Target:              g.Target,
		TargetCredentials:   g.TargetCredentials,
		TargetEducationRank: g.TargetEducationRank,
		Candidates:          g.Candidates,
		HeldCredentials:     slices.Sorted(maps.Keys(held.Credentials)),
		index:               g.index,
	}
	if !g.acceptsAnyEducation() {
		fr := g.fieldRank(held.Education)
		req.FieldRank = &fr
	}
	return req
}

// Credential is the candidate credential id as stored, or a stand-in named
// by its id when the graph does not hold it.
func (g *PlanGraph) Credential(id string) Credential {
	if c, ok := g.Credentials[id]; ok {
		return c
	}
	return Credential{ID: id, Name: id}
}

// PlanOptions tune a plan. The zero value minimizes hours with no limits.
type PlanOptions struct {
	Objective Objective
	// Limits; nil means none. They bound every plan returned.
	MaxCost, MaxHours, MaxWeeks *float64
	MaxCredentials              *int
	// IncludePreferred counts the target's preferred skills as gaps too.
	IncludePreferred bool
	// SkillsFirst waives the target's education requirement; its skills must
	// be met instead.
	SkillsFirst bool
	// Exclude lists credential ids never to use.
	Exclude []string
	// Alternatives is how many plans to return, best first: 1 when 0, at
	// most MaxAlternatives.
	Alternatives int
	// TimeCap bounds the search (DefaultTimeCap when 0). Past it the best
	// plans found are returned with Optimal false and a proven LowerBound.
	TimeCap time.Duration
}

// DefaultTimeCap bounds a search when PlanOptions.TimeCap is zero.
const DefaultTimeCap = 200 * time.Millisecond

// MaxAlternatives is the most plans Solve returns.
const MaxAlternatives = 10

// Plan is an upskilling plan, or the reason there is none.
type Plan struct {
	// Steps come in a valid order: prerequisites and stacking lowers first,
	// ties by id.
	Steps                             []PlanStep
	TotalCost, TotalHours, TotalWeeks float64 // sums of the steps, after stacking credit
	// Optimal says the search finished: no valid plan is better (for
	// alternatives: no plan but those before it). When Optimal, LowerBound is
	// the plan's own objective value; when the time cap cut the search
	// short, it is a proven lower bound of the objective over all valid
	// plans, and the plans are the best found. (ParetoFront: see there.)
	Optimal    bool
	LowerBound float64
	// Uncovered lists the gap skills the plan needs no step for and no step
	// closes, sorted: those no attainable candidate certifies at the level
	// needed, and foundational ones; they do not block a plan.
	Uncovered []string
	// Feasible is false when no plan meets the requirements within the
	// limits; Reason says why.
	Feasible bool
	Reason   string
}

// PlanStep is one credential of a plan and why it is there.
type PlanStep struct {
	CredentialID       string
	Name               string
	Cost, Hours, Weeks float64  // after stacking credit
	Closes             []string // gap skills it certifies at the level needed, sorted
	MeetsCredential    bool     // the target requires this credential
	MeetsEducation     bool     // it confers the target's education level
	PrerequisiteOf     []string // later steps with a prerequisite group it meets, sorted
	StacksInto         []string // later steps it gives stacking credit to, sorted
}

// Objective returns the plan's value in an objective.
func (p Plan) Objective(o Objective) float64 {
	switch o {
	case ObjectiveCost:
		return p.TotalCost
	case ObjectiveWeeks:
		return p.TotalWeeks
	case ObjectiveSteps:
		return float64(len(p.Steps))
	}
	return p.TotalHours
}

// Gap is the request's gap (Gaps), counting held credentials (found among
// the candidates) as the skills they certify, sorted by skill id so the
// search's order never depends on the store's.
func Gap(req PlanRequest, includePreferred bool) []SkillGap {
	gap := Gaps(heldSkills(req), req.Target, includePreferred)
	slices.SortFunc(gap, func(a, b SkillGap) int { return strings.Compare(a.SkillID, b.SkillID) })
	return gap
}

// heldSkills is what the request holds: its skills, and the skills its held
// credentials certify.
func heldSkills(req PlanRequest) map[string]int {
	held := make(map[string]int, len(req.HeldSkills))
	for s, l := range req.HeldSkills {
		held[s] = max(held[s], l)
	}
	if ix := req.index.of(req); ix != nil {
		for _, id := range req.HeldCredentials {
			if i, ok := ix.ByID[id]; ok {
				for s, l := range req.Candidates[i].Certifies {
					held[s] = max(held[s], l)
				}
			}
		}
		return held
	}
	isHeld := map[string]bool{}
	for _, id := range req.HeldCredentials {
		isHeld[id] = true
	}
	for i := range req.Candidates {
		c := &req.Candidates[i]
		if !isHeld[c.ID] {
			continue
		}
		for s, l := range c.Certifies {
			held[s] = max(held[s], l)
		}
	}
	return held
}

// stopped is the error of a search its context ended: the caller went away
// or its deadline passed, and the answer is no longer wanted.
func stopped(err error) error {
	return fmt.Errorf("planning stopped: %w", err)
}

// Solve returns the best plan for req under opt, then up to
// opt.Alternatives-1 further minimal plans, distinct as sets of credentials,
// in order of the objective and then the tie-breaks (the other totals in the
// order cost, hours, weeks; the number of steps; the sorted ids). When no plan
// exists it returns one plan with Feasible false and the Reason. It returns
// ErrInvalid for bad options or a malformed candidate.
func Solve(ctx context.Context, req PlanRequest, opt PlanOptions) (plans []Plan, err error) {
	defer func(start time.Time) { observeRun(ctx, "solve", start, len(plans) > 0 && plans[0].Optimal, err) }(time.Now())
	k, err := checkOptions(opt)
	if err != nil {
		return nil, err
	}
	return solve(ctx, req, opt, k, nil)
}

// solve is Solve with the uncovered set fixed (see newProblem).
func solve(ctx context.Context, req PlanRequest, opt PlanOptions, k int, fixed []string) ([]Plan, error) {
	// A cohort asks for one plan per member and subset: once the answer is
	// no longer wanted, none is even set up.
	if err := ctx.Err(); err != nil {
		return nil, stopped(err)
	}
	p, err := newProblem(req, opt, k == 1, fixed)
	if err != nil {
		return nil, err
	}
	if p.reason != "" {
		return []Plan{p.infeasible(p.reason, true, 0)}, nil
	}
	s := newSearch(p, k)
	s.ctx = ctx
	s.run()
	if err := ctx.Err(); err != nil {
		return nil, stopped(err)
	}
	return s.plans(), nil
}

// ParetoFront returns the plans whose total cost and total hours no other
// valid plan beats in both, one plan per point (the fewest weeks, then
// steps, then ids), sorted by cost. opt.Objective and opt.Alternatives do not
// apply; the limits do.
//
// It walks the front by the epsilon-constraint method, each point an exact
// search: the cheapest plan (ties to fewer hours), then the cheapest with
// fewer hours than the last, until none is left. A plan's LowerBound is the
// proven bound of the cost of any plan with no more hours; Optimal is false
// for every plan when the time cap (for the whole front) cut the walk short.
func ParetoFront(ctx context.Context, req PlanRequest, opt PlanOptions) (points []Plan, err error) {
	defer func(start time.Time) {
		optimal := len(points) > 0
		for _, p := range points {
			optimal = optimal && p.Optimal
		}
		observeRun(ctx, "front", start, optimal, err)
	}(time.Now())
	if _, err := checkOptions(opt); err != nil {
		return nil, err
	}
	if err := checkRequest(req); err != nil {
		return nil, err
	}
	timeCap := opt.TimeCap
	if timeCap == 0 {
		timeCap = DefaultTimeCap
	}
	deadline := time.Now().Add(timeCap)
	grain := hoursGrain(req)
	o := opt
	o.Objective, o.Alternatives = ObjectiveCost, 1
	var front []Plan
	optimal := true
	for {
		left := time.Until(deadline)
		if left <= 0 {
			optimal = false
			break
		}
		o.TimeCap = left
		plans, err := solve(ctx, req, o, 1, nil)
		if err != nil {
			return nil, err
		}
		p := plans[0]
		optimal = optimal && p.Optimal
		if !p.Feasible {
			if len(front) == 0 {
				return plans, nil
			}
			break
		}
		front = append(front, p)
		// Next: fewer hours than this plan.
		below := p.TotalHours - 4*tol(p.TotalHours)
		if grain > 0 {
			below = p.TotalHours - grain/2
		}
		if below < 0 {
			break
		}
		if o.MaxHours == nil || below < *o.MaxHours {
			o.MaxHours = &below
		}
	}
	for i := range front {
		front[i].Optimal = optimal
	}
	return front, nil
}

// hoursGrain is the unit every plan's hours are a multiple of (the greatest
// common divisor of the hours and hour credits, in whole hundredths), 0
// when there is none.
func hoursGrain(req PlanRequest) float64 {
	var g int64
	add := func(v float64) bool {
		c := math.Round(v * 100)
		if math.Abs(v*100-c) > 1e-6*max(1, math.Abs(c)) || math.Abs(c) > 1e15 {
			return false
		}
		a, b := g, int64(math.Abs(c))
		for b != 0 {
			a, b = b, a%b
		}
		g = a
		return true
	}
	for _, c := range req.Candidates {
		if !add(c.Hours) {
			return 0
		}
		for _, sc := range c.StackCredit {
			if !add(sc.Hours) {
				return 0
			}
		}
	}
	return float64(g) / 100
}

// checkOptions validates opt and returns the number of plans wanted.
func checkOptions(opt PlanOptions) (int, error) {
	if opt.Objective < ObjectiveHours || opt.Objective > ObjectiveSteps {
		return 0, fmt.Errorf("objective %d is unknown (hours, cost, weeks or steps): %w", int(opt.Objective), ErrInvalid)
	}
	for _, l := range []struct {
		name string
		v    *float64
	}{{"maxCost", opt.MaxCost}, {"maxHours", opt.MaxHours}, {"maxWeeks", opt.MaxWeeks}} {
		if l.v != nil && (math.IsNaN(*l.v) || *l.v < 0) {
			return 0, fmt.Errorf("%s must be zero or more, got %v: %w", l.name, *l.v, ErrInvalid)
		}
	}
	if opt.MaxCredentials != nil && *opt.MaxCredentials < 0 {
		return 0, fmt.Errorf("maxCredentials must be zero or more, got %d: %w", *opt.MaxCredentials, ErrInvalid)
	}
	k := opt.Alternatives
	if k == 0 {
		k = 1
	}
	if k < 1 || k > MaxAlternatives {
		return 0, fmt.Errorf("alternatives must be 1 to %d, got %d: %w", MaxAlternatives, opt.Alternatives, ErrInvalid)
	}
	if opt.TimeCap < 0 {
		return 0, fmt.Errorf("timeCap must be zero (the default) or more, got %v: %w", opt.TimeCap, ErrInvalid)
	}
	return k, nil
}

// checkRequest validates the candidates: unique non-empty ids, finite
// non-negative numbers, prerequisite options that name something.
func checkRequest(req PlanRequest) error {
	seen := make(map[string]bool, len(req.Candidates))
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	for i := range req.Candidates {
		c := &req.Candidates[i]
		if c.ID == "" {
			return fmt.Errorf("candidate %d has no id: %w", i, ErrInvalid)
		}
		if seen[c.ID] {
			return fmt.Errorf("candidate %q is listed twice: %w", c.ID, ErrInvalid)
		}
		seen[c.ID] = true
		if bad(c.Cost) || bad(c.CohortCost) || bad(c.Hours) || bad(c.Weeks) {
			return fmt.Errorf("candidate %q: cost, cohort cost, hours and weeks must be finite and zero or more: %w", c.ID, ErrInvalid)
		}
		for _, g := range c.Prerequisites {
			for _, o := range g {
				if o.CredentialID == "" && o.EducationRank < 0 {
					return fmt.Errorf("candidate %q: a prerequisite names neither a credential nor an education rank: %w", c.ID, ErrInvalid)
				}
			}
		}
		for _, sc := range c.StackCredit {
			if bad(sc.Hours) || bad(sc.Cost) {
				return fmt.Errorf("candidate %q: stacking credit from %q must be finite and zero or more: %w", c.ID, sc.FromID, ErrInvalid)
			}
		}
	}
	return nil
}

// Dimensions of a plan's value.
const (
	dimHours = iota
	dimCost
	dimWeeks
	dimSteps
	numDims
)

var dimNames = [numDims]string{"hours", "cost", "weeks", "credentials"}

func objectiveDim(o Objective) int {
	switch o {
	case ObjectiveCost:
		return dimCost
	case ObjectiveWeeks:
		return dimWeeks
	case ObjectiveSteps:
		return dimSteps
	}
	return dimHours
}

// keyDims is the order in which plans compare: the objective, then cost,
// hours, weeks and steps (those not already first). The sorted ids come last.
func keyDims(o Objective) [numDims]int {
	first := objectiveDim(o)
	out := [numDims]int{first}
	i := 1
	for _, d := range []int{dimCost, dimHours, dimWeeks, dimSteps} {
		if d != first {
			out[i] = d
			i++
		}
	}
	return out
}

// targetClause is one of the target's requirements: a gap skill at a
// level, a credential, or an education rank.
type targetClause struct {
	skill string
	level int
	id    string
	rank  int // -1 unless an education rank
	what  string
}

// targetIndex finds the target's clauses a candidate meets.
type targetIndex struct {
	bySkill map[string]int // skill -> clause index
	byID    map[string]int // credential id -> clause index
	edu     int            // clause index of the education rank, -1 for none
	clauses []targetClause
	// memo keeps what met found, in one block: a problem asks of each of
	// a couple of thousand programs several times, and walking a map of
	// skills costs more than finding the answer kept.
	memo  map[*PlanCredential][2]int32
	block []int
	// filled says memo holds every candidate that meets a clause (fill):
	// one it lacks meets none.
	filled bool
}

func newTargetIndex(ts []targetClause) *targetIndex {
	ix := &targetIndex{bySkill: map[string]int{}, byID: map[string]int{}, edu: -1, clauses: ts}
	for i, t := range ts {
		switch {
		case t.skill != "":
			ix.bySkill[t.skill] = i
		case t.id != "":
			ix.byID[t.id] = i
		default:
			ix.edu = i
		}
	}
	return ix
}

// met returns the indices of the clauses c meets, ascending (kept: the
// caller must not write it).
func (ix *targetIndex) met(c *PlanCredential) []int {
	if span, ok := ix.memo[c]; ok {
		return ix.block[span[0]:span[1]:span[1]]
	}
	if ix.filled {
		return nil
	}
	if ix.memo == nil {
		ix.memo = map[*PlanCredential][2]int32{}
	}
	start := len(ix.block)
	ix.block = ix.find(c, ix.block)
	ix.memo[c] = [2]int32{int32(start), int32(len(ix.block))}
	return ix.block[start:len(ix.block):len(ix.block)]
}

// find appends to buf the indices of the clauses c meets, ascending.
func (ix *targetIndex) find(c *PlanCredential, buf []int) []int {
	start := len(buf)
	for s, l := range c.closing() {
		if i, ok := ix.bySkill[s]; ok && l >= ix.clauses[i].level {
			buf = append(buf, i)
		}
	}
	if i, ok := ix.byID[c.ID]; ok {
		buf = append(buf, i)
	}
	if ix.edu >= 0 && c.ConfersRank >= ix.clauses[ix.edu].rank && !c.OtherField {
		buf = append(buf, ix.edu)
	}
	slices.Sort(buf[start:])
	return buf
}

// conferrers lists candidates by the rank they confer, highest first, to
// find those conferring at least a rank.
type conferrers []int

func newConferrers(cands []*PlanCredential) conferrers {
	var out conferrers
	for i, c := range cands {
		if c.ConfersRank >= 0 {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return cands[b].ConfersRank - cands[a].ConfersRank })
	return out
}

// atLeast calls f with each candidate conferring rank r or more.
func (cf conferrers) atLeast(cands []*PlanCredential, r int, f func(i int)) {
	for _, i := range cf {
		if cands[i].ConfersRank < r {
			return
		}
		f(i)
	}
}

type credit struct {
	from        int // candidate index
	hours, cost float64
}

// of is the credit in dimension d (hours or cost).
func (c credit) of(d int) float64 {
	if d == dimHours {
		return c.hours
	}
	return c.cost
}

// clause is a requirement that at least one of its options be a step: a gap
// skill, a target credential, the education requirement, or one
// prerequisite group of a candidate (owner) not met by what is held.
type clause struct {
	opts  []int    // candidate indices, ascending
	bits  []uint64 // the same as a bit set
	owner int      // the candidate whose prerequisite group it is; -1 for the target's
	// meets has every candidate that meets the clause, as a bit set that
	// may hold the owner too: opts leave out those that are never the first
	// to meet it (see build).
	meets []uint64
}

// problem is a planning question reduced to indices: the kept candidates
// (sorted by id), their weights and the clauses.
type problem struct {
	req    PlanRequest
	opt    PlanOptions
	reason string // why no plan exists, when known before the search

	gap       []SkillGap
	uncovered []string
	pool      map[string]bool // the first pool's ids (uncoveredOf only)
	heldRank  int             // for prerequisites, which accept any field
	fieldRank int             // for the target's education requirement
	eduTarget int             // the rank a step must confer; -1 when none
	targetCr  map[string]bool

	n      int
	cands  []*PlanCredential
	index  map[string]int
	r0     [numDims][]float64 // value after held credit, before other credit (may be < 0 for cost and hours)
	worst  [numDims][]float64 // max(0, r0): the value with no further credit
	wmin   [numDims][]float64 // the value with every possible credit
	lowers [][]credit         // credit from other candidates
	// lift bounds any plan that takes the candidate: its value and the
	// least chain of steps before it that meets its prerequisites (findLift).
	lift   [numDims][]float64
	edgeOf []int   // index of each candidate's first credit edge, over all candidates
	edges  int     // the number of credit edges
	edgeTo []int   // the candidate each credit edge goes into
	upper  [][]int // candidates each one gives credit to
	groups [][]int // clause ids of each candidate's prerequisite groups
	closes [][]int // gap indices each candidate closes

	clauses []clause
	static  []int   // the target's clause ids
	incid   [][]int // candidate -> ids of the clauses it is an option of
	nw      int     // words in a bit set
	limit   [numDims]float64
	limited [numDims]bool
	// grain is the unit every plan's total in a dimension is a multiple of
	// (1 when every value is whole, 0.01 for cents), 0 when none is known:
	// bounds round up to it.
	grain [numDims]float64
}

// roundUp rounds a lower bound in dimension d up to the dimension's grain.
func (p *problem) roundUp(d int, v float64) float64 {
	g := p.grain[d]
	if g == 0 || math.IsInf(v, 0) {
		return v
	}
	return g * math.Ceil(v/g-1e-6)
}

// findGrain sets the grain of each dimension from the candidates' values:
// the greatest common divisor of their values and credits in cents, when
// they are all whole cents.
func (p *problem) findGrain() {
	gcd := func(a, b int64) int64 {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	for d := range numDims {
		p.grain[d] = 0
		var g int64
		ok := true
		add := func(v float64) {
			c := math.Round(v * 100)
			if math.Abs(v*100-c) > 1e-6*max(1, math.Abs(c)) || math.Abs(c) > 1e15 {
				ok = false
				return
			}
			g = gcd(g, int64(math.Abs(c)))
		}
		for x := range p.n {
			add(p.r0[d][x])
			if d == dimHours || d == dimCost {
				for _, cr := range p.lowers[x] {
					add(cr.of(d))
				}
			}
		}
		if ok && g > 0 {
			p.grain[d] = float64(g) / 100
		}
	}
}

func (p *problem) infeasible(reason string, optimal bool, lb float64) Plan {
	return Plan{Uncovered: slices.Clone(p.uncovered), Reason: reason, Optimal: optimal, LowerBound: lb, Steps: []PlanStep{}}
}

// newProblem validates req, computes the gap and reduces the candidates to
// those that can matter: not excluded or held, attainable (their
// prerequisites can be met), within the limits on their own, useful (they
// close a gap, meet a requirement, or are a prerequisite of or give credit to
// a useful one) and, when dominate is set, not dominated by another.
//
// When fixed is not nil it is the uncovered set, decided elsewhere: the
// cohort planner excludes credentials to price its choices, and a skill that
// only an excluded credential certifies must still be closed, not waived.
func newProblem(req PlanRequest, opt PlanOptions, dominate bool, fixed []string) (*problem, error) {
	return reduce(req, opt, dominate, fixed, false)
}

// uncoveredOf is newProblem's uncovered gap skills, without the rest of
// its work, and whether each id is in its first pool: excluding one that
// is not changes nothing in the problem.
func uncoveredOf(req PlanRequest, opt PlanOptions, ids []string) ([]string, []bool, error) {
	p, err := reduce(req, opt, false, nil, true)
	if err != nil {
		return nil, nil, err
	}
	in := make([]bool, len(ids))
	for i, id := range ids {
		_, in[i] = p.pool[id]
	}
	return p.uncovered, in, nil
}

// reduce is newProblem, up to the uncovered skills only when uncoveredOnly.
func reduce(req PlanRequest, opt PlanOptions, dominate bool, fixed []string, uncoveredOnly bool) (*problem, error) {
	if err := checkRequest(req); err != nil {
		return nil, err
	}
	p := &problem{req: req, opt: opt, eduTarget: -1, targetCr: map[string]bool{}, uncovered: []string{}}
	for d := range numDims {
		p.limit[d] = math.Inf(1)
	}
	set := func(d int, v *float64) {
		if v != nil {
			p.limit[d], p.limited[d] = *v, true
		}
	}
	set(dimCost, opt.MaxCost)
	set(dimHours, opt.MaxHours)
	set(dimWeeks, opt.MaxWeeks)
	if opt.MaxCredentials != nil {
		p.limit[dimSteps], p.limited[dimSteps] = float64(*opt.MaxCredentials), true
	}

	ix := req.index.of(req)
	var byID func(id string) *PlanCredential
	if ix != nil {
		byID = func(id string) *PlanCredential {
			if i, ok := ix.ByID[id]; ok {
				return &req.Candidates[i]
			}
			return nil
		}
	} else {
		m := make(map[string]*PlanCredential, len(req.Candidates))
		for i := range req.Candidates {
			m[req.Candidates[i].ID] = &req.Candidates[i]
		}
		byID = func(id string) *PlanCredential { return m[id] }
	}
	held := map[string]bool{}
	for _, id := range req.HeldCredentials {
		held[id] = true
	}
	excluded := map[string]bool{}
	for _, id := range opt.Exclude {
		excluded[id] = true
	}
	p.heldRank = max(req.EducationRank, 0)
	p.fieldRank = p.heldRank
	if req.FieldRank != nil {
		p.fieldRank = max(min(*req.FieldRank, p.heldRank), 0)
	}
	for id := range held {
		if c := byID(id); c != nil {
			p.heldRank = max(p.heldRank, c.ConfersRank)
			if !c.OtherField {
				p.fieldRank = max(p.fieldRank, c.ConfersRank)
			}
		}
	}
	p.gap = Gap(req, opt.IncludePreferred)

	// groupMetByHeld says whether what is held meets a prerequisite group.
	groupMetByHeld := func(g []Prereq) bool {
		if len(g) == 0 {
			return true // an empty group asks for nothing
		}
		for _, o := range g {
			if o.CredentialID != "" && held[o.CredentialID] {
				return true
			}
			if o.CredentialID == "" && o.EducationRank <= p.heldRank {
				return true
			}
		}
		return false
	}
	// The pool: not excluded, not held, sorted by compareCands; with the graph's
	// index, only those the reductions below can keep or depend on.
	var pool []*PlanCredential
	if ix != nil {
		eduTarget := -1
		if !opt.SkillsFirst && req.TargetEducationRank >= 0 && req.TargetEducationRank > p.fieldRank {
			eduTarget = req.TargetEducationRank
		}
		pool = ix.relevant(req, p.gap, eduTarget, groupMetByHeld, held, excluded)
	} else {
		for i := range req.Candidates {
			c := &req.Candidates[i]
			if !excluded[c.ID] && !held[c.ID] {
				pool = append(pool, c)
			}
		}
		slices.SortFunc(pool, compareCands)
	}

	// attainable keeps the candidates whose prerequisites can be met from
	// what is held through other candidates of the pool: a fixed point.
	attainable := func(pool []*PlanCredential) []*PlanCredential {
		in := make(map[string]bool, len(pool))
		rank := -1
		ok := make([]bool, len(pool))
		for changed := true; changed; {
			changed = false
			for i, c := range pool {
				if ok[i] {
					continue
				}
				all := true
				for _, g := range c.Prerequisites {
					if groupMetByHeld(g) {
						continue
					}
					met := false
					for _, o := range g {
						if (o.CredentialID != "" && o.CredentialID != c.ID && in[o.CredentialID]) ||
							(o.CredentialID == "" && o.EducationRank <= rank) {
							met = true
							break
						}
					}
					if !met {
						all = false
						break
					}
				}
				if all {
					ok[i], in[c.ID], changed = true, true, true
					rank = max(rank, c.ConfersRank)
				}
			}
		}
		var out []*PlanCredential
		for i, c := range pool {
			if ok[i] {
				out = append(out, c)
			}
		}
		return out
	}
	first := pool
	pool = attainable(pool)
	structural := make(map[string]bool, len(pool))
	for _, c := range pool {
		structural[c.ID] = true
	}

	// Uncovered gap skills; the rest need a step.
	var need []int // gap indices that need a step
	gapIndex := make(map[string]int, len(p.gap))
	for gi, r := range p.gap {
		gapIndex[r.SkillID] = gi
	}
	coverable := ix.coverable(req, pool, p.gap)
	if coverable == nil {
		coverable = make([]bool, len(p.gap))
		for _, c := range pool {
			for s, l := range c.closing() {
				if gi, ok := gapIndex[s]; ok && l >= p.gap[gi].Level {
					coverable[gi] = true
				}
			}
		}
	}
	for gi, r := range p.gap {
		covered := coverable[gi]
		switch {
		case r.Foundational:
			p.uncovered = append(p.uncovered, r.SkillID)
		case fixed != nil && slices.Contains(fixed, r.SkillID):
			p.uncovered = append(p.uncovered, r.SkillID)
		case fixed != nil && !covered:
			p.uncovered = slices.Clone(fixed)
			p.reason = fmt.Sprintf("no credential left open certifies skill %q at level %d", r.SkillID, r.Level)
			return p, nil
		case covered:
			need = append(need, gi)
		default:
			p.uncovered = append(p.uncovered, r.SkillID)
		}
	}
	if uncoveredOnly {
		p.pool = make(map[string]bool, len(first))
		for _, c := range first {
			p.pool[c.ID] = true
		}
		return p, nil
	}

	// Target credentials and education.
	var targetIDs []string
	for _, id := range req.TargetCredentials {
		if !held[id] && !p.targetCr[id] {
			p.targetCr[id] = true
			targetIDs = append(targetIDs, id)
		}
	}
	sort.Strings(targetIDs)
	for _, id := range targetIDs {
		switch {
		case excluded[id]:
			p.reason = fmt.Sprintf("the target requires credential %q, which is excluded", id)
		case byID(id) == nil:
			p.reason = fmt.Sprintf("the target requires credential %q, which is not held and not among the candidates", id)
		case !structural[id]:
			p.reason = fmt.Sprintf("the target requires credential %q, whose prerequisites cannot be met", id)
		}
		if p.reason != "" {
			return p, nil
		}
	}
	if !opt.SkillsFirst && req.TargetEducationRank >= 0 && req.TargetEducationRank > p.fieldRank {
		p.eduTarget = req.TargetEducationRank
		found, otherField := false, false
		for _, c := range pool {
			if c.ConfersRank >= p.eduTarget {
				found = found || !c.OtherField
				otherField = otherField || c.OtherField
			}
		}
		switch {
		case !found && otherField:
			p.reason = fmt.Sprintf("the target requires education rank %d in a field that prepares for it, and no attainable candidate in such a field confers it (skills-first mode waives it)", p.eduTarget)
		case !found:
			p.reason = fmt.Sprintf("the target requires education rank %d and no attainable candidate confers it (skills-first mode waives it)", p.eduTarget)
		}
		if !found {
			return p, nil
		}
	}

	// Drop candidates that break a limit on their own (even with every
	// credit), then those that can no longer be attained; repeat.
	for {
		inPool := make(map[string]bool, len(pool))
		for _, c := range pool {
			inPool[c.ID] = true
		}
		var kept []*PlanCredential
		for _, c := range pool {
			h, k := bestCase(c, held, inPool)
			v := [numDims]float64{dimHours: h, dimCost: k, dimWeeks: c.Weeks, dimSteps: 1}
			fits := true
			for d := range numDims {
				if p.limited[d] && v[d] > p.limit[d]+tol(p.limit[d]) {
					fits = false
				}
			}
			if fits {
				kept = append(kept, c)
			}
		}
		kept = attainable(kept)
		if len(kept) == len(pool) {
			break
		}
		pool = kept
	}

	// The target's clauses.
	var targets []targetClause
	for _, gi := range need {
		r := p.gap[gi]
		targets = append(targets, targetClause{skill: r.SkillID, level: r.Level, rank: -1,
			what: fmt.Sprintf("skill %q at level %d", r.SkillID, r.Level)})
	}
	for _, id := range targetIDs {
		targets = append(targets, targetClause{id: id, rank: -1, what: fmt.Sprintf("credential %q", id)})
	}
	if p.eduTarget >= 0 {
		targets = append(targets, targetClause{rank: p.eduTarget, what: fmt.Sprintf("education rank %d", p.eduTarget)})
	}
	tix := newTargetIndex(targets)
	tix.fill(req, ix)
	metBy := make([]bool, len(targets))
	for _, c := range pool {
		for _, t := range tix.met(c) {
			metBy[t] = true
		}
	}
	for t, ok := range metBy {
		if !ok {
			p.reason = fmt.Sprintf("no plan within the limits%s can meet %s", p.limitText(), targets[t].what)
			return p, nil
		}
	}

	// Useful: meets a target clause, or is a prerequisite option of or gives
	// credit to a useful candidate; a fixed point.
	poolIdx := make(map[string]int, len(pool))
	for i, c := range pool {
		poolIdx[c.ID] = i
	}
	useful := make([]bool, len(pool))
	var queue []int
	mark := func(i int) {
		if !useful[i] {
			useful[i] = true
			queue = append(queue, i)
		}
	}
	for i, c := range pool {
		if len(tix.met(c)) > 0 {
			mark(i)
		}
	}
	byRank := newConferrers(pool)
	ranked := 0 // byRank[:ranked] are marked: a rank asked again adds none
	for len(queue) > 0 {
		c := pool[queue[0]]
		queue = queue[1:]
		for _, g := range c.Prerequisites {
			if groupMetByHeld(g) {
				continue
			}
			for _, o := range g {
				if o.CredentialID != "" {
					if j, ok := poolIdx[o.CredentialID]; ok && o.CredentialID != c.ID {
						mark(j)
					}
					continue
				}
				// c itself may be among them: it is marked already.
				for ; ranked < len(byRank) && pool[byRank[ranked]].ConfersRank >= o.EducationRank; ranked++ {
					mark(byRank[ranked])
				}
			}
		}
		for _, sc := range c.StackCredit {
			if j, ok := poolIdx[sc.FromID]; ok && sc.FromID != c.ID && (sc.Hours > 0 || sc.Cost > 0) {
				mark(j)
			}
		}
	}
	var kept []*PlanCredential
	for i, c := range pool {
		if useful[i] {
			kept = append(kept, c)
		}
	}
	if dominate {
		kept = p.pruneByObjective(kept, held, tix, attainable)
	}
	p.build(kept, held, tix)
	if dominate {
		if drop := p.dominated(); drop != nil {
			var keep []*PlanCredential
			for i, c := range p.cands {
				if !drop[i] {
					keep = append(keep, c)
				}
			}
			p.build(keep, held, tix)
		}
	}
	return p, nil
}

// bestCase is a candidate's hours and cost with every credit it could get
// from what is held and the pool.
func bestCase(c *PlanCredential, held, pool map[string]bool) (hours, cost float64) {
	hours, cost = c.Hours, c.Cost
	for _, sc := range c.StackCredit {
		if sc.FromID != c.ID && (held[sc.FromID] || pool[sc.FromID]) {
			hours -= sc.Hours
			cost -= sc.Cost
		}
	}
	return max(hours, 0), max(cost, 0)
}

func (p *problem) limitText() string {
	var parts []string
	for d := range numDims {
		if p.limited[d] {
			parts = append(parts, fmt.Sprintf("%s %v", dimNames[d], p.limit[d]))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (max " + strings.Join(parts, ", ") + ")"
}

// build indexes the kept candidates (sorted by id) and makes the clauses.
func (p *problem) build(kept []*PlanCredential, held map[string]bool, tix *targetIndex) {
	n := len(kept)
	p.n, p.cands = n, kept
	p.nw = (n + 63) / 64
	p.index = make(map[string]int, n)
	for i, c := range kept {
		p.index[c.ID] = i
	}
	for d := range numDims {
		p.r0[d] = make([]float64, n)
		p.worst[d] = make([]float64, n)
		p.wmin[d] = make([]float64, n)
	}
	p.lowers = make([][]credit, n)
	p.edgeOf = make([]int, n)
	p.edges = 0
	p.edgeTo = p.edgeTo[:0]
	p.upper = make([][]int, n)
	p.groups = make([][]int, n)
	p.closes = make([][]int, n)
	p.incid = make([][]int, n)
	p.clauses = p.clauses[:0]
	p.static = p.static[:0]
	gapIndex := make(map[string]int, len(p.gap))
	for gi, r := range p.gap {
		gapIndex[r.SkillID] = gi
	}

	for i, c := range kept {
		h, k := c.Hours, c.Cost
		for _, sc := range c.StackCredit {
			if sc.FromID != c.ID && held[sc.FromID] {
				h -= sc.Hours
				k -= sc.Cost
			}
		}
		p.r0[dimHours][i], p.r0[dimCost][i] = h, k
		p.r0[dimWeeks][i], p.r0[dimSteps][i] = c.Weeks, 1
		bh, bk := h, k
		for _, sc := range c.StackCredit {
			j, ok := p.index[sc.FromID]
			if !ok || j == i || held[sc.FromID] || (sc.Hours == 0 && sc.Cost == 0) {
				continue
			}
			p.lowers[i] = append(p.lowers[i], credit{from: j, hours: sc.Hours, cost: sc.Cost})
			bh -= sc.Hours
			bk -= sc.Cost
		}
		// Merge repeated lowers so that each lower appears once.
		sort.Slice(p.lowers[i], func(a, b int) bool { return p.lowers[i][a].from < p.lowers[i][b].from })
		merged := p.lowers[i][:0]
		for _, cr := range p.lowers[i] {
			if len(merged) > 0 && merged[len(merged)-1].from == cr.from {
				merged[len(merged)-1].hours += cr.hours
				merged[len(merged)-1].cost += cr.cost
				continue
			}
			merged = append(merged, cr)
		}
		p.lowers[i] = merged
		p.edgeOf[i] = p.edges
		p.edges += len(merged)
		for range merged {
			p.edgeTo = append(p.edgeTo, i)
		}
		for _, cr := range merged {
			p.upper[cr.from] = append(p.upper[cr.from], i)
		}
		for d := range numDims {
			p.worst[d][i] = max(p.r0[d][i], 0)
		}
		p.wmin[dimHours][i], p.wmin[dimCost][i] = max(bh, 0), max(bk, 0)
		p.wmin[dimWeeks][i], p.wmin[dimSteps][i] = c.Weeks, 1
		for s, l := range c.closing() {
			if gi, ok := gapIndex[s]; ok && l >= p.gap[gi].Level {
				p.closes[i] = append(p.closes[i], gi)
			}
		}
		slices.Sort(p.closes[i])
	}
	// The clauses. Each is a base set of options less its owner: the
	// target's requirement, or a prerequisite group's credentials and the
	// candidates conferring its rank. Groups repeat (every program of a
	// level asks for the same rank), so each distinct base is made once.
	var bases []optionSet
	type made struct{ base, owner int }
	var clauses []made
	topts := make([][]int, len(tix.clauses))
	for i, c := range kept {
		for _, t := range tix.met(c) {
			topts[t] = append(topts[t], i)
		}
	}
	for _, opts := range topts {
		bases = append(bases, newOptionSet(opts, p.nw))
		clauses = append(clauses, made{len(bases) - 1, -1})
	}
	byRank := newConferrers(kept)
	baseOfKey := map[string]int{}
	groupBases := make([][]int, n) // the base of each group of each candidate
	for i, c := range kept {
		for _, g := range c.Prerequisites {
			metByHeld := len(g) == 0
			minRank := math.MaxInt
			var ids []int
			for _, o := range g {
				if o.CredentialID != "" {
					metByHeld = metByHeld || held[o.CredentialID]
					if j, ok := p.index[o.CredentialID]; ok {
						ids = append(ids, j)
					}
				} else {
					metByHeld = metByHeld || o.EducationRank <= p.heldRank
					minRank = min(minRank, o.EducationRank)
				}
			}
			if metByHeld {
				continue
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			key := fmt.Sprint(minRank, ids)
			b, ok := baseOfKey[key]
			if !ok {
				byRank.atLeast(kept, minRank, func(j int) { ids = append(ids, j) })
				slices.Sort(ids)
				bases = append(bases, newOptionSet(slices.Compact(ids), p.nw))
				b = len(bases) - 1
				baseOfKey[key] = b
			}
			groupBases[i] = append(groupBases[i], b)
			clauses = append(clauses, made{b, i})
		}
	}

	// Narrowing: an option whose prerequisite group is met only by
	// candidates that meet the clause too (or by the clause's owner, which
	// comes after the clause is met) is never the first step to meet it,
	// since in any valid order its group is met earlier. A master's needs a
	// bachelor's rank, so the rank-4 group of another master's is first met
	// by a bachelor's. Every valid plan still meets each clause by a kept
	// option and the steps ready at each point of an order stay the same,
	// so only the search shrinks, and its bound sees that the bachelor's
	// must come.
	type narrowed struct {
		kept    optionSet     // the base less the options never first
		unless  map[int][]int // owner -> further options never first with that owner
		general bool          // kept is shared by clauses whose owner is outside
	}
	narrowedOf := make([]*narrowed, len(bases))
	narrow := func(b int) *narrowed {
		if nb := narrowedOf[b]; nb != nil {
			return nb
		}
		nb := &narrowed{unless: map[int][]int{}}
		base := bases[b]
		var kept []int
		for _, y := range base.opts {
			first := true
			for _, b2 := range groupBases[y] {
				// y's group is bases[b2] less y: what of it is outside base?
				out := base.outside(bases[b2], y)
				if len(out) == 0 {
					first = false
					break
				}
				if len(out) == 1 {
					nb.unless[out[0]] = append(nb.unless[out[0]], y)
				}
			}
			if first {
				kept = append(kept, y)
			}
		}
		nb.kept = newOptionSet(kept, p.nw)
		narrowedOf[b] = nb
		return nb
	}
	for _, m := range clauses {
		nb := narrow(m.base)
		cl := clause{owner: m.owner, meets: bases[m.base].bits}
		drop := nb.unless[m.owner]
		if m.owner < 0 || (!nb.kept.has(m.owner) && len(drop) == 0) {
			cl.opts, cl.bits = nb.kept.opts, nb.kept.bits // shared, never written
		} else {
			var opts []int
			for _, y := range nb.kept.opts {
				if y != m.owner && !slices.Contains(drop, y) {
					opts = append(opts, y)
				}
			}
			set := newOptionSet(opts, p.nw)
			cl.opts, cl.bits = set.opts, set.bits
		}
		id := len(p.clauses)
		p.clauses = append(p.clauses, cl)
		if m.owner < 0 {
			p.static = append(p.static, id)
		} else {
			p.groups[m.owner] = append(p.groups[m.owner], id)
		}
	}
	// incid in one block: a bachelor's can be an option of a thousand groups.
	count := make([]int, n)
	total := 0
	for _, cl := range p.clauses {
		for _, x := range cl.opts {
			count[x]++
		}
		total += len(cl.opts)
	}
	block := make([]int, total)
	for x := range n {
		p.incid[x], block = block[:0:count[x]], block[count[x]:]
	}
	for id, cl := range p.clauses {
		for _, x := range cl.opts {
			p.incid[x] = append(p.incid[x], id)
		}
	}
	p.findGrain()
	p.findLift()
}

// findLift computes lift, from above to the greatest fixed point below
// infinity. A plan that takes x has, for each group of x, a step meeting
// it before x, whose groups are met before it in turn: the steps of one
// such chain are distinct, so their least values add up (chains of
// different groups may share steps, so only the dearest group counts). A
// credit from a lower needs the lower before x too. A candidate whose
// groups cannot all be met keeps an infinite lift.
func (p *problem) findLift() {
	for d := range numDims {
		lift := make([]float64, p.n)
		for x := range lift {
			lift[x] = math.Inf(1)
		}
		credit := d == dimHours || d == dimCost
		for changed := true; changed; {
			changed = false
			type list struct {
				first *int
				n     int
			}
			least := map[list]float64{} // groups share option lists
			for x := range p.n {
				pre := 0.0
				for _, ci := range p.groups[x] {
					opts := p.clauses[ci].opts
					m, ok := math.Inf(1), false
					if len(opts) > 0 {
						m, ok = least[list{&opts[0], len(opts)}]
					}
					if !ok {
						m = math.Inf(1)
						for _, y := range opts {
							m = min(m, lift[y])
						}
						if len(opts) > 0 {
							least[list{&opts[0], len(opts)}] = m
						}
					}
					pre = max(pre, m)
				}
				v := p.worst[d][x] + pre
				if credit && len(p.lowers[x]) > 0 {
					lower := math.Inf(1)
					for _, cr := range p.lowers[x] {
						lower = min(lower, lift[cr.from])
					}
					v = min(v, p.wmin[d][x]+max(pre, lower))
				}
				if v < lift[x] {
					lift[x], changed = v, true
				}
			}
		}
		p.lift[d] = lift
	}
}

// dominated marks the candidates another one makes pointless: one that is
// no target credential, no prerequisite option and gives no credit, whose
// clauses another candidate also meets, with no harder prerequisites (each
// of the other's groups has every option of one of its own), a rank at least
// as high, and no worse hours, cost and weeks (the other's with no credit
// beside what is held against its own with every credit; equal ones yield
// to the smaller id). Swapping it for the other keeps any plan valid and
// makes it no worse in any total, so no best plan and no point of the front
// uses it. Only used when one plan or the front is asked for.
func (p *problem) dominated() []bool {
	n := p.n
	protected := make([]bool, n)
	for i := range n {
		if p.targetCr[p.cands[i].ID] || len(p.upper[i]) > 0 {
			protected[i] = true
		}
	}
	for i := range n {
		for _, g := range p.cands[i].Prerequisites {
			for _, o := range g {
				if j, ok := p.index[o.CredentialID]; ok && o.CredentialID != "" && j != i {
					protected[j] = true
				}
			}
		}
	}
	staticOf := make([][]int, n) // static clause ids of each candidate, ascending
	for _, ci := range p.static {
		for _, x := range p.clauses[ci].opts {
			staticOf[x] = append(staticOf[x], ci)
		}
	}
	subset := func(a, b []int) bool { // sorted a ⊆ sorted b
		j := 0
		for _, v := range a {
			for j < len(b) && b[j] < v {
				j++
			}
			if j == len(b) || b[j] != v {
				return false
			}
		}
		return true
	}
	optsSubset := func(a, b int) bool { // clause a's options ⊆ clause b's
		ba, bb := p.clauses[a].bits, p.clauses[b].bits
		for w := range ba {
			if ba[w]&^bb[w] != 0 {
				return false
			}
		}
		return true
	}
	var drop []bool
	for a := range n {
		if protected[a] || len(staticOf[a]) == 0 {
			continue
		}
		for _, b := range p.clauses[staticOf[a][0]].opts {
			if b == a || !subset(staticOf[a], staticOf[b]) ||
				p.cands[b].ConfersRank < p.cands[a].ConfersRank || p.optionOf(a, b) {
				continue
			}
			strict := false
			ok := true
			for _, d := range []int{dimHours, dimCost, dimWeeks} {
				wb, wa := p.worst[d][b], p.wmin[d][a]
				if wb > wa {
					ok = false
					break
				}
				if wb < wa {
					strict = true
				}
			}
			if !ok || (!strict && compareCands(p.cands[b], p.cands[a]) > 0) {
				continue
			}
			for _, gb := range p.groups[b] {
				implied := false
				for _, ga := range p.groups[a] {
					if optsSubset(ga, gb) {
						implied = true
						break
					}
				}
				if !implied {
					ok = false
					break
				}
			}
			if ok {
				if drop == nil {
					drop = make([]bool, n)
				}
				drop[a] = true
				break
			}
		}
	}
	return drop
}

// optionSet is a sorted list of candidate indices and the same as a bit set.
type optionSet struct {
	opts []int
	bits []uint64
}

func newOptionSet(opts []int, words int) optionSet {
	set := optionSet{opts: opts, bits: make([]uint64, words)}
	for _, x := range opts {
		set.bits[x>>6] |= 1 << (x & 63)
	}
	return set
}

func (s optionSet) has(x int) bool { return x >= 0 && s.bits[x>>6]&(1<<(x&63)) != 0 }

// outside returns up to two options of other, besides skip, that s lacks
// (two meaning two or more).
func (s optionSet) outside(other optionSet, skip int) []int {
	var out []int
	for w, word := range other.bits {
		extra := word &^ s.bits[w]
		for extra != 0 {
			x := w<<6 | bits.TrailingZeros64(extra)
			extra &= extra - 1
			if x != skip {
				if out = append(out, x); len(out) == 2 {
					return out
				}
			}
		}
	}
	return out
}

// optionOf says whether x is an option of one of owner's prerequisite groups.
func (p *problem) optionOf(x, owner int) bool {
	for _, ci := range p.groups[owner] {
		if p.clauses[ci].bits[x>>6]&(1<<(x&63)) != 0 {
			return true
		}
	}
	return false
}

// tol is the slack allowed when comparing sums of floats with a bound.
func tol(v float64) float64 { return 1e-9 * max(1, math.Abs(v)) }
