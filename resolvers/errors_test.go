package resolvers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// logBuffer collects the service's JSON log lines.
type logBuffer struct{ buf bytes.Buffer }

// logger writes every level, debug included, into b; resolvers may log from
// several goroutines at once.
func (b *logBuffer) logger() zerolog.Logger {
	return zerolog.New(zerolog.SyncWriter(&b.buf)).Level(zerolog.DebugLevel)
}

// at returns the lines logged at level.
func (b *logBuffer) at(t *testing.T, level string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if m["level"] == level {
			out = append(out, m)
		}
	}
	return out
}

// errorsClient serves the real handler on store with cfg's log and timeout,
// and hooks on the GraphQL server.
func errorsClient(t *testing.T, store *cypher.Store, log zerolog.Logger, timeout time.Duration, hooks ...func(*handler.Server)) *client.Client {
	t.Helper()
	h, err := newHandler(Config{Store: store, Log: log, APIToken: testToken, RequestTimeout: timeout}, hooks...)
	if err != nil {
		t.Fatal(err)
	}
	return client.New(h, client.Path("/graphql"))
}

// firstError posts query and returns its first error, failing when none came.
func firstError(t *testing.T, c *client.Client, query string, opts ...client.Option) gqlError {
	t.Helper()
	resp, err := c.RawPost(query, opts...)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if resp == nil {
		t.Fatalf("%s: the answer is a bare null, with no error to say why", oneLine(query))
	}
	var errs []gqlError
	if err := json.Unmarshal(resp.Errors, &errs); err != nil || len(errs) == 0 {
		t.Fatalf("%s: want an error, got data %s errors %s", oneLine(query), resp.Data, resp.Errors)
	}
	return errs[0]
}

// storeQueries reach Neo4j one way each: through a loader and straight
// through the store.
var storeQueries = []struct{ name, field, query string }{
	{"loader", "role", `{ role(id: "help-desk-technician") { id } }`},
	{"store", "roles", `{ roles(first: 1) { totalCount } }`},
}

func TestTimeoutIsItsOwnCode(t *testing.T) {
	store := cyphertest.Sample(t)
	for _, q := range storeQueries {
		t.Run(q.name, func(t *testing.T) {
			var logs logBuffer
			// The deadline has passed before the first statement leaves.
			c := errorsClient(t, store, logs.logger(), time.Nanosecond)
			e := firstError(t, c, q.query)
			if code := e.Extensions["code"]; code != CodeTimeout {
				t.Errorf("code %v (%s), want %s", code, e.Message, CodeTimeout)
			}
			if !strings.Contains(e.Message, "longer than its 1ns limit") {
				t.Errorf("message %q does not name the limit", e.Message)
			}
			if got := logs.at(t, "error"); len(got) != 0 {
				t.Errorf("a timeout logged at error level: %v", got)
			}
			got := logs.at(t, "warn")
			if len(got) == 0 || got[0]["message"] != "request timed out" {
				t.Fatalf("warn lines %v, want one saying the request timed out", got)
			}
			// The operator sees the cause, not the client's message.
			if cause, _ := got[0]["error"].(string); !strings.Contains(cause, pathway.ErrTimeout.Error()) || strings.Contains(cause, "limit") {
				t.Errorf("logged cause %q, want the store's error", cause)
			}
		})
	}
}

func TestCancelledRequestIsNoError(t *testing.T) {
	store := cyphertest.Sample(t)
	for _, q := range storeQueries {
		t.Run(q.name, func(t *testing.T) {
			var logs logBuffer
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			// The client goes away as the field starts to resolve: gqlgen
			// answers a bare null to a request cancelled before execution,
			// so only a cancellation in flight reaches the store.
			goneMidway := func(s *handler.Server) {
				s.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
					if graphql.GetFieldContext(ctx).Field.Name == q.field {
						cancel()
					}
					return next(ctx)
				})
			}
			c := errorsClient(t, store, logs.logger(), 0, goneMidway)
			e := firstError(t, c, q.query, func(bd *client.Request) { bd.HTTP = bd.HTTP.WithContext(ctx) })
			if code := e.Extensions["code"]; code != CodeCancelled {
				t.Errorf("code %v (%s), want %s", code, e.Message, CodeCancelled)
			}
			if got := logs.at(t, "error"); len(got) != 0 {
				t.Errorf("a cancelled request logged at error level: %v", got)
			}
			if got := logs.at(t, "warn"); len(got) != 0 {
				t.Errorf("a cancelled request logged a warning: %v", got)
			}
			if got := logs.at(t, "debug"); len(got) == 0 || got[0]["message"] != "request cancelled" {
				t.Errorf("debug lines %v, want one saying the request was cancelled", got)
			}
		})
	}
}

func TestPanicIsLoggedOnceWithItsStack(t *testing.T) {
	var logs logBuffer
	panicking := func(s *handler.Server) {
		s.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
			if graphql.GetFieldContext(ctx).Field.Name == "role" {
				panic("secret detail: resolver bug")
			}
			return next(ctx)
		})
	}
	c := errorsClient(t, cyphertest.Sample(t), logs.logger(), 0, panicking)
	e := firstError(t, c, `{ role(id: "help-desk-technician") { id } }`)
	if code := e.Extensions["code"]; code != CodeInternal {
		t.Errorf("code %v, want %s", code, CodeInternal)
	}
	if e.Message != "internal error" {
		t.Errorf("message %q, want the generic %q", e.Message, "internal error")
	}
	lines := logs.at(t, "error")
	if len(lines) != 1 {
		t.Fatalf("%d error lines, want 1: %v", len(lines), lines)
	}
	line := lines[0]
	if line["panic"] != "secret detail: resolver bug" || line["path"] != "role" {
		t.Errorf("panic line %v does not name the panic and its path", line)
	}
	// The stack is the panicking goroutine's: it names the function that panicked.
	if stack, _ := line["stack"].(string); !strings.Contains(stack, "TestPanicIsLoggedOnceWithItsStack") {
		t.Errorf("panic line has no stack through the panic site: %q", stack)
	}
}

// TestPresentError checks the one table, sentinel by sentinel, wrapped as the
// store and the loaders wrap them.
func TestPresentError(t *testing.T) {
	for _, tc := range []struct {
		err        error
		code       string
		message    string
		errorLines int
	}{
		{pathway.ErrNotFound, CodeNotFound, "no role", 0},
		{pathway.ErrInvalid, CodeBadUserInput, "no role", 0},
		{pathway.ErrUnavailable, CodeUnavailable, "unavailable", 0},
		{pathway.ErrTimeout, CodeTimeout, "longer than its 3s limit", 0},
		{context.DeadlineExceeded, CodeTimeout, "longer than its 3s limit", 0},
		{context.Canceled, CodeCancelled, "cancelled", 0},
		{errPanic, CodeInternal, "internal error", 0},
		{errors.New("driver: secret detail"), CodeInternal, "internal error", 1},
	} {
		t.Run(tc.code+"/"+tc.err.Error(), func(t *testing.T) {
			var logs logBuffer
			got := presentError(logs.logger(), 3*time.Second)(context.Background(), fmt.Errorf("cypher.Role(x): no role: %w", tc.err))
			if got.Extensions["code"] != tc.code {
				t.Errorf("code %v, want %s", got.Extensions["code"], tc.code)
			}
			if !strings.Contains(got.Message, tc.message) || strings.Contains(got.Message, "secret") {
				t.Errorf("message %q, want it to contain %q and no internals", got.Message, tc.message)
			}
			if n := len(logs.at(t, "error")); n != tc.errorLines {
				t.Errorf("%d error lines, want %d", n, tc.errorLines)
			}
		})
	}
}

// TestLoaderPanicIsLoggedOnce: a panic in a loader's fetch reaches every field
// of the batch as one PanicError; the presenter logs it once, with its stack.
func TestLoaderPanicIsLoggedOnce(t *testing.T) {
	var logs logBuffer
	present := presentError(logs.logger(), time.Second)
	pe := &loaders.PanicError{Value: "row converter bug", Stack: []byte("goroutine 7 [running]:\nloaders.fetch(...)")}
	for range 3 {
		got := present(context.Background(), fmt.Errorf("loading role: %w", pe))
		if got.Extensions["code"] != CodeInternal || got.Message != "internal error" {
			t.Errorf("answer %q %v, want the generic internal error", got.Message, got.Extensions)
		}
	}
	lines := logs.at(t, "error")
	if len(lines) != 1 {
		t.Fatalf("%d error lines for one panic, want 1: %v", len(lines), lines)
	}
	if lines[0]["stack"] != string(pe.Stack) || lines[0]["panic"] != pe.Value {
		t.Errorf("panic line %v lacks the panic or its stack", lines[0])
	}
}
