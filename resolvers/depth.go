package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// introspectionDepth is how deep graphql-js's standard introspection query
// (getIntrospectionQuery, graphql 16, every option on) nests: __schema, types,
// fields, args, type, then nine ofType levels to a name. GraphiQL, Apollo
// tooling and client generators send it; it is deeper than a real query needs
// to be, so introspection gets this cap of its own instead of the depth limit.
const introspectionDepth = 15

// depthLimit refuses queries nested deeper than max; selections under
// __schema and __type are held to introspection instead, and refused outright
// when introspection is off.
type depthLimit struct {
	max             int
	introspection   int
	noIntrospection bool
}

// newDepthLimit caps real selections at limit and introspection at the
// standard query's depth, or at limit when that is deeper.
func newDepthLimit(limit int, noIntrospection bool) depthLimit {
	return depthLimit{max: limit, introspection: max(limit, introspectionDepth), noIntrospection: noIntrospection}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	depth, intro, introspects := depths(oc.Operation.SelectionSet, oc.Doc.Fragments, 0)
	refuse := func(format string, args ...any) *gqlerror.Error {
		return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": CodeBadUserInput}}
	}
	switch {
	case introspects && d.noIntrospection:
		return refuse("introspection (__schema, __type) is turned off on this server")
	case depth > d.max:
		return refuse("the query is nested %d levels deep; the limit is %d", depth, d.max)
	case intro > d.introspection:
		return refuse("the introspection query is nested %d levels deep; the limit is %d", intro, d.introspection)
	}
	return nil
}

// isIntrospection tells the fields that open an introspection selection.
// Validation allows them on the query root only; __typename is a plain leaf.
func isIntrospection(f *ast.Field) bool {
	return f.Name == "__schema" || f.Name == "__type"
}

// depths returns the depth of set's real selections, the depth of its
// introspection selections (counted from the same root), and whether it has any.
func depths(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) (real, intro int, introspects bool) {
	if seen > 64 {
		return seen, 0, false // fragment cycles are refused by validation; stop anyway
	}
	for _, sel := range set {
		var r, i int
		var x bool
		switch s := sel.(type) {
		case *ast.Field:
			if isIntrospection(s) {
				intro = max(intro, 1+selectionDepth(s.SelectionSet, frags, seen+1))
				introspects = true
				continue
			}
			r, i, x = depths(s.SelectionSet, frags, seen+1)
			r++
			if i > 0 {
				i++
			}
		case *ast.InlineFragment:
			r, i, x = depths(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				r, i, x = depths(f.SelectionSet, frags, seen+1)
			}
		}
		real, intro, introspects = max(real, r), max(intro, i), introspects || x
	}
	return real, intro, introspects
}

// selectionDepth is the depth of every selection in set.
func selectionDepth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 {
		return seen // fragment cycles are refused by validation; stop anyway
	}
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			d = 1 + selectionDepth(s.SelectionSet, frags, seen+1)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				d = selectionDepth(f.SelectionSet, frags, seen+1)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
