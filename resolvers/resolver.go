// Package resolvers turns GraphQL requests into store and algorithm calls and
// their results into GraphQL types, and assembles the HTTP service: the
// handler, authentication, limits and the one error presenter.
package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/metrics"
	"github.com/lattice-pathways/lattice/pathway"
)

// Resolver is the root of the resolvers: the dependencies they share.
type Resolver struct {
	store *cypher.Store
	// src is store as the questions read it, through the read cache
	// (source.go).
	src     *source
	metrics *metrics.Metrics
	// noPrefetch leaves every nested read to the loaders (see prefetch.go),
	// for the tests that compare the two.
	noPrefetch bool
}

// Query returns the query resolvers.
func (r *Resolver) Query() graph.QueryResolver { return &queryResolver{r} }

// Mutation returns the mutation resolvers.
func (r *Resolver) Mutation() graph.MutationResolver { return &mutationResolver{r} }

// Role returns the Role field resolvers.
func (r *Resolver) Role() graph.RoleResolver { return &roleResolver{r} }

// Skill returns the Skill field resolvers.
func (r *Resolver) Skill() graph.SkillResolver { return &skillResolver{r} }

// SkillGap returns the SkillGap field resolvers.
func (r *Resolver) SkillGap() graph.SkillGapResolver { return &skillGapResolver{r} }

// Credential returns the Credential field resolvers.
func (r *Resolver) Credential() graph.CredentialResolver { return &credentialResolver{r} }

// EducationLevel returns the EducationLevel field resolvers.
func (r *Resolver) EducationLevel() graph.EducationLevelResolver { return &educationLevelResolver{r} }

type queryResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }
type roleResolver struct{ *Resolver }
type skillResolver struct{ *Resolver }
type skillGapResolver struct{ *Resolver }
type credentialResolver struct{ *Resolver }
type educationLevelResolver struct{ *Resolver }

func (r *roleResolver) Education(ctx context.Context, obj *pathway.Role) (*pathway.EducationLevel, error) {
	return loaders.EducationForRole(ctx, obj.ID)
}

func (r *roleResolver) DegreeRequired(ctx context.Context, obj *pathway.Role) (bool, error) {
	e, err := loaders.EducationForRole(ctx, obj.ID)
	return e != nil && e.Rank >= pathway.DegreeRank, err
}

func (r *roleResolver) Skills(ctx context.Context, obj *pathway.Role, required *bool) ([]pathway.RoleSkill, error) {
	all, err := loaders.SkillsForRole(ctx, obj.ID)
	if err != nil || required == nil {
		return all, err
	}
	if *required {
		return pathway.RequiredSkills(all), nil
	}
	return pathway.PreferredSkills(all), nil
}

func (r *roleResolver) SkillsProfile(ctx context.Context, obj *pathway.Role) ([]model.SkillCategory, error) {
	all, err := loaders.SkillsForRole(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	cats := pathway.SkillsByCategory(all)
	out := make([]model.SkillCategory, len(cats))
	for i, c := range cats {
		out[i] = model.SkillCategory{Name: c.Name, Required: c.Required, Preferred: c.Preferred}
	}
	return out, nil
}

func (r *roleResolver) Credentials(ctx context.Context, obj *pathway.Role) ([]pathway.Credential, error) {
	return loaders.CredentialsForRole(ctx, obj.ID)
}

func (r *roleResolver) Overlaps(ctx context.Context, obj *pathway.Role, first *int) ([]pathway.RoleOverlap, error) {
	n, err := pageSize("first", first, 10, 0, 100)
	if err != nil {
		return nil, err
	}
	return loaders.OverlapsForRole(ctx, obj.ID, n)
}

// certifiedSkillType is what a fragment under certifiedBy may be on.
var certifiedSkillType = []string{"CertifiedSkill"}

func (r *skillResolver) CertifiedBy(ctx context.Context, obj *pathway.Skill, first *int) ([]pathway.CertifiedSkill, error) {
	n, err := pageSize("first", first, 20, 0, loaders.MaxCertifiedBy)
	if err != nil {
		return nil, err
	}
	certs, err := loaders.CertifiedBy(ctx, obj.ID, n)
	if err != nil {
		return nil, err
	}
	if !has(graphql.CollectFieldsCtx(ctx, certifiedSkillType), "skill") {
		// The loaded edges as they are, shared and unchanged: a page of
		// nested roles asks this of thousands of skills.
		return certs, nil
	}
	out := make([]pathway.CertifiedSkill, len(certs))
	for i, c := range certs {
		c.Skill = *obj
		out[i] = c
	}
	return out, nil
}

func (r *skillGapResolver) ClosedBy(ctx context.Context, obj *model.SkillGap, first *int) ([]pathway.Credential, error) {
	n, err := pageSize("first", first, 10, 0, loaders.MaxClosedBy)
	if err != nil {
		return nil, err
	}
	return loaders.ClosedBy(ctx, obj.Skill.ID, obj.Level, n)
}

func (r *credentialResolver) Certifies(ctx context.Context, obj *pathway.Credential) ([]pathway.CertifiedSkill, error) {
	certs, err := loaders.Certifies(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	out := make([]pathway.CertifiedSkill, len(certs))
	for i, c := range certs {
		c.Credential = *obj
		out[i] = c
	}
	return out, nil
}

func (r *credentialResolver) Confers(ctx context.Context, obj *pathway.Credential) (*pathway.EducationLevel, error) {
	return loaders.Confers(ctx, obj.ID)
}

func (r *credentialResolver) Prerequisites(ctx context.Context, obj *pathway.Credential) ([]pathway.PrerequisiteGroup, error) {
	return loaders.Prerequisites(ctx, obj.ID)
}

func (r *credentialResolver) StacksInto(ctx context.Context, obj *pathway.Credential) ([]pathway.StackEdge, error) {
	return loaders.StacksInto(ctx, obj.ID)
}

func (r *credentialResolver) StacksFrom(ctx context.Context, obj *pathway.Credential) ([]pathway.StackEdge, error) {
	return loaders.StacksFrom(ctx, obj.ID)
}

func (r *credentialResolver) RequiredBy(ctx context.Context, obj *pathway.Credential) ([]pathway.Role, error) {
	return loaders.RequiredBy(ctx, obj.ID)
}

func (r *credentialResolver) PreparesFor(ctx context.Context, obj *pathway.Credential) ([]pathway.Role, error) {
	return loaders.PreparesFor(ctx, obj.ID)
}

func (r *educationLevelResolver) StacksInto(ctx context.Context, obj *pathway.EducationLevel) ([]pathway.EducationLevel, error) {
	return loaders.EducationStacksInto(ctx, obj.ID)
}

func (r *educationLevelResolver) ConferredBy(ctx context.Context, obj *pathway.EducationLevel) ([]pathway.Credential, error) {
	return loaders.ConferredBy(ctx, obj.ID)
}

func (r *roleResolver) Broader(ctx context.Context, obj *pathway.Role) ([]pathway.Role, error) {
	return loaders.BroaderRoles(ctx, obj.ID)
}

func (r *roleResolver) Narrower(ctx context.Context, obj *pathway.Role) ([]pathway.Role, error) {
	return loaders.NarrowerRoles(ctx, obj.ID)
}

func (r *skillResolver) Broader(ctx context.Context, obj *pathway.Skill) ([]pathway.Skill, error) {
	return loaders.BroaderSkills(ctx, obj.ID)
}

func (r *skillResolver) Narrower(ctx context.Context, obj *pathway.Skill) ([]pathway.Skill, error) {
	return loaders.NarrowerSkills(ctx, obj.ID)
}

func (r *skillResolver) SameAs(ctx context.Context, obj *pathway.Skill) ([]pathway.Skill, error) {
	return loaders.SameSkills(ctx, obj.ID)
}

func (r *roleResolver) Interests(ctx context.Context, obj *pathway.Role) (*model.Interests, error) {
	return interestsOf(obj.Interests), nil
}

// interestsOf is an interest profile in its GraphQL form; nil when unknown.
func interestsOf(v []float64) *model.Interests {
	if len(v) != len(pathway.RIASEC) {
		return nil
	}
	return &model.Interests{Realistic: v[0], Investigative: v[1], Artistic: v[2], Social: v[3], Enterprising: v[4],
		Conventional: v[5], Code: pathway.HollandCode(v)}
}
