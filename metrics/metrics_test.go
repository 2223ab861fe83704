package metrics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lattice-pathways/lattice/pathway"
)

func TestOperationLabelIsBounded(t *testing.T) {
	m := New()
	for i := range MaxOperations {
		name := fmt.Sprintf("Op%d", i)
		if got := m.Operation(name); got != name {
			t.Fatalf("Operation(%s) = %s while under the bound", name, got)
		}
	}
	tests := []struct{ name, want string }{
		{"Op0", "Op0"},            // seen before: still its own
		{"Op100", OtherOperation}, // one too many
		{"", AnonymousOperation},
		{"not a name", OtherOperation},
		{strings.Repeat("a", 65), OtherOperation},
	}
	for _, tt := range tests {
		if got := m.Operation(tt.name); got != tt.want {
			t.Errorf("Operation(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStatementOutcomes(t *testing.T) {
	m := New()
	for _, err := range []error{nil, fmt.Errorf("x: %w", pathway.ErrTimeout), pathway.ErrUnavailable,
		context.Canceled, pathway.ErrInvalid, pathway.ErrNotFound, errors.New("boom")} {
		m.ObserveStatement("ping", time.Millisecond, err)
	}
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(w.Body)
	for _, o := range []string{"ok", "timeout", "unavailable", "cancelled", "invalid", "not_found", "error"} {
		line := `lattice_neo4j_statements_total{outcome="` + o + `",statement="ping"} 1`
		if !strings.Contains(string(body), line) {
			t.Errorf("no line %s", line)
		}
	}
	if !strings.Contains(string(body), `lattice_neo4j_statement_duration_seconds_count{statement="ping"} 7`) {
		t.Error("the latency histogram did not count 7 round trips")
	}
}

func TestNilRecordsNothing(t *testing.T) {
	var m *Metrics
	m.ObserveRequest("Op", "OK", time.Second)
	m.ObserveStatement("ping", time.Second, nil)
	m.ObservePlan("solve", true, time.Second, nil)
	m.ObserveImport("roles", 3, time.Second)
	if got := m.Operation("Op"); got != "Op" {
		t.Errorf("Operation = %q", got)
	}
}
