package resolvers

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// auditDir holds the graphql-http audit: its package.json pins graphql-http
// 1.23.1, and `make test` runs npm ci there.
const auditDir = "../test/http"

// auditChecks is how many checks graphql-http 1.23.1's auditServer makes.
const auditChecks = 61

// TestGraphQLOverHTTPAudit runs graphql-http's audit of the GraphQL-over-HTTP
// spec against the real handler, on the sample graph, and wants every check
// passed. Outside CI it is skipped, saying why, when Node.js or the npm
// packages are missing; with CI=true that fails it.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	missing := ""
	switch {
	case err != nil:
		missing = "node is not on PATH; the GraphQL-over-HTTP audit needs Node.js"
	default:
		if _, err := os.Stat(filepath.Join(auditDir, "node_modules/graphql-http/package.json")); err != nil {
			missing = "graphql-http is not installed; run `npm ci --prefix test/http` (make test does)"
		}
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(missing)
		}
		t.Skip(missing)
	}

	h, err := NewHandler(Config{Store: cyphertest.Sample(t), Log: zerolog.Nop(), APIToken: testToken})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, filepath.Join(auditDir, "audit.mjs"), srv.URL+"/graphql").CombinedOutput()
	t.Logf("graphql-http audit:\n%s", out)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	summary := lines[len(lines)-1]
	if want := "61 passed, 0 failed"; err != nil || summary != want {
		t.Fatalf("audit: %q (err %v), want %q", summary, err, want)
	}
	if checks := len(lines) - 1; checks != auditChecks {
		t.Errorf("the audit printed %d checks, want %d: is graphql-http still 1.23.1?", checks, auditChecks)
	}
}
