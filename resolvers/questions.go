package resolvers

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// The career questions: each fetches what it needs in a fixed number of
// round trips and leaves the reasoning to the pathway package.

func (r *queryResolver) skillsMap(ctx context.Context, from string, to string, includePreferred *bool) (*model.SkillsMap, error) {
	held, fromRole, err := r.src.Profile(ctx, pathway.Profile{RoleID: from})
	if err != nil {
		return nil, err
	}
	roles, err := r.src.RolesByIDs(ctx, []string{to})
	if err != nil {
		return nil, err
	}
	toRole, ok := roles[to]
	if !ok {
		return nil, fmt.Errorf("no role with id %q: %w", to, pathway.ErrNotFound)
	}
	profiles, err := r.src.RoleSkills(ctx, []string{from, to})
	if err != nil {
		return nil, err
	}
	skills := skillIndex(profiles[from], profiles[to])
	toReqs := pathway.Requirements(profiles[to])
	gaps := skillGaps([][]pathway.SkillGap{pathway.Gaps(held.Skills, toReqs, includePreferred != nil && *includePreferred)}, skills)
	out := &model.SkillsMap{From: fromRole, To: &toRole, Overlap: []model.SkillOverlap{}, Gaps: gaps[0],
		Readiness: pathway.Readiness(held.Skills, toReqs)}
	for _, sh := range pathway.SharedSkills(pathway.Requirements(profiles[from]), toReqs) {
		sk := skills[sh.SkillID]
		out.Overlap = append(out.Overlap, model.SkillOverlap{Skill: &sk, FromLevel: sh.FromLevel, ToLevel: sh.ToLevel})
	}
	return out, nil
}

// skillGaps turns gaps into their GraphQL form. It reads nothing: a gap's
// closedBy is a field resolver, read (in one batch for the answer) only when
// the query selects it.
func skillGaps(lists [][]pathway.SkillGap, skills map[string]pathway.Skill) [][]model.SkillGap {
	out := make([][]model.SkillGap, len(lists))
	for i, gaps := range lists {
		out[i] = make([]model.SkillGap, 0, len(gaps))
		for _, g := range gaps {
			sk := skills[g.SkillID]
			out[i] = append(out[i], model.SkillGap{Skill: &sk, Required: g.Required, Level: g.Level, HeldLevel: g.HeldLevel, Foundational: g.Foundational})
		}
	}
	return out
}

// gapsCertified tells which of the gaps some credential closes, in one
// round trip for all the lists (none when there is no gap).
func (r *queryResolver) gapsCertified(ctx context.Context, lists ...[]pathway.SkillGap) (map[cypher.GapKey]bool, error) {
	var keys []cypher.GapKey
	for _, gaps := range lists {
		for _, g := range gaps {
			keys = append(keys, cypher.GapKey{SkillID: g.SkillID, Level: g.Level})
		}
	}
	slices.SortFunc(keys, func(a, b cypher.GapKey) int {
		return cmp.Or(cmp.Compare(a.SkillID, b.SkillID), cmp.Compare(a.Level, b.Level))
	})
	return r.src.GapsCertified(ctx, slices.Compact(keys))
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

func (r *queryResolver) credentialStack(ctx context.Context, id string) (*model.CredentialStack, error) {
	st, err := r.src.CredentialStack(ctx, id)
	if err != nil {
		return nil, err
	}
	f, err := stackFacts(ctx, r.src, st)
	if err != nil {
		return nil, err
	}
	out := &model.CredentialStack{ID: id, Rungs: []model.StackRung{}}
	for _, lr := range pathway.Ladder(st, f) {
		sr := model.StackRung{ID: lr.ID, Position: lr.Position, CreditHours: lr.CreditHours, CreditCost: lr.CreditCost,
			EducationLevel: lr.EducationLevel, EducationRequired: lr.EducationRequired, Opens: []model.OpenedRole{}}
		if c := lr.Credential; c != nil {
			sr.Name, sr.Kind, sr.Credential = c.Name, model.NodeKindCredential, c
			sr.Cost, sr.Hours, sr.Weeks = c.Cost, c.Hours, c.Weeks
		} else {
			sr.Name, sr.Kind = lr.Level.Name, model.NodeKindEducationLevel
		}
		for _, o := range lr.Opens {
			role := o.Role
			sr.Opens = append(sr.Opens, model.OpenedRole{Role: &role, Wage: role.Wage(), How: o.How})
		}
		out.Rungs = append(out.Rungs, sr)
	}
	return out, nil
}

// stackFacts reads what the rungs of stacks confer, require and open: one
// round trip each for the credential rungs' levels conferred,
// prerequisites, roles requiring them and roles they prepare for, and one for
// the roles the education levels (rungs and conferred) open. The warm-up
// reads many stacks' facts at once through it.
func stackFacts(ctx context.Context, src *source, stacks ...pathway.Stack) (f pathway.StackFacts, err error) {
	var credIDs, levelIDs []string
	for _, st := range stacks {
		for _, rung := range st.Rungs {
			if rung.Credential != nil {
				credIDs = append(credIDs, rung.ID)
			} else {
				levelIDs = append(levelIDs, rung.ID)
			}
		}
	}
	credIDs, levelIDs = sortedUnique(credIDs), sortedUnique(levelIDs)
	if f.Confers, err = src.CredentialConfers(ctx, credIDs); err != nil {
		return f, err
	}
	if f.Prerequisites, err = src.CredentialPrerequisites(ctx, credIDs); err != nil {
		return f, err
	}
	if f.CredentialRoles, err = src.CredentialRequiredBy(ctx, credIDs); err != nil {
		return f, err
	}
	for _, l := range f.Confers {
		levelIDs = append(levelIDs, l.ID)
	}
	if f.LevelRoles, f.AnyField, err = src.EducationRequiredBy(ctx, levelIDs); err != nil {
		return f, err
	}
	if f.Prepares, err = src.CredentialPreparesFor(ctx, credIDs); err != nil {
		return f, err
	}
	return f, nil
}

// recredentialingCandidates ranks the roles; unless skipOpened it counts the
// roles each opens, which plans every role below its degree.
func (r *queryResolver) recredentialingCandidates(ctx context.Context, first *int, skipOpened bool) ([]model.RecredentialingCandidate, error) {
	n, err := pageSize("first", first, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	roles, err := r.store.DegreeRoles(ctx)
	if err != nil {
		return nil, err
	}
	ranked := pathway.RankRecredentialing(roles, n)
	page := make([]pathway.Role, len(ranked))
	ids := make([]string, len(ranked))
	for i, c := range ranked {
		page[i], ids[i] = c.Role, c.Role.ID
	}
	profiles, err := r.src.RoleSkills(ctx, ids)
	if err != nil {
		return nil, err
	}
	var opened map[string]int
	if !skipOpened {
		if opened, err = pathway.RolesOpened(ctx, r.src, page); err != nil {
			return nil, err
		}
	}
	out := make([]model.RecredentialingCandidate, len(ranked))
	for i, c := range ranked {
		role, sc := c.Role, c.Score
		out[i] = model.RecredentialingCandidate{Role: &role, Score: sc.Score,
			ReplacementSkills: pathway.RequiredSkills(profiles[role.ID]), RolesOpened: opened[role.ID],
			Criteria: &model.RecredentialingCriteria{DegreeInflation: sc.DegreeInflation, HiringInflux: sc.HiringInflux,
				RetentionChallenge: sc.RetentionChallenge, CareerPathways: sc.CareerPathways}}
	}
	return out, nil
}
