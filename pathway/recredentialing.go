package pathway

import (
	"cmp"
	"context"
	"slices"
)

// Recredentialing: DESIGN's roles ripe for replacing a degree requirement
// with skills, and how many more people it opens them to.

// DegreeRole is a role that requires a degree, with the roles its overlap
// edges lead to (their ladder facts: level and job zone).
type DegreeRole struct {
	Role  Role
	Moves []Role
}

// LadderRank places a role on the career ladder: its level (LevelRank), or
// where it has none (O*NET's occupations), its job zone: 1 and 2 entry, 3
// middle-skill, 4 professional, 5 the top; 0 when neither is known.
func LadderRank(r Role) int {
	if rank := LevelRank(r.Level); rank > 0 {
		return rank
	}
	if r.JobZone != nil && *r.JobZone > 0 {
		return [...]int{0, 1, 1, 2, 3, 4}[min(*r.JobZone, 5)]
	}
	return 0
}

// RecredentialingCandidate is a degree role with its score.
type RecredentialingCandidate struct {
	Role  Role
	Score RecredentialingScore
}

// RankRecredentialing scores every degree role (ScoreRecredentialing, its
// upward moves being its overlap edges to a higher rung (LadderRank), on the scale of the
// roles ranked: ScaleOf) and returns the first n, the highest score first,
// ties by id.
func RankRecredentialing(roles []DegreeRole, n int) []RecredentialingCandidate {
	all := make([]RecredentialingCandidate, 0, len(roles))
	ranked := make([]Role, len(roles))
	for i, d := range roles {
		ranked[i] = d.Role
	}
	scale := ScaleOf(ranked)
	for _, d := range roles {
		upward := 0
		for _, m := range d.Moves {
			if LadderRank(m) > LadderRank(d.Role) {
				upward++
			}
		}
		r := d.Role
		all = append(all, RecredentialingCandidate{Role: r, Score: ScoreRecredentialing(true, deref(r.Vacancies),
			deref(r.TurnoverRate), deref(r.AdvancementPotential), upward, scale)})
	}
	slices.SortStableFunc(all, func(a, b RecredentialingCandidate) int {
		if c := cmp.Compare(b.Score.Score, a.Score.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Role.ID, b.Role.ID)
	})
	return all[:min(n, len(all))]
}

// MaxOpenedFrom is how many roles, the closest first, RolesOpened tries
// into each candidate: two plans each, so the work per candidate is bounded.
const MaxOpenedFrom = 10

// OpenedWithin is the learning-hours horizon of RolesOpened: a move that takes
// longer than about a year of part-time study is not open in practice.
const OpenedWithin = 2000.0

// OpenedSource is what RolesOpened reads, each call one round trip; the
// Neo4j store implements it.
type OpenedSource interface {
	// OverlapsInto returns, for each role, the roles whose overlap edges
	// lead to it, closest first, at most first each.
	OverlapsInto(ctx context.Context, roleIDs []string, first int) (map[string][]RoleOverlap, error)
	// PlanGraphs returns the plan graphs into the roles that exist.
	PlanGraphs(ctx context.Context, roleIDs []string) (map[string]*PlanGraph, error)
	// Profiles resolves profiles into what they hold, index-aligned.
	Profiles(ctx context.Context, ps []Profile) ([]*Held, []*Role, error)
}

// RolesOpened counts, for each role, the roles below it (a lower level, with
// one of the MaxOpenedFrom strongest overlap edges into it) whose people can plan their way into it within
// OpenedWithin hours in skills-first mode but not with its degree
// requirement. Three round trips for the whole page.
func RolesOpened(ctx context.Context, src OpenedSource, page []Role) (map[string]int, error) {
	ids := make([]string, len(page))
	for i, r := range page {
		ids[i] = r.ID
	}
	into, err := src.OverlapsInto(ctx, ids, MaxOpenedFrom)
	if err != nil {
		return nil, err
	}
	graphs, err := src.PlanGraphs(ctx, ids)
	if err != nil {
		return nil, err
	}
	below := func(r Role, o RoleOverlap) bool { return LadderRank(o.Role) < LadderRank(r) }
	var lower []string
	for _, r := range page {
		for _, o := range into[r.ID] {
			if below(r, o) {
				lower = append(lower, o.Role.ID)
			}
		}
	}
	lower = sortedUnique(lower)
	held := map[string]*Held{}
	if len(lower) > 0 {
		profiles := make([]Profile, len(lower))
		for i, id := range lower {
			profiles[i] = Profile{RoleID: id}
		}
		hs, _, err := src.Profiles(ctx, profiles)
		if err != nil {
			return nil, err
		}
		for i, id := range lower {
			held[id] = hs[i]
		}
	}
	limit := OpenedWithin
	out := map[string]int{}
	for _, r := range page {
		g := graphs[r.ID]
		if g == nil {
			continue
		}
		for _, o := range into[r.ID] {
			h := held[o.Role.ID]
			if h == nil || !below(r, o) {
				continue
			}
			req := g.Request(h)
			opt := PlanOptions{Objective: ObjectiveHours, MaxHours: &limit}
			withDegree, err := Solve(ctx, req, opt)
			if err != nil {
				return nil, err
			}
			opt.SkillsFirst = true
			skillsFirst, err := Solve(ctx, req, opt)
			if err != nil {
				return nil, err
			}
			if skillsFirst[0].Feasible && !withDegree[0].Feasible {
				out[r.ID]++
			}
		}
	}
	return out, nil
}

// deref is the value p points to, or the zero value when it is nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
