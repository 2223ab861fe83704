package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestServe runs the service as `lattice serve` does, on :0, against the test
// Neo4j, and checks the endpoints a deployment relies on.
func TestServe(t *testing.T) {
	cyphertest.Empty(t)
	m := NewMain(zerolog.Nop())
	m.Neo4j = cyphertest.Config(t)
	m.Addr = "127.0.0.1:0"
	m.LoadSample = true
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	base := "http://" + m.URL()

	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		path     string
		contains string
	}{
		{"/healthz", "ok"},
		{"/readyz", "ready"},
		{"/", "find your next step"},
		{"/graphiql", "graphiql"},
		{"/graphiql/graphiql.min.css", "graphiql"},
		{"/roles/help-desk-technician", "help desk technician"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body := get(tt.path)
			if code != http.StatusOK || !strings.Contains(strings.ToLower(body), tt.contains) {
				t.Errorf("GET %s = %d %q", tt.path, code, body[:min(len(body), 200)])
			}
		})
	}
	t.Run("graphql answers from the sample graph", func(t *testing.T) {
		resp, err := http.Post(base+"/graphql", "application/json",
			strings.NewReader(`{"query":"{ role(id: \"help-desk-technician\") { title } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data struct{ Role struct{ Title string } }
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Data.Role.Title != "Help Desk Technician" {
			t.Errorf("role = %+v, err %v", out, err)
		}
	})
	t.Run("a second start leaves the data as it is", func(t *testing.T) {
		loaded, err := m.Store.LoadSample(context.Background())
		if err != nil || loaded {
			t.Errorf("LoadSample on a loaded database: loaded=%v err=%v", loaded, err)
		}
	})
}

func TestResolveLocal(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".neo4j/dev"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := "NEO4J_URI=bolt://127.0.0.1:17687\nNEO4J_USERNAME=neo4j\nNEO4J_PASSWORD=secret\nNEO4J_DATABASE=neo4j\n"
	if err := os.WriteFile(filepath.Join(dir, localEnvFile), []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "cmd", "deep")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	m := NewMain(zerolog.Nop())
	t.Setenv("NEO4J_URI", "")
	if err := m.ParseFlags(nil); err != nil {
		t.Fatal(err)
	}
	if m.Neo4j.URI != "bolt://127.0.0.1:17687" || m.Neo4j.Password != "secret" {
		t.Errorf("local settings not found from a subfolder: %+v", m.Neo4j)
	}
	t.Run("an explicit URI wins", func(t *testing.T) {
		m := NewMain(zerolog.Nop())
		if err := m.ParseFlags([]string{"-neo4j-uri", "neo4j://elsewhere:7687"}); err != nil {
			t.Fatal(err)
		}
		if m.Neo4j.URI != "neo4j://elsewhere:7687" {
			t.Errorf("URI = %q", m.Neo4j.URI)
		}
	})
	t.Run("no local Neo4j is a clear error", func(t *testing.T) {
		t.Chdir(t.TempDir())
		err := NewMain(zerolog.Nop()).ParseFlags(nil)
		if err == nil || !strings.Contains(err.Error(), "make neo4j") {
			t.Errorf("err = %v, want a hint to run make neo4j", err)
		}
	})
}

// TestServeWarms: with the read cache on, the service warms it at start and
// again after a write through another driver, says so on /metrics, and
// Close stops it.
func TestServeWarms(t *testing.T) {
	cyphertest.Empty(t)
	m := NewMain(zerolog.Nop())
	m.Neo4j = cyphertest.Config(t)
	m.Neo4j.CheckInterval = 20 * time.Millisecond
	m.Addr = "127.0.0.1:0"
	m.LoadSample = true
	m.ReadCache, m.ReadCacheSize, m.ReadCacheWarm = true, cache.DefaultSize, true
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	// warmed waits until /metrics says a warm-up of the graph's version now
	// ended done.
	warmed := func(when string) {
		t.Helper()
		v, err := m.Store.GraphVersion(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("lattice_read_cache_warm_version %d\n", v.N)
		deadline := time.Now().Add(30 * time.Second)
		var body string
		for time.Now().Before(deadline) {
			resp, err := http.Get("http://" + m.URL() + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			if strings.Contains(body, want) && strings.Contains(body, `lattice_read_cache_warmups_total{outcome="done"}`) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s: no warm-up of version %d within 30 s; /metrics has:\n%s", when, v.N, grepLines(body, "lattice_read_cache_warm"))
	}
	warmed("at start")
	other, err := cypher.Open(context.Background(), cyphertest.Config(t), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(context.Background())
	if _, err := other.CreateSkill(context.Background(), pathway.Skill{ID: "warm-test-skill", Name: "Warm test skill"}); err != nil {
		t.Fatal(err)
	}
	warmed("after a write through another driver")
	// Close stops the warmer (resolvers' TestWarmStopsWithContext shows it
	// sends nothing after): here, that it returns with one running.
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
}

// grepLines is the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
