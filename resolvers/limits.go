package resolvers

import (
	"context"
	"fmt"
	"reflect"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits on the inputs of list type: every list a client can send, as an
// argument ("Type.field(argument)") or an input field ("Input.field"), has
// its maximum length here, and TestListLimitsCoverSchema fails on a list
// input without one. The README's Limits section lists them.
var listLimits = map[string]int{
	"Query.cohortPlan(members)":        maxCohort,
	"ProfileInput.skills":              1000,
	"ProfileInput.credentialIds":       500,
	"ProfileInput.records":             maxRecords,
	"PlanOptions.excludeCredentialIds": 1000,
	// Interests are six scores; a longer list is refused as it is read too.
	"ProfileInput.interestScores": 6,
	"CreateRoleInput.interests":   6,
	"UpdateRoleInput.interests":   6,
}

// checkLists is a gqlgen extension that refuses, with BAD_USER_INPUT and
// before any resolver runs, an operation whose arguments (literal or from
// variables, at any depth) hold a list longer than listLimits allows.
type checkLists struct{ schema *ast.Schema }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = checkLists{}

func (checkLists) ExtensionName() string                   { return "ListLimits" }
func (checkLists) Validate(graphql.ExecutableSchema) error { return nil }
func (c checkLists) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if err := c.selections(oc.Operation.SelectionSet, oc, 0); err != nil {
		return &gqlerror.Error{Message: err.Error(), Extensions: map[string]any{"code": CodeBadUserInput}}
	}
	return nil
}

func (c checkLists) selections(set ast.SelectionSet, oc *graphql.OperationContext, seen int) error {
	if seen > 64 {
		return nil // fragment cycles are refused by validation; stop anyway
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition != nil && s.ObjectDefinition != nil && len(s.Arguments) > 0 {
				vals := s.ArgumentMap(oc.Variables)
				for _, arg := range s.Definition.Arguments {
					key := s.ObjectDefinition.Name + "." + s.Name + "(" + arg.Name + ")"
					if err := c.value(vals[arg.Name], arg.Type, key, arg.Name); err != nil {
						return fmt.Errorf("%s: %w", s.Alias, err)
					}
				}
			}
			if err := c.selections(s.SelectionSet, oc, seen+1); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := c.selections(s.SelectionSet, oc, seen+1); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			if f := oc.Doc.Fragments.ForName(s.Name); f != nil {
				if err := c.selections(f.SelectionSet, oc, seen+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// value checks one input value of type t, found at key in listLimits and at
// path in the request (for the message).
func (c checkLists) value(v any, t *ast.Type, key, path string) error {
	if v == nil || t == nil {
		return nil
	}
	if t.Elem != nil {
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice {
			return c.value(v, t.Elem, key, path) // one value stands for a list of one
		}
		if limit, ok := listLimits[key]; ok && rv.Len() > limit {
			return fmt.Errorf("%s has %d items; the most it may have is %d", path, rv.Len(), limit)
		}
		for i := range rv.Len() {
			if err := c.value(rv.Index(i).Interface(), t.Elem, key, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		return nil
	}
	def := c.schema.Types[t.NamedType]
	obj, ok := v.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return nil
	}
	for _, f := range def.Fields {
		if err := c.value(obj[f.Name], f.Type, def.Name+"."+f.Name, path+"."+f.Name); err != nil {
			return err
		}
	}
	return nil
}
