package resolvers

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// defaultPageSize is the roles roles(...) returns when first is not given.
const defaultPageSize = 20

func (r *queryResolver) roles(ctx context.Context, filter *model.RoleFilter, first *int, after *string) (*model.RoleConnection, error) {
	n, err := pageSize("first", first, defaultPageSize, 0, 100)
	if err != nil {
		return nil, err
	}
	var f cypher.RoleFilter
	if filter != nil {
		f = cypher.RoleFilter{Level: filter.Level, Industry: filter.Industry, DegreeRequired: filter.DegreeRequired}
	}
	var afterTitle, afterID *string
	if after != nil {
		t, id, err := decodeCursor(*after)
		if err != nil {
			return nil, err
		}
		afterTitle, afterID = &t, &id
	}
	page, err := r.rolesRead(ctx, f, n, afterTitle, afterID)
	if err != nil {
		return nil, err
	}
	return roleConnection(page), nil
}

// roleConnection is a page of roles as roles(...) answers it.
func roleConnection(page cypher.RolePage) *model.RoleConnection {
	conn := &model.RoleConnection{Edges: []model.RoleEdge{}, PageInfo: &model.PageInfo{HasNextPage: page.More}, TotalCount: page.Total}
	for i := range page.Roles {
		role := page.Roles[i]
		conn.Edges = append(conn.Edges, model.RoleEdge{Cursor: encodeCursor(role.Title, role.ID), Node: &role})
	}
	if len(conn.Edges) > 0 {
		end := conn.Edges[len(conn.Edges)-1].Cursor
		conn.PageInfo.EndCursor = &end
	}
	return conn
}

// Cursors are opaque to clients: the base64 of the last role's title and id.
func encodeCursor(title, id string) string {
	b, _ := json.Marshal([2]string{title, id})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(c string) (title, id string, err error) {
	var v [2]string
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		err = json.Unmarshal(b, &v)
	}
	if err != nil || v[1] == "" {
		return "", "", fmt.Errorf("after %q is not a cursor from this API: %w", c, pathway.ErrInvalid)
	}
	return v[0], v[1], nil
}

func (r *queryResolver) Skill(ctx context.Context, id string) (*pathway.Skill, error) {
	s, err := loaders.Skill(ctx, id)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

func (r *queryResolver) Credential(ctx context.Context, id string) (*pathway.Credential, error) {
	c, err := loaders.Credential(ctx, id)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (r *queryResolver) educationLevels(ctx context.Context) ([]pathway.EducationLevel, error) {
	return r.store.EducationLevels(ctx)
}

// maxSearchText bounds search input: autocomplete needs a few words.
const maxSearchText = 200

func (r *queryResolver) search(ctx context.Context, text string, first *int) ([]model.SearchHit, error) {
	n, err := pageSize("first", first, 10, 1, 50)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("text must not be empty: %w", pathway.ErrInvalid)
	}
	if len(text) > maxSearchText {
		return nil, fmt.Errorf("text must be at most %d bytes, got %d: %w", maxSearchText, len(text), pathway.ErrInvalid)
	}
	hits, err := r.store.Search(ctx, text, n)
	if err != nil {
		return nil, err
	}
	out := make([]model.SearchHit, len(hits))
	for i, h := range hits {
		out[i] = model.SearchHit{ID: h.ID, Name: h.Name, Kind: nodeKind(h.Kind), Score: h.Score}
	}
	return out, nil
}

// nodeKind maps a node label to its GraphQL kind.
func nodeKind(label string) model.NodeKind {
	switch label {
	case "Role":
		return model.NodeKindRole
	case "Skill":
		return model.NodeKindSkill
	case "Credential":
		return model.NodeKindCredential
	}
	return model.NodeKindEducationLevel
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
