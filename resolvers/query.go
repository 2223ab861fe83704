package resolvers

import (
	"context"
	"fmt"

	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

func (r *queryResolver) Role(ctx context.Context, id string) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *queryResolver) Roles(ctx context.Context, filter *model.RoleFilter, first *int, after *string) (*model.RoleConnection, error) {
	return nil, errTodo
}
func (r *queryResolver) Skill(ctx context.Context, id string) (*pathway.Skill, error) {
	return nil, errTodo
}
func (r *queryResolver) Credential(ctx context.Context, id string) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *queryResolver) EducationLevels(ctx context.Context) ([]pathway.EducationLevel, error) {
	return nil, errTodo
}
func (r *queryResolver) Search(ctx context.Context, text string, first *int) ([]model.SearchHit, error) {
	return nil, errTodo
}
func (r *queryResolver) SkillsMap(ctx context.Context, from string, to string, includePreferred *bool) (*model.SkillsMap, error) {
	return nil, errTodo
}
func (r *queryResolver) CredentialStack(ctx context.Context, id string) (*model.CredentialStack, error) {
	return nil, errTodo
}
func (r *queryResolver) ReachableRoles(ctx context.Context, from model.ProfileInput, limits *model.ReachLimits, orderBy *model.ReachOrder, first *int) ([]model.ReachableRole, error) {
	return nil, errTodo
}
func (r *queryResolver) RecredentialingCandidates(ctx context.Context, first *int) ([]model.RecredentialingCandidate, error) {
	return nil, errTodo
}

// pageSize reads a page-size argument: def when absent, else it must lie in [lo, hi].
func pageSize(name string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, fmt.Errorf("%s must be %d to %d, got %d: %w", name, lo, hi, *v, pathway.ErrInvalid)
	}
	return *v, nil
}
