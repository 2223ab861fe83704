package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/resolvers"
)

func TestNewLogger(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	tests := []struct {
		format string
		json   bool
	}{
		{"json", true},
		{"text", false},
		{"auto", true}, // a file is no terminal
		{"", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			file.Truncate(0)
			file.Seek(0, io.SeekStart)
			log, err := newLogger(tt.format, file)
			if err != nil {
				t.Fatal(err)
			}
			log.Info().Str("request_id", "r1").Msg("hello")
			b, _ := os.ReadFile(file.Name())
			var line map[string]any
			isJSON := json.Unmarshal(b, &line) == nil && line["request_id"] == "r1" && line["message"] == "hello"
			if isJSON != tt.json {
				t.Errorf("-log-format %q wrote %q; want JSON: %v", tt.format, b, tt.json)
			}
			if !tt.json && !strings.Contains(string(b), "hello") {
				t.Errorf("text log %q lacks the message", b)
			}
		})
	}
	if _, err := newLogger("yaml", file); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func TestServeFlags(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://localhost:7687")
	t.Run("defaults", func(t *testing.T) {
		m := NewMain(zerolog.Nop())
		if err := m.ParseFlags(nil); err != nil {
			t.Fatal(err)
		}
		h := m.Handler
		if h.MaxBody != resolvers.DefaultMaxBody || h.RateLimit != 0 || len(h.CORSOrigins) != 0 || len(h.TrustedProxies) != 0 {
			t.Errorf("defaults: max body %d, rate %v, origins %v, proxies %v", h.MaxBody, h.RateLimit, h.CORSOrigins, h.TrustedProxies)
		}
		s := m.httpServer(http.NotFoundHandler())
		if s.ReadHeaderTimeout != 10*time.Second || s.ReadTimeout != 30*time.Second || s.WriteTimeout != 15*time.Second || s.IdleTimeout != 120*time.Second {
			t.Errorf("timeouts: header %s, read %s, write %s, idle %s", s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout)
		}
	})
	t.Run("from the environment", func(t *testing.T) {
		t.Setenv("LATTICE_CORS_ORIGINS", "https://a.example.org, https://b.example.org")
		t.Setenv("LATTICE_MAX_BODY", "512KB")
		t.Setenv("LATTICE_RATE_LIMIT", "2.5")
		m := NewMain(zerolog.Nop())
		if err := m.ParseFlags(nil); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.Handler.CORSOrigins, []string{"https://a.example.org", "https://b.example.org"}) || m.Handler.MaxBody != 512<<10 || m.Handler.RateLimit != 2.5 {
			t.Errorf("origins %v, max body %d, rate %v", m.Handler.CORSOrigins, m.Handler.MaxBody, m.Handler.RateLimit)
		}
	})
	t.Run("flags", func(t *testing.T) {
		m := NewMain(zerolog.Nop())
		err := m.ParseFlags([]string{"-max-body", "2MB", "-cors-origins", "*", "-rate-limit", "10", "-rate-burst", "20",
			"-trusted-proxies", "10.0.0.0/8,192.0.2.7", "-request-timeout", "20s", "-write-timeout", "0", "-idle-timeout", "1m"})
		if err != nil {
			t.Fatal(err)
		}
		h := m.Handler
		want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32")}
		if h.MaxBody != 2<<20 || !slices.Equal(h.CORSOrigins, []string{"*"}) || h.RateLimit != 10 || h.RateBurst != 20 || !slices.Equal(h.TrustedProxies, want) {
			t.Errorf("max body %d, origins %v, rate %v burst %d, proxies %v", h.MaxBody, h.CORSOrigins, h.RateLimit, h.RateBurst, h.TrustedProxies)
		}
		if s := m.httpServer(http.NotFoundHandler()); s.WriteTimeout != 25*time.Second || s.IdleTimeout != time.Minute {
			t.Errorf("write timeout %s (want the request timeout + 5s), idle %s", s.WriteTimeout, s.IdleTimeout)
		}
	})
	for _, args := range [][]string{
		{"-trusted-proxies", "10.0.0.0/33"},
		{"-trusted-proxies", "proxy.internal"},
		{"-max-body", "lots"},
		{"-max-body", "-1"},
		{"-log-format", "xml"},
	} {
		t.Run("refuses "+strings.Join(args, " "), func(t *testing.T) {
			if err := NewMain(zerolog.Nop()).ParseFlags(args); err == nil {
				t.Errorf("%v accepted", args)
			}
		})
	}
}

// TestServeOperations: the served service has /metrics and echoes request ids.
func TestServeOperations(t *testing.T) {
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

	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"query Levels { educationLevels { id } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "deploy-check-1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Request-ID") != "deploy-check-1" {
		t.Errorf("status %d, X-Request-ID %q", resp.StatusCode, resp.Header.Get("X-Request-ID"))
	}

	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, want := range []string{
		`lattice_graphql_requests_total{code="OK",operation="Levels"} 1`,
		`lattice_neo4j_statements_total{outcome="ok",statement="education_levels"} 1`,
		"go_goroutines ",
	} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestImportMetricsFile: `lattice import -metrics-file` leaves the import's
// rows, duration and statements for node_exporter's textfile collector.
func TestImportMetricsFile(t *testing.T) {
	cyphertest.Empty(t)
	commandsUseTestNeo4j(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "roles.csv")
	if err := os.WriteFile(csv, []byte("Role,Level,Vacancies (12 months),Turnover Rate (%),Posted w/ a degree requirement,Advancement Potential\n"+
		"Help Desk Technician,Entry,120,15,no,yes\nJunior Web Developer,Entry,90,20,yes,yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prom := filepath.Join(dir, "lattice.prom")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"import", "-metrics-file", prom, "roles", csv}, &out, zerolog.Nop()); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`imported roles: (\d+) nodes and edges`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no summary line in:\n%s", out.String())
	}
	rows, _ := strconv.Atoi(m[1])
	b, err := os.ReadFile(prom)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`lattice_import_rows_total{format="roles"} ` + strconv.Itoa(rows) + "\n",
		`lattice_import_duration_seconds_count{format="roles"} 1` + "\n",
		`lattice_neo4j_statements_total{outcome="ok",statement=`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the metrics file lacks %q:\n%s", want, b)
		}
	}
}
