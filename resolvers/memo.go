package resolvers

import (
	"context"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// The root fields whose answers change only when the graph does are
// memoized in the read cache by the request's graph version, the field and
// its arguments (cache.Memo): a repeated question skips its reads and its
// planning, and identical questions asked at once are answered once. The
// results are shared: nothing may change them after they are returned.

func (r *queryResolver) ReachableRoles(ctx context.Context, from model.ProfileInput, limits *model.ReachLimits, orderBy *model.ReachOrder, first *int) ([]model.ReachableRole, error) {
	args := struct {
		From      model.ProfileInput
		Limits    *model.ReachLimits
		OrderBy   *model.ReachOrder
		First     *int
		SkipPlans bool // an answer without plans must not serve a query showing them
	}{from, limits, orderBy, first, !showsPlans(ctx)}
	return cache.Memo(ctx, "reachableRoles", args, func(ctx context.Context) ([]model.ReachableRole, error) {
		return r.reachableRoles(ctx, from, limits, orderBy, first, args.SkipPlans)
	})
}

func (r *queryResolver) UpskillingPath(ctx context.Context, from model.ProfileInput, to string, options *model.PlanOptions) (*model.UpskillingPlan, error) {
	args := struct {
		From    model.ProfileInput
		To      string
		Options *model.PlanOptions
	}{from, to, options}
	return cache.Memo(ctx, "upskillingPath", args, func(ctx context.Context) (*model.UpskillingPlan, error) {
		return r.upskillingPath(ctx, from, to, options)
	})
}

func (r *queryResolver) CohortPlan(ctx context.Context, members []model.ProfileInput, to string, options *model.CohortOptions) (*model.CohortPlan, error) {
	args := struct {
		Members []model.ProfileInput
		To      string
		Options *model.CohortOptions
	}{members, to, options}
	return cache.Memo(ctx, "cohortPlan", args, func(ctx context.Context) (*model.CohortPlan, error) {
		return r.cohortPlan(ctx, members, to, options)
	})
}

func (r *queryResolver) SkillsMap(ctx context.Context, from string, to string, includePreferred *bool) (*model.SkillsMap, error) {
	args := struct {
		From, To         string
		IncludePreferred *bool
	}{from, to, includePreferred}
	return cache.Memo(ctx, "skillsMap", args, func(ctx context.Context) (*model.SkillsMap, error) {
		return r.skillsMap(ctx, from, to, includePreferred)
	})
}

func (r *queryResolver) CredentialStack(ctx context.Context, id string) (*model.CredentialStack, error) {
	return cache.Memo(ctx, "credentialStack", id, func(ctx context.Context) (*model.CredentialStack, error) {
		return r.credentialStack(ctx, id)
	})
}

func (r *queryResolver) RecredentialingCandidates(ctx context.Context, first *int) ([]model.RecredentialingCandidate, error) {
	args := struct {
		First      *int
		SkipOpened bool // an answer without rolesOpened must not serve a query showing it
	}{first, !selects(ctx, "rolesOpened")}
	return cache.Memo(ctx, "recredentialingCandidates", args, func(ctx context.Context) ([]model.RecredentialingCandidate, error) {
		return r.recredentialingCandidates(ctx, first, args.SkipOpened)
	})
}

func (r *queryResolver) Role(ctx context.Context, id string) (*pathway.Role, error) {
	return cache.Memo(ctx, "role", id, func(ctx context.Context) (*pathway.Role, error) {
		return r.roleRead(ctx, id)
	})
}

func (r *queryResolver) Roles(ctx context.Context, filter *model.RoleFilter, first *int, after *string) (*model.RoleConnection, error) {
	return cache.Memo(ctx, "roles", rolesArgs{filter, first, after}, func(ctx context.Context) (*model.RoleConnection, error) {
		return r.roles(ctx, filter, first, after)
	})
}

// rolesArgs key the memo of roles(...), which the warm-up fills too.
type rolesArgs struct {
	Filter *model.RoleFilter
	First  *int
	After  *string
}

func (r *queryResolver) EducationLevels(ctx context.Context) ([]pathway.EducationLevel, error) {
	return cache.Memo(ctx, "educationLevels", nil, r.educationLevels)
}

func (r *queryResolver) Search(ctx context.Context, text string, first *int) ([]model.SearchHit, error) {
	args := struct {
		Text  string
		First *int
	}{text, first}
	return cache.Memo(ctx, "search", args, func(ctx context.Context) ([]model.SearchHit, error) {
		return r.search(ctx, text, first)
	})
}
