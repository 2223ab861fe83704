package resolvers

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// standardIntrospection reads graphql-js's getIntrospectionQuery() text,
// written to testdata by test/http/introspection.mjs.
func standardIntrospection(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/introspection/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "query IntrospectionQuery") {
		t.Fatalf("%s holds no introspection query", name)
	}
	return string(b)
}

// nest wraps leaf in n levels of field.
func nest(field string, n int, leaf string) string {
	return strings.Repeat(field+" { ", n) + leaf + strings.Repeat(" }", n)
}

// TestStandardIntrospection sends the query GraphiQL, Apollo tooling and
// client generators send, and gets the whole schema back, while the depth
// limit still refuses deep real queries and deeper introspection.
func TestStandardIntrospection(t *testing.T) {
	c, _ := sampleClient(t)
	for _, file := range []string{"default.graphql", "full.graphql"} {
		t.Run(file, func(t *testing.T) {
			resp, err := c.RawPost(standardIntrospection(t, file))
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Errors) > 0 && string(resp.Errors) != "null" {
				t.Fatalf("errors: %s", resp.Errors)
			}
			var out struct {
				Schema struct {
					QueryType    struct{ Name string }
					MutationType struct{ Name string }
					Types        []struct {
						Kind, Name string
						Fields     []struct {
							Name string
							Type json.RawMessage
						}
					}
				} `json:"__schema"`
			}
			data, _ := json.Marshal(resp.Data)
			if err := json.Unmarshal(data, &out); err != nil {
				t.Fatal(err)
			}
			if out.Schema.QueryType.Name != "Query" || out.Schema.MutationType.Name != "Mutation" {
				t.Errorf("root types = %q, %q", out.Schema.QueryType.Name, out.Schema.MutationType.Name)
			}
			types := map[string]int{}
			for _, ty := range out.Schema.Types {
				types[ty.Name] = len(ty.Fields)
			}
			for _, name := range []string{"Query", "Mutation", "Role", "Skill", "Credential", "UpskillingPlan", "RoleSkill", "__Type"} {
				if types[name] == 0 {
					t.Errorf("type %s missing or without fields; got %d types", name, len(types))
				}
			}
		})
	}

	// role, skills, skill, then broader to the depth wanted.
	real := func(depth int) string {
		return `{ role(id: "help-desk-technician") { skills { skill { ` +
			nest("broader", depth-4, "id") + ` } } } }`
	}
	tests := []struct {
		name, query string
		wantCode    string // "" when the query must answer
		wantMsg     string
	}{
		{"a real query at the depth limit", real(12), "", ""},
		{"a real query past the depth limit", real(13), CodeBadUserInput, "nested 13 levels deep; the limit is 12"},
		{"introspection at the standard depth", `{ __schema { types { fields { type { ` + nest("ofType", 10, "name") + ` } } } } }`, "", ""},
		{"introspection deeper than the standard query", `{ __schema { types { fields { type { ` + nest("ofType", 11, "name") + ` } } } } }`,
			CodeBadUserInput, "introspection query is nested 16 levels deep; the limit is 15"},
		{"introspection deeper, through a fragment", `query { ...Deep } fragment Deep on Query { __type(name: "Role") { ` + nest("ofType", 15, "name") + ` } }`,
			CodeBadUserInput, "introspection query is nested 17 levels deep"},
		{"a deep real query beside introspection", `{ __typename __schema { queryType { name } } ` + strings.TrimPrefix(real(13), "{"),
			CodeBadUserInput, "nested 13 levels deep; the limit is 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.RawPost(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var errs []gqlError
			json.Unmarshal(resp.Errors, &errs)
			if tt.wantCode == "" {
				if len(errs) > 0 || resp.Data == nil {
					t.Errorf("want an answer, got data %s errors %s", resp.Data, resp.Errors)
				}
				return
			}
			if len(errs) == 0 || errs[0].Extensions["code"] != tt.wantCode || !strings.Contains(errs[0].Message, tt.wantMsg) {
				t.Errorf("want %s %q, got errors %s", tt.wantCode, tt.wantMsg, resp.Errors)
			}
		})
	}
}

// TestIntrospectionAndGraphiQLOff checks the switches a public deployment
// may turn off: introspection is refused as BAD_USER_INPUT, GraphiQL is gone,
// and real queries (with __typename, which clients add) still answer.
func TestIntrospectionAndGraphiQLOff(t *testing.T) {
	store := cyphertest.Sample(t)
	for _, off := range []bool{false, true} {
		h, err := NewHandler(Config{Store: store, Log: zerolog.Nop(), NoIntrospection: off, NoGraphiQL: off})
		if err != nil {
			t.Fatal(err)
		}
		c := client.New(h, client.Path("/graphql"))
		name := map[bool]string{false: "on", true: "off"}[off]
		t.Run(name, func(t *testing.T) {
			for _, q := range []string{
				`{ __schema { queryType { name } } }`,
				`{ __type(name: "Role") { name } }`,
				`query { ...F } fragment F on Query { __type(name: "Role") { name } }`,
			} {
				resp, err := c.RawPost(q)
				if err != nil {
					t.Fatal(err)
				}
				var errs []gqlError
				json.Unmarshal(resp.Errors, &errs)
				switch {
				case !off && len(errs) > 0:
					t.Errorf("%s: %s", q, resp.Errors)
				case off && (len(errs) == 0 || errs[0].Extensions["code"] != CodeBadUserInput ||
					!strings.Contains(errs[0].Message, "introspection") || resp.Data != nil):
					t.Errorf("%s: want BAD_USER_INPUT naming introspection and no data, got data %s errors %s", q, resp.Data, resp.Errors)
				}
			}
			var resp struct {
				Typename string `json:"__typename"`
				Role     struct{ Title string }
			}
			if err := c.Post(`{ __typename role(id: "help-desk-technician") { title } }`, &resp); err != nil || resp.Role.Title == "" {
				t.Errorf("a real query: %+v, %v", resp, err)
			}

			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/graphiql", nil))
			if want := map[bool]int{false: http.StatusOK, true: http.StatusNotFound}[off]; w.Code != want {
				t.Errorf("GET /graphiql = %d, want %d", w.Code, want)
			}
		})
	}
}
