package resolvers

import (
	"context"
	"fmt"
	"sort"

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
	found, err := r.store.CredentialsByIDs(ctx, ids)
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
func (r *queryResolver) planGraph(ctx context.Context, to string) (*cypher.PlanGraph, error) {
	graphs, err := r.store.PlanGraphs(ctx, []string{to})
	if err != nil {
		return nil, err
	}
	g, ok := graphs[to]
	if !ok {
		return nil, fmt.Errorf("no role with id %q: %w", to, pathway.ErrNotFound)
	}
	return g, nil
}

// planRequest is the planner's question: what held holds, towards g.
func planRequest(held *pathway.Held, g *cypher.PlanGraph) pathway.PlanRequest {
	req := pathway.PlanRequest{
		HeldSkills:          held.Skills,
		EducationRank:       held.EducationRank,
		Target:              g.Target,
		TargetCredentials:   g.TargetCredentials,
		TargetEducationRank: g.TargetEducationRank,
		Candidates:          g.Candidates,
	}
	for id := range held.Credentials {
		req.HeldCredentials = append(req.HeldCredentials, id)
	}
	sort.Strings(req.HeldCredentials)
	return req
}

func (r *queryResolver) UpskillingPath(ctx context.Context, from model.ProfileInput, to string, options *model.PlanOptions) (*model.UpskillingPlan, error) {
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
	held, _, err := r.store.Profile(ctx, profile)
	if err != nil {
		return nil, err
	}
	g, err := r.planGraph(ctx, to)
	if err != nil {
		return nil, err
	}
	req := planRequest(held, g)
	plans, err := pathway.Solve(req, opt.PlanOptions)
	if err != nil {
		return nil, err
	}
	b, err := r.newPlanBuilder(ctx, held, g, opt)
	if err != nil {
		return nil, err
	}
	if opt.steppingStones || !plans[0].Feasible {
		stone, err := r.steppingStone(ctx, held, b, opt, plans[0])
		if err != nil {
			return nil, err
		}
		if stone != nil {
			return stone, nil
		}
	}
	var front []pathway.Plan
	if opt.tradeOffFront {
		if front, err = pathway.ParetoFront(req, opt.PlanOptions); err != nil {
			return nil, err
		}
	}
	out := b.plan(plans[0])
	for _, p := range plans[1:] {
		out.Alternatives = append(out.Alternatives, *b.plan(p))
	}
	for _, p := range front {
		out.TradeOffFront = append(out.TradeOffFront, *b.plan(p))
	}
	return out, nil
}

// planBuilder turns the planner's plans towards one role into their GraphQL
// form; it fetches the skills and gaps once, for every plan it builds.
type planBuilder struct {
	opt       planOptions
	graph     *cypher.PlanGraph
	skills    map[string]pathway.Skill
	gaps      []model.SkillGap
	stoneRole *pathway.Role
}

func (r *queryResolver) newPlanBuilder(ctx context.Context, held *pathway.Held, g *cypher.PlanGraph, opt planOptions) (*planBuilder, error) {
	bs, err := r.newPlanBuilders(ctx, []*pathway.Held{held}, g, opt)
	if err != nil {
		return nil, err
	}
	return bs[0], nil
}

// newPlanBuilders makes a builder for each of many profiles towards one role
// in two round trips: the target's skills, and the credentials that close
// every profile's gaps.
func (r *queryResolver) newPlanBuilders(ctx context.Context, held []*pathway.Held, g *cypher.PlanGraph, opt planOptions) ([]*planBuilder, error) {
	ids := make([]string, len(g.Target))
	for i, t := range g.Target {
		ids[i] = t.SkillID
	}
	skills := map[string]pathway.Skill{}
	if len(ids) > 0 {
		var err error
		if skills, err = r.store.SkillsByIDs(ctx, ids); err != nil {
			return nil, err
		}
	}
	lists := make([][]pathway.SkillGap, len(held))
	for i, h := range held {
		lists[i] = pathway.Gaps(h.Skills, g.Target, opt.IncludePreferred)
	}
	gaps, err := r.skillGaps(ctx, lists, skills)
	if err != nil {
		return nil, err
	}
	out := make([]*planBuilder, len(held))
	for i := range held {
		out[i] = &planBuilder{opt: opt, graph: g, skills: skills, gaps: gaps[i]}
	}
	return out, nil
}

func (b *planBuilder) plan(p pathway.Plan) *model.UpskillingPlan {
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
		out.Steps = append(out.Steps, b.step(i+1, s))
	}
	return out
}

func (b *planBuilder) skill(id string) pathway.Skill {
	if s, ok := b.skills[id]; ok {
		return s
	}
	return pathway.Skill{ID: id, Name: id}
}

func (b *planBuilder) credential(id string) pathway.Credential {
	if c, ok := b.graph.Credentials[id]; ok {
		return c
	}
	return pathway.Credential{ID: id, Name: id}
}

func (b *planBuilder) step(position int, s pathway.PlanStep) model.PlanStep {
	cred := b.credential(s.CredentialID)
	out := model.PlanStep{Position: position, Credential: &cred, Closes: []pathway.Skill{},
		Cost: s.Cost, Hours: s.Hours, Weeks: s.Weeks,
		MeetsCredentialRequirement: s.MeetsCredential, MeetsEducationRequirement: s.MeetsEducation,
		PrerequisiteOf: []pathway.Credential{}, StacksInto: []pathway.Credential{}, Leg: b.stoneRole, Why: []string{}}
	target := b.graph.Role.Title
	if b.stoneRole != nil {
		target = b.stoneRole.Title
	}
	if len(s.Closes) > 0 {
		names := ""
		for i, id := range s.Closes {
			sk := b.skill(id)
			out.Closes = append(out.Closes, sk)
			if i > 0 {
				names += ", "
			}
			names += sk.Name
		}
		out.Why = append(out.Why, fmt.Sprintf("closes the gap in %s for %s", names, target))
	}
	if s.MeetsCredential {
		out.Why = append(out.Why, fmt.Sprintf("%s requires it", target))
	}
	if s.MeetsEducation {
		out.Why = append(out.Why, fmt.Sprintf("it confers the education level %s requires", target))
	}
	for _, id := range s.PrerequisiteOf {
		c := b.credential(id)
		out.PrerequisiteOf = append(out.PrerequisiteOf, c)
		out.Why = append(out.Why, fmt.Sprintf("it is a prerequisite of %s", c.Name))
	}
	for _, id := range s.StacksInto {
		c := b.credential(id)
		out.StacksInto = append(out.StacksInto, c)
		out.Why = append(out.Why, fmt.Sprintf("it carries credit into %s", c.Name))
	}
	return out
}

// stoneCandidates is how many stepping-stone roles a plan tries: the roles
// whose overlap edges into the target are strongest.
const stoneCandidates = 10

// steppingStone plans through one intermediate role: a first leg into a role
// that leads to the target, then a second from that role, with what the
// first leg earned, into the target. Each leg keeps to the limits. It
// returns nil when no stone gives a feasible plan, or, unless stepping
// stones were asked for, when the direct plan is feasible.
// b builds plans into the target; its graph is the target's.
func (r *queryResolver) steppingStone(ctx context.Context, held *pathway.Held, b *planBuilder, opt planOptions, direct pathway.Plan) (*model.UpskillingPlan, error) {
	g := b.graph
	into, err := r.store.OverlapsInto(ctx, []string{g.RoleID}, stoneCandidates)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, o := range into[g.RoleID] {
		if o.Role.ID != held.RoleID {
			ids = append(ids, o.Role.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	graphs, err := r.store.PlanGraphs(ctx, ids)
	if err != nil {
		return nil, err
	}
	profiles, err := r.store.RoleSkills(ctx, ids)
	if err != nil {
		return nil, err
	}
	creds, err := r.store.RoleCredentials(ctx, ids)
	if err != nil {
		return nil, err
	}
	edu, err := r.store.RoleEducation(ctx, ids)
	if err != nil {
		return nil, err
	}
	legOpt := opt.PlanOptions
	legOpt.Alternatives = 1
	type route struct {
		stone      string
		leg1, leg2 pathway.Plan
		value      float64
	}
	var best *route
	for _, id := range ids {
		sg := graphs[id]
		if sg == nil {
			continue
		}
		leg1, err := pathway.Solve(planRequest(held, sg), legOpt)
		if err != nil {
			return nil, err
		}
		if !leg1[0].Feasible {
			continue
		}
		// In the stone role a person holds its required skills, credentials
		// and education, besides what they held and what the first leg earned.
		next := pathway.NewHeld()
		next.RoleID = id
		for s, l := range held.Skills {
			next.AddSkill(s, l)
		}
		for c := range held.Credentials {
			next.Credentials[c] = true
		}
		next.EducationRank = held.EducationRank
		for _, rs := range profiles[id] {
			if rs.Required {
				next.AddSkill(rs.Skill.ID, rs.Level)
			}
		}
		for _, c := range creds[id] {
			next.Credentials[c.ID] = true
		}
		if e, ok := edu[id]; ok {
			next.EducationRank = max(next.EducationRank, e.Rank)
		}
		for _, st := range leg1[0].Steps {
			next.Credentials[st.CredentialID] = true
			for _, c := range sg.Candidates {
				if c.ID == st.CredentialID {
					for s, l := range c.Certifies {
						next.AddSkill(s, l)
					}
					next.EducationRank = max(next.EducationRank, c.ConfersRank)
				}
			}
		}
		leg2, err := pathway.Solve(planRequest(next, g), legOpt)
		if err != nil {
			return nil, err
		}
		if !leg2[0].Feasible {
			continue
		}
		v := leg1[0].Objective(opt.Objective) + leg2[0].Objective(opt.Objective)
		if best == nil || v < best.value {
			best = &route{stone: id, leg1: leg1[0], leg2: leg2[0], value: v}
		}
	}
	if best == nil || (!opt.steppingStones && direct.Feasible) {
		return nil, nil
	}
	sg := graphs[best.stone]
	b1, err := r.newPlanBuilder(ctx, held, sg, opt)
	if err != nil {
		return nil, err
	}
	stone := sg.Role
	b1.stoneRole = &stone
	out := b.plan(best.leg2)
	first := b1.plan(best.leg1)
	out.Steps = append(first.Steps, out.Steps...)
	for i := range out.Steps {
		out.Steps[i].Position = i + 1
	}
	out.TotalCost += first.TotalCost
	out.TotalHours += first.TotalHours
	out.TotalWeeks += first.TotalWeeks
	out.LowerBound = best.leg1.LowerBound + best.leg2.LowerBound
	out.Optimal = best.leg1.Optimal && best.leg2.Optimal
	out.Via = []pathway.Role{stone}
	return out, nil
}

// maxCohort bounds a cohort: planning is exact search, and the question is
// for L&D teams planning one group.
const maxCohort = 200

func (r *queryResolver) CohortPlan(ctx context.Context, members []model.ProfileInput, to string, options *model.CohortOptions) (*model.CohortPlan, error) {
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
	held, _, err := r.store.Profiles(ctx, profiles)
	if err != nil {
		return nil, err
	}
	g, err := r.planGraph(ctx, to)
	if err != nil {
		return nil, err
	}
	reqs := make([]pathway.PlanRequest, len(held))
	for i, h := range held {
		reqs[i] = planRequest(h, g)
	}
	cp, err := pathway.SolveCohort(reqs, pathway.CohortOptions{PlanOptions: opt.PlanOptions, Budget: budget})
	if err != nil {
		return nil, err
	}
	role := g.Role
	out := &model.CohortPlan{To: &role, Members: []model.CohortMember{}, Credentials: []model.CohortCredential{},
		PooledGap: []model.PooledGapSkill{}, TotalCost: cp.TotalCost, Ready: cp.Ready, Optimal: cp.Optimal, LowerBound: cp.LowerBound}
	builders, err := r.newPlanBuilders(ctx, held, g, opt)
	if err != nil {
		return nil, err
	}
	for i, p := range cp.Members {
		out.Members = append(out.Members, model.CohortMember{Index: i, Ready: p.Feasible, Plan: builders[i].plan(p)})
	}
	b := builders[0]
	for _, c := range cp.Credentials {
		cred := b.credential(c.CredentialID)
		out.Credentials = append(out.Credentials, model.CohortCredential{Credential: &cred, Takers: c.Takers, CohortCost: c.CohortCost})
	}
	for _, pg := range cp.PooledGap {
		sk := b.skill(pg.SkillID)
		out.PooledGap = append(out.PooledGap, model.PooledGapSkill{Skill: &sk, Members: pg.Members})
	}
	return out, nil
}
