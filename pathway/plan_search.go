package pathway

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// The planner's exact search: depth-first branch and bound over sets of
// candidates.
//
// A node is a set S of steps and a set of excluded candidates. Its open
// clauses are the target's clauses no step meets and the prerequisite groups
// of steps no step meets. The node branches on the open clause with the
// fewest options o1..om: branch i adds oi and excludes o1..oi-1, so the
// branches partition the plans below and no set is visited twice. When no
// clause is open, the steps may still be unorderable (a prerequisite cycle):
// the node then branches on the options outside S of the groups the
// orderable steps do not meet. Otherwise S is complete: it is evaluated
// exactly (order, stacking credit, limits, minimality) and recorded, and
// branches on adding a lower credential of a step, for the credit it
// carries. Every minimal plan is reachable this way.
//
// The bound of a node is the steps' values with every credit they could
// still get, plus a bound of what meeting its open clauses costs: dual
// ascent over the hitting set (each clause, fewest options first, takes the
// least residual weight of its options), lifted by subgradient optimization
// of a Lagrangian relaxation that also holds the candidates' prerequisites,
// the stacking credit (earned only with the lower) and the limits in the
// other dimensions (see lagrange). Multipliers carry from node to node; the
// first bound gets many more rounds. Bounds round up to the grain of the
// values (whole dollars or hours, say). The relaxation's reduced costs fix
// candidates out below the node when they lift the bound past the incumbent
// or a limit, order the branches, and steer a greedy dive every diveEvery
// nodes (a Lagrangian heuristic) that finds good incumbents early. A node
// whose bound ties the incumbent's objective falls to the bounds of the
// tie-break totals, so pruning never loses the deterministic best.

// result is an evaluated complete set of steps.
type result struct {
	order []int              // steps in plan order
	step  [][numDims]float64 // each step's values, in plan order
	vals  [numDims]float64   // the totals
	ids   []string           // ids in candidate order (compareCands)
	ms    []int              // the steps' candidate indices, ascending
	key   string             // ids joined, to spot repeats
}

type search struct {
	p        *problem
	k        int
	obj      int
	key      [numDims]int
	deadline time.Time
	ctx      context.Context // the caller's: the search stops when it ends
	nodes    int
	stopped  bool
	openLB   float64 // least bound of the subtrees the time cap cut off

	inS     []bool
	members []int
	excl    []int32
	hit     []int32

	best []*result // the k best so far, in order
	seen map[string]bool

	resid  [numDims][]float64
	rstamp [numDims][]uint32
	epoch  [numDims]uint32
	mark   []uint32
	mepoch uint32
	count  []int    // greedy's scratch
	placed []uint32 // steps placed, by pepoch
	pepoch uint32

	iters int // subgradient rounds per bound
	ubuf  []float64
	mbuf  []float64
	abuf  []float64
	bestU []float64
	rel   []int
	impl  []int
	// lagrange's groups by shared option list
	shared []int
	lists  [][]int
	lsum   []float64
	lneg   []float64
	edges  []int
	saved  []float64
	base   []float64
	mult   [numDims][]float64 // multipliers per clause, carried between nodes
	// knapMult holds the multipliers of the limits, per bounded dimension.
	knapMult [numDims][numDims]float64
	gbuf     []float64
	lseen    []uint32
	lmark    uint32
}

func newSearch(p *problem, k int) *search {
	s := &search{
		p: p, k: k,
		obj:     objectiveDim(p.opt.Objective),
		key:     keyDims(p.opt.Objective),
		openLB:  math.Inf(1),
		inS:     make([]bool, p.n),
		excl:    make([]int32, p.n),
		hit:     make([]int32, len(p.clauses)),
		seen:    map[string]bool{},
		mark:    make([]uint32, p.n),
		lseen:   make([]uint32, p.n),
		placed:  make([]uint32, p.n),
		iters:   nodeIters,
		members: make([]int, 0, 16),
	}
	for d := range numDims {
		s.resid[d] = make([]float64, p.n)
		s.rstamp[d] = make([]uint32, p.n)
	}
	return s
}

func (s *search) run() {
	timeCap := s.p.opt.TimeCap
	if timeCap == 0 {
		timeCap = DefaultTimeCap
	}
	s.deadline = time.Now().Add(timeCap)
	// Weighed by lift, a master's costs its bachelor's too. The other
	// dimensions' weights often find a better first plan (the cheapest
	// programs are short ones too), and each costs one greedy pass.
	s.greedy(func(x int) float64 { return s.p.lift[s.obj][x] })
	for d := range numDims {
		if d != s.obj {
			s.greedy(func(x int) float64 { return s.p.lift[d][x] })
		}
	}
	s.node(0)
}

func (s *search) avail(x int) bool { return !s.inS[x] && s.excl[x] == 0 }

func (s *search) add(x int) {
	s.inS[x] = true
	s.members = append(s.members, x)
	for _, ci := range s.p.incid[x] {
		s.hit[ci]++
	}
}

func (s *search) remove(x int) {
	s.inS[x] = false
	for i := len(s.members) - 1; i >= 0; i-- {
		if s.members[i] == x {
			s.members = append(s.members[:i], s.members[i+1:]...)
			break
		}
	}
	for _, ci := range s.p.incid[x] {
		s.hit[ci]--
	}
}

// tick counts a node and says whether the time cap has stopped the search.
func (s *search) tick(lb float64) bool {
	if !s.stopped {
		s.nodes++
		// The caller's end is checked at every node (a node can take long
		// once programs give a gap hundreds of candidates), the time cap,
		// which needs the clock, every 32.
		if (s.ctx != nil && s.ctx.Err() != nil) || (s.nodes&31 == 0 && time.Now().After(s.deadline)) {
			s.stopped = true
		}
	}
	if s.stopped {
		s.openLB = min(s.openLB, lb)
	}
	return s.stopped
}

// openClauses lists the clauses no step meets: the target's, then the
// steps' prerequisite groups.
func (s *search) openClauses() []int {
	var open []int
	for _, ci := range s.p.static {
		if s.hit[ci] == 0 {
			open = append(open, ci)
		}
	}
	for _, m := range s.members {
		for _, ci := range s.p.groups[m] {
			if s.hit[ci] == 0 {
				open = append(open, ci)
			}
		}
	}
	return open
}

func (s *search) availCount(ci int) int {
	n := 0
	for _, x := range s.p.clauses[ci].opts {
		if s.avail(x) {
			n++
		}
	}
	return n
}

// memberLB is a lower bound of the steps' total in dimension d: each step
// with every credit it can still get (from steps and candidates not
// excluded).
func (s *search) memberLB(d int) float64 {
	p := s.p
	total := 0.0
	for _, m := range s.members {
		if d != dimHours && d != dimCost {
			total += p.r0[d][m]
			continue
		}
		v := p.r0[d][m]
		for _, cr := range p.lowers[m] {
			if s.inS[cr.from] || s.excl[cr.from] == 0 {
				if d == dimHours {
					v -= cr.hours
				} else {
					v -= cr.cost
				}
			}
		}
		total += max(v, 0)
	}
	return total
}

// res is x's residual weight in dimension d in the current dual ascent.
func (s *search) res(d, x int) float64 {
	if s.rstamp[d][x] != s.epoch[d] {
		s.rstamp[d][x] = s.epoch[d]
		s.resid[d][x] = s.p.wmin[d][x]
	}
	return s.resid[d][x]
}

// dual bounds the cost in dimension d of meeting the open clauses (in the
// order given) from the candidates available. Dual ascent gives a feasible
// dual (each clause takes the least residual weight of its options); a few
// rounds of subgradient optimization of the Lagrangian relaxation then lift
// it towards the LP bound, aiming at target (what would prune the node).
// Afterwards s.resid[d] holds the reduced costs of the best multipliers.
func (s *search) dual(d int, open []int, target float64) float64 {
	s.newEpoch(d)
	u := s.ubuf[:0]
	lb := 0.0
	for _, ci := range open {
		y := math.Inf(1)
		for _, x := range s.p.clauses[ci].opts {
			if s.avail(x) {
				y = min(y, s.res(d, x))
			}
		}
		if math.IsInf(y, 1) {
			return math.Inf(1)
		}
		u = append(u, max(y, 0))
		if y <= 0 {
			continue
		}
		for _, x := range s.p.clauses[ci].opts {
			if s.avail(x) {
				s.resid[d][x] -= y
			}
		}
		lb += y
	}
	s.ubuf = u
	if lb >= target {
		return lb
	}
	return s.lagrange(d, open, u, lb, target)
}

// Subgradient rounds for the first bound and for each later one.
const (
	rootIters = 200
	nodeIters = 20
	diveEvery = 128 // nodes between greedy dives // tuned on BenchmarkSolve
)

func (s *search) newEpoch(d int) {
	s.epoch[d]++
	if s.epoch[d] == 0 {
		clear(s.rstamp[d])
		s.epoch[d] = 1
	}
}

// lagrange improves the bound lb of the dual ascent's multipliers u by
// subgradient optimization of a Lagrangian relaxation that sees more of the
// problem than the hitting set:
//
//   - prerequisites: a candidate x with a group G that no step meets needs
//     an option of G too (z_x <= sum of z_y over G), one multiplier per
//     group, so a cheap candidate with costly prerequisites pays for them;
//   - stacking credit (hours and cost): x earns the credit c of a lower y
//     only with y (q_yx <= z_x, q_yx <= z_y, the latter relaxed with a
//     multiplier b in [0, c]): x is charged c - b less and y is charged b
//     less, where the static weights give all of c to x whether y comes or
//     not.
//
// Multipliers carry over from one node to the next (s.mult) when that
// starts higher. It leaves the reduced costs of the best multipliers in
// s.resid[d] and returns the best bound, never below lb (whose reduced costs
// it restores when it cannot beat it).
func (s *search) lagrange(d int, open []int, u []float64, lb, target float64) float64 {
	p := s.p
	if math.IsInf(target, 1) || target <= lb {
		target = lb*1.05 + 1
	}
	credit := d == dimHours || d == dimCost
	// The candidates that matter: options of the open clauses, the options
	// of their unmet groups and their lowers, transitively.
	s.lmark++
	rel := s.rel[:0]
	see := func(x int) {
		if s.avail(x) && s.lseen[x] != s.lmark {
			s.lseen[x] = s.lmark
			rel = append(rel, x)
		}
	}
	for _, ci := range open {
		for _, x := range p.clauses[ci].opts {
			see(x)
		}
	}
	impl := s.impl[:0]
	edges := s.edges[:0]
	for i := 0; i < len(rel); i++ {
		x := rel[i]
		for _, ci := range p.groups[x] {
			if s.hit[ci] > 0 {
				continue // a step meets it
			}
			impl = append(impl, ci)
			for _, y := range p.clauses[ci].opts {
				see(y)
			}
		}
		if credit {
			for k, cr := range p.lowers[x] {
				if s.avail(cr.from) {
					edges = append(edges, p.edgeOf[x]+k)
					see(cr.from)
				}
			}
		}
	}
	s.rel, s.impl, s.edges = rel, impl, edges
	if len(impl) == 0 && len(edges) == 0 && s.iters == 0 {
		return lb
	}
	// Groups of many candidates share one option list (every master's asks
	// for a bachelor's): each list is walked once per round, with the sum of
	// its groups' multipliers.
	shared := s.shared[:0]
	lists := s.lists[:0]
	listOf := map[*int]int{}
	for _, ci := range impl {
		opts := p.clauses[ci].opts
		k := len(lists)
		if len(opts) > 0 {
			if j, ok := listOf[&opts[0]]; ok && len(lists[j]) == len(opts) {
				k = j
			} else {
				listOf[&opts[0]] = k
			}
		}
		if k == len(lists) {
			lists = append(lists, opts)
		}
		shared = append(shared, k)
	}
	s.shared, s.lists = shared, lists
	listSum := slices.Grow(s.lsum[:0], len(lists))[:len(lists)]
	listNeg := slices.Grow(s.lneg[:0], len(lists))[:len(lists)]
	s.lsum, s.lneg = listSum, listNeg
	// The ascent's reduced costs, to restore if nothing beats lb.
	saved := s.saved[:0]
	for _, x := range rel {
		saved = append(saved, s.res(d, x))
	}
	s.saved = saved
	// Each candidate's weight before multipliers: its value with the credit
	// of the steps below it and all the credit of the available lowers (the
	// multipliers b move a share of it to the lowers). A credit counts at
	// most the candidate's value, so the sum stays a lower bound.
	base := s.base[:0]
	for _, x := range rel {
		v := p.wmin[d][x]
		if credit {
			v = p.worst[d][x]
			for _, cr := range p.lowers[x] {
				if s.inS[cr.from] || s.avail(cr.from) {
					v -= min(cr.of(d), p.worst[d][x])
				}
			}
		}
		base = append(base, v)
	}
	s.base = base
	// edgeEnds resolves a credit edge id to (higher, lower, credit).
	edgeEnds := func(e int) (x, y int, c float64) {
		x = p.edgeTo[e]
		cr := p.lowers[x][e-p.edgeOf[x]]
		return x, cr.from, min(cr.of(d), p.worst[d][x])
	}
	// The limits in other dimensions, as knapsack constraints scaled to one:
	// the candidates' least values there must fit what the steps leave.
	var knap [numDims]int
	var kcap [numDims]float64
	nk := 0
	for e := range numDims {
		if e == d || !p.limited[e] {
			continue
		}
		if c := p.limit[e] - s.memberLB(e); c > tol(p.limit[e]) {
			knap[nk], kcap[nk] = e, c
			nk++
		}
	}
	nu, ni := len(open), len(impl)
	nb := nu + ni + len(edges) // where the knapsack multipliers start
	m := s.mbuf[:0]
	m = append(m, u...)
	for range impl {
		m = append(m, 0)
	}
	for range edges {
		m = append(m, 0)
	}
	for range nk {
		m = append(m, 0)
	}
	w := s.resid[d]
	r := w
	stamp, epoch := s.rstamp[d], s.epoch[d]
	reduce := func(m []float64) float64 {
		for i, x := range rel {
			r[x] = base[i]
			stamp[x] = epoch
		}
		l := 0.0
		for i, ci := range open {
			l += m[i]
			for _, x := range p.clauses[ci].opts {
				if s.avail(x) {
					r[x] -= m[i]
				}
			}
		}
		clear(listSum)
		for i, ci := range impl {
			if v := m[nu+i]; v != 0 {
				r[p.clauses[ci].owner] += v
				listSum[shared[i]] += v
			}
		}
		for k, opts := range lists {
			if v := listSum[k]; v != 0 {
				for _, y := range opts {
					if s.avail(y) {
						r[y] -= v
					}
				}
			}
		}
		for i, e := range edges {
			if b := m[nu+ni+i]; b != 0 {
				x, y, _ := edgeEnds(e)
				r[x] += b
				r[y] -= b
			}
		}
		for k := range nk {
			if mu := m[nb+k]; mu != 0 {
				l -= mu
				we := p.wmin[knap[k]]
				for _, x := range rel {
					r[x] += mu * we[x] / kcap[k]
				}
			}
		}
		for _, x := range rel {
			l += min(0, r[x])
		}
		return l
	}
	// Start from the carried multipliers when they do better.
	best := reduce(m)
	if carried := s.mult[d]; carried != nil {
		alt := s.abuf[:0]
		for _, ci := range open {
			alt = append(alt, carried[ci])
		}
		for _, ci := range impl {
			alt = append(alt, carried[ci])
		}
		for _, e := range edges {
			_, _, c := edgeEnds(e)
			alt = append(alt, min(carried[len(p.clauses)+e], c))
		}
		for k := range nk {
			alt = append(alt, s.knapMult[d][knap[k]])
		}
		s.abuf = alt
		if l := reduce(alt); l > best {
			best = l
			copy(m, alt)
		}
	}
	bestM := append(s.bestU[:0], m...)
	g := s.gbuf[:0]
	for range m {
		g = append(g, 0)
	}
	iters := s.iters
	if s.nodes <= 1 {
		iters = rootIters // the first bound sets the multipliers the rest start from
	}
	lambda, stall := 1.0, 0
	for it := range iters {
		l := reduce(m)
		if l > best+1e-12 {
			best = l
			copy(bestM, m)
			stall = 0
		} else if it > 0 {
			if stall++; stall >= 3 {
				lambda /= 2
				stall = 0
			}
		}
		if best >= target {
			break
		}
		norm := 0.0
		for i, ci := range open {
			n := 0
			for _, x := range p.clauses[ci].opts {
				if s.avail(x) && r[x] < 0 {
					n++
				}
			}
			g[i] = float64(1 - n)
			norm += g[i] * g[i]
		}
		for k, opts := range lists {
			listNeg[k] = 0
			for _, y := range opts {
				if s.avail(y) && r[y] < 0 {
					listNeg[k]++
				}
			}
		}
		for i, ci := range impl {
			n := -listNeg[shared[i]]
			if r[p.clauses[ci].owner] < 0 {
				n++
			}
			g[nu+i] = n
			if n > 0 || m[nu+i] > 0 {
				norm += g[nu+i] * g[nu+i]
			}
		}
		for i, e := range edges {
			x, y, c := edgeEnds(e)
			h := 0.0
			if r[x] < 0 {
				h++
			}
			if r[y] < 0 {
				h--
			}
			j := nu + ni + i
			g[j] = h
			if (h > 0 && m[j] < c) || (h < 0 && m[j] > 0) {
				norm += h * h
			}
		}
		for k := range nk {
			used := 0.0
			we := p.wmin[knap[k]]
			for _, x := range rel {
				if r[x] < 0 {
					used += we[x] / kcap[k]
				}
			}
			j := nb + k
			g[j] = used - 1
			if g[j] > 0 || m[j] > 0 {
				norm += g[j] * g[j]
			}
		}
		if norm == 0 {
			break // the relaxation's solution meets every constraint exactly
		}
		step := lambda * (target - l) / norm
		for i := range m {
			m[i] = max(0, m[i]+step*g[i])
		}
		for i, e := range edges {
			_, _, c := edgeEnds(e)
			m[nu+ni+i] = min(m[nu+ni+i], c)
		}
	}
	if s.mult[d] == nil {
		s.mult[d] = make([]float64, len(p.clauses)+p.edges)
	}
	for i, ci := range open {
		s.mult[d][ci] = bestM[i]
	}
	for i, ci := range impl {
		s.mult[d][ci] = bestM[nu+i]
	}
	for i, e := range edges {
		s.mult[d][len(p.clauses)+e] = bestM[nu+ni+i]
	}
	for k := range nk {
		s.knapMult[d][knap[k]] = bestM[nb+k]
	}
	s.bestU, s.gbuf, s.mbuf = bestM, g, m
	if best <= lb {
		for i, x := range rel {
			r[x] = saved[i]
		}
		return lb
	}
	reduce(bestM)
	return best
}

// bounds computes a node's lower bounds lazily, one dimension at a time.
type bounds struct {
	s      *search
	open   []int // open clauses, fewest options first (dual ascent)
	givers []int // or: one of these is added (extension)
	v      [numDims]float64
	raw    [numDims]float64 // v before rounding up to the grain
	floor  float64          // a bound of the objective known already (the parent's)
	have   [numDims]bool
	dualed [numDims]bool
}

func (b *bounds) get(d int) float64 {
	if b.have[d] {
		return b.v[d]
	}
	s := b.s
	v := s.memberLB(d)
	switch {
	case b.open != nil:
		du := s.dual(d, b.open, s.target(d)-v)
		b.dualed[d] = true
		b.raw[d] = v + du
		v = s.p.roundUp(d, v+du)
		if d == s.obj {
			v = max(v, b.floor)
		}
		b.v[d], b.have[d] = v, true
		return v
	case b.givers != nil:
		least := math.Inf(1)
		for _, x := range b.givers {
			least = min(least, s.p.wmin[d][x])
		}
		v += least
	}
	b.v[d], b.have[d] = v, true
	return v
}

// target is the value past which a bound in dimension d prunes or fixes:
// the limit, or the incumbent's objective.
func (s *search) target(d int) float64 {
	t := math.Inf(1)
	if s.p.limited[d] {
		t = s.p.limit[d]
	}
	if d == s.obj && len(s.best) == s.k {
		t = min(t, s.best[s.k-1].vals[d])
	}
	return t + tol(t)
}

// with is a lower bound in dimension d of the plans below that take x.
func (b *bounds) with(d, x int) float64 {
	b.get(d)
	if !b.dualed[d] {
		return b.v[d]
	}
	return b.s.p.roundUp(d, b.raw[d]+max(b.s.res(d, x), 0))
}

// rc is x's reduced cost in dimension d (after get(d)); it may be negative.
func (b *bounds) rc(d, x int) float64 {
	if !b.dualed[d] {
		return b.s.p.wmin[d][x]
	}
	return b.s.res(d, x)
}

// prune says whether nothing below the node can be recorded.
func (s *search) prune(b *bounds) bool {
	p := s.p
	for d := range numDims {
		if p.limited[d] && b.get(d) > p.limit[d]+tol(p.limit[d]) {
			return true
		}
	}
	if len(s.best) < s.k {
		return false
	}
	thr := s.best[s.k-1].vals
	for _, d := range s.key {
		v := b.get(d)
		if v > thr[d]+tol(thr[d]) {
			return true
		}
		if v < thr[d]-tol(thr[d]) {
			return false
		}
	}
	return false
}

// fix excludes the options of the open clauses whose reduced cost lifts the
// bound past the incumbent or a limit, and returns them.
func (s *search) fix(b *bounds, open []int) []int {
	p := s.p
	var dims []int
	var thr []float64
	for d := range numDims {
		if p.limited[d] {
			dims = append(dims, d)
			thr = append(thr, p.limit[d])
		}
	}
	if len(s.best) == s.k {
		dims = append(dims, s.obj)
		thr = append(thr, s.best[s.k-1].vals[s.obj])
	}
	if len(dims) == 0 {
		return nil
	}
	for _, d := range dims {
		b.get(d)
	}
	s.mepoch++
	var fixed []int
	for _, ci := range open {
		for _, x := range p.clauses[ci].opts {
			if !s.avail(x) || s.mark[x] == s.mepoch {
				continue
			}
			s.mark[x] = s.mepoch
			out := false
			for i, d := range dims {
				if b.with(d, x) > thr[i]+tol(thr[i]) || p.lift[d][x] > thr[i]+tol(thr[i]) {
					out = true
					break
				}
			}
			if out {
				fixed = append(fixed, x)
			}
		}
	}
	for _, x := range fixed {
		s.excl[x]++
	}
	return fixed
}

func (s *search) unfix(xs []int) {
	for _, x := range xs {
		s.excl[x]--
	}
}

// node searches the plans below the current set of steps.
func (s *search) node(parentLB float64) {
	if s.tick(parentLB) {
		return
	}
	open := s.openClauses()
	if len(open) == 0 {
		s.complete(parentLB)
		return
	}
	cnt := make([]int, len(open))
	for i, ci := range open {
		if cnt[i] = s.availCount(ci); cnt[i] == 0 {
			return
		}
	}
	order := make([]int, len(open))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cnt[order[a]] < cnt[order[b]] })
	sorted := make([]int, len(open))
	for i, o := range order {
		sorted[i] = open[o]
	}
	b := &bounds{s: s, open: sorted, floor: parentLB}
	if s.prune(b) {
		return
	}
	lb := max(parentLB, b.get(s.obj))
	fixed := s.fix(b, sorted)
	defer s.unfix(fixed)
	if s.nodes%diveEvery == 1 {
		// Dive: complete the node greedily by its reduced costs.
		w := s.p.wmin[s.obj]
		s.greedy(func(x int) float64 { return max(b.rc(s.obj, x), 0) + 1e-6*w[x] })
	}

	// Branch on the open clause with the fewest options left.
	branch, least := -1, math.MaxInt
	for _, ci := range sorted {
		if c := s.availCount(ci); c < least {
			branch, least = ci, c
		}
	}
	if least == 0 {
		return
	}
	var opts []int
	for _, x := range s.p.clauses[branch].opts {
		if s.avail(x) {
			opts = append(opts, x)
		}
	}
	rank := make(map[int][2]float64, len(opts))
	for _, x := range opts {
		rank[x] = [2]float64{b.rc(s.obj, x), s.p.wmin[s.obj][x]}
	}
	sort.SliceStable(opts, func(i, j int) bool {
		a, c := rank[opts[i]], rank[opts[j]]
		if a[0] != c[0] {
			return a[0] < c[0]
		}
		if a[1] != c[1] {
			return a[1] < c[1]
		}
		return opts[i] < opts[j]
	})
	s.branch(opts, lb)
}

// branch tries each option in turn: option i is added with options 0..i-1
// excluded.
func (s *search) branch(opts []int, lb float64) {
	for i, x := range opts {
		s.add(x)
		s.node(lb)
		s.remove(x)
		if s.stopped {
			s.openLB = min(s.openLB, lb)
			for _, y := range opts[:i] {
				s.excl[y]--
			}
			return
		}
		s.excl[x]++
	}
	for _, y := range opts {
		s.excl[y]--
	}
}

// placeable runs the prerequisite closure of the steps (ignoring stacking)
// and returns the steps it cannot place, and the placed ones marked.
func (s *search) placeable() (stuck, list []int) {
	ms := slices.Clone(s.members)
	slices.Sort(ms)
	e := s.nextPlaced()
	for progress := true; progress; {
		progress = false
		for _, x := range ms {
			if s.placed[x] != e && s.ready(x, list) {
				s.placed[x] = e
				list = append(list, x)
				progress = true
			}
		}
	}
	for _, x := range ms {
		if s.placed[x] != e {
			stuck = append(stuck, x)
		}
	}
	return stuck, list
}

// nextPlaced starts a new marking of placed steps.
func (s *search) nextPlaced() uint32 {
	s.pepoch++
	if s.pepoch == 0 {
		clear(s.placed)
		s.pepoch = 1
	}
	return s.pepoch
}

// ready says whether every prerequisite group of x is met by the placed steps.
func (s *search) ready(x int, placed []int) bool {
	for _, ci := range s.p.groups[x] {
		if !s.metBy(ci, placed) {
			return false
		}
	}
	return true
}

func (s *search) metBy(ci int, placed []int) bool {
	bits := s.p.clauses[ci].bits
	for _, y := range placed {
		if bits[y>>6]&(1<<(y&63)) != 0 {
			return true
		}
	}
	return false
}

// complete handles a node with no open clause.
func (s *search) complete(parentLB float64) {
	stuck, list := s.placeable()
	if len(stuck) > 0 {
		// A prerequisite cycle: some step outside the set must meet a group
		// of a stuck step.
		s.mepoch++
		var opts []int
		for _, x := range stuck {
			for _, ci := range s.p.groups[x] {
				if s.metBy(ci, list) {
					continue
				}
				for _, y := range s.p.clauses[ci].opts {
					if s.avail(y) && s.mark[y] != s.mepoch {
						s.mark[y] = s.mepoch
						opts = append(opts, y)
					}
				}
			}
		}
		slices.Sort(opts)
		s.branch(opts, parentLB)
		return
	}
	r := s.evaluate()
	if r != nil && s.within(r.vals) && s.minimal(r) {
		s.record(r)
	}
	// Extensions: a lower credential of a step, for its credit.
	s.mepoch++
	var givers []int
	for _, m := range s.members {
		for _, cr := range s.p.lowers[m] {
			if s.avail(cr.from) && s.mark[cr.from] != s.mepoch {
				s.mark[cr.from] = s.mepoch
				givers = append(givers, cr.from)
			}
		}
	}
	if len(givers) == 0 {
		return
	}
	slices.Sort(givers)
	b := &bounds{s: s, givers: givers}
	if s.prune(b) {
		return
	}
	s.branch(givers, max(parentLB, b.get(s.obj)))
}

// within says whether values keep within the limits.
func (s *search) within(v [numDims]float64) bool {
	for d := range numDims {
		if s.p.limited[d] && v[d] > s.p.limit[d]+tol(s.p.limit[d]) {
			return false
		}
	}
	return true
}

// evaluate orders the steps and computes their values: repeatedly the
// first step (by id) whose prerequisites are met and whose lowers among the
// steps are placed; when only stacking blocks (a cycle), the first step
// whose prerequisites are met. It returns nil when the steps cannot be
// ordered.
func (s *search) evaluate() *result {
	p := s.p
	ms := slices.Clone(s.members)
	slices.Sort(ms)
	// Ordered by id, not by the candidates' order (compareCands): the fit
	// chooses between plans, never the order of one.
	byID := slices.Clone(ms)
	slices.SortFunc(byID, func(a, b int) int { return strings.Compare(p.cands[a].ID, p.cands[b].ID) })
	r := &result{}
	e := s.nextPlaced()
	for range ms {
		pick, fallback := -1, -1
		for _, x := range byID {
			if s.placed[x] == e || !s.ready(x, r.order) {
				continue
			}
			if fallback < 0 {
				fallback = x
			}
			blocked := false
			for _, cr := range p.lowers[x] {
				if s.inS[cr.from] && s.placed[cr.from] != e {
					blocked = true
					break
				}
			}
			if !blocked {
				pick = x
				break
			}
		}
		if pick < 0 {
			pick = fallback
		}
		if pick < 0 {
			return nil
		}
		h, c := p.r0[dimHours][pick], p.r0[dimCost][pick]
		for _, cr := range p.lowers[pick] {
			if s.placed[cr.from] == e {
				h -= cr.hours
				c -= cr.cost
			}
		}
		v := [numDims]float64{dimHours: max(h, 0), dimCost: max(c, 0), dimWeeks: p.r0[dimWeeks][pick], dimSteps: 1}
		s.placed[pick] = e
		r.order = append(r.order, pick)
		r.step = append(r.step, v)
	}
	for _, v := range r.step {
		for d := range numDims {
			r.vals[d] += v[d]
		}
	}
	for _, x := range ms {
		r.ids = append(r.ids, p.cands[x].ID)
	}
	r.ms = ms
	r.key = strings.Join(r.ids, "\x00")
	return r
}

// beats says whether a plan with values t (one step fewer) makes one with
// values u not minimal.
func (s *search) beats(t, u [numDims]float64) bool {
	for _, d := range s.key {
		if t[d] != u[d] {
			return t[d] < u[d]
		}
	}
	return true
}

// needed says whether step m is the only step meeting a clause in force.
func (s *search) needed(m int) bool {
	for _, ci := range s.p.incid[m] {
		if s.hit[ci] != 1 {
			continue
		}
		o := s.p.clauses[ci].owner
		if o < 0 || (o != m && s.inS[o]) {
			return true
		}
	}
	return false
}

// minimal says whether no one step can be dropped from r without breaking
// it or making it worse.
func (s *search) minimal(r *result) bool {
	for _, m := range r.order {
		if s.needed(m) {
			continue
		}
		s.remove(m)
		t := s.evaluate()
		s.add(m)
		if t != nil && s.within(t.vals) && s.beats(t.vals, r.vals) {
			return false
		}
	}
	return true
}

// less orders plans by the key: the objective, the tie-break totals, then
// the steps in candidate order (compareCands: fit, then id), the
// candidates being indexed in that order.
func (s *search) less(a, b *result) bool {
	for _, d := range s.key {
		if a.vals[d] != b.vals[d] {
			return a.vals[d] < b.vals[d]
		}
	}
	return slices.Compare(a.ms, b.ms) < 0
}

func (s *search) record(r *result) {
	if s.seen[r.key] {
		return
	}
	s.seen[r.key] = true
	i := sort.Search(len(s.best), func(i int) bool { return s.less(r, s.best[i]) })
	if i >= s.k {
		return
	}
	s.best = slices.Insert(s.best, i, r)
	if len(s.best) > s.k {
		s.best = s.best[:s.k]
	}
}

// greedy completes the current steps into a plan: it adds the option of
// an open clause with the least weight per open clause it meets until the
// steps are complete, drops steps while that helps, and records the plan if
// it keeps within the limits. The steps are restored afterwards. The
// weights are the static ones for the first plan, and a node's reduced
// costs for the dives during the search (a Lagrangian heuristic).
func (s *search) greedy(w func(x int) float64) {
	p := s.p
	orig := slices.Clone(s.members)
	defer func() {
		for _, x := range slices.Clone(s.members) {
			if !slices.Contains(orig, x) {
				s.remove(x)
			}
		}
		for _, x := range orig {
			if !s.inS[x] {
				s.add(x)
			}
		}
	}()
	if s.count == nil {
		s.count = make([]int, p.n)
	}
	count := s.count
	for {
		open := s.openClauses()
		pick := -1
		// Keep to the limits as far as the least values tell.
		var room [numDims]float64
		for e := range numDims {
			room[e] = math.Inf(1)
			if p.limited[e] {
				room[e] = p.limit[e] + tol(p.limit[e]) - s.memberLB(e)
			}
		}
		fits := func(x int) bool {
			for e := range numDims {
				if p.wmin[e][x] > room[e] {
					return false
				}
			}
			return true
		}
		if len(open) == 0 {
			stuck, list := s.placeable()
			if len(stuck) == 0 {
				break
			}
			for _, x := range stuck {
				for _, ci := range p.groups[x] {
					if s.metBy(ci, list) {
						continue
					}
					for _, y := range p.clauses[ci].opts {
						if s.avail(y) && fits(y) && (pick < 0 || w(y) < w(pick)) {
							pick = y
						}
					}
				}
			}
		} else {
			var xs []int
			for _, ci := range open {
				for _, x := range p.clauses[ci].opts {
					if s.avail(x) && fits(x) {
						if count[x] == 0 {
							xs = append(xs, x)
						}
						count[x]++
					}
				}
			}
			slices.Sort(xs)
			best := math.Inf(1)
			for _, x := range xs {
				ratio := w(x) / float64(count[x])
				if ratio < best || (ratio == best && count[x] > count[pick]) {
					best, pick = ratio, x
				}
			}
			for _, x := range xs {
				count[x] = 0
			}
		}
		if pick < 0 {
			return
		}
		s.add(pick)
	}
	for changed := true; changed; {
		changed = false
		r := s.evaluate()
		if r == nil {
			return
		}
		drop := slices.Clone(r.order)
		sort.SliceStable(drop, func(i, j int) bool { return p.wmin[s.obj][drop[i]] > p.wmin[s.obj][drop[j]] })
		for _, m := range drop {
			if s.needed(m) {
				continue
			}
			s.remove(m)
			if t := s.evaluate(); t != nil && s.beats(t.vals, r.vals) {
				changed = true
				break
			}
			s.add(m)
		}
	}
	if r := s.evaluate(); r != nil && s.within(r.vals) && s.minimal(r) {
		s.record(r)
	}
}

// plans turns the search's results into plans.
func (s *search) plans() []Plan {
	p := s.p
	found := s.best
	if len(found) == 0 {
		if s.stopped {
			lb := s.openLB
			if math.IsInf(lb, 1) {
				lb = 0
			}
			return []Plan{p.infeasible("no plan found within the time cap", false, lb)}
		}
		return []Plan{p.infeasible("no plan meets the target's requirements within the limits"+p.limitText(), true, 0)}
	}
	global := math.Inf(1)
	for _, r := range found {
		global = min(global, r.vals[s.obj])
	}
	global = min(global, s.openLB)
	out := make([]Plan, len(found))
	for i, r := range found {
		out[i] = s.toPlan(r)
		out[i].Optimal = !s.stopped
		if s.stopped {
			out[i].LowerBound = global
		} else {
			out[i].LowerBound = r.vals[s.obj]
		}
	}
	return out
}

func (s *search) toPlan(r *result) Plan {
	p := s.p
	plan := Plan{Feasible: true, Steps: make([]PlanStep, len(r.order))}
	closed := map[string]bool{}
	for i, x := range r.order {
		c := p.cands[x]
		st := PlanStep{
			CredentialID:    c.ID,
			Name:            c.Name,
			Hours:           r.step[i][dimHours],
			Cost:            r.step[i][dimCost],
			Weeks:           r.step[i][dimWeeks],
			Closes:          []string{},
			MeetsCredential: p.targetCr[c.ID],
			MeetsEducation:  p.eduTarget >= 0 && c.ConfersRank >= p.eduTarget && !c.OtherField,
			PrerequisiteOf:  []string{},
			StacksInto:      []string{},
		}
		for _, gi := range p.closes[x] {
			st.Closes = append(st.Closes, p.gap[gi].SkillID)
			closed[p.gap[gi].SkillID] = true
		}
		for _, y := range r.order[i+1:] {
			for _, ci := range p.groups[y] {
				if p.clauses[ci].meets[x>>6]&(1<<(x&63)) != 0 {
					st.PrerequisiteOf = append(st.PrerequisiteOf, p.cands[y].ID)
					break
				}
			}
			for _, cr := range p.lowers[y] {
				if cr.from == x {
					st.StacksInto = append(st.StacksInto, p.cands[y].ID)
				}
			}
		}
		sort.Strings(st.PrerequisiteOf)
		sort.Strings(st.StacksInto)
		plan.Steps[i] = st
		plan.TotalHours += st.Hours
		plan.TotalCost += st.Cost
		plan.TotalWeeks += st.Weeks
	}
	// A foundational gap a step certifies anyway is closed, not uncovered.
	plan.Uncovered = []string{}
	for _, id := range p.uncovered {
		if !closed[id] {
			plan.Uncovered = append(plan.Uncovered, id)
		}
	}
	return plan
}
