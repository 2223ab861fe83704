package pathway

import (
	"cmp"
	"math"
	"slices"
)

// pruneOff turns pruneByObjective off, for the tests that compare against
// the unpruned problem.
var pruneOff bool

// pruneMin is the least number of candidates worth pruning: below it the
// pruning's own work (a first plan) costs more than it saves. A variable
// so that the tests prune small questions too.
var pruneMin = 64

// pruneGroup is a prerequisite group not met by what is held, as the
// pruning sees it.
type pruneGroup struct {
	ids     []int // kept options by index
	minRank int   // the least rank option, MaxInt for none
}

// pruneScan bounds how many cheaper candidates are tried as a dominator of
// each one: stopping early only keeps a candidate, never loses a plan.
const pruneScan = 512

// pruneByObjective drops, before the problem's clauses are built, the
// candidates that cannot be in the one best plan: a role that accepts any
// field has a couple of thousand programs closing its gaps, and the best
// plan uses a few of the cheapest. Building the clauses of them all (a
// master's program's group has every bachelor's as an option) cost more
// than the search. Only when one plan is asked for (newProblem's
// dominate): other plans and the front may take what the best does not.
// It drops in two ways, each keeping the best plan P, so both together do
// too; then what only a dropped one made attainable, which P cannot use.
//
// First those that cost too much (boundOut): any plan taking them is
// dearer in the objective than a plan found among the cheapest few.
//
// Then those another one beats: dominated's rule, with the values compared
// in the order plans are (keyDims) instead of in every dimension. b beats
// a when a is no target credential, no credential option of a
// prerequisite group and gives no credit (to any kept candidate); a meets
// some target clause and b meets every target clause a meets; b confers a
// rank at least as high; a is no option of b's groups, and each group of b
// (not met by what is held) has every option in play of some group of a;
// and b's values with no credit beside what is held (worst) are below a's
// with every credit (least) in the first dimension of the key where they
// differ, or equal in all and b's id is smaller; and in each limited
// dimension b's worst is no more than a's least.
//
// Why the one best plan P (by the key, then the sorted ids) takes no
// beaten a: put b in a's place (drop a when P has b). Nothing needed a by
// id or for credit, b meets whatever a met (target clauses, and rank
// options of groups), and what met a's groups before a meets b's, so the
// plan stays valid. Each total changes by at most b's worst less a's least
// (or falls by a's value when b was there, with one step fewer), so the
// new plan is no worse in any limited dimension and, by the key, either
// better in the first dimension that changes or equal in every one with
// the smaller ids: it beats P, which cannot be. So P is a plan of the
// pruned candidates, where every plan is one of the whole: the search
// finds the same P, with the same order and values. Sums are exact only
// when every value is a whole number (not too large), so the rule applies
// only then: with fractions, a tie by the bound could be a loss by a
// rounding. Any subset of the beaten ones may go (a beaten b's own beater
// is not needed), which is why the scan may stop early.
func (p *problem) pruneByObjective(kept []*PlanCredential, held map[string]bool, tix *targetIndex,
	attainable func([]*PlanCredential) []*PlanCredential) []*PlanCredential {
	opt, heldRank, limited, targetCr := p.opt, p.heldRank, p.limited, p.targetCr
	n := len(kept)
	if pruneOff || n < max(pruneMin, 2) {
		return kept
	}
	index := make(map[string]int, n)
	for i, c := range kept {
		index[c.ID] = i
	}
	whole := func(v float64) bool { return v == math.Trunc(v) && math.Abs(v) < 1<<40 }
	for _, c := range kept {
		if !whole(c.Hours) || !whole(c.Cost) || !whole(c.Weeks) {
			return kept
		}
		for _, sc := range c.StackCredit {
			if !whole(sc.Hours) || !whole(sc.Cost) {
				return kept
			}
		}
	}

	// Each candidate's unmet groups, protection, values and target clauses.
	groups := make([][]pruneGroup, n)
	protected := make([]bool, n)
	worst := make([][numDims]float64, n)
	least := make([][numDims]float64, n)
	words := (len(tix.clauses) + 63) / 64
	static := make([]uint64, n*words)
	meets := make([]bool, n)
	for i, c := range kept {
		if targetCr[c.ID] {
			protected[i] = true
		}
		for _, g := range c.Prerequisites {
			gr := pruneGroup{minRank: math.MaxInt}
			met := len(g) == 0
			for _, o := range g {
				if o.CredentialID == "" {
					met = met || o.EducationRank <= heldRank
					gr.minRank = min(gr.minRank, o.EducationRank)
					continue
				}
				met = met || held[o.CredentialID]
				if j, ok := index[o.CredentialID]; ok && j != i {
					gr.ids = append(gr.ids, j)
					protected[j] = true
				}
			}
			if !met {
				groups[i] = append(groups[i], gr)
			}
		}
		h, k := c.Hours, c.Cost
		for _, sc := range c.StackCredit {
			if sc.FromID != c.ID && held[sc.FromID] {
				h -= sc.Hours
				k -= sc.Cost
			}
		}
		bh, bk := h, k
		for _, sc := range c.StackCredit {
			j, ok := index[sc.FromID]
			if !ok || j == i || held[sc.FromID] || (sc.Hours == 0 && sc.Cost == 0) {
				continue
			}
			protected[j] = true
			bh -= sc.Hours
			bk -= sc.Cost
		}
		worst[i] = [numDims]float64{dimHours: max(h, 0), dimCost: max(k, 0), dimWeeks: c.Weeks, dimSteps: 1}
		least[i] = [numDims]float64{dimHours: max(bh, 0), dimCost: max(bk, 0), dimWeeks: c.Weeks, dimSteps: 1}
		for _, t := range tix.met(c) {
			static[i*words+t/64] |= 1 << (t % 64)
			meets[i] = true
		}
	}

	drop, dropped := p.boundOut(kept, held, tix, groups, least, static, words, attainable)

	var key []int // the key's dimensions but steps, which a swap never raises
	for _, d := range keyDims(opt.Objective) {
		if d != dimSteps {
			key = append(key, d)
		}
	}
	compare := func(u, v [numDims]float64) int {
		for _, d := range key {
			if u[d] != v[d] {
				if u[d] < v[d] {
					return -1
				}
				return 1
			}
		}
		return 0
	}
	var order []int // those left, by worst
	for i := range n {
		if !drop[i] {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := compare(worst[a], worst[b]); c != 0 {
			return c
		}
		return a - b
	})

	// meetsGroup says whether candidate x (or every conferrer of rank r,
	// when x < 0) meets group g.
	meetsGroup := func(x, r int, g pruneGroup) bool {
		if x >= 0 {
			return kept[x].ConfersRank >= g.minRank || slices.Contains(g.ids, x)
		}
		return r >= g.minRank
	}
	beats := func(b, a int) bool {
		if kept[b].ConfersRank < kept[a].ConfersRank {
			return false
		}
		for w := range words {
			if static[a*words+w]&^static[b*words+w] != 0 {
				return false
			}
		}
		for d := range numDims {
			if limited[d] && worst[b][d] > least[a][d] {
				return false
			}
		}
		for _, gb := range groups[b] {
			if meetsGroup(a, 0, gb) {
				return false // a is an option of b's group
			}
			implied := false
			for _, ga := range groups[a] {
				implied = ga.minRank == math.MaxInt || meetsGroup(-1, ga.minRank, gb)
				for _, x := range ga.ids {
					implied = implied && (x == a || meetsGroup(x, 0, gb))
				}
				if implied {
					break
				}
			}
			if !implied {
				return false
			}
		}
		return true
	}
	for _, a := range slices.Clone(order) {
		if protected[a] || !meets[a] {
			continue
		}
		for tried, b := range order {
			if tried == pruneScan {
				break
			}
			cmp := compare(worst[b], least[a])
			if cmp > 0 {
				break // worst is ascending: no later one is below
			}
			if b == a || (cmp == 0 && compareCands(kept[b], kept[a]) > 0) || !beats(b, a) {
				continue
			}
			drop[a] = true
			dropped++
			break
		}
	}
	if dropped == 0 {
		return kept
	}
	out := make([]*PlanCredential, 0, n-dropped)
	for i, c := range kept {
		if !drop[i] {
			out = append(out, c)
		}
	}
	// What only a dropped one made attainable goes too: no plan takes it.
	return attainable(out)
}

// pruneCore is how many of the least options of each target clause and
// prerequisite group boundOut finds its first plan among.
const pruneCore = 6

// boundOut marks the candidates no best plan can take: any plan with x
// has x's least value in the objective plus, from other steps, at least
// the least option of each of x's groups and of each target clause x does
// not meet (the dearest one alone: a step may meet several). When that is
// above the objective of a plan found among a few of the least options of
// each clause (the one best plan is no worse), x is not in the best plan,
// and whatever x could have met or given credit to in it does not matter.
func (p *problem) boundOut(kept []*PlanCredential, held map[string]bool, tix *targetIndex,
	groups [][]pruneGroup, least [][numDims]float64, static []uint64, words int,
	attainable func([]*PlanCredential) []*PlanCredential) ([]bool, int) {
	n := len(kept)
	drop := make([]bool, n)
	obj := objectiveDim(p.opt.Objective)
	lo := func(x int) float64 { return least[x][obj] }
	meetsT := func(x, t int) bool { return static[x*words+t/64]&(1<<(t%64)) != 0 }
	// top keeps the pruneCore least of what it is offered (ties by id),
	// without sorting all.
	top := func(list []int, x, k int) []int {
		i := len(list)
		for i > 0 && (lo(x) < lo(list[i-1]) || (lo(x) == lo(list[i-1]) && x < list[i-1])) {
			i--
		}
		if i == k {
			return list
		}
		if len(list) == k {
			list = list[:k-1]
		}
		return slices.Insert(list, i, x)
	}
	nt := len(tix.clauses)
	tops := make([][]int, nt)
	for x, c := range kept {
		for _, t := range tix.met(c) {
			tops[t] = top(tops[t], x, pruneCore)
		}
	}
	// ranked[r] is the least conferrers of rank r or more, one more than
	// the core takes (the group's owner may be one).
	ranked := map[int][]int{}
	conferrers := func(r int) []int {
		if l, ok := ranked[r]; ok {
			return l
		}
		var l []int
		for x, c := range kept {
			if c.ConfersRank >= r {
				l = top(l, x, pruneCore+1)
			}
		}
		ranked[r] = l
		return l
	}

	// The first plan, among the least options of each clause and, closed
	// under, of each of their groups.
	in := make([]bool, n)
	var core, queue []int
	take := func(xs []int) {
		for _, x := range xs {
			if !in[x] {
				in[x] = true
				core = append(core, x)
				queue = append(queue, x)
			}
		}
	}
	for t := range nt {
		take(tops[t])
	}
	for len(queue) > 0 {
		y := queue[0]
		queue = queue[1:]
		for _, g := range groups[y] {
			var opts []int
			for _, x := range g.ids {
				opts = top(opts, x, pruneCore)
			}
			if g.minRank != math.MaxInt {
				for _, x := range conferrers(g.minRank) {
					if x != y && !slices.Contains(opts, x) {
						opts = top(opts, x, pruneCore)
					}
				}
			}
			take(opts)
		}
	}
	slices.Sort(core) // kept is sorted by id, and so must the problem's be
	cands := make([]*PlanCredential, len(core))
	for i, x := range core {
		cands[i] = kept[x]
	}
	first := *p
	first.build(attainable(cands), held, tix)
	s := newSearch(&first, 1)
	s.greedy(func(x int) float64 { return first.lift[s.obj][x] })
	for d := range numDims {
		if d != s.obj {
			s.greedy(func(x int) float64 { return first.lift[d][x] })
		}
	}
	if len(s.best) == 0 {
		return drop, 0
	}
	u := s.best[0].vals[obj]
	u += 1e-9 * max(1, math.Abs(u)) // beyond any rounding of the sums

	// The dearest target clause's least option, to find the dearest one x
	// does not meet.
	minT := make([]float64, nt)
	for t := range nt {
		minT[t] = math.Inf(1)
		if len(tops[t]) > 0 {
			minT[t] = lo(tops[t][0])
		}
	}
	dearest := make([]int, nt)
	for t := range dearest {
		dearest[t] = t
	}
	slices.SortFunc(dearest, func(a, b int) int { return cmp.Compare(minT[b], minT[a]) })
	dropped := 0
	for x := range n {
		rest := 0.0
		for _, t := range dearest {
			if !meetsT(x, t) {
				rest = minT[t]
				break
			}
		}
		for _, g := range groups[x] {
			m := math.Inf(1)
			if g.minRank != math.MaxInt {
				if l := conferrers(g.minRank); len(l) > 0 {
					m = lo(l[0])
				}
			}
			for _, y := range g.ids {
				m = min(m, lo(y))
			}
			rest = max(rest, m)
		}
		if lo(x)+rest > u {
			drop[x] = true
			dropped++
		}
	}
	return drop, dropped
}
