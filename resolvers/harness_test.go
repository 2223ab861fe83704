package resolvers

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// testToken is the API token the test service is started with.
const testToken = "test-token-0123456789"

// newClient serves the real handler on store and returns a client for it.
func newClient(t testing.TB, store *cypher.Store) *client.Client {
	t.Helper()
	// The tests check answers, not speed: on a busy two-core runner a
	// real-data question once passed the service's 10 s limit
	// (recredentialingCandidates right after an O*NET import, 0.1-2 s
	// otherwise). The limit has tests of its own (errors_test, fuzz_test).
	h, err := NewHandler(Config{Store: store, Log: zerolog.Nop(), APIToken: testToken, RequestTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return client.New(h, client.Path("/graphql"))
}

// sampleClient is a client on a database holding exactly the sample graph.
func sampleClient(t testing.TB) (*client.Client, *cypher.Store) {
	t.Helper()
	s := cyphertest.Sample(t)
	return newClient(t, s), s
}

// withToken sends the API token.
func withToken(bd *client.Request) {
	bd.HTTP.Header.Set("Authorization", "Bearer "+testToken)
}

// gqlError is one GraphQL error as a client sees it.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// errorCode runs query expecting it to fail and returns the first error's
// extensions.code.
func errorCode(t *testing.T, c *client.Client, query string, opts ...client.Option) string {
	t.Helper()
	resp, err := c.RawPost(query, opts...)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	var errs []gqlError
	if err := json.Unmarshal(resp.Errors, &errs); err != nil || len(errs) == 0 {
		t.Fatalf("%s: want an error, got data %s errors %s", oneLine(query), resp.Data, resp.Errors)
	}
	code, _ := errs[0].Extensions["code"].(string)
	return code
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// onetRelease is the full O*NET release, read once per test binary: several
// tests import it beside the sample graph, and reading it is the same each
// time.
var onetRelease struct {
	once sync.Once
	g    *cypher.Graph
	err  error
}

// onetGraph is the full O*NET release as a graph to import.
func onetGraph(t testing.TB) *cypher.Graph {
	t.Helper()
	dir := sharedData(t, "onet")
	onetRelease.once.Do(func() {
		imp, err := imports.ONET(dir)
		if err == nil {
			onetRelease.g = imp.Graph
		}
		onetRelease.err = err
	})
	if onetRelease.err != nil {
		t.Fatal(onetRelease.err)
	}
	return onetRelease.g
}

// importONET writes the full O*NET release into store.
func importONET(t testing.TB, store *cypher.Store) {
	t.Helper()
	if _, err := store.ImportGraph(context.Background(), onetGraph(t), nil); err != nil {
		t.Fatal(err)
	}
}

// importCIP imports CIP's programs from ../shared/data into store (after
// O*NET: the importer derives programs from its occupations).
func importCIP(t testing.TB, store *cypher.Store) {
	t.Helper()
	imp, err := imports.CIPFrom(context.Background(), sharedData(t, "cip"), store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportGraph(context.Background(), imp.Graph, nil); err != nil {
		t.Fatal(err)
	}
}
