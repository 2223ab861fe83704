package resolvers

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/metrics"
)

// opsHandler is the real handler on the sample graph with cfg's operational
// settings (the store, token and a silent log filled in when unset).
func opsHandler(t *testing.T, cfg Config, hooks ...func(*handler.Server)) http.Handler {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = cyphertest.Sample(t)
	}
	if cfg.APIToken == "" {
		cfg.APIToken = testToken
	}
	h, err := newHandler(cfg, hooks...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// request is one HTTP request to the handler.
type request struct {
	method, path, body string
	header             map[string]string
	remote             string // RemoteAddr, default 192.0.2.1:1234
	chunked            bool   // send the body without a Content-Length
}

// serve runs a request through h and returns the recorded answer.
func serve(h http.Handler, rq request) *httptest.ResponseRecorder {
	if rq.method == "" {
		rq.method = http.MethodPost
	}
	if rq.path == "" {
		rq.path = "/graphql"
	}
	var body io.Reader = strings.NewReader(rq.body)
	if rq.chunked {
		body = io.MultiReader(body) // hides the length from httptest
	}
	r := httptest.NewRequest(rq.method, rq.path, body)
	if rq.body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	if rq.chunked {
		r.ContentLength = -1
	}
	for k, v := range rq.header {
		r.Header.Set(k, v)
	}
	if rq.remote != "" {
		r.RemoteAddr = rq.remote
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// gqlBody is a JSON GraphQL request.
func gqlBody(t *testing.T, query string, vars map[string]any) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// answerErrors reads a GraphQL answer's errors.
func answerErrors(t *testing.T, w *httptest.ResponseRecorder) []gqlError {
	t.Helper()
	var out struct{ Errors []gqlError }
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %q", w.Code, err, w.Body.String())
	}
	return out.Errors
}

// sample reads one sample's value from a /metrics scrape: name with exactly
// these labels, or -1 when the scrape has no such series.
func sample(t *testing.T, h http.Handler, name string, labels map[string]string) float64 {
	t.Helper()
	w := serve(h, request{method: http.MethodGet, path: "/metrics"})
	if w.Code != http.StatusOK {
		t.Fatalf("GET /metrics = %d", w.Code)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range labels {
			if !yield(k) {
				return
			}
		}
	})
	var pairs []string
	for _, k := range keys {
		pairs = append(pairs, k+`="`+labels[k]+`"`)
	}
	series := name
	if len(pairs) > 0 {
		series += "{" + strings.Join(pairs, ",") + "}"
	}
	for _, line := range strings.Split(w.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return f
		}
	}
	return -1
}

func TestMetrics(t *testing.T) {
	m := metrics.New()
	h := opsHandler(t, Config{Metrics: m})

	for range 2 {
		if w := serve(h, request{body: gqlBody(t, `query RoleTitle { role(id: "help-desk-technician") { title } }`, nil)}); w.Code != http.StatusOK {
			t.Fatalf("RoleTitle = %d %s", w.Code, w.Body)
		}
	}
	serve(h, request{body: gqlBody(t, `query Missing { role(id: "no-such-role") { title } }`, nil)})
	serve(h, request{body: gqlBody(t, `{ role(id: "help-desk-technician") { title } }`, nil)})
	serve(h, request{body: gqlBody(t, `query Broken { role(id: `, nil)})

	for _, tt := range []struct {
		operation, code string
		want            float64
	}{
		{"RoleTitle", "OK", 2},
		{"Missing", CodeNotFound, 1},
		{metrics.AnonymousOperation, "OK", 1},
		{"anonymous", "GRAPHQL_PARSE_FAILED", 1}, // the name of a document that does not parse is not known
	} {
		labels := map[string]string{"operation": tt.operation, "code": tt.code}
		if got := sample(t, h, "lattice_graphql_requests_total", labels); got != tt.want {
			t.Errorf("requests %v = %v, want %v", labels, got, tt.want)
		}
		if got := sample(t, h, "lattice_graphql_request_duration_seconds_count", labels); got != tt.want {
			t.Errorf("latency count %v = %v, want %v", labels, got, tt.want)
		}
	}

	t.Run("Neo4j round trips by statement", func(t *testing.T) {
		// Four role reads, one statement each (role(id) reads its selection
		// ahead); the Broken one never ran.
		if got := sample(t, h, "lattice_neo4j_statements_total", map[string]string{"statement": "role_selection", "outcome": "ok"}); got != 4 {
			t.Errorf("role_selection round trips = %v, want 4", got)
		}
		if got := sample(t, h, "lattice_neo4j_statement_duration_seconds_count", map[string]string{"statement": "role_selection"}); got != 4 {
			t.Errorf("role_selection latency count = %v, want 4", got)
		}
	})

	t.Run("an import's rows", func(t *testing.T) {
		w := serve(h, request{body: gqlBody(t, importMutation, map[string]any{"format": "ROLES_CSV", "data": payrollCSV}),
			header: map[string]string{"Authorization": "Bearer " + testToken}})
		var resp struct{ Data importResp }
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		rows := resp.Data.ImportData.Created + resp.Data.ImportData.Updated + resp.Data.ImportData.Unchanged
		if rows == 0 {
			t.Fatalf("import wrote nothing: %s", w.Body)
		}
		if got := sample(t, h, "lattice_import_rows_total", map[string]string{"format": "roles"}); got != float64(rows) {
			t.Errorf("import rows = %v, want %d", got, rows)
		}
		if got := sample(t, h, "lattice_import_duration_seconds_count", map[string]string{"format": "roles"}); got != 1 {
			t.Errorf("imports = %v, want 1", got)
		}
	})

	t.Run("planner runs, as the planner tells of them", func(t *testing.T) {
		before := max(0, sample(t, h, "lattice_planner_runs_total", map[string]string{"kind": "solve", "outcome": "optimal"}))
		w := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(
			`{"query":"{ upskillingPath(from: {roleId: \"help-desk-technician\"}, to: \"security-specialist\", options: {tradeOffFront: true}) { totalCost } }"}`))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) {
			t.Fatalf("plan: %d %s", w.Code, w.Body)
		}
		if got := sample(t, h, "lattice_planner_runs_total", map[string]string{"kind": "solve", "outcome": "optimal"}); got < before+1 {
			t.Errorf("optimal solves %v, want at least %v", got, before+1)
		}
		if got := sample(t, h, "lattice_planner_runs_total", map[string]string{"kind": "front", "outcome": "optimal"}); got < 1 {
			t.Errorf("fronts %v, want 1", got)
		}
		if got := sample(t, h, "lattice_planner_duration_seconds_count", map[string]string{"kind": "solve"}); got < 1 {
			t.Errorf("solve durations %v", got)
		}
	})

	t.Run("a handler of its own counts only its own requests", func(t *testing.T) {
		other := opsHandler(t, Config{})
		if got := sample(t, other, "lattice_graphql_requests_total", map[string]string{"operation": "RoleTitle", "code": "OK"}); got != -1 {
			t.Errorf("a fresh handler's registry counts %v RoleTitle requests", got)
		}
	})
}

// TestRequestLog: every log line of a request carries its id, which the
// answer echoes, and each request ends with one access line.
func TestRequestLog(t *testing.T) {
	var logs logBuffer
	panicking := func(s *handler.Server) {
		s.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
			if graphql.GetFieldContext(ctx).Field.Name == "skill" {
				panic("resolver bug")
			}
			return next(ctx)
		})
	}
	h := opsHandler(t, Config{Log: logs.logger()}, panicking)

	t.Run("the client's id is kept and echoed", func(t *testing.T) {
		logs.buf.Reset()
		w := serve(h, request{body: gqlBody(t, `query Boom { skill(id: "x") { id } }`, nil),
			header: map[string]string{"X-Request-ID": "portal-42:7f3a"}})
		if got := w.Header().Get("X-Request-ID"); got != "portal-42:7f3a" {
			t.Errorf("X-Request-ID = %q, want the client's", got)
		}
		panics, access := logs.at(t, "error"), logs.at(t, "info")
		if len(panics) != 1 || len(access) != 1 {
			t.Fatalf("%d error lines and %d info lines, want 1 and 1:\n%s", len(panics), len(access), logs.buf.String())
		}
		for _, line := range append(panics, access...) {
			if line["request_id"] != "portal-42:7f3a" {
				t.Errorf("line %v lacks the request id", line)
			}
		}
		a := access[0]
		want := map[string]any{"message": "request", "method": "POST", "path": "/graphql", "status": float64(200),
			"operation": "Boom", "code": CodeInternal, "client": "192.0.2.1"}
		for k, v := range want {
			if a[k] != v {
				t.Errorf("access line %s = %v, want %v", k, a[k], v)
			}
		}
		if b, _ := a["bytes"].(float64); int(b) != w.Body.Len() {
			t.Errorf("access line bytes = %v, want %d", a["bytes"], w.Body.Len())
		}
		if _, ok := a["duration_ms"].(float64); !ok {
			t.Errorf("access line has no duration_ms: %v", a)
		}
	})

	hexID := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for name, given := range map[string]string{
		"none":           "",
		"too long":       strings.Repeat("a", 129),
		"unsafe":         `id"with quotes`,
		"with a newline": "a\nb",
	} {
		t.Run("a new id when the client's is "+name, func(t *testing.T) {
			logs.buf.Reset()
			r := request{method: http.MethodGet, path: "/healthz", header: map[string]string{}}
			if given != "" {
				r.header["X-Request-ID"] = given
			}
			w := serve(h, r)
			id := w.Header().Get("X-Request-ID")
			if !hexID.MatchString(id) {
				t.Errorf("X-Request-ID = %q, want a fresh id", id)
			}
			access := logs.at(t, "info")
			if len(access) != 1 || access[0]["request_id"] != id || access[0]["path"] != "/healthz" {
				t.Errorf("access lines %v, want one for /healthz with id %s", access, id)
			}
			if _, ok := access[0]["operation"]; ok {
				t.Errorf("a request outside /graphql names an operation: %v", access[0])
			}
		})
	}
	t.Run("ids differ between requests", func(t *testing.T) {
		a := serve(h, request{method: http.MethodGet, path: "/healthz"}).Header().Get("X-Request-ID")
		b := serve(h, request{method: http.MethodGet, path: "/healthz"}).Header().Get("X-Request-ID")
		if a == b {
			t.Errorf("two requests share id %s", a)
		}
	})
}

func TestCORS(t *testing.T) {
	const allowed, refused = "https://careers.example.org", "https://evil.example.com"
	h := opsHandler(t, Config{CORSOrigins: []string{allowed, "http://localhost:3000"}})
	query := gqlBody(t, `{ educationLevels { id } }`, nil)
	preflight := func(origin string) map[string]string {
		return map[string]string{"Origin": origin, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "authorization, content-type"}
	}

	t.Run("an allowed origin may read the answer", func(t *testing.T) {
		w := serve(h, request{body: query, header: map[string]string{"Origin": allowed}})
		if w.Code != http.StatusOK || w.Header().Get("Access-Control-Allow-Origin") != allowed {
			t.Errorf("%d, Access-Control-Allow-Origin %q, want 200 and %s", w.Code, w.Header().Get("Access-Control-Allow-Origin"), allowed)
		}
		if !strings.Contains(w.Header().Get("Access-Control-Expose-Headers"), "X-Request-ID") {
			t.Errorf("X-Request-ID is not exposed: %q", w.Header().Get("Access-Control-Expose-Headers"))
		}
		if w.Header().Get("Access-Control-Allow-Credentials") != "" {
			t.Error("credentials allowed")
		}
		if !slices.Contains(w.Header().Values("Vary"), "Origin") {
			t.Errorf("Vary = %q, want Origin", w.Header().Values("Vary"))
		}
	})
	t.Run("a refused origin gets no CORS headers", func(t *testing.T) {
		w := serve(h, request{body: query, header: map[string]string{"Origin": refused}})
		if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for a refused origin", got)
		}
	})
	t.Run("preflight from an allowed origin", func(t *testing.T) {
		w := serve(h, request{method: http.MethodOptions, header: preflight("http://localhost:3000")})
		if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Origin") != "http://localhost:3000" {
			t.Errorf("%d, Access-Control-Allow-Origin %q", w.Code, w.Header().Get("Access-Control-Allow-Origin"))
		}
		methods, headers := w.Header().Get("Access-Control-Allow-Methods"), strings.ToLower(w.Header().Get("Access-Control-Allow-Headers"))
		if !strings.Contains(methods, "POST") || !strings.Contains(headers, "authorization") || !strings.Contains(headers, "content-type") {
			t.Errorf("allows methods %q, headers %q", methods, headers)
		}
	})
	t.Run("preflight from a refused origin", func(t *testing.T) {
		w := serve(h, request{method: http.MethodOptions, header: preflight(refused)})
		if w.Code != http.StatusForbidden || w.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%d, Access-Control-Allow-Origin %q; want 403 without it", w.Code, w.Header().Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("without origins, no CORS at all", func(t *testing.T) {
		w := serve(opsHandler(t, Config{}), request{body: query, header: map[string]string{"Origin": allowed}})
		if w.Header().Get("Access-Control-Allow-Origin") != "" || slices.Contains(w.Header().Values("Vary"), "Origin") {
			t.Errorf("CORS headers without configured origins: %v", w.Header())
		}
	})
	t.Run("a malformed origin is refused at start", func(t *testing.T) {
		for _, o := range []string{"careers.example.org", "https://careers.example.org/path", "ftp://x.org"} {
			if _, err := NewHandler(Config{Store: cyphertest.Sample(t), CORSOrigins: []string{o}}); err == nil {
				t.Errorf("origin %q accepted", o)
			}
		}
	})
}

func TestRateLimit(t *testing.T) {
	// Two requests at once, then one a minute: the test never sees a refill.
	h := opsHandler(t, Config{RateLimit: 1.0 / 60, RateBurst: 2,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	query := gqlBody(t, `{ educationLevels { id } }`, nil)
	send := func(remote string, header map[string]string) *httptest.ResponseRecorder {
		return serve(h, request{body: query, remote: remote, header: header})
	}
	limited := func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		if w.Code != http.StatusTooManyRequests {
			t.Fatalf("status %d, want 429: %s", w.Code, w.Body)
		}
		if secs, err := strconv.Atoi(w.Header().Get("Retry-After")); err != nil || secs < 1 || secs > 60 {
			t.Errorf("Retry-After %q, want 1 to 60 seconds", w.Header().Get("Retry-After"))
		}
		if errs := answerErrors(t, w); len(errs) != 1 || errs[0].Extensions["code"] != CodeRateLimited {
			t.Errorf("errors %+v, want one RATE_LIMITED", errs)
		}
	}
	ok := func(t *testing.T, w *httptest.ResponseRecorder) {
		t.Helper()
		if w.Code != http.StatusOK {
			t.Fatalf("status %d, want 200: %s", w.Code, w.Body)
		}
	}
	token := map[string]string{"Authorization": "Bearer " + testToken}

	t.Run("by address", func(t *testing.T) {
		ok(t, send("198.51.100.1:1000", nil))
		ok(t, send("198.51.100.1:1001", nil))
		limited(t, send("198.51.100.1:1002", nil))
		ok(t, send("198.51.100.2:1000", nil)) // another client
	})
	t.Run("by token, apart from the address", func(t *testing.T) {
		ok(t, send("198.51.100.1:1003", token))
		ok(t, send("198.51.100.3:1000", token)) // the same token from elsewhere
		limited(t, send("198.51.100.4:1000", token))
	})
	t.Run("an invalid token counts as its address", func(t *testing.T) {
		limited(t, send("198.51.100.1:1004", map[string]string{"Authorization": "Bearer made-up"}))
	})
	t.Run("a trusted proxy's X-Forwarded-For names the client", func(t *testing.T) {
		fwd := func(client string) map[string]string { return map[string]string{"X-Forwarded-For": client} }
		ok(t, send("10.1.2.3:5000", fwd("203.0.113.7")))
		ok(t, send("10.9.9.9:5000", fwd("203.0.113.7, 10.1.2.3")))
		limited(t, send("10.1.2.3:5000", fwd("forged, 203.0.113.7")))
		ok(t, send("10.1.2.3:5000", fwd("203.0.113.8"))) // another client behind the proxy
	})
	t.Run("an untrusted address's X-Forwarded-For is ignored", func(t *testing.T) {
		fwd := func(client string) map[string]string { return map[string]string{"X-Forwarded-For": client} }
		ok(t, send("198.51.100.9:1000", fwd("203.0.113.20")))
		ok(t, send("198.51.100.9:1000", fwd("203.0.113.21")))
		limited(t, send("198.51.100.9:1000", fwd("203.0.113.22")))
	})
	t.Run("probes and metrics are never limited", func(t *testing.T) {
		for range 3 {
			if w := serve(h, request{method: http.MethodGet, path: "/healthz", remote: "198.51.100.1:1"}); w.Code != http.StatusOK {
				t.Errorf("/healthz = %d", w.Code)
			}
		}
	})
	t.Run("counted as RATE_LIMITED", func(t *testing.T) {
		if got := sample(t, h, "lattice_graphql_requests_total", map[string]string{"operation": "anonymous", "code": CodeRateLimited}); got != 5 {
			t.Errorf("RATE_LIMITED requests = %v, want 5", got)
		}
	})
}

func TestClientAddr(t *testing.T) {
	trusted := clientAddr{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8::/32")}
	tests := []struct {
		name, remote, forwarded, want string
	}{
		{"direct", "198.51.100.1:80", "", "198.51.100.1"},
		{"direct, forwarded ignored", "198.51.100.1:80", "203.0.113.1", "198.51.100.1"},
		{"through a proxy", "10.0.0.1:80", "203.0.113.1", "203.0.113.1"},
		{"through two proxies", "10.0.0.1:80", "203.0.113.1, 10.0.0.2", "203.0.113.1"},
		{"the client's own forgery is left of it", "10.0.0.1:80", "1.2.3.4, 203.0.113.1", "203.0.113.1"},
		{"garbage stops the walk", "10.0.0.1:80", "203.0.113.1, junk", "10.0.0.1"},
		{"a proxy without the header", "10.0.0.1:80", "", "10.0.0.1"},
		{"IPv6 proxy", "[2001:db8::1]:80", "2001:db8::2, 2a00::1", "2a00::1"},
		{"IPv4 in IPv6", "[::ffff:198.51.100.1]:80", "", "198.51.100.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tt.remote
			if tt.forwarded != "" {
				r.Header.Set("X-Forwarded-For", tt.forwarded)
			}
			if got := trusted.of(r).String(); got != tt.want {
				t.Errorf("client = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	h := opsHandler(t, Config{MaxBody: 1024})
	small := gqlBody(t, `{ educationLevels { id } }`, nil)
	large := gqlBody(t, `{ educationLevels { id } }`+strings.Repeat(" ", 2000), nil)
	for _, tt := range []struct {
		name    string
		body    string
		chunked bool
		want    int
	}{
		{"under the limit", small, false, http.StatusOK},
		{"under the limit, chunked", small, true, http.StatusOK},
		{"over the limit", large, false, http.StatusRequestEntityTooLarge},
		{"over the limit, chunked", large, true, http.StatusRequestEntityTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, request{body: tt.body, chunked: tt.chunked})
			if w.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
			if tt.want != http.StatusRequestEntityTooLarge {
				return
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			errs := answerErrors(t, w)
			if len(errs) != 1 || errs[0].Extensions["code"] != CodeBadUserInput || !strings.Contains(errs[0].Message, "1024 bytes") {
				t.Errorf("errors %+v, want one BAD_USER_INPUT naming the limit", errs)
			}
		})
	}
}
