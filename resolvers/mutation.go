package resolvers

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/imports"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// The mutations map their inputs onto the store's writes, which validate
// them and run each in one transaction; authentication happened before
// (authFirst), so a resolver here only runs for a caller with the token.

// deleted is the payload of a delete that succeeded.
func deleted(id string, err error) (*model.DeletePayload, error) {
	if err != nil {
		return nil, err
	}
	return &model.DeletePayload{ID: id, Deleted: true}, nil
}

// ref returns a pointer to v, or nil with err, for resolvers returning one node.
func ref[T any](v T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func (r *mutationResolver) CreateRole(ctx context.Context, input pathway.Role) (*pathway.Role, error) {
	return ref(r.store.CreateRole(ctx, input))
}

func (r *mutationResolver) UpdateRole(ctx context.Context, id string, input pathway.RoleFields) (*pathway.Role, error) {
	return ref(r.store.UpdateRole(ctx, id, input))
}

func (r *mutationResolver) DeleteRole(ctx context.Context, id string) (*model.DeletePayload, error) {
	return deleted(id, r.store.DeleteRole(ctx, id))
}

func (r *mutationResolver) CreateSkill(ctx context.Context, input pathway.Skill) (*pathway.Skill, error) {
	return ref(r.store.CreateSkill(ctx, input))
}

func (r *mutationResolver) UpdateSkill(ctx context.Context, id string, input pathway.SkillFields) (*pathway.Skill, error) {
	return ref(r.store.UpdateSkill(ctx, id, input))
}

func (r *mutationResolver) DeleteSkill(ctx context.Context, id string) (*model.DeletePayload, error) {
	return deleted(id, r.store.DeleteSkill(ctx, id))
}

func (r *mutationResolver) CreateCredential(ctx context.Context, input pathway.Credential) (*pathway.Credential, error) {
	return ref(r.store.CreateCredential(ctx, input))
}

func (r *mutationResolver) UpdateCredential(ctx context.Context, id string, input pathway.CredentialFields) (*pathway.Credential, error) {
	return ref(r.store.UpdateCredential(ctx, id, input))
}

func (r *mutationResolver) DeleteCredential(ctx context.Context, id string) (*model.DeletePayload, error) {
	return deleted(id, r.store.DeleteCredential(ctx, id))
}

func (r *mutationResolver) CreateEducationLevel(ctx context.Context, input pathway.EducationLevel) (*pathway.EducationLevel, error) {
	return ref(r.store.CreateEducationLevel(ctx, input))
}

func (r *mutationResolver) UpdateEducationLevel(ctx context.Context, id string, input pathway.EducationFields) (*pathway.EducationLevel, error) {
	return ref(r.store.UpdateEducationLevel(ctx, id, input))
}

func (r *mutationResolver) DeleteEducationLevel(ctx context.Context, id string) (*model.DeletePayload, error) {
	return deleted(id, r.store.DeleteEducationLevel(ctx, id))
}

func roleSkillFields(input model.RoleSkillInput) cypher.RoleSkillFields {
	return cypher.RoleSkillFields{
		RoleID:     input.RoleID,
		SkillID:    input.SkillID,
		Level:      input.Level,
		Importance: input.Importance,
		Required:   input.Required,
	}
}

func (r *mutationResolver) CreateRoleSkill(ctx context.Context, input model.RoleSkillInput) (*pathway.RoleSkill, error) {
	return ref(r.store.CreateRoleSkill(ctx, roleSkillFields(input)))
}

func (r *mutationResolver) UpdateRoleSkill(ctx context.Context, input model.UpdateRoleSkillInput) (*pathway.RoleSkill, error) {
	return ref(r.store.UpdateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: input.RoleID, SkillID: input.SkillID,
		Level: input.Level, Importance: input.Importance, Required: input.Required}))
}

func (r *mutationResolver) DeleteRoleSkill(ctx context.Context, roleID string, skillID string) (*model.DeletePayload, error) {
	return deleted(roleID, r.store.DeleteRoleSkill(ctx, roleID, skillID))
}

func (r *mutationResolver) CreateRoleCredential(ctx context.Context, roleID string, credentialID string) (*pathway.Role, error) {
	return ref(r.store.CreateRoleCredential(ctx, roleID, credentialID))
}

func (r *mutationResolver) DeleteRoleCredential(ctx context.Context, roleID string, credentialID string) (*model.DeletePayload, error) {
	return deleted(roleID, r.store.DeleteRoleCredential(ctx, roleID, credentialID))
}

func (r *mutationResolver) CreatePreparation(ctx context.Context, credentialID string, roleID string) (*pathway.Credential, error) {
	return ref(r.store.CreatePreparation(ctx, credentialID, roleID))
}

func (r *mutationResolver) DeletePreparation(ctx context.Context, credentialID string, roleID string) (*model.DeletePayload, error) {
	return deleted(credentialID, r.store.DeletePreparation(ctx, credentialID, roleID))
}

func (r *mutationResolver) CreateRoleEducation(ctx context.Context, roleID string, educationLevelID string) (*pathway.Role, error) {
	return ref(r.store.CreateRoleEducation(ctx, roleID, educationLevelID))
}

func (r *mutationResolver) UpdateRoleEducation(ctx context.Context, roleID string, educationLevelID string) (*pathway.Role, error) {
	return ref(r.store.UpdateRoleEducation(ctx, roleID, educationLevelID))
}

func (r *mutationResolver) DeleteRoleEducation(ctx context.Context, roleID string) (*model.DeletePayload, error) {
	return deleted(roleID, r.store.DeleteRoleEducation(ctx, roleID))
}

func (r *mutationResolver) CreateCertification(ctx context.Context, input model.CertificationInput) (*pathway.CertifiedSkill, error) {
	return ref(r.store.CreateCertification(ctx, input.CredentialID, input.SkillID, input.Level))
}

func (r *mutationResolver) UpdateCertification(ctx context.Context, input model.CertificationInput) (*pathway.CertifiedSkill, error) {
	return ref(r.store.UpdateCertification(ctx, input.CredentialID, input.SkillID, input.Level))
}

func (r *mutationResolver) DeleteCertification(ctx context.Context, credentialID string, skillID string) (*model.DeletePayload, error) {
	return deleted(credentialID, r.store.DeleteCertification(ctx, credentialID, skillID))
}

func (r *mutationResolver) CreatePrerequisite(ctx context.Context, input model.PrerequisiteInput) (*pathway.Credential, error) {
	return ref(r.store.CreatePrerequisite(ctx, input.CredentialID, input.PrerequisiteID, input.Group))
}

func (r *mutationResolver) UpdatePrerequisite(ctx context.Context, input model.PrerequisiteInput) (*pathway.Credential, error) {
	return ref(r.store.UpdatePrerequisite(ctx, input.CredentialID, input.PrerequisiteID, input.Group))
}

func (r *mutationResolver) DeletePrerequisite(ctx context.Context, credentialID string, prerequisiteID string) (*model.DeletePayload, error) {
	return deleted(credentialID, r.store.DeletePrerequisite(ctx, credentialID, prerequisiteID))
}

func (r *mutationResolver) CreateConferral(ctx context.Context, credentialID string, educationLevelID string) (*pathway.Credential, error) {
	return ref(r.store.CreateConferral(ctx, credentialID, educationLevelID))
}

func (r *mutationResolver) DeleteConferral(ctx context.Context, credentialID string, educationLevelID string) (*model.DeletePayload, error) {
	return deleted(credentialID, r.store.DeleteConferral(ctx, credentialID, educationLevelID))
}

func stackingFields(input model.StackingInput) cypher.StackingFields {
	return cypher.StackingFields{FromID: input.FromID, ToID: input.ToID, CreditHours: input.CreditHours, CreditCost: input.CreditCost}
}

func (r *mutationResolver) CreateStacking(ctx context.Context, input model.StackingInput) (*pathway.Credential, error) {
	return ref(r.store.CreateStacking(ctx, stackingFields(input)))
}

func (r *mutationResolver) UpdateStacking(ctx context.Context, input model.UpdateStackingInput) (*pathway.Credential, error) {
	return ref(r.store.UpdateStacking(ctx, cypher.StackingFields{FromID: input.FromID, ToID: input.ToID,
		CreditHours: input.CreditHours, CreditCost: input.CreditCost}))
}

func (r *mutationResolver) DeleteStacking(ctx context.Context, fromID string, toID string) (*model.DeletePayload, error) {
	return deleted(fromID, r.store.DeleteStacking(ctx, fromID, toID))
}

func (r *mutationResolver) CreateEducationStacking(ctx context.Context, fromID string, toID string) (*pathway.EducationLevel, error) {
	return ref(r.store.CreateEducationStacking(ctx, fromID, toID))
}

func (r *mutationResolver) DeleteEducationStacking(ctx context.Context, fromID string, toID string) (*model.DeletePayload, error) {
	return deleted(fromID, r.store.DeleteEducationStacking(ctx, fromID, toID))
}

func (r *mutationResolver) CreateSkillRelation(ctx context.Context, input model.SkillRelationInput) (*pathway.Skill, error) {
	return ref(r.store.CreateSkillRelation(ctx, input.FromID, input.ToID, cypher.SkillRelation(input.Kind)))
}

func (r *mutationResolver) DeleteSkillRelation(ctx context.Context, input model.SkillRelationInput) (*model.DeletePayload, error) {
	return deleted(input.FromID, r.store.DeleteSkillRelation(ctx, input.FromID, input.ToID, cypher.SkillRelation(input.Kind)))
}

// maxImportBytes bounds importData: larger releases go through `lattice import`.
const maxImportBytes = 5 << 20

// importFormats maps the API's formats to the readers' names and the file
// extension the reader expects.
var importFormats = map[model.ImportFormat]struct{ format, ext string }{
	model.ImportFormatRolesCSV:        {"roles", ".csv"},
	model.ImportFormatCredentialsCSV:  {"credentials", ".csv"},
	model.ImportFormatCredentialsJSON: {"credentials", ".json"},
	model.ImportFormatCase:            {"case", ".json"},
	model.ImportFormatCtdl:            {"ctdl", ".json"},
}

func (r *mutationResolver) ImportData(ctx context.Context, format model.ImportFormat, data string) (*model.ImportReport, error) {
	start := time.Now()
	f, ok := importFormats[format]
	if !ok {
		return nil, fmt.Errorf("format %s cannot be imported through the API: %w", format, pathway.ErrInvalid)
	}
	if len(data) > maxImportBytes {
		return nil, fmt.Errorf("data is %d bytes; importData takes at most %d (use lattice import for more): %w", len(data), maxImportBytes, pathway.ErrInvalid)
	}
	// The readers read files: the data goes to a private temporary one, named
	// for the format so errors point at "data".
	dir, err := os.MkdirTemp("", "lattice-import-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "data"+f.ext)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		return nil, err
	}
	imp, err := imports.Read(f.format, path)
	if err != nil {
		if !errors.Is(err, pathway.ErrInvalid) {
			return nil, err
		}
		// The message names the line and field; the server's paths stay private.
		msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
		return nil, fmt.Errorf("%s: %w", msg, pathway.ErrInvalid)
	}
	rep, err := r.store.ImportGraph(ctx, imp.Graph, nil)
	if err != nil {
		return nil, err
	}
	out := &model.ImportReport{Format: format, Kinds: []model.ImportKindReport{}, Notes: imp.Notes}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	for _, k := range rep.Kinds {
		out.Kinds = append(out.Kinds, model.ImportKindReport{Kind: k.Kind, Created: k.Created, Updated: k.Updated, Unchanged: k.Unchanged})
	}
	out.Created, out.Updated, out.Unchanged = rep.Totals()
	r.metrics.ObserveImport(f.format, out.Created+out.Updated+out.Unchanged, time.Since(start))
	return out, nil
}
