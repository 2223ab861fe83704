package resolvers

import (
	"context"
	"fmt"
	"sort"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// profileFrom checks a profile input and turns it into the domain's profile.
func profileFrom(in model.ProfileInput) (pathway.Profile, error) {
	var p pathway.Profile
	if in.RoleID == nil && len(in.Skills) == 0 && len(in.CredentialIds) == 0 && in.EducationLevelID == nil && len(in.Records) == 0 {
		return p, fmt.Errorf("the profile is empty: give a roleId, skills, credentialIds, an educationLevelId or records: %w", pathway.ErrInvalid)
	}
	if in.RoleID != nil {
		if err := pathway.ValidateID("roleId", *in.RoleID); err != nil {
			return p, err
		}
		p.RoleID = *in.RoleID
	}
	for _, s := range in.Skills {
		if err := pathway.ValidateID("skillId", s.SkillID); err != nil {
			return p, err
		}
		if err := pathway.ValidateLevel(fmt.Sprintf("level of skill %q", s.SkillID), s.Level); err != nil {
			return p, err
		}
		p.Skills = append(p.Skills, pathway.HeldSkill{SkillID: s.SkillID, Level: s.Level})
	}
	for _, id := range in.CredentialIds {
		if err := pathway.ValidateID("credentialId", id); err != nil {
			return p, err
		}
		p.CredentialIDs = append(p.CredentialIDs, id)
	}
	if in.EducationLevelID != nil {
		if err := pathway.ValidateID("educationLevelId", *in.EducationLevelID); err != nil {
			return p, err
		}
		p.EducationLevelID = *in.EducationLevelID
	}
	return p, nil
}

// reachLimits are the checked limits of reachableRoles.
type reachLimits struct {
	maxSteps       int
	minOverlap     float64
	maxEducation   *int
	industry       *string
	maxEducationID string
	maxCost        *float64
	maxHours       *float64
}

func reachLimitsFrom(in *model.ReachLimits) (reachLimits, error) {
	l := reachLimits{maxSteps: 1}
	if in == nil {
		return l, nil
	}
	if in.MaxSteps != nil {
		if *in.MaxSteps < 1 || *in.MaxSteps > 4 {
			return l, fmt.Errorf("limits.maxSteps must be 1 to 4, got %d: %w", *in.MaxSteps, pathway.ErrInvalid)
		}
		l.maxSteps = *in.MaxSteps
	}
	if in.MinOverlap != nil {
		if *in.MinOverlap < 0 || *in.MinOverlap > 1 {
			return l, fmt.Errorf("limits.minOverlap must be 0 to 1, got %g: %w", *in.MinOverlap, pathway.ErrInvalid)
		}
		l.minOverlap = *in.MinOverlap
	}
	if in.MaxEducationLevelID != nil {
		if err := pathway.ValidateID("limits.maxEducationLevelId", *in.MaxEducationLevelID); err != nil {
			return l, err
		}
		l.maxEducationID = *in.MaxEducationLevelID
	}
	l.industry = in.Industry
	for _, f := range []struct {
		name string
		v    *float64
	}{{"maxCost", in.MaxCost}, {"maxHours", in.MaxHours}} {
		if f.v != nil && *f.v < 0 {
			return l, fmt.Errorf("limits.%s must be zero or more, got %g: %w", f.name, *f.v, pathway.ErrInvalid)
		}
	}
	l.maxCost, l.maxHours = in.MaxCost, in.MaxHours
	return l, nil
}

func (r *queryResolver) ReachableRoles(ctx context.Context, from model.ProfileInput, limits *model.ReachLimits, orderBy *model.ReachOrder, first *int) ([]model.ReachableRole, error) {
	n, err := pageSize("first", first, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	profile, err := r.profile(ctx, from)
	if err != nil {
		return nil, err
	}
	lim, err := reachLimitsFrom(limits)
	if err != nil {
		return nil, err
	}
	if lim.maxEducationID != "" {
		levels, err := r.store.EducationLevelsByIDs(ctx, []string{lim.maxEducationID})
		if err != nil {
			return nil, err
		}
		l, ok := levels[lim.maxEducationID]
		if !ok {
			return nil, fmt.Errorf("limits.maxEducationLevelId: no education level %q: %w", lim.maxEducationID, pathway.ErrNotFound)
		}
		lim.maxEducation = &l.Rank
	}
	held, startRole, err := r.store.Profile(ctx, profile)
	if err != nil {
		return nil, err
	}

	// The first move: the start role's overlap edges, and for a profile with
	// skills of its own, every role that lists one of them; each scored by
	// the relatedness of the profile to it.
	best := map[string]pathway.Reach{}
	var frontier []pathway.Reach
	addFirst := func(id string, score float64) {
		if id == held.RoleID || score <= 0 {
			return
		}
		if b, ok := best[id]; ok && b.Score >= score {
			return
		}
		best[id] = pathway.Reach{RoleID: id, Score: score, Steps: 1, Path: []string{id}}
	}
	roleOnly := len(profile.Skills) == 0 && len(profile.CredentialIDs) == 0
	if startRole != nil {
		edges, err := r.store.RoleOverlaps(ctx, []string{startRole.ID}, pathway.MaxOverlapsPerRole)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, e := range edges[startRole.ID] {
			if roleOnly {
				// A person who is just their role moves along its overlap
				// edges: their score is the edge's, no profile to fetch.
				addFirst(e.Role.ID, e.Score)
			} else {
				ids = append(ids, e.Role.ID)
			}
		}
		if err := r.scoreFirstMoves(ctx, held, ids, addFirst); err != nil {
			return nil, err
		}
	}
	if !roleOnly || startRole == nil {
		ids := make([]string, 0, len(held.Skills))
		for id := range held.Skills {
			ids = append(ids, id)
		}
		sharing, err := r.store.RolesSharingSkills(ctx, ids)
		if err != nil {
			return nil, err
		}
		if err := r.scoreFirstMoves(ctx, held, sharing, addFirst); err != nil {
			return nil, err
		}
	}
	for _, id := range sortedKeys(best) {
		frontier = append(frontier, best[id])
	}
	// Further moves follow the derived overlap edges, one round trip a move.
	for step := 2; step <= lim.maxSteps && len(frontier) > 0; step++ {
		ids := make([]string, len(frontier))
		for i, f := range frontier {
			ids[i] = f.RoleID
		}
		edges, err := r.store.RoleOverlaps(ctx, ids, pathway.MaxOverlapsPerRole)
		if err != nil {
			return nil, err
		}
		var moves []pathway.Move
		for _, id := range ids {
			for _, e := range edges[id] {
				moves = append(moves, pathway.Move{From: id, To: e.Role.ID, Score: e.Score})
			}
		}
		frontier = pathway.ExtendReach(best, frontier, moves, held.RoleID)
	}
	return r.reachPage(ctx, held, startRole, best, lim, orderBy, n)
}

// scoreFirstMoves scores a first move to each role by the relatedness of the
// profile to the role's, in one round trip.
func (r *queryResolver) scoreFirstMoves(ctx context.Context, held *pathway.Held, ids []string, first func(string, float64)) error {
	if len(ids) == 0 {
		return nil
	}
	profiles, err := r.store.RoleSkills(ctx, unique(ids))
	if err != nil {
		return err
	}
	for _, id := range unique(ids) {
		first(id, round4(pathway.Relatedness(held.Profile, requirements(profiles[id]))))
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// reachPage filters the reached roles by the limits, orders them and builds
// the page, fetching the reached roles, their profiles and education in a
// fixed number of round trips.
func (r *queryResolver) reachPage(ctx context.Context, held *pathway.Held, startRole *pathway.Role, best map[string]pathway.Reach, lim reachLimits, orderBy *model.ReachOrder, n int) ([]model.ReachableRole, error) {
	ids := make([]string, 0, len(best))
	for id, reach := range best {
		ids = append(ids, id)
		ids = append(ids, reach.Path...)
	}
	ids = unique(ids)
	roles, err := r.store.RolesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	education, err := r.store.RoleEducation(ctx, ids)
	if err != nil {
		return nil, err
	}
	type candidate struct {
		reach   pathway.Reach
		role    pathway.Role
		overlap float64
		gain    *float64
		plan    pathway.Plan
	}
	var cands []candidate
	for id, reach := range best {
		role, ok := roles[id]
		if !ok {
			continue
		}
		if lim.industry != nil && (role.Industry == nil || *role.Industry != *lim.industry) {
			continue
		}
		if e, ok := education[id]; ok && lim.maxEducation != nil && e.Rank > *lim.maxEducation {
			continue
		}
		c := candidate{reach: reach, role: role}
		if startRole != nil && startRole.WageMedian != nil && role.WageMedian != nil {
			g := *role.WageMedian - *startRole.WageMedian
			c.gain = &g
		}
		cands = append(cands, c)
	}
	planGraphs := map[string]*cypher.PlanGraph{}
	order := model.ReachOrderRelatedness
	if orderBy != nil {
		order = *orderBy
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		switch order {
		case model.ReachOrderWageGain:
			if ga, gb := orMinus(a.gain), orMinus(b.gain); ga != gb {
				return ga > gb
			}
		case model.ReachOrderDemand:
			if va, vb := orZero(a.role.Vacancies), orZero(b.role.Vacancies); va != vb {
				return va > vb
			}
		}
		if a.reach.Score != b.reach.Score {
			return a.reach.Score > b.reach.Score
		}
		return a.role.ID < b.role.ID
	})
	// Profiles and the cheapest plan into each role, for the returned page
	// only: roles are taken in order, a chunk per two round trips, until the
	// page is full of roles whose overlap and plan keep to the limits (all
	// of them when the order is the plan's cost).
	planned := make([]candidate, 0, n)
	profiles := map[string][]pathway.RoleSkill{}
	chunk := max(2*n, 20)
	if order == model.ReachOrderPlanCost {
		chunk = len(cands)
	}
	opt := pathway.PlanOptions{Objective: pathway.ObjectiveCost, MaxCost: lim.maxCost, MaxHours: lim.maxHours}
	for start := 0; start < len(cands) && (len(planned) < n || order == model.ReachOrderPlanCost); start += chunk {
		part := cands[start:min(start+chunk, len(cands))]
		ids := make([]string, len(part))
		for i, c := range part {
			ids[i] = c.role.ID
		}
		graphs, err := r.store.PlanGraphs(ctx, ids)
		if err != nil {
			return nil, err
		}
		chunkProfiles, err := r.store.RoleSkills(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, c := range part {
			g := graphs[c.role.ID]
			if g == nil {
				continue
			}
			profiles[c.role.ID] = chunkProfiles[c.role.ID]
			c.overlap = round4(pathway.Coverage(held.Skills, pathway.RequiredOnly(requirements(profiles[c.role.ID]))))
			if c.overlap < lim.minOverlap {
				continue
			}
			plans, err := pathway.Solve(planRequest(held, g), opt)
			if err != nil {
				return nil, err
			}
			c.plan = plans[0]
			if !c.plan.Feasible && (lim.maxCost != nil || lim.maxHours != nil) {
				continue
			}
			planGraphs[c.role.ID] = g
			planned = append(planned, c)
			if len(planned) == n && order != model.ReachOrderPlanCost {
				break
			}
		}
	}
	if order == model.ReachOrderPlanCost {
		sort.SliceStable(planned, func(i, j int) bool {
			a, b := planned[i].plan, planned[j].plan
			if a.Feasible != b.Feasible {
				return a.Feasible
			}
			return a.TotalCost < b.TotalCost
		})
	}
	cands = planned[:min(n, len(planned))]
	gapLists := make([][]pathway.SkillGap, len(cands))
	skills := skillIndex()
	for i, c := range cands {
		gapLists[i] = pathway.Gaps(held.Skills, requirements(profiles[c.role.ID]), false)
		for _, rs := range profiles[c.role.ID] {
			skills[rs.Skill.ID] = rs.Skill
		}
	}
	gaps, err := r.skillGaps(ctx, gapLists, skills)
	if err != nil {
		return nil, err
	}
	out := make([]model.ReachableRole, len(cands))
	for i, c := range cands {
		path := make([]pathway.Role, 0, len(c.reach.Path))
		for _, id := range c.reach.Path {
			path = append(path, roles[id])
		}
		role := c.role
		b := &planBuilder{opt: planOptions{PlanOptions: opt, objective: model.PlanObjectiveCost}, graph: planGraphs[c.role.ID],
			skills: skills, gaps: gaps[i]}
		out[i] = model.ReachableRole{Role: &role, Score: c.reach.Score, Overlap: c.overlap, Steps: c.reach.Steps,
			Path: path, Gaps: gaps[i], WageGain: c.gain, Plan: b.plan(c.plan)}
	}
	return out, nil
}

func unique(ids []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func orMinus(v *float64) float64 {
	if v == nil {
		return -1e18
	}
	return *v
}

func orZero(v *int) int {
	if v == nil {
		return 0
	}
	return *v
}
