package pathway

import (
	"math"
	"slices"
	"sort"
)

// candIndex is what planning into a graph's role needs of its candidates
// before any person is known: made once per graph (with the field rule)
// and only read after, as graphs are shared between requests once cached.
// A role that accepts any field has every program as a candidate, while a
// person's plan can use only the few that close their gaps and what those
// need: the index finds these without visiting the rest (relevant). Its
// fields are exported for the comparisons of cached graphs, not for use.
type candIndex struct {
	// First and N identify the candidates indexed (the graph's slice): a
	// request with other candidates is planned without the index.
	First *PlanCredential
	N     int
	ByID  map[string]int
	// Closers lists, per skill, the candidates that close it (closing)
	// and at which level, highest first; packed, as every cached graph
	// holds one.
	Closers map[string][]closer
	// Conferrers lists the candidates conferring a rank, highest first.
	Conferrers []int
	// Floors is the plan cost's floor's index (costFloor).
	Floors *costFloors
	// Whole says every cost and stacking credit's cost is a whole number
	// (of dollars) well within float64's exact integers.
	Whole bool
	// Sorted lists the candidates by compareCands, so that a pool comes out sorted
	// without sorting it.
	Sorted []int32
}

type closer struct {
	Cand, Level int32
}

func newCandIndex(cands []PlanCredential) *candIndex {
	ix := &candIndex{N: len(cands), ByID: make(map[string]int, len(cands)), Closers: map[string][]closer{}, Whole: true}
	whole := func(v float64) bool { return v == math.Trunc(v) && math.Abs(v) < 1<<40 }
	if len(cands) > 0 {
		ix.First = &cands[0]
	}
	for i := range cands {
		c := &cands[i]
		ix.ByID[c.ID] = i
		ix.Whole = ix.Whole && whole(c.Cost)
		for _, sc := range c.StackCredit {
			ix.Whole = ix.Whole && whole(sc.Cost)
		}
		for s, l := range c.closing() {
			ix.Closers[s] = append(ix.Closers[s], closer{Cand: int32(i), Level: int32(min(l, math.MaxInt32))})
		}
		if c.ConfersRank >= 0 {
			ix.Conferrers = append(ix.Conferrers, i)
		}
	}
	for s, cs := range ix.Closers {
		slices.SortStableFunc(cs, func(a, b closer) int { return int(b.Level) - int(a.Level) })
		ix.Closers[s] = slices.Clip(slices.Clone(cs)) // no room left from growing
	}
	sort.SliceStable(ix.Conferrers, func(a, b int) bool {
		return cands[ix.Conferrers[a]].ConfersRank > cands[ix.Conferrers[b]].ConfersRank
	})
	ix.Floors = newCostFloors(cands)
	ix.Sorted = make([]int32, len(cands))
	for i := range ix.Sorted {
		ix.Sorted[i] = int32(i)
	}
	slices.SortStableFunc(ix.Sorted, func(a, b int32) int { return compareCands(&cands[a], &cands[b]) })
	return ix
}

// of returns the index when it indexes req's candidates, else nil.
func (ix *candIndex) of(req PlanRequest) *candIndex {
	if ix == nil || ix.N != len(req.Candidates) || ix.N == 0 || ix.First != &req.Candidates[0] {
		return nil
	}
	return ix
}

// relevant returns the candidates that newProblem's pool can keep any of
// its reductions depending on, sorted by id and without the held or
// excluded ones: those closing a gap skill, the target's credentials, those
// conferring the target's education rank (in any field, for the reason
// when none prepares for it), and, closed under, the options of each of
// their prerequisite groups that what is held does not meet, and the lowers
// they get credit from. Whether a candidate is attainable, fits the limits
// on its own or is useful depends on these alone, so the pool newProblem
// builds from them is the one it builds from every candidate.
func (ix *candIndex) relevant(req PlanRequest, gap []SkillGap, eduTarget int, metByHeld func([]Prereq) bool,
	held, excluded map[string]bool) []*PlanCredential {
	cands := req.Candidates
	in := make([]bool, len(cands))
	var queue []int
	count := 0
	add := func(i int) {
		if !in[i] {
			in[i] = true
			queue = append(queue, i)
			count++
		}
	}
	// Conferrers[:added] are in: a rank asked again costs nothing.
	added := 0
	atLeast := func(r int) {
		for ; added < len(ix.Conferrers) && cands[ix.Conferrers[added]].ConfersRank >= r; added++ {
			add(ix.Conferrers[added])
		}
	}
	for _, g := range gap {
		if g.Foundational {
			continue // needs no step
		}
		for _, c := range ix.Closers[g.SkillID] {
			if int(c.Level) < g.Level {
				break
			}
			add(int(c.Cand))
		}
	}
	for _, id := range req.TargetCredentials {
		if i, ok := ix.ByID[id]; ok {
			add(i)
		}
	}
	if eduTarget >= 0 {
		atLeast(eduTarget)
	}
	for len(queue) > 0 {
		c := &cands[queue[0]]
		queue = queue[1:]
		for _, g := range c.Prerequisites {
			if metByHeld(g) {
				continue
			}
			for _, o := range g {
				if o.CredentialID == "" {
					atLeast(o.EducationRank)
				} else if i, ok := ix.ByID[o.CredentialID]; ok {
					add(i)
				}
			}
		}
		for _, sc := range c.StackCredit {
			if i, ok := ix.ByID[sc.FromID]; ok {
				add(i)
			}
		}
	}
	pool := make([]*PlanCredential, 0, count)
	for _, i := range ix.Sorted {
		if c := &cands[i]; in[i] && !excluded[c.ID] && !held[c.ID] {
			pool = append(pool, c)
		}
	}
	return pool
}

// coverable says, per gap skill, whether a candidate of pool (a subset of
// the indexed ones) closes it: from the skill's closers, highest first, not
// from every candidate's skills. It returns nil without the index.
func (ix *candIndex) coverable(req PlanRequest, pool []*PlanCredential, gap []SkillGap) []bool {
	if ix.of(req) == nil {
		return nil
	}
	in := make([]bool, ix.N)
	for _, c := range pool {
		in[ix.ByID[c.ID]] = true
	}
	out := make([]bool, len(gap))
	for gi, g := range gap {
		for _, c := range ix.Closers[g.SkillID] {
			if int(c.Level) < g.Level {
				break
			}
			if in[c.Cand] {
				out[gi] = true
				break
			}
		}
	}
	return out
}

// fill finds the clauses of tix that each of req's candidates meets from
// cix, clause by clause (the closers of each skill, the conferrers of the
// rank), instead of walking each candidate's skills: a couple of thousand
// programs, most of which a problem drops. It does nothing without the
// index.
func (tix *targetIndex) fill(req PlanRequest, cix *candIndex) {
	if cix.of(req) == nil {
		return
	}
	cands := req.Candidates
	count := make([]int32, cix.N)
	each := func(f func(t, i int)) {
		for t, cl := range tix.clauses {
			switch {
			case cl.skill != "":
				if tix.bySkill[cl.skill] != t {
					continue // a skill twice: find meets the last one only
				}
				for _, c := range cix.Closers[cl.skill] {
					if int(c.Level) < cl.level {
						break
					}
					f(t, int(c.Cand))
				}
			case cl.id != "":
				if i, ok := cix.ByID[cl.id]; ok && tix.byID[cl.id] == t && cands[i].ID == cl.id {
					f(t, i)
				}
			case tix.edu == t:
				for _, i := range cix.Conferrers {
					if cands[i].ConfersRank < cl.rank {
						break
					}
					if !cands[i].OtherField {
						f(t, i)
					}
				}
			}
		}
	}
	total := 0
	each(func(_, i int) { count[i]++; total++ })
	start := make([]int32, cix.N+1)
	for i, k := range count {
		start[i+1] = start[i] + k
	}
	tix.block = make([]int, total)
	tix.memo = make(map[*PlanCredential][2]int32, cix.N)
	next := slices.Clone(start[:cix.N])
	each(func(t, i int) { tix.block[next[i]] = t; next[i]++ })
	for i, k := range count {
		if k > 0 {
			tix.memo[&cands[i]] = [2]int32{start[i], start[i+1]}
		}
	}
	tix.filled = true
}
