package pathway

import "math"

// A cheap, proven lower bound of a plan's cost (costFloor), so that an
// order by plan cost can plan the likeliest roles first and stop once no
// role left can beat the page (reachPage).

// costFloors is what the floor needs of a graph's candidates, indexed once
// per graph (applyFieldRule) and read-only after: graphs are shared between
// requests once cached.
type costFloors struct {
	// Skill holds, per skill, the least cost of a candidate closing it at
	// each level or more (index: level), and the least education rank that
	// makes one of them attainable with nothing else held (reach).
	Skill map[string]skillFloor
	// Edu is, per rank, the least cost of a candidate in a field the role
	// accepts conferring that rank or more; +Inf for none.
	Edu []float64
}

type skillFloor struct {
	Cost  []float64 // [level]: least cost at that level or more
	Reach []int     // [level]: least held rank making such a candidate attainable alone
}

// leastCost is the least a candidate can cost as a step: its cost less
// every credit it could get.
func leastCost(c *PlanCredential) float64 {
	v := c.Cost
	for _, sc := range c.StackCredit {
		if sc.FromID != c.ID {
			v -= sc.Cost
		}
	}
	return max(v, 0)
}

// aloneRank is the least education rank held that meets every
// prerequisite group of c with nothing else held; MaxInt when a group
// needs a credential.
func aloneRank(c *PlanCredential) int {
	r := 0
	for _, g := range c.Prerequisites {
		least := math.MaxInt
		if len(g) == 0 {
			least = 0
		}
		for _, o := range g {
			if o.CredentialID == "" {
				least = min(least, max(o.EducationRank, 0))
			}
		}
		r = max(r, least)
	}
	return r
}

func newCostFloors(cands []PlanCredential) *costFloors {
	f := &costFloors{Skill: map[string]skillFloor{}}
	for i := range cands {
		c := &cands[i]
		cost, reach := leastCost(c), aloneRank(c)
		for s, l := range c.closing() {
			sf := f.Skill[s]
			for len(sf.Cost) <= l {
				sf.Cost = append(sf.Cost, math.Inf(1))
				sf.Reach = append(sf.Reach, math.MaxInt)
			}
			sf.Cost[l] = min(sf.Cost[l], cost)
			sf.Reach[l] = min(sf.Reach[l], reach)
			f.Skill[s] = sf
		}
		if c.ConfersRank >= 0 && !c.OtherField {
			for len(f.Edu) <= c.ConfersRank {
				f.Edu = append(f.Edu, math.Inf(1))
			}
			f.Edu[c.ConfersRank] = min(f.Edu[c.ConfersRank], cost)
		}
	}
	// At a level or more: the least from the top down.
	for s, sf := range f.Skill {
		for l := len(sf.Cost) - 2; l >= 0; l-- {
			sf.Cost[l] = min(sf.Cost[l], sf.Cost[l+1])
			sf.Reach[l] = min(sf.Reach[l], sf.Reach[l+1])
		}
		f.Skill[s] = sf
	}
	for r := len(f.Edu) - 2; r >= 0; r-- {
		f.Edu[r] = min(f.Edu[r], f.Edu[r+1])
	}
	return f
}

// costFloor is a lower bound of the total cost of any valid plan for req
// (no limits, no exclusions, the target's preferred skills not counted),
// +Inf when no plan can exist. Every plan holds a step closing each gap
// skill that is not uncovered or foundational, one conferring the target's
// education rank when it is lacking, and every required credential not
// held; a step costs at least its cost less all its credit. A skill counts only when some
// candidate closing it needs no more than the rank held, so it is surely
// not uncovered. The floor is the best of the dearest requirement's
// cheapest step, the required credentials' sum, and dual ascent over all
// the requirements (dualFloor).
func costFloor(req PlanRequest, ix *candIndex) float64 {
	f := ix.Floors
	held := make(map[string]int, len(req.HeldSkills))
	for s, l := range req.HeldSkills {
		held[s] = l
	}
	heldRank := max(req.EducationRank, 0)
	fieldRank := heldRank
	if req.FieldRank != nil {
		fieldRank = max(min(*req.FieldRank, heldRank), 0)
	}
	isHeld := make(map[string]bool, len(req.HeldCredentials))
	for _, id := range req.HeldCredentials {
		isHeld[id] = true
		i, ok := ix.ByID[id]
		if !ok {
			continue
		}
		c := &req.Candidates[i]
		for s, l := range c.Certifies {
			held[s] = max(held[s], l)
		}
		heldRank = max(heldRank, c.ConfersRank)
		if !c.OtherField {
			fieldRank = max(fieldRank, c.ConfersRank)
		}
	}
	// Each requirement a plan must meet, as the candidates meeting it.
	var reqs [][]int
	floor := 0.0
	for _, g := range Gaps(held, req.Target, false) {
		sf, ok := f.Skill[g.SkillID]
		if !ok || g.Foundational || g.Level >= len(sf.Cost) || g.Level < 0 || sf.Reach[g.Level] > heldRank {
			continue // maybe uncovered
		}
		floor = max(floor, sf.Cost[g.Level])
		var meet []int
		for _, c := range ix.Closers[g.SkillID] {
			if int(c.Level) < g.Level {
				break
			}
			meet = append(meet, int(c.Cand))
		}
		reqs = append(reqs, meet)
	}
	if req.TargetEducationRank >= 0 && req.TargetEducationRank > fieldRank {
		if req.TargetEducationRank >= len(f.Edu) || math.IsInf(f.Edu[req.TargetEducationRank], 1) {
			return math.Inf(1)
		}
		floor = max(floor, f.Edu[req.TargetEducationRank])
		var meet []int
		for _, i := range ix.Conferrers {
			if c := &req.Candidates[i]; c.ConfersRank < req.TargetEducationRank {
				break
			} else if !c.OtherField {
				meet = append(meet, i)
			}
		}
		reqs = append(reqs, meet)
	}
	creds := 0.0
	seen := map[string]bool{}
	for _, id := range req.TargetCredentials {
		if isHeld[id] || seen[id] {
			continue
		}
		seen[id] = true
		i, ok := ix.ByID[id]
		if !ok {
			return math.Inf(1)
		}
		creds += leastCost(&req.Candidates[i])
		reqs = append(reqs, []int{i})
	}
	return max(floor, creds, dualFloor(req.Candidates, reqs))
}

// dualFloor is a lower bound of the cost of any set of candidates meeting
// every requirement (each a list of the candidates meeting it), by dual
// ascent over the covering problem: each requirement in turn takes the
// least cost its candidates have left, which they then have less. No
// candidate pays more than its least cost over the requirements it meets,
// and each requirement is met by some candidate of the set, so the set
// costs at least the sum taken.
func dualFloor(cands []PlanCredential, reqs [][]int) float64 {
	if len(reqs) < 2 {
		return 0 // the single least cost is the floor already
	}
	left := map[int]float64{}
	sum := 0.0
	for _, meet := range reqs {
		y := math.Inf(1)
		for _, i := range meet {
			v, ok := left[i]
			if !ok {
				v = leastCost(&cands[i])
				left[i] = v
			}
			y = min(y, v)
		}
		if math.IsInf(y, 1) || y <= 0 {
			continue
		}
		sum += y
		for _, i := range meet {
			left[i] -= y
		}
	}
	return sum
}
