package resolvers

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// A page of roles(...) with its skills and their certifiers is tens of
// thousands of list elements, and gqlgen's generated code marshals every
// element of a list of objects in a goroutine of its own (a page of 50 O*NET
// roles: some 60,000, most of its CPU). fastRoles answers the roles field
// instead, when it knows every field selected under it: it resolves the page
// with the resolvers gqlgen would call (Query.Roles and the field
// resolvers), one goroutine per role and per skill so that the loaders still
// batch what the page's read did not prime, then writes the answer in one
// pass, byte for byte as gqlgen would. Anything else (a field it does not
// know, @defer, a resolver's error or panic) goes to gqlgen, which then
// answers, errors included, as it always has. It calls no field middleware
// (AroundFields): the service has none, and newHandler leaves the fast path
// off when a test's hooks may add one.
//
// It hooks the root field (gqlgen's RootFieldInterceptor) rather than the
// transport or the answer cache: there the operation is validated, its
// variables coerced and its fields collected (fragments, aliases, @skip and
// @include) exactly as gqlgen's own execution sees them, and the other root
// fields of the query keep their own path.

// shape is what the fast path knows of a GraphQL object type: the fields it
// can answer, each with the shape of its objects (nil for a scalar).
type shape struct {
	name   string
	fields map[string]*shape
}

// roleConnectionShape is everything the fast path answers: the fields the
// benchmarks (bench_test.go, cmd/benchpeer) ask under roles(...). A skill
// under a certifier has its scalars only: its certifiers would be a level
// the page's read did not do.
var roleConnectionShape = func() *shape {
	scalars := func(names ...string) map[string]*shape {
		m := make(map[string]*shape, len(names))
		for _, n := range names {
			m[n] = nil
		}
		return m
	}
	skillScalars := []string{"id", "name", "category", "type", "halfLifeYears", "description", "commonLevel"}
	credential := &shape{"Credential", scalars("id", "name", "kind", "issuer", "cost", "cohortCost", "hours", "weeks",
		"industryRecognized", "ctid", "field", "estimated")}
	certifier := &shape{"CertifiedSkill", scalars("level")}
	certifier.fields["credential"] = credential
	certifier.fields["skill"] = &shape{"Skill", scalars(skillScalars...)}
	skill := &shape{"Skill", scalars(skillScalars...)}
	skill.fields["certifiedBy"] = certifier
	roleSkill := &shape{"RoleSkill", scalars("required", "level", "importance")}
	roleSkill.fields["skill"] = skill
	role := &shape{"Role", scalars("id", "title", "level", "industry", "occupationCode", "description", "vacancies",
		"turnoverRate", "advancementPotential", "jobZone", "acceptsAnyField", "employment", "projectedGrowth",
		"entryEducation", "entryTraining", "degreeRequired")}
	role.fields["skills"] = roleSkill
	role.fields["credentials"] = &shape{"Credential", credential.fields}
	edge := &shape{"RoleEdge", scalars("cursor")}
	edge.fields["node"] = role
	conn := &shape{"RoleConnection", scalars("totalCount")}
	conn.fields["edges"] = edge
	conn.fields["pageInfo"] = &shape{"PageInfo", scalars("hasNextPage", "endCursor")}
	return conn
}()

// sel is one collected field of the query under roles(...), with the fields
// collected under it and its arguments, read once for the whole page.
type sel struct {
	field    graphql.CollectedField
	kids     []*sel
	required *bool // skills(required:)
	first    *int  // certifiedBy(first:)
	// certifiers are the certifiedBy fields under a skills field's skills,
	// whatever their aliases: the second level to resolve.
	certifiers []*sel
}

// compile collects the fields selected under a field of type s; false when
// one is not known or is deferred.
func compile(oc *graphql.OperationContext, set ast.SelectionSet, s *shape) ([]*sel, bool) {
	fields := graphql.CollectFields(oc, set, []string{s.name})
	out := make([]*sel, len(fields))
	for i, f := range fields {
		if len(f.Deferrables) > 0 {
			return nil, false
		}
		n := &sel{field: f}
		out[i] = n
		if f.Name == "__typename" {
			continue
		}
		sub, known := s.fields[f.Name]
		if !known {
			return nil, false
		}
		if sub == nil {
			continue
		}
		var ok bool
		if n.kids, ok = compile(oc, f.Selections, sub); !ok {
			return nil, false
		}
		args := f.ArgumentMap(oc.Variables)
		var err error
		switch {
		case s.name == "Role" && f.Name == "skills":
			n.required, err = optional(args["required"], graphql.UnmarshalBoolean)
			for _, k := range n.kids {
				if k.field.Name == "skill" {
					n.certifiers = append(n.certifiers, named(k.kids, "certifiedBy")...)
				}
			}
		case f.Name == "certifiedBy":
			n.first, err = optional(args["first"], graphql.UnmarshalInt)
		}
		if err != nil {
			return nil, false
		}
	}
	return out, true
}

// named are the fields of sels named name.
func named(sels []*sel, name string) []*sel {
	var out []*sel
	for _, s := range sels {
		if s.field.Name == name {
			out = append(out, s)
		}
	}
	return out
}

// optional reads an optional argument as gqlgen's generated code does.
func optional[T any](v any, read func(any) (T, error)) (*T, error) {
	if v == nil {
		return nil, nil
	}
	t, err := read(v)
	return &t, err
}

// fastRoles is the root field middleware that answers roles(...) as above;
// answered, when not nil, counts its answers.
func fastRoles(r *Resolver, answered *atomic.Int64) graphql.RootFieldMiddleware {
	return func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
		oc := graphql.GetOperationContext(ctx)
		root := graphql.GetRootFieldContext(ctx)
		if root == nil || root.Field.Name != "roles" || oc.Operation == nil || oc.Operation.Operation != ast.Query {
			return next(ctx)
		}
		if answer, ok := r.fastRoles(ctx, oc, root.Field); ok {
			if answered != nil {
				answered.Add(1)
			}
			return answer
		}
		return next(ctx)
	}
}

// page is a resolved page: the connection and what the field resolvers
// returned for its roles and skills.
type page struct {
	conn *model.RoleConnection
	// By field and role index.
	skills      map[*sel][][]pathway.RoleSkill
	credentials map[*sel][][]pathway.Credential
	degree      map[*sel][]bool
	// By field and skill id.
	certifiers map[*sel]map[string][]pathway.CertifiedSkill
}

// fastRoles is the answer of the roles field; false when gqlgen must give it.
func (r *Resolver) fastRoles(ctx context.Context, oc *graphql.OperationContext, field graphql.CollectedField) (graphql.Marshaler, bool) {
	sels, ok := compile(oc, field.Selections, roleConnectionShape)
	if !ok {
		return nil, false
	}
	args := field.ArgumentMap(oc.Variables)
	filter, err := roleFilter(args["filter"])
	if err != nil {
		return nil, false
	}
	first, err := optional(args["first"], graphql.UnmarshalInt)
	if err != nil {
		return nil, false
	}
	after, err := optional(args["after"], graphql.UnmarshalString)
	if err != nil {
		return nil, false
	}
	// The resolvers read their own selection (the page's read ahead) from
	// the field context, as under gqlgen.
	fc := &graphql.FieldContext{Object: "Query", Field: field, IsMethod: true, IsResolver: true,
		Args: map[string]any{"filter": filter, "first": first, "after": after}}
	var answer graphql.Marshaler
	protect(func() {
		p := page{}
		if p.conn, err = r.Query().Roles(graphql.WithFieldContext(ctx, fc), filter, first, after); err != nil || p.conn == nil || p.conn.PageInfo == nil {
			return
		}
		if !r.resolvePage(ctx, &p, sels) {
			return
		}
		var b bytes.Buffer
		w := writer{w: &b, page: &p}
		w.connection(sels)
		if !w.bad {
			answer = graphql.WriterFunc(func(out io.Writer) { out.Write(b.Bytes()) })
		}
	})
	return answer, answer != nil
}

// roleFilter reads the filter argument as gqlgen's generated code does.
func roleFilter(v any) (*model.RoleFilter, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("filter is %T", v)
	}
	var f model.RoleFilter
	var err error
	if l, ok := m["level"]; ok && l != nil {
		f.Level = new(pathway.RoleLevel)
		err = f.Level.UnmarshalGQL(l)
	}
	if s, ok := m["industry"]; ok && err == nil {
		f.Industry, err = optional(s, graphql.UnmarshalString)
	}
	if d, ok := m["degreeRequired"]; ok && err == nil {
		f.DegreeRequired, err = optional(d, graphql.UnmarshalBoolean)
	}
	return &f, err
}

// protect runs f and tells whether it returned without a panic: a panic in a
// resolver is left for gqlgen to meet again, recover and present.
func protect(f func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f()
	return true
}

// parallel runs f(i) for i in [0, n), each in a goroutine, and tells whether
// every one returned true without a panic. Concurrent calls let a loader
// gather a level's keys in one batch, as under gqlgen; primed keys answer at
// once.
func parallel(n int, f func(i int) bool) bool {
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := true
	for i := range n {
		wg.Go(func() {
			var done bool
			if protect(func() { done = f(i) }) && done {
				return
			}
			mu.Lock()
			ok = false
			mu.Unlock()
		})
	}
	wg.Wait()
	return ok
}

// resolvePage calls the field resolvers under the page's roles, then under
// their skills; false on an error.
func (r *Resolver) resolvePage(ctx context.Context, p *page, sels []*sel) bool {
	var roleFields []*sel // skills, credentials and degreeRequired under every edges.node
	for _, e := range named(sels, "edges") {
		for _, n := range named(e.kids, "node") {
			for _, k := range n.kids {
				switch k.field.Name {
				case "skills", "credentials", "degreeRequired":
					roleFields = append(roleFields, k)
				}
			}
		}
	}
	edges := p.conn.Edges
	p.skills = map[*sel][][]pathway.RoleSkill{}
	p.credentials = map[*sel][][]pathway.Credential{}
	p.degree = map[*sel][]bool{}
	for _, k := range roleFields {
		switch k.field.Name {
		case "skills":
			p.skills[k] = make([][]pathway.RoleSkill, len(edges))
		case "credentials":
			p.credentials[k] = make([][]pathway.Credential, len(edges))
		case "degreeRequired":
			p.degree[k] = make([]bool, len(edges))
		}
	}
	for _, e := range edges {
		if e.Node == nil {
			return false
		}
	}
	// Each field of each role in a goroutine of its own: the loaders of
	// different fields then wait at once, as under gqlgen.
	role := r.Role()
	if !parallel(len(edges)*len(roleFields), func(n int) bool {
		i, k := n/len(roleFields), roleFields[n%len(roleFields)]
		obj := edges[i].Node
		var err error
		switch k.field.Name {
		case "skills":
			p.skills[k][i], err = role.Skills(ctx, obj, k.required)
		case "credentials":
			p.credentials[k][i], err = role.Credentials(ctx, obj)
		case "degreeRequired":
			p.degree[k][i], err = role.DegreeRequired(ctx, obj)
		}
		return err == nil
	}) {
		return false
	}

	// Each certifiedBy field under each distinct skill of the page, once.
	type call struct {
		field *sel
		skill *pathway.Skill
		ctx   context.Context
		certs []pathway.CertifiedSkill
	}
	var calls []*call
	p.certifiers = map[*sel]map[string][]pathway.CertifiedSkill{}
	for k, lists := range p.skills {
		for _, c := range k.certifiers {
			// The resolver reads the selection under certifiedBy from its
			// field context, as under gqlgen.
			cctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Skill", Field: c.field, IsMethod: true, IsResolver: true,
				Args: map[string]any{"first": c.first}})
			seen := map[string]bool{}
			for _, list := range lists {
				for j := range list {
					if s := &list[j].Skill; !seen[s.ID] {
						seen[s.ID] = true
						calls = append(calls, &call{field: c, skill: s, ctx: cctx})
					}
				}
			}
			p.certifiers[c] = make(map[string][]pathway.CertifiedSkill, len(seen))
		}
	}
	skill := r.Skill()
	if !parallel(len(calls), func(i int) bool {
		var err error
		calls[i].certs, err = skill.CertifiedBy(calls[i].ctx, calls[i].skill, calls[i].field.first)
		return err == nil
	}) {
		return false
	}
	for _, c := range calls {
		p.certifiers[c.field][c.skill.ID] = c.certs
	}
	return true
}

// writer writes the answer as gqlgen's generated code and its FieldSet do:
// an object's fields in their collected order under their aliases, scalars
// through gqlgen's own marshalers. bad is set by a value gqlgen would answer
// with an error (a float that is not finite).
type writer struct {
	w    *bytes.Buffer
	page *page
	bad  bool
}

// object writes {"alias":value,...}; value writes the value of one field.
// An alias already written is not written again, as in gqlgen.
func (w *writer) object(typ string, sels []*sel, value func(*sel)) {
	w.w.WriteByte('{')
	var written []string
	for _, s := range sels {
		alias := s.field.Alias
		if slices.Contains(written, alias) {
			continue
		}
		if len(written) > 0 {
			w.w.WriteByte(',')
		}
		written = append(written, alias)
		graphql.MarshalString(alias).MarshalGQL(w.w)
		w.w.WriteByte(':')
		if s.field.Name == "__typename" {
			w.str(typ)
			continue
		}
		value(s)
	}
	w.w.WriteByte('}')
}

// list writes [item(0),...,item(n-1)].
func (w *writer) list(n int, item func(i int)) {
	w.w.WriteByte('[')
	for i := range n {
		if i > 0 {
			w.w.WriteByte(',')
		}
		item(i)
	}
	w.w.WriteByte(']')
}

func (w *writer) connection(sels []*sel) {
	conn := w.page.conn
	w.object("RoleConnection", sels, func(s *sel) {
		switch s.field.Name {
		case "edges":
			w.list(len(conn.Edges), func(i int) { w.edge(s.kids, i) })
		case "pageInfo":
			w.object("PageInfo", s.kids, func(s *sel) {
				switch s.field.Name {
				case "hasNextPage":
					w.boolean(conn.PageInfo.HasNextPage)
				case "endCursor":
					w.optStr(conn.PageInfo.EndCursor)
				}
			})
		case "totalCount":
			w.integer(conn.TotalCount)
		}
	})
}

func (w *writer) edge(sels []*sel, i int) {
	e := &w.page.conn.Edges[i]
	w.object("RoleEdge", sels, func(s *sel) {
		switch s.field.Name {
		case "cursor":
			w.str(e.Cursor)
		case "node":
			w.role(s.kids, e.Node, i)
		}
	})
}

func (w *writer) role(sels []*sel, r *pathway.Role, i int) {
	w.object("Role", sels, func(s *sel) {
		switch s.field.Name {
		case "id":
			w.str(r.ID)
		case "title":
			w.str(r.Title)
		case "level":
			if r.Level == nil {
				w.null()
			} else {
				r.Level.MarshalGQL(w.w)
			}
		case "industry":
			w.optStr(r.Industry)
		case "occupationCode":
			w.optStr(r.OccupationCode)
		case "description":
			w.optStr(r.Description)
		case "vacancies":
			w.optInt(r.Vacancies)
		case "turnoverRate":
			w.optFloat(r.TurnoverRate)
		case "advancementPotential":
			w.optBool(r.AdvancementPotential)
		case "jobZone":
			w.optInt(r.JobZone)
		case "acceptsAnyField":
			w.optBool(r.AcceptsAnyField)
		case "employment":
			w.optInt(r.Employment)
		case "projectedGrowth":
			w.optFloat(r.ProjectedGrowth)
		case "entryEducation":
			w.optStr(r.EntryEducation)
		case "entryTraining":
			w.optStr(r.EntryTraining)
		case "degreeRequired":
			w.boolean(w.page.degree[s][i])
		case "skills":
			skills := w.page.skills[s][i]
			w.list(len(skills), func(j int) { w.roleSkill(s.kids, &skills[j]) })
		case "credentials":
			creds := w.page.credentials[s][i]
			w.list(len(creds), func(j int) { w.credential(s.kids, &creds[j]) })
		}
	})
}

func (w *writer) roleSkill(sels []*sel, rs *pathway.RoleSkill) {
	w.object("RoleSkill", sels, func(s *sel) {
		switch s.field.Name {
		case "skill":
			w.skill(s.kids, &rs.Skill)
		case "required":
			w.boolean(rs.Required)
		case "level":
			w.integer(rs.Level)
		case "importance":
			w.optFloat(rs.Importance)
		}
	})
}

func (w *writer) skill(sels []*sel, sk *pathway.Skill) {
	w.object("Skill", sels, func(s *sel) {
		switch s.field.Name {
		case "id":
			w.str(sk.ID)
		case "name":
			w.str(sk.Name)
		case "category":
			w.optStr(sk.Category)
		case "type":
			w.optStr(sk.Type)
		case "halfLifeYears":
			w.optFloat(sk.HalfLifeYears)
		case "description":
			w.optStr(sk.Description)
		case "commonLevel":
			w.optInt(sk.CommonLevel)
		case "certifiedBy":
			certs := w.page.certifiers[s][sk.ID]
			w.list(len(certs), func(j int) { w.certifier(s.kids, &certs[j]) })
		}
	})
}

func (w *writer) certifier(sels []*sel, c *pathway.CertifiedSkill) {
	w.object("CertifiedSkill", sels, func(s *sel) {
		switch s.field.Name {
		case "credential":
			w.credential(s.kids, &c.Credential)
		case "skill":
			w.skill(s.kids, &c.Skill)
		case "level":
			w.integer(c.Level)
		}
	})
}

func (w *writer) credential(sels []*sel, c *pathway.Credential) {
	w.object("Credential", sels, func(s *sel) {
		switch s.field.Name {
		case "id":
			w.str(c.ID)
		case "name":
			w.str(c.Name)
		case "kind":
			w.str(c.Kind)
		case "issuer":
			w.optStr(c.Issuer)
		case "cost":
			w.optFloat(c.Cost)
		case "cohortCost":
			w.optFloat(c.CohortCost)
		case "hours":
			w.optFloat(c.Hours)
		case "weeks":
			w.optFloat(c.Weeks)
		case "industryRecognized":
			w.optBool(c.IndustryRecognized)
		case "ctid":
			w.optStr(c.CTID)
		case "field":
			w.optStr(c.Field)
		case "estimated":
			w.optBool(c.Estimated)
		}
	})
}

// The scalars, through gqlgen's marshalers.

func (w *writer) null()            { graphql.Null.MarshalGQL(w.w) }
func (w *writer) str(s string)     { graphql.MarshalString(s).MarshalGQL(w.w) }
func (w *writer) integer(i int)    { graphql.MarshalInt(i).MarshalGQL(w.w) }
func (w *writer) boolean(b bool)   { graphql.MarshalBoolean(b).MarshalGQL(w.w) }
func (w *writer) optStr(s *string) { opt(w, s, w.str) }
func (w *writer) optInt(i *int)    { opt(w, i, w.integer) }
func (w *writer) optBool(b *bool)  { opt(w, b, w.boolean) }
func (w *writer) optFloat(f *float64) {
	opt(w, f, func(f float64) {
		// gqlgen answers a float that is not finite with an error: its
		// own path must give that answer.
		if math.IsInf(f, 0) || math.IsNaN(f) {
			w.bad = true
			return
		}
		graphql.MarshalFloat(f).MarshalGQL(w.w)
	})
}

// opt writes *v, or null when v is nil.
func opt[T any](w *writer, v *T, write func(T)) {
	if v == nil {
		w.null()
		return
	}
	write(*v)
}
