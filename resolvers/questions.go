package resolvers

import (
	"context"
	"fmt"
	"sort"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// The career questions: each fetches what it needs in a fixed number of
// round trips and leaves the reasoning to the pathway package.

func (r *queryResolver) SkillsMap(ctx context.Context, from string, to string, includePreferred *bool) (*model.SkillsMap, error) {
	held, fromRole, err := r.store.Profile(ctx, pathway.Profile{RoleID: from})
	if err != nil {
		return nil, err
	}
	roles, err := r.store.RolesByIDs(ctx, []string{to})
	if err != nil {
		return nil, err
	}
	toRole, ok := roles[to]
	if !ok {
		return nil, fmt.Errorf("no role with id %q: %w", to, pathway.ErrNotFound)
	}
	profiles, err := r.store.RoleSkills(ctx, []string{from, to})
	if err != nil {
		return nil, err
	}
	skills := skillIndex(profiles[from], profiles[to])
	toReqs := requirements(profiles[to])
	gaps, err := r.skillGaps(ctx, [][]pathway.SkillGap{pathway.Gaps(held.Skills, toReqs, includePreferred != nil && *includePreferred)}, skills)
	if err != nil {
		return nil, err
	}
	out := &model.SkillsMap{From: fromRole, To: &toRole, Overlap: []model.SkillOverlap{}, Gaps: gaps[0],
		Readiness: round4(pathway.Coverage(held.Skills, pathway.RequiredOnly(toReqs)))}
	for _, sh := range pathway.SharedSkills(requirements(profiles[from]), toReqs) {
		sk := skills[sh.SkillID]
		out.Overlap = append(out.Overlap, model.SkillOverlap{Skill: &sk, FromLevel: sh.FromLevel, ToLevel: sh.ToLevel})
	}
	return out, nil
}

// skillGaps turns gaps into their GraphQL form with the credentials that
// close each one: those certifying it at the level needed, cheapest first.
// One round trip for all the lists.
func (r *queryResolver) skillGaps(ctx context.Context, lists [][]pathway.SkillGap, skills map[string]pathway.Skill) ([][]model.SkillGap, error) {
	var ids []string
	for _, gaps := range lists {
		for _, g := range gaps {
			ids = append(ids, g.SkillID)
		}
	}
	certs := map[string][]pathway.CertifiedSkill{}
	if len(ids) > 0 {
		var err error
		if certs, err = r.store.SkillCertifiedBy(ctx, unique(ids)); err != nil {
			return nil, err
		}
	}
	out := make([][]model.SkillGap, len(lists))
	for i, gaps := range lists {
		out[i] = make([]model.SkillGap, 0, len(gaps))
		for _, g := range gaps {
			closedBy := []pathway.Credential{}
			for _, c := range certs[g.SkillID] {
				if c.Level >= g.Level {
					closedBy = append(closedBy, c.Credential)
				}
			}
			sort.SliceStable(closedBy, func(i, j int) bool { return cheaper(closedBy[i], closedBy[j]) })
			sk := skills[g.SkillID]
			out[i] = append(out[i], model.SkillGap{Skill: &sk, Required: g.Required, Level: g.Level, HeldLevel: g.HeldLevel, ClosedBy: closedBy})
		}
	}
	return out, nil
}

// cheaper orders credentials by cost (unknown last), then hours, then name.
func cheaper(a, b pathway.Credential) bool {
	ca, cb := costOf(a.Cost), costOf(b.Cost)
	if ca != cb {
		return ca < cb
	}
	ha, hb := costOf(a.Hours), costOf(b.Hours)
	if ha != hb {
		return ha < hb
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.ID < b.ID
}

func costOf(v *float64) float64 {
	if v == nil {
		return 1e18
	}
	return *v
}

// skillIndex maps skill ids to the skills of some profiles.
func skillIndex(profiles ...[]pathway.RoleSkill) map[string]pathway.Skill {
	out := map[string]pathway.Skill{}
	for _, p := range profiles {
		for _, rs := range p {
			out[rs.Skill.ID] = rs.Skill
		}
	}
	return out
}

// requirements is a skills profile as the algorithms see it.
func requirements(profile []pathway.RoleSkill) []pathway.Requirement {
	out := make([]pathway.Requirement, len(profile))
	for i, rs := range profile {
		imp := 0.0
		if rs.Importance != nil {
			imp = *rs.Importance
		}
		out[i] = pathway.Requirement{SkillID: rs.Skill.ID, Level: rs.Level, Importance: imp, Required: rs.Required}
	}
	return out
}

func round4(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }

func (r *queryResolver) CredentialStack(ctx context.Context, id string) (*model.CredentialStack, error) {
	st, err := r.store.CredentialStack(ctx, id)
	if err != nil {
		return nil, err
	}
	byID := map[string]cypher.Rung{}
	ids := make([]string, len(st.Rungs))
	var credIDs, levelIDs []string
	for i, rung := range st.Rungs {
		byID[rung.ID] = rung
		ids[i] = rung.ID
		if rung.Credential != nil {
			credIDs = append(credIDs, rung.ID)
		} else {
			levelIDs = append(levelIDs, rung.ID)
		}
	}
	// One round trip each for what the credential rungs confer and require.
	confers, err := r.store.CredentialConfers(ctx, credIDs)
	if err != nil {
		return nil, err
	}
	prereqs, err := r.store.CredentialPrerequisites(ctx, credIDs)
	if err != nil {
		return nil, err
	}
	credRoles, err := r.store.CredentialRequiredBy(ctx, credIDs)
	if err != nil {
		return nil, err
	}
	for _, l := range confers {
		levelIDs = append(levelIDs, l.ID)
	}
	levelRoles, err := r.store.EducationRequiredBy(ctx, levelIDs)
	if err != nil {
		return nil, err
	}
	out := &model.CredentialStack{ID: id, Rungs: []model.StackRung{}}
	for pos, rid := range pathway.StackOrder(ids, st.Links) {
		rung := byID[rid]
		sr := model.StackRung{ID: rid, Position: pos, Opens: []model.OpenedRole{}}
		// The credit that matters is the largest carried in from a rung below.
		for _, l := range st.Links {
			if l.To == rid && l.CreditHours+l.CreditCost > sr.CreditHours+sr.CreditCost {
				sr.CreditHours, sr.CreditCost = l.CreditHours, l.CreditCost
			}
		}
		seen := map[string]bool{}
		open := func(roles []pathway.Role, how string) {
			for i := range roles {
				if !seen[roles[i].ID] {
					seen[roles[i].ID] = true
					sr.Opens = append(sr.Opens, model.OpenedRole{Role: &roles[i], Wage: roles[i].Wage(), How: how})
				}
			}
		}
		if c := rung.Credential; c != nil {
			sr.Name, sr.Kind, sr.Credential = c.Name, model.NodeKindCredential, c
			sr.Cost, sr.Hours, sr.Weeks = c.Cost, c.Hours, c.Weeks
			if l, ok := confers[rid]; ok {
				sr.EducationLevel = &l
			}
			sr.EducationRequired = lowestEducation(prereqs[rid])
			open(credRoles[rid], "CREDENTIAL")
			if sr.EducationLevel != nil {
				open(levelRoles[sr.EducationLevel.ID], "EDUCATION")
			}
		} else {
			l := *rung.Level
			sr.Name, sr.Kind, sr.EducationLevel = l.Name, model.NodeKindEducationLevel, &l
			open(levelRoles[rid], "EDUCATION")
		}
		out.Rungs = append(out.Rungs, sr)
	}
	return out, nil
}

// lowestEducation is the lowest education level any prerequisite group asks
// for: the least schooling that can start the rung.
func lowestEducation(groups []pathway.PrerequisiteGroup) *pathway.EducationLevel {
	var low *pathway.EducationLevel
	for _, g := range groups {
		for i := range g.EducationLevels {
			if low == nil || g.EducationLevels[i].Rank < low.Rank {
				low = &g.EducationLevels[i]
			}
		}
	}
	return low
}

func (r *queryResolver) RecredentialingCandidates(ctx context.Context, first *int) ([]model.RecredentialingCandidate, error) {
	n, err := pageSize("first", first, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	roles, err := r.store.DegreeRoles(ctx)
	if err != nil {
		return nil, err
	}
	type scored struct {
		role  pathway.Role
		score pathway.RecredentialingScore
	}
	all := make([]scored, 0, len(roles))
	for _, d := range roles {
		upward := 0
		for _, l := range d.MoveLevels {
			if pathway.LevelRank(&l) > pathway.LevelRank(d.Role.Level) {
				upward++
			}
		}
		v, t, adv := 0, 0.0, false
		if d.Role.Vacancies != nil {
			v = *d.Role.Vacancies
		}
		if d.Role.TurnoverRate != nil {
			t = *d.Role.TurnoverRate
		}
		if d.Role.AdvancementPotential != nil {
			adv = *d.Role.AdvancementPotential
		}
		all = append(all, scored{d.Role, pathway.ScoreRecredentialing(true, v, t, adv, upward)})
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].score.Score != all[j].score.Score {
			return all[i].score.Score > all[j].score.Score
		}
		return all[i].role.ID < all[j].role.ID
	})
	all = all[:min(n, len(all))]
	ids := make([]string, len(all))
	for i, s := range all {
		ids[i] = s.role.ID
	}
	profiles, err := r.store.RoleSkills(ctx, ids)
	if err != nil {
		return nil, err
	}
	page := make(map[string]pathway.Role, len(all))
	for _, sc := range all {
		page[sc.role.ID] = sc.role
	}
	opened, err := r.rolesOpened(ctx, ids, page)
	if err != nil {
		return nil, err
	}
	out := make([]model.RecredentialingCandidate, len(all))
	for i, s := range all {
		replacement := []pathway.RoleSkill{} // the store orders them by importance
		for _, rs := range profiles[s.role.ID] {
			if rs.Required {
				replacement = append(replacement, rs)
			}
		}
		role, sc := s.role, s.score
		out[i] = model.RecredentialingCandidate{Role: &role, Score: sc.Score, ReplacementSkills: replacement, RolesOpened: opened[role.ID],
			Criteria: &model.RecredentialingCriteria{DegreeInflation: sc.DegreeInflation, HiringInflux: sc.HiringInflux,
				RetentionChallenge: sc.RetentionChallenge, CareerPathways: sc.CareerPathways}}
	}
	return out, nil
}

// openedWithin is the learning-hours horizon of rolesOpened: a move that
// takes longer than about a year of part-time study is not open in practice.
const openedWithin = 2000.0

// rolesOpened counts, for each role, the roles below it (a lower level, with
// an overlap edge into it) whose people can plan their way into it within
// openedWithin hours in skills-first mode but not with its degree
// requirement. Three round trips for the whole page; roles holds the page's
// roles by id.
func (r *queryResolver) rolesOpened(ctx context.Context, ids []string, roles map[string]pathway.Role) (map[string]int, error) {
	into, err := r.store.OverlapsInto(ctx, ids, pathway.MaxOverlapsPerRole)
	if err != nil {
		return nil, err
	}
	graphs, err := r.store.PlanGraphs(ctx, ids)
	if err != nil {
		return nil, err
	}
	var below []string
	for _, id := range ids {
		for _, o := range into[id] {
			if pathway.LevelRank(o.Role.Level) < pathway.LevelRank(roles[id].Level) {
				below = append(below, o.Role.ID)
			}
		}
	}
	below = unique(below)
	profiles := make([]pathway.Profile, len(below))
	for i, id := range below {
		profiles[i] = pathway.Profile{RoleID: id}
	}
	held := map[string]*pathway.Held{}
	if len(below) > 0 {
		hs, _, err := r.store.Profiles(ctx, profiles)
		if err != nil {
			return nil, err
		}
		for i, id := range below {
			held[id] = hs[i]
		}
	}
	limit := openedWithin
	out := map[string]int{}
	for _, id := range ids {
		g := graphs[id]
		if g == nil {
			continue
		}
		for _, o := range into[id] {
			h := held[o.Role.ID]
			if h == nil || pathway.LevelRank(o.Role.Level) >= pathway.LevelRank(roles[id].Level) {
				continue
			}
			req := planRequest(h, g)
			opt := pathway.PlanOptions{Objective: pathway.ObjectiveHours, MaxHours: &limit}
			withDegree, err := pathway.Solve(req, opt)
			if err != nil {
				return nil, err
			}
			opt.SkillsFirst = true
			skillsFirst, err := pathway.Solve(req, opt)
			if err != nil {
				return nil, err
			}
			if skillsFirst[0].Feasible && !withDegree[0].Feasible {
				out[id]++
			}
		}
	}
	return out, nil
}
