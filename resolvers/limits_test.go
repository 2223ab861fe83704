package resolvers

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lattice-pathways/lattice/graph"
)

// listInputs are the positions of every list a client can send: arguments
// of list type ("Type.field(argument)") and input fields of list type
// ("Input.field").
func listInputs(s *ast.Schema) map[string]string {
	out := map[string]string{} // position: the description that documents it
	for _, def := range s.Types {
		if strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			if def.Kind == ast.InputObject && f.Type.Elem != nil {
				out[def.Name+"."+f.Name] = f.Description
			}
			for _, a := range f.Arguments {
				if a.Type.Elem != nil {
					out[def.Name+"."+f.Name+"("+a.Name+")"] = f.Description + " " + a.Description
				}
			}
		}
	}
	return out
}

// TestListLimitsCoverSchema: every list input has a maximum, the README and
// the schema's descriptions say it, and the table names nothing else.
func TestListLimitsCoverSchema(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	inputs := listInputs(s)
	if len(inputs) < 5 {
		t.Fatalf("found only %v: the walk over the schema is broken", inputs)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for in, desc := range inputs {
		limit, ok := listLimits[in]
		if !ok {
			t.Errorf("list input %s has no maximum in listLimits", in)
			continue
		}
		if !strings.Contains(desc, strconv.Itoa(limit)) {
			t.Errorf("the schema's description of %s does not give its maximum %d: %q", in, limit, desc)
		}
		if !strings.Contains(string(readme), fmt.Sprintf("| `%s` | %d |", in, limit)) {
			t.Errorf("the README's Limits table lacks the row | `%s` | %d |", in, limit)
		}
	}
	for key := range listLimits {
		if _, ok := inputs[key]; !ok {
			t.Errorf("listLimits names %s, which is not a list input of the schema", key)
		}
	}
}

func TestListLimits(t *testing.T) {
	h := opsHandler(t, Config{})
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("credential-%d", i)
		}
		return out
	}
	skills := func(n int) []map[string]any {
		out := make([]map[string]any, n)
		for i := range out {
			out[i] = map[string]any{"skillId": fmt.Sprintf("skill-%d", i), "level": 3}
		}
		return out
	}
	members := func(n int) []map[string]any {
		out := make([]map[string]any, n)
		for i := range out {
			out[i] = map[string]any{"roleId": "help-desk-technician"}
		}
		return out
	}
	const plan = `query($from: ProfileInput!, $options: PlanOptions) {
		upskillingPath(from: $from, to: "systems-administrator", options: $options) { feasible } }`
	const cohort = `query($members: [ProfileInput!]!) { cohortPlan(members: $members, to: "systems-administrator") { ready } }`
	role := map[string]any{"roleId": "help-desk-technician"}
	tests := []struct {
		name    string
		query   string
		vars    map[string]any
		refused string // the message's start; "" when the lists are within bounds
	}{
		// Within bounds, the resolver runs and finds no such credentials.
		{"excluded credentials at the limit", plan, map[string]any{"from": role, "options": map[string]any{"excludeCredentialIds": ids(1000)}}, ""},
		{"excluded credentials past it", plan, map[string]any{"from": role, "options": map[string]any{"excludeCredentialIds": ids(1001)}},
			"upskillingPath: options.excludeCredentialIds has 1001 items; the most it may have is 1000"},
		{"held credentials past the limit", plan, map[string]any{"from": map[string]any{"credentialIds": ids(501)}},
			"upskillingPath: from.credentialIds has 501 items; the most it may have is 500"},
		{"held skills past the limit", plan, map[string]any{"from": map[string]any{"skills": skills(1001)}},
			"upskillingPath: from.skills has 1001 items; the most it may have is 1000"},
		{"records past the limit", plan, map[string]any{"from": map[string]any{"records": make([]string, 21)}},
			"upskillingPath: from.records has 21 items; the most it may have is 20"},
		{"cohort members past the limit", cohort, map[string]any{"members": members(201)},
			"cohortPlan: members has 201 items; the most it may have is 200"},
		{"a member's list past the limit", cohort, map[string]any{"members": []map[string]any{role, {"credentialIds": ids(501)}}},
			"cohortPlan: members[1].credentialIds has 501 items; the most it may have is 500"},
		{"a literal list past the limit, under an alias",
			`{ p: upskillingPath(from: {credentialIds: [` + strings.Repeat(`"c", `, 501) + `]}, to: "systems-administrator") { feasible } }`, nil,
			"p: from.credentialIds has 501 items; the most it may have is 500"},
		{"inside a fragment",
			`query($ids: [ID!]) { ...F } fragment F on Query { upskillingPath(from: {credentialIds: $ids}, to: "systems-administrator") { feasible } }`,
			map[string]any{"ids": ids(501)}, "upskillingPath: from.credentialIds has 501 items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, request{body: gqlBody(t, tt.query, tt.vars)})
			errs := answerErrors(t, w)
			if tt.refused == "" {
				if w.Code != http.StatusOK || len(errs) != 1 || errs[0].Extensions["code"] != CodeNotFound {
					t.Errorf("status %d, errors %+v; want the resolver's NOT_FOUND", w.Code, errs)
				}
				return
			}
			if len(errs) != 1 || errs[0].Extensions["code"] != CodeBadUserInput || !strings.HasPrefix(errs[0].Message, tt.refused) {
				t.Errorf("errors %+v, want one BAD_USER_INPUT starting %q", errs, tt.refused)
			}
		})
	}
}
