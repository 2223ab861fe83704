package resolvers

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// TestTransportStatus checks what a client sees over HTTP, case by case: the
// status, the content type, whether there is a data entry, and the first
// error's code. The README's table of them follows this one.
func TestTransportStatus(t *testing.T) {
	store := cyphertest.Sample(t)
	h, err := NewHandler(Config{Store: store, Log: zerolog.Nop(), APIToken: testToken, MaxBody: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}

	const (
		js = "application/json"
		gr = "application/graphql-response+json"
	)
	post := func(body string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		r.Header.Set("Content-Type", js)
		return r
	}
	get := func(params ...string) *http.Request {
		v := url.Values{}
		for i := 0; i+1 < len(params); i += 2 {
			v.Set(params[i], params[i+1])
		}
		return httptest.NewRequest(http.MethodGet, "/graphql?"+v.Encode(), nil)
	}
	with := func(r *http.Request, header, value string) *http.Request {
		r.Header.Set(header, value)
		return r
	}
	const (
		role      = `{"query":"{ role(id: \"help-desk-technician\") { title } }"}`
		parse     = `{"query":"{"}`
		invalid   = `{"query":"{ noSuchField }"}`
		coercion  = `{"query":"query Q($id: ID!) { role(id: $id) { title } }","variables":{"id":null}}`
		mutation  = `{"query":"mutation { deleteSkill(id: \"no-such-skill\") { id } }"}`
		notFound  = `{"query":"{ role(id: \"no-such-role\") { title } }"}`
		tooDeep   = `{"query":"{ role(id: \"x\") { skills { skill { broader { broader { broader { broader { broader { broader { broader { broader { broader { broader { id } } } } } } } } } } } } } }"}`
		getRole   = `{ role(id: "help-desk-technician") { title } }`
		getDelete = `mutation { deleteSkill(id: "no-such-skill") { id } }`
	)
	var complex strings.Builder
	complex.WriteString(`{"query":"{`)
	for i := range 2100 {
		fmt.Fprintf(&complex, ` r%d: role(id: \"x\") { id }`, i)
	}
	complex.WriteString(` }"}`)
	tests := []struct {
		name     string
		req      *http.Request
		status   int
		media    string
		data     bool   // whether the body has a data entry
		code     string // the first error's code; "" for none
		header   string // a response header that must be set, "Name: value"
		contains string // in the first error's message
	}{
		{"a query", post(role), 200, js, true, "", "", ""},
		{"a query, graphql-response+json", with(post(role), "Accept", gr), 200, gr, true, "", "", ""},
		{"a query by GET", get("query", getRole), 200, js, true, "", "", ""},
		{"a query by GET with variables", get("query", `query Q($id: ID!) { role(id: $id) { title } }`, "variables", `{"id":"help-desk-technician"}`), 200, js, true, "", "", ""},
		{"an execution error", post(notFound), 200, js, true, CodeNotFound, "", ""},
		{"an execution error, graphql-response+json", with(post(notFound), "Accept", gr), 200, gr, true, CodeNotFound, "", ""},

		{"parse failure", post(parse), 200, js, false, "GRAPHQL_PARSE_FAILED", "", ""},
		{"parse failure, graphql-response+json", with(post(parse), "Accept", gr), 400, gr, false, "GRAPHQL_PARSE_FAILED", "", ""},
		{"validation failure", post(invalid), 200, js, false, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"validation failure, graphql-response+json", with(post(invalid), "Accept", gr), 400, gr, false, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"variable coercion failure", post(coercion), 200, js, false, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"variable coercion failure, graphql-response+json", with(post(coercion), "Accept", gr), 400, gr, false, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"past the depth limit", post(tooDeep), 200, js, false, CodeBadUserInput, "", "levels deep"},
		{"past the depth limit, graphql-response+json", with(post(tooDeep), "Accept", gr), 400, gr, false, CodeBadUserInput, "", "levels deep"},
		{"past the complexity limit", post(complex.String()), 200, js, false, "COMPLEXITY_LIMIT_EXCEEDED", "", ""},
		{"past the complexity limit, graphql-response+json", with(post(complex.String()), "Accept", gr), 400, gr, false, "COMPLEXITY_LIMIT_EXCEEDED", "", ""},
		{"a write without the token", post(mutation), 200, js, false, CodeUnauthenticated, "", ""},
		{"a write without the token, graphql-response+json", with(post(mutation), "Accept", gr), 401, gr, false, CodeUnauthenticated, "Www-Authenticate: Bearer", ""},

		{"a mutation by GET", get("query", getDelete), 405, js, false, CodeBadUserInput, "Allow: POST", "POST"},
		{"a mutation by GET with the token", with(get("query", getDelete), "Authorization", "Bearer "+testToken), 405, js, false, CodeBadUserInput, "Allow: POST", "POST"},
		{"a mutation by GET, graphql-response+json", with(get("query", getDelete), "Accept", gr), 405, gr, false, CodeBadUserInput, "Allow: POST", "POST"},
		{"GET without a query", get(), 400, js, false, CodeBadUserInput, "", "query"},
		{"GET with variables not JSON", get("query", getRole, "variables", "{"), 400, js, false, CodeBadUserInput, "", "variables"},

		{"a body that is not JSON", post(`{ "not a JSON`), 400, js, false, CodeBadUserInput, "", "JSON"},
		{"a body that is not JSON, graphql-response+json", with(post(`{ "not a JSON`), "Accept", gr), 400, gr, false, CodeBadUserInput, "", "JSON"},
		{"no body", post(""), 400, js, false, CodeBadUserInput, "", ""},
		{"no query", post(`{"qeury":"{ __typename }"}`), 400, js, false, CodeBadUserInput, "", "query"},
		{"a query that is not a string", post(`{"query":["{ __typename }"]}`), 400, js, false, CodeBadUserInput, "", "query"},
		{"an operationName that is not a string", post(`{"query":"{ __typename }","operationName":0}`), 400, js, false, CodeBadUserInput, "", "operationName"},
		{"variables that are not a map", post(`{"query":"{ __typename }","variables":"x"}`), 400, js, false, CodeBadUserInput, "", "variables"},
		{"extensions that are not a map", post(`{"query":"{ __typename }","extensions":[]}`), 400, js, false, CodeBadUserInput, "", "extensions"},
		{"null parameters", post(`{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}`), 200, js, true, "", "", ""},
		{"a body past the limit", post(`{"query":"{ __typename }","pad":"` + strings.Repeat("x", 2<<20) + `"}`), 413, js, false, CodeBadUserInput, "", "limit of 1048576 bytes"},
		{"no content type", with(post(role), "Content-Type", ""), 415, js, false, CodeBadUserInput, "", "application/json"},
		{"a form body", with(post("query=x"), "Content-Type", "application/x-www-form-urlencoded"), 415, js, false, CodeBadUserInput, "", "application/json"},
		{"PUT", httptest.NewRequest(http.MethodPut, "/graphql", nil), 405, js, false, CodeBadUserInput, "Allow: GET, POST, OPTIONS", "PUT"},

		{"Accept */*", with(post(role), "Accept", "*/*"), 200, js, true, "", "", ""},
		{"Accept by q", with(post(parse), "Accept", js+";q=0.5, "+gr), 400, gr, false, "GRAPHQL_PARSE_FAILED", "", ""},
		{"Accept, first listed on a tie", with(post(parse), "Accept", js+", "+gr), 200, js, false, "GRAPHQL_PARSE_FAILED", "", ""},
		{"Accept naming neither", with(post(role), "Accept", "text/html"), 200, js, true, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.req)
			body := w.Body.String()
			if w.Code != tt.status {
				t.Errorf("status %d, want %d; body %s", w.Code, tt.status, body)
			}
			if ct := w.Header().Get("Content-Type"); ct != tt.media+"; charset=utf-8" {
				t.Errorf("Content-Type %q, want %s; charset=utf-8", ct, tt.media)
			}
			if tt.header != "" {
				name, value, _ := strings.Cut(tt.header, ": ")
				if got := w.Header().Get(name); got != value {
					t.Errorf("%s: %q, want %q", name, got, value)
				}
			}
			var out map[string]json.RawMessage
			if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
				t.Fatalf("body is not a JSON object: %s", body)
			}
			if _, ok := out["data"]; ok != tt.data {
				t.Errorf("data entry present: %v, want %v; body %s", ok, tt.data, body)
			}
			var errs []gqlError
			json.Unmarshal(out["errors"], &errs)
			switch {
			case tt.code == "" && len(errs) > 0:
				t.Errorf("want no errors, got %s", out["errors"])
			case tt.code != "" && (len(errs) == 0 || errs[0].Extensions["code"] != tt.code):
				t.Errorf("want code %s, got errors %s", tt.code, out["errors"])
			case tt.contains != "" && !strings.Contains(errs[0].Message, tt.contains):
				t.Errorf("message %q does not mention %q", errs[0].Message, tt.contains)
			}
		})
	}
	t.Run("OPTIONS and HEAD", func(t *testing.T) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodOptions, "/graphql", nil))
		if w.Code != http.StatusOK || w.Header().Get("Allow") != "OPTIONS, GET, POST" {
			t.Errorf("OPTIONS: %d, Allow %q", w.Code, w.Header().Get("Allow"))
		}
		w = httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodHead, "/graphql", nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("HEAD: %d", w.Code)
		}
	})
}

// TestDataOnly checks that an answer written without json.Marshal is the
// bytes json.Marshal writes, and that data json.Marshal would change (HTML
// characters, whitespace) or anything besides data takes json.Marshal.
func TestDataOnly(t *testing.T) {
	yes := true
	cases := []struct {
		name string
		resp graphql.Response
		fast bool
	}{
		{"gqlgen's data", graphql.Response{Data: json.RawMessage(`{"roles":{"edges":[{"node":{"id":"onet:15-1244.00","title":"Network and Computer Systems Administrators"}}]}}`)}, true},
		{"escapes and unicode", graphql.Response{Data: json.RawMessage(`{"a":"say \"hi\" \\ back\\","b":"caf\u00e9 é 漢","c":[1.5,-2,null,true]}`)}, true},
		{"ampersand", graphql.Response{Data: json.RawMessage(`{"title":"Health & Safety"}`)}, false},
		{"angle brackets", graphql.Response{Data: json.RawMessage(`{"a":"<b>"}`)}, false},
		{"line separator", graphql.Response{Data: json.RawMessage("{\"a\":\"x\u2028y\"}")}, false},
		{"paragraph separator", graphql.Response{Data: json.RawMessage("{\"a\":\"x\u2029y\"}")}, false},
		{"whitespace outside strings", graphql.Response{Data: json.RawMessage(`{"a": 1}`)}, false},
		{"escaped quote before a space", graphql.Response{Data: json.RawMessage(`{"a":"\" x"}`)}, true},
		{"no data", graphql.Response{}, false},
		{"errors", graphql.Response{Data: json.RawMessage(`{"a":null}`), Errors: gqlerror.List{{Message: "no"}}}, false},
		{"extensions", graphql.Response{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"x": 1}}, false},
		{"incremental", graphql.Response{Data: json.RawMessage(`{"a":1}`), HasNext: &yes}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := json.Marshal(&c.resp)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := dataOnly(&c.resp)
			if ok != c.fast {
				t.Fatalf("dataOnly ok = %v, want %v", ok, c.fast)
			}
			if ok && string(got) != string(want) {
				t.Errorf("dataOnly wrote\n%s\njson.Marshal writes\n%s", got, want)
			}
		})
	}
}

// FuzzDataOnly checks that whenever dataOnly writes valid data itself, it
// writes what json.Marshal writes.
func FuzzDataOnly(f *testing.F) {
	for _, s := range []string{`{"a":"b c"}`, `{"a":"\"<"}`, `[1, 2]`, `{"a":"\\"}`, `"x\u2028"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if !json.Valid([]byte(data)) {
			return // gqlgen writes valid JSON only
		}
		resp := &graphql.Response{Data: json.RawMessage(data)}
		got, ok := dataOnly(resp)
		if !ok {
			return
		}
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("dataOnly wrote %q, json.Marshal writes %q", got, want)
		}
	})
}
