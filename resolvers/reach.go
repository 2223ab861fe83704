package resolvers

import (
	"context"
	"fmt"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// profileFrom checks a profile input and turns it into the domain's profile.
func profileFrom(in model.ProfileInput) (pathway.Profile, error) {
	var p pathway.Profile
	if in.RoleID == nil && len(in.Skills) == 0 && len(in.CredentialIds) == 0 && in.EducationLevelID == nil && len(in.Records) == 0 &&
		in.InterestCode == nil && in.InterestScores == nil {
		return p, fmt.Errorf("the profile is empty: give a roleId, skills, credentialIds, an educationLevelId, interests or records: %w", pathway.ErrInvalid)
	}
	switch {
	case in.InterestCode != nil && in.InterestScores != nil:
		return p, fmt.Errorf("give interestCode or interestScores, not both: %w", pathway.ErrInvalid)
	case in.InterestCode != nil:
		v, err := pathway.InterestsFromCode(*in.InterestCode)
		if err != nil {
			return p, err
		}
		p.Interests = v
	case in.InterestScores != nil:
		if err := pathway.ValidateInterests("interestScores", in.InterestScores); err != nil {
			return p, err
		}
		p.Interests = in.InterestScores
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
	if in.EducationField != nil {
		if in.EducationLevelID == nil {
			return p, fmt.Errorf("educationField needs an educationLevelId: the field is the field of that level: %w", pathway.ErrInvalid)
		}
		if err := pathway.ValidateFieldOfStudy("educationField", in.EducationField); err != nil {
			return p, err
		}
		p.EducationField = *in.EducationField
	}
	return p, nil
}

// reachLimits checks the limits of reachableRoles, resolving the education
// ceiling's id to its rank (one round trip when there is one).
func (r *queryResolver) reachLimits(ctx context.Context, in *model.ReachLimits) (pathway.ReachLimits, error) {
	l := pathway.ReachLimits{MaxSteps: 1}
	if in == nil {
		return l, nil
	}
	if in.MaxSteps != nil {
		l.MaxSteps = *in.MaxSteps
	}
	if in.MinOverlap != nil {
		l.MinOverlap = *in.MinOverlap
	}
	l.Industry, l.MaxCost, l.MaxHours = in.Industry, in.MaxCost, in.MaxHours
	if err := l.Check(); err != nil {
		return l, err
	}
	if id := in.MaxEducationLevelID; id != nil {
		if err := pathway.ValidateID("limits.maxEducationLevelId", *id); err != nil {
			return l, err
		}
		levels, err := r.src.EducationLevelsByIDs(ctx, []string{*id})
		if err != nil {
			return l, err
		}
		e, ok := levels[*id]
		if !ok {
			return l, fmt.Errorf("limits.maxEducationLevelId: no education level %q: %w", *id, pathway.ErrNotFound)
		}
		l.MaxEducationRank = &e.Rank
	}
	return l, nil
}

var reachOrders = map[model.ReachOrder]pathway.ReachOrder{
	model.ReachOrderRelatedness: pathway.OrderRelatedness,
	model.ReachOrderWageGain:    pathway.OrderWageGain,
	model.ReachOrderDemand:      pathway.OrderDemand,
	model.ReachOrderPlanCost:    pathway.OrderPlanCost,
}

// showsPlans tells whether the query asks reachableRoles for a plan or what
// is drawn from one; when it does not, the roles are not planned
// (ReachQuery.SkipPlans).
func showsPlans(ctx context.Context) bool {
	return selects(ctx, "plan", "openNow", "learnedOnTheJob", "firstStep")
}

// selects tells whether the query selects one of names on the field's
// objects.
func selects(ctx context.Context, names ...string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if slices.Contains(names, f.Name) {
			return true
		}
	}
	return false
}

func (r *queryResolver) reachableRoles(ctx context.Context, from model.ProfileInput, limits *model.ReachLimits, orderBy *model.ReachOrder, first *int, skipPlans bool) ([]model.ReachableRole, error) {
	n, err := pageSize("first", first, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	profile, err := r.profile(ctx, from)
	if err != nil {
		return nil, err
	}
	lim, err := r.reachLimits(ctx, limits)
	if err != nil {
		return nil, err
	}
	held, start, err := r.src.Profile(ctx, profile)
	if err != nil {
		return nil, err
	}
	q := pathway.ReachQuery{Held: held, Start: start, RoleOnly: profile.RoleOnly(), Limits: lim, First: n, Interests: profile.Interests,
		SkipPlans: skipPlans}
	if orderBy != nil {
		q.Order = reachOrders[*orderBy]
	}
	reached, err := pathway.ReachableRoles(ctx, r.src, q)
	if err != nil {
		return nil, err
	}
	lists := make([][]pathway.SkillGap, len(reached))
	var profiles [][]pathway.RoleSkill
	for i, c := range reached {
		lists[i] = c.Gaps
		profiles = append(profiles, c.Profile)
	}
	skills := skillIndex(profiles...)
	gaps := skillGaps(lists, skills)
	// Only a planned role's coverage asks which gaps some credential closes.
	var planned [][]pathway.SkillGap
	for i, c := range reached {
		if c.Graph != nil {
			planned = append(planned, lists[i])
		}
	}
	certified, err := r.gapsCertified(ctx, planned...)
	if err != nil {
		return nil, err
	}
	opt := planOptions{PlanOptions: pathway.PlanOptions{Objective: pathway.ObjectiveCost, MaxCost: lim.MaxCost, MaxHours: lim.MaxHours},
		objective: model.PlanObjectiveCost}
	out := make([]model.ReachableRole, len(reached))
	for i, c := range reached {
		b := &planBuilder{opt: opt, graph: c.Graph, skills: skills, gaps: gaps[i], raw: lists[i], certified: certified}
		role := c.Role
		out[i] = model.ReachableRole{Role: &role, Score: c.Score, Overlap: c.Overlap, Steps: c.Steps,
			Path: c.Path, Gaps: gaps[i], WageGain: c.WageGain, OpenNow: c.OpenNow,
			LearnedOnTheJob: []pathway.Skill{}, InterestMatch: c.InterestMatch}
		if c.Graph == nil {
			continue // not planned: the query shows nothing drawn from a plan
		}
		out[i].Plan = b.plan(c.Plan, 0)
		if c.OpenNow {
			for _, g := range c.Gaps {
				out[i].LearnedOnTheJob = append(out[i].LearnedOnTheJob, b.skill(g.SkillID))
			}
		}
		if len(c.Plan.Steps) > 0 {
			first := c.Graph.Credential(c.Plan.Steps[0].CredentialID)
			out[i].FirstStep = &first
		}
	}
	return out, nil
}
