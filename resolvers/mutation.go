package resolvers

import (
	"context"
	"errors"

	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

var errTodo = errors.New("not implemented yet")

func (r *mutationResolver) CreateRole(ctx context.Context, input model.CreateRoleInput) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateRole(ctx context.Context, id string, input model.UpdateRoleInput) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteRole(ctx context.Context, id string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateSkill(ctx context.Context, input model.CreateSkillInput) (*pathway.Skill, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateSkill(ctx context.Context, id string, input model.UpdateSkillInput) (*pathway.Skill, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteSkill(ctx context.Context, id string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateCredential(ctx context.Context, input model.CreateCredentialInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateCredential(ctx context.Context, id string, input model.UpdateCredentialInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteCredential(ctx context.Context, id string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateEducationLevel(ctx context.Context, input model.CreateEducationLevelInput) (*pathway.EducationLevel, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateEducationLevel(ctx context.Context, id string, input model.UpdateEducationLevelInput) (*pathway.EducationLevel, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteEducationLevel(ctx context.Context, id string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateRoleSkill(ctx context.Context, input model.RoleSkillInput) (*pathway.RoleSkill, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateRoleSkill(ctx context.Context, input model.RoleSkillInput) (*pathway.RoleSkill, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteRoleSkill(ctx context.Context, roleID string, skillID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateRoleCredential(ctx context.Context, roleID string, credentialID string) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteRoleCredential(ctx context.Context, roleID string, credentialID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateRoleEducation(ctx context.Context, roleID string, educationLevelID string) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateRoleEducation(ctx context.Context, roleID string, educationLevelID string) (*pathway.Role, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteRoleEducation(ctx context.Context, roleID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateCertification(ctx context.Context, input model.CertificationInput) (*pathway.CertifiedSkill, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateCertification(ctx context.Context, input model.CertificationInput) (*pathway.CertifiedSkill, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteCertification(ctx context.Context, credentialID string, skillID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreatePrerequisite(ctx context.Context, input model.PrerequisiteInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdatePrerequisite(ctx context.Context, input model.PrerequisiteInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeletePrerequisite(ctx context.Context, credentialID string, prerequisiteID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateConferral(ctx context.Context, credentialID string, educationLevelID string) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteConferral(ctx context.Context, credentialID string, educationLevelID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateStacking(ctx context.Context, input model.StackingInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) UpdateStacking(ctx context.Context, input model.StackingInput) (*pathway.Credential, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteStacking(ctx context.Context, fromID string, toID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateEducationStacking(ctx context.Context, fromID string, toID string) (*pathway.EducationLevel, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteEducationStacking(ctx context.Context, fromID string, toID string) (*model.DeletePayload, error) {
	return nil, errTodo
}
func (r *mutationResolver) CreateSkillRelation(ctx context.Context, input model.SkillRelationInput) (*pathway.Skill, error) {
	return nil, errTodo
}
func (r *mutationResolver) DeleteSkillRelation(ctx context.Context, input model.SkillRelationInput) (*model.DeletePayload, error) {
	return nil, errTodo
}
