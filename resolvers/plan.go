package resolvers

import (
	"context"
	"fmt"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// planOptions are PlanOptions checked, with the choices Solve does not make.
type planOptions struct {
	pathway.PlanOptions
	objective      model.PlanObjective
	tradeOffFront  bool
	steppingStones bool
}

var objectives = map[model.PlanObjective]pathway.Objective{
	model.PlanObjectiveHours: pathway.ObjectiveHours,
	model.PlanObjectiveCost:  pathway.ObjectiveCost,
	model.PlanObjectiveWeeks: pathway.ObjectiveWeeks,
	model.PlanObjectiveSteps: pathway.ObjectiveSteps,
}

func planOptionsFrom(in *model.PlanOptions) (planOptions, error) {
	o := planOptions{objective: model.PlanObjectiveHours}
	if in == nil {
		return o, nil
	}
	if in.Objective != nil {
		o.objective = *in.Objective
		o.Objective = objectives[*in.Objective]
	}
	o.MaxCost, o.MaxHours, o.MaxWeeks, o.MaxCredentials = in.MaxCost, in.MaxHours, in.MaxWeeks, in.MaxCredentials
	for _, l := range []struct {
		name string
		v    *float64
	}{{"maxCost", in.MaxCost}, {"maxHours", in.MaxHours}, {"maxWeeks", in.MaxWeeks}} {
		if l.v != nil && *l.v < 0 {
			return o, fmt.Errorf("options.%s must be zero or more, got %g: %w", l.name, *l.v, pathway.ErrInvalid)
		}
	}
	if in.MaxCredentials != nil && *in.MaxCredentials < 0 {
		return o, fmt.Errorf("options.maxCredentials must be zero or more, got %d: %w", *in.MaxCredentials, pathway.ErrInvalid)
	}
	o.IncludePreferred = in.IncludePreferred != nil && *in.IncludePreferred
	o.SkillsFirst = in.SkillsFirst != nil && *in.SkillsFirst
	for _, id := range in.ExcludeCredentialIds {
		if err := pathway.ValidateID("options.excludeCredentialIds", id); err != nil {
			return o, err
		}
	}
	o.Exclude = in.ExcludeCredentialIds
	if in.Alternatives != nil {
		if *in.Alternatives < 1 || *in.Alternatives > pathway.MaxAlternatives {
			return o, fmt.Errorf("options.alternatives must be 1 to %d, got %d: %w", pathway.MaxAlternatives, *in.Alternatives, pathway.ErrInvalid)
		}
		o.Alternatives = *in.Alternatives
	}
	o.tradeOffFront = in.TradeOffFront != nil && *in.TradeOffFront
	o.steppingStones = in.SteppingStones != nil && *in.SteppingStones
	return o, nil
}

// checkCredentialsExist makes excluded ids that name nothing a NOT_FOUND:
// a typo should not silently plan with the credential it meant to exclude.
func (r *queryResolver) checkCredentialsExist(ctx context.Context, field string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	found, err := r.src.CredentialsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := found[id]; !ok {
			return fmt.Errorf("%s: no credential %q: %w", field, id, pathway.ErrNotFound)
		}
	}
	return nil
}

// planGraph fetches the candidate subgraph of plans into one role.
func (r *queryResolver) planGraph(ctx context.Context, to string) (*pathway.PlanGraph, error) {
	graphs, err := r.src.PlanGraphs(ctx, []string{to})
	if err != nil {
		return nil, err
	}
	g, ok := graphs[to]
	if !ok {
		return nil, fmt.Errorf("no role with id %q: %w", to, pathway.ErrNotFound)
	}
	return g, nil
}

func (r *queryResolver) upskillingPath(ctx context.Context, from model.ProfileInput, to string, options *model.PlanOptions) (*model.UpskillingPlan, error) {
	profile, err := r.profile(ctx, from)
	if err != nil {
		return nil, err
	}
	if err := pathway.ValidateID("to", to); err != nil {
		return nil, err
	}
	opt, err := planOptionsFrom(options)
	if err != nil {
		return nil, err
	}
	if err := r.checkCredentialsExist(ctx, "options.excludeCredentialIds", opt.Exclude); err != nil {
		return nil, err
	}
	held, _, err := r.src.Profile(ctx, profile)
	if err != nil {
		return nil, err
	}
	g, err := r.planGraph(ctx, to)
	if err != nil {
		return nil, err
	}
	req := g.Request(held)
	plans, err := pathway.Solve(ctx, req, opt.PlanOptions)
	if err != nil {
		return nil, err
	}
	if opt.steppingStones || !plans[0].Feasible {
		stone, err := r.viaSteppingStone(ctx, held, g, opt)
		if err != nil || stone != nil {
			return stone, err
		}
	}
	var front []pathway.Plan
	if opt.tradeOffFront {
		if front, err = pathway.ParetoFront(ctx, req, opt.PlanOptions); err != nil {
			return nil, err
		}
	}
	b, err := r.newPlanBuilder(ctx, held, g, nil, opt)
	if err != nil {
		return nil, err
	}
	out := b.plan(plans[0], 0)
	for _, p := range plans[1:] {
		out.Alternatives = append(out.Alternatives, *b.plan(p, 0))
	}
	for _, p := range front {
		out.TradeOffFront = append(out.TradeOffFront, *b.plan(p, 0))
	}
	return out, nil
}

// viaSteppingStone plans through the best of the roles whose overlap edges
// into the target are strongest (pathway.PlanViaStone); nil when none gives
// a feasible plan.
func (r *queryResolver) viaSteppingStone(ctx context.Context, held *pathway.Held, g *pathway.PlanGraph, opt planOptions) (*model.UpskillingPlan, error) {
	into, err := r.src.OverlapsInto(ctx, []string{g.RoleID}, pathway.StoneCandidates)
	if err != nil || len(into[g.RoleID]) == 0 {
		return nil, err
	}
	ids := make([]string, len(into[g.RoleID]))
	for i, o := range into[g.RoleID] {
		ids[i] = o.Role.ID
	}
	graphs, err := r.src.PlanGraphs(ctx, ids)
	if err != nil {
		return nil, err
	}
	stones := make([]*pathway.PlanGraph, len(ids))
	for i, id := range ids {
		stones[i] = graphs[id]
	}
	route, err := pathway.PlanViaStone(ctx, held, g, stones, opt.PlanOptions)
	if err != nil || route == nil {
		return nil, err
	}
	b, err := r.newPlanBuilder(ctx, held, g, route.Stone, opt)
	if err != nil {
		return nil, err
	}
	out := b.plan(route.Plan(), len(route.First.Steps))
	out.Via = []pathway.Role{route.Stone.Role}
	return out, nil
}

// planBuilder turns the planner's plans towards one role into their GraphQL
// form; it fetches the skills and gaps once, for every plan it builds.
type planBuilder struct {
	opt    planOptions
	graph  *pathway.PlanGraph
	stone  *pathway.PlanGraph // the stepping stone's, for a plan through one
	skills map[string]pathway.Skill
	gaps   []model.SkillGap
	raw    []pathway.SkillGap // the gaps as the domain sees them, for coverage
	// certified holds the gaps some credential closes, for coverage.
	certified map[cypher.GapKey]bool
}

func (r *queryResolver) newPlanBuilder(ctx context.Context, held *pathway.Held, g, stone *pathway.PlanGraph, opt planOptions) (*planBuilder, error) {
	bs, err := r.newPlanBuilders(ctx, []*pathway.Held{held}, g, stone, opt)
	if err != nil {
		return nil, err
	}
	return bs[0], nil
}

// newPlanBuilders makes a builder for each of many profiles towards one role
// (through a stepping stone, when stone is not nil) in two round trips: the
// skills the plans can close, and which of every profile's gaps some
// credential closes (not the credentials: closedBy reads those when asked).
func (r *queryResolver) newPlanBuilders(ctx context.Context, held []*pathway.Held, g, stone *pathway.PlanGraph, opt planOptions) ([]*planBuilder, error) {
	var ids []string
	for _, pg := range []*pathway.PlanGraph{g, stone} {
		if pg != nil {
			for _, t := range pg.Target {
				ids = append(ids, t.SkillID)
			}
		}
	}
	skills := map[string]pathway.Skill{}
	if len(ids) > 0 {
		var err error
		if skills, err = r.src.SkillsByIDs(ctx, ids); err != nil {
			return nil, err
		}
	}
	lists := make([][]pathway.SkillGap, len(held))
	for i, h := range held {
		lists[i] = pathway.Gaps(h.Skills, g.Target, opt.IncludePreferred)
	}
	gaps := skillGaps(lists, skills)
	certified, err := r.gapsCertified(ctx, lists...)
	if err != nil {
		return nil, err
	}
	out := make([]*planBuilder, len(held))
	for i := range held {
		out[i] = &planBuilder{opt: opt, graph: g, stone: stone, skills: skills, gaps: gaps[i], raw: lists[i], certified: certified}
	}
	return out, nil
}

// plan builds p; its first firstLeg steps lead into the stepping stone.
func (b *planBuilder) plan(p pathway.Plan, firstLeg int) *model.UpskillingPlan {
	role := b.graph.Role
	out := &model.UpskillingPlan{
		To: &role, Objective: b.opt.objective, Feasible: p.Feasible,
		Steps: []model.PlanStep{}, TotalCost: p.TotalCost, TotalHours: p.TotalHours, TotalWeeks: p.TotalWeeks,
		Optimal: p.Optimal, LowerBound: p.LowerBound, Gaps: b.gaps, Uncovered: []pathway.Skill{}, Via: []pathway.Role{},
		Alternatives: []model.UpskillingPlan{}, TradeOffFront: []model.UpskillingPlan{},
	}
	if p.Reason != "" {
		reason := p.Reason
		out.Reason = &reason
	}
	for _, id := range p.Uncovered {
		out.Uncovered = append(out.Uncovered, b.skill(id))
	}
	for i, s := range p.Steps {
		leg := b.graph
		if i < firstLeg {
			leg = b.stone
		}
		out.Steps = append(out.Steps, b.step(i+1, s, leg))
	}
	out.Coverage, out.Complete = b.coverage(p)
	return out
}

// coverage says how much of the required gap p closes and why the rest
// stays open; a gap is certified when any credential closes it (closedBy).
func (b *planBuilder) coverage(p pathway.Plan) (*model.PlanCoverage, bool) {
	c := pathway.Cover(p, b.raw, func(id string, level int) bool { return b.certified[cypher.GapKey{SkillID: id, Level: level}] })
	out := &model.PlanCoverage{RequiredGaps: c.Required, Closed: c.Closed, Share: c.Share, Open: []model.OpenGap{},
		Summary: c.Summary(p, b.graph.Role.Title, func(id string) string { return b.skill(id).Name })}
	for _, o := range c.Open {
		sk := b.skill(o.SkillID)
		out.Open = append(out.Open, model.OpenGap{Skill: &sk, Level: o.Level, HeldLevel: o.HeldLevel, Reason: model.OpenGapReason(o.Reason)})
	}
	return out, p.Feasible && c.Complete()
}

func (b *planBuilder) skill(id string) pathway.Skill {
	if s, ok := b.skills[id]; ok {
		return s
	}
	return pathway.Skill{ID: id, Name: id}
}

// step builds one step of the leg into leg's role, saying why it is there.
func (b *planBuilder) step(position int, s pathway.PlanStep, leg *pathway.PlanGraph) model.PlanStep {
	cred := leg.Credential(s.CredentialID)
	out := model.PlanStep{Position: position, Credential: &cred, Closes: []pathway.Skill{},
		Cost: s.Cost, Hours: s.Hours, Weeks: s.Weeks,
		MeetsCredentialRequirement: s.MeetsCredential, MeetsEducationRequirement: s.MeetsEducation,
		PrerequisiteOf: []pathway.Credential{}, StacksInto: []pathway.Credential{}, Why: []string{}}
	if leg != b.graph {
		stone := leg.Role
		out.Leg = &stone
	}
	target := leg.Role.Title
	if len(s.Closes) > 0 {
		names := make([]string, len(s.Closes))
		for i, id := range s.Closes {
			sk := b.skill(id)
			out.Closes = append(out.Closes, sk)
			names[i] = sk.Name
		}
		out.Why = append(out.Why, fmt.Sprintf("closes the gap in %s for %s", strings.Join(names, ", "), target))
	}
	if s.MeetsCredential {
		out.Why = append(out.Why, fmt.Sprintf("%s requires it", target))
	}
	if s.MeetsEducation {
		out.Why = append(out.Why, fmt.Sprintf("it confers the education level %s requires", target))
	}
	for _, id := range s.PrerequisiteOf {
		c := leg.Credential(id)
		out.PrerequisiteOf = append(out.PrerequisiteOf, c)
		out.Why = append(out.Why, fmt.Sprintf("it is a prerequisite of %s", c.Name))
	}
	for _, id := range s.StacksInto {
		c := leg.Credential(id)
		out.StacksInto = append(out.StacksInto, c)
		out.Why = append(out.Why, fmt.Sprintf("it carries credit into %s", c.Name))
	}
	return out
}

// maxCohort bounds a cohort: planning is exact search, and the question is
// for L&D teams planning one group.
const maxCohort = 200

func (r *queryResolver) cohortPlan(ctx context.Context, members []model.ProfileInput, to string, options *model.CohortOptions) (*model.CohortPlan, error) {
	if len(members) == 0 || len(members) > maxCohort {
		return nil, fmt.Errorf("members must list 1 to %d profiles, got %d: %w", maxCohort, len(members), pathway.ErrInvalid)
	}
	profiles, err := r.profiles(ctx, members)
	if err != nil {
		return nil, err
	}
	if err := pathway.ValidateID("to", to); err != nil {
		return nil, err
	}
	var opt planOptions
	var budget *float64
	if options != nil {
		var err error
		if opt, err = planOptionsFrom(options.Plan); err != nil {
			return nil, err
		}
		if options.Budget != nil && *options.Budget < 0 {
			return nil, fmt.Errorf("options.budget must be zero or more, got %g: %w", *options.Budget, pathway.ErrInvalid)
		}
		budget = options.Budget
	}
	// The cohort's objective is what it spends.
	opt.Objective, opt.objective = pathway.ObjectiveCost, model.PlanObjectiveCost
	opt.Alternatives = 0
	if err := r.checkCredentialsExist(ctx, "options.plan.excludeCredentialIds", opt.Exclude); err != nil {
		return nil, err
	}
	held, _, err := r.src.Profiles(ctx, profiles)
	if err != nil {
		return nil, err
	}
	g, err := r.planGraph(ctx, to)
	if err != nil {
		return nil, err
	}
	reqs := make([]pathway.PlanRequest, len(held))
	for i, h := range held {
		reqs[i] = g.Request(h)
	}
	cp, err := pathway.SolveCohort(ctx, reqs, pathway.CohortOptions{PlanOptions: opt.PlanOptions, Budget: budget})
	if err != nil {
		return nil, err
	}
	role := g.Role
	out := &model.CohortPlan{To: &role, Members: []model.CohortMember{}, Credentials: []model.CohortCredential{},
		PooledGap: []model.PooledGapSkill{}, TotalCost: cp.TotalCost, Ready: cp.Ready, Optimal: cp.Optimal, LowerBound: cp.LowerBound}
	builders, err := r.newPlanBuilders(ctx, held, g, nil, opt)
	if err != nil {
		return nil, err
	}
	for i, p := range cp.Members {
		out.Members = append(out.Members, model.CohortMember{Index: i, Ready: p.Feasible, Plan: builders[i].plan(p, 0)})
	}
	b := builders[0]
	for _, c := range cp.Credentials {
		cred := g.Credential(c.CredentialID)
		out.Credentials = append(out.Credentials, model.CohortCredential{Credential: &cred, Takers: c.Takers, CohortCost: c.CohortCost})
	}
	for _, pg := range cp.PooledGap {
		sk := b.skill(pg.SkillID)
		out.PooledGap = append(out.PooledGap, model.PooledGapSkill{Skill: &sk, Members: pg.Members})
	}
	return out, nil
}
