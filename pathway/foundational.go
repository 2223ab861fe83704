package pathway

// Foundational gaps: the rule that keeps a plan to what the target role
// asks beyond ordinary work. O*NET rates every occupation on the same 35
// skills and 33 knowledge areas, so nearly every role "requires" Reading
// Comprehension, Critical Thinking or Computers and Electronics at the level
// most jobs need. A person learns those at that level in general education
// and at work; a counselor does not send a psychiatric technician to an IT
// certification for "Computers and Electronics" at level 3. So a gap is
// foundational when the level it needs is one a large share of all roles
// require the skill at (or above): the skill's common level. Plans take no
// credential for a foundational gap alone; a step that certifies one anyway
// is said to close it. The gap stays a gap (the skills map lists it, flagged),
// and a plan that leaves it open says why (OpenFoundational).
//
// The common level is a statistic over a population of roles, so it is kept
// for sources with enough of them: a curated sample of fifty hand-made roles,
// where a third of the roles asking for Communication says nothing about
// work in general, has none, and its credentials close its gaps as before.

// Common-level statistics.
const (
	// commonShare: a level at least this share of a source's roles with a
	// profile require a skill at (or above) is common for it.
	commonShare = 0.25
	// commonMinRoles: a source needs this many roles with a profile for its
	// skills to have common levels.
	commonMinRoles = 100
)

// foundational says whether a gap at level in a skill whose common level is
// common (0: none) is foundational.
func foundational(level, common int) bool {
	return common > 0 && level <= common
}

// commonLevels computes each skill's common level: the highest level at
// least commonShare of its source's roles with a profile require it at or
// above, for sources of at least commonMinRoles such roles. population is
// the roles with a profile by source; technologies have none (O*NET lists
// them as preferred: they are tools, never a role's required ground).
func commonLevels(roles map[string]RoleTraits, population map[string]int) map[string]int {
	atLeast := map[string][]int{} // skill -> roles requiring it at each level or above, by level
	for _, t := range roles {
		levels := map[string]int{}
		for _, r := range t.Profile {
			if r.Required && !r.Tech && r.Level >= MinLevel {
				levels[r.SkillID] = max(levels[r.SkillID], min(r.Level, MaxLevel))
			}
		}
		for id, l := range levels {
			n := atLeast[id]
			if n == nil {
				n = make([]int, MaxLevel+1)
				atLeast[id] = n
			}
			for k := MinLevel; k <= l; k++ {
				n[k]++
			}
		}
	}
	out := map[string]int{}
	for id, n := range atLeast {
		pop := population[source(id)]
		if pop < commonMinRoles {
			continue
		}
		for k := MaxLevel; k >= MinLevel; k-- {
			if float64(n[k]) >= commonShare*float64(pop) {
				out[id] = k
				break
			}
		}
	}
	return out
}
