package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// A root field that returns roles reads its selection ahead: it looks at the
// fields asked for under the roles (gqlgen's field collection), reads the
// roles and every nested level it knows in one Cypher statement, and primes
// the request's loaders with the results. The field resolvers below then find
// their values loaded and return at once, without the loaders' wait and
// without a round trip per level. Levels it does not know (a credential's
// prerequisites, an overlap's role's skills) fall to the loaders as before.

// roleSelection is the nested levels the query asks for under the current
// field's roles: under the field itself, or under its edges.node when it is
// a connection.
func roleSelection(ctx context.Context, connection bool) cypher.Selection {
	op := graphql.GetOperationContext(ctx)
	fields := graphql.CollectFieldsCtx(ctx, nil)
	if connection {
		fields = children(op, fields, "edges", "RoleEdge")
		fields = children(op, fields, "node", "Role")
	}
	sel := cypher.Selection{MaxOverlaps: loaders.MaxOverlaps, MaxCertifiedBy: loaders.MaxCertifiedBy}
	for _, f := range fields {
		one := []graphql.CollectedField{f}
		switch f.Name {
		case "skills":
			sel.Skills = true
			skill := children(op, children(op, one, "skills", "RoleSkill"), "skill", "Skill")
			sel.CertifiedBy = sel.CertifiedBy || has(skill, "certifiedBy")
		case "skillsProfile":
			sel.Skills = true
			categories := children(op, one, "skillsProfile", "SkillCategory")
			for _, list := range []string{"required", "preferred"} {
				skill := children(op, children(op, categories, list, "RoleSkill"), "skill", "Skill")
				sel.CertifiedBy = sel.CertifiedBy || has(skill, "certifiedBy")
			}
		case "credentials":
			sel.Credentials = true
			sel.StacksInto = sel.StacksInto || has(children(op, one, "credentials", "Credential"), "stacksInto")
		case "education", "degreeRequired":
			sel.Education = true
		case "overlaps":
			sel.Overlaps = true
		}
	}
	return sel
}

// children collects the fields selected under every field named name among
// fields (aliases may ask for one field twice); typ is that field's type.
func children(op *graphql.OperationContext, fields []graphql.CollectedField, name, typ string) []graphql.CollectedField {
	var out []graphql.CollectedField
	for _, f := range fields {
		if f.Name == name {
			out = append(out, graphql.CollectFields(op, f.Selections, []string{typ})...)
		}
	}
	return out
}

// has tells whether a field named name is among fields.
func has(fields []graphql.CollectedField, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// roleRead is role(id): the role and its selection in one round trip.
func (r *queryResolver) roleRead(ctx context.Context, id string) (*pathway.Role, error) {
	if r.noPrefetch {
		role, err := loaders.Role(ctx, id)
		if err != nil {
			return nil, err
		}
		return &role, nil
	}
	role, nested, found, err := r.store.RoleSelected(ctx, id, roleSelection(ctx, false))
	if err != nil {
		return nil, err
	}
	if !found {
		// In the loaders' words (loaders.Role), as every other missing role.
		return nil, fmt.Errorf("no role with id %q: %w", id, pathway.ErrNotFound)
	}
	loaders.Prime(ctx, nested)
	return &role, nil
}

// rolesRead is the page of roles(...) and, read with it, its selection.
func (r *queryResolver) rolesRead(ctx context.Context, f cypher.RoleFilter, first int, afterTitle, afterID *string) (cypher.RolePage, error) {
	if r.noPrefetch {
		return r.store.Roles(ctx, f, first, afterTitle, afterID)
	}
	page, nested, err := r.store.RolesSelected(ctx, f, first, afterTitle, afterID, roleSelection(ctx, true))
	if err != nil {
		return cypher.RolePage{}, err
	}
	loaders.Prime(ctx, nested)
	return page, nil
}
