package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// TestImportCommand runs `lattice import` as a user would: it reports what it
// created, a second run reports everything unchanged, and a file with a bad
// row is refused whole.
func TestImportCommand(t *testing.T) {
	store := cyphertest.Empty(t)
	cfg := cyphertest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
	dir := t.TempDir()
	good := filepath.Join(dir, "roles.csv")
	csv := "Role,Level,Vacancies (12 months),Turnover Rate (%),Posted w/ a degree requirement,Advancement Potential\n" +
		"Help Desk Technician,Entry,120,15,no,yes\nJunior Web Developer,Entry,90,20,yes,yes\n"
	if err := os.WriteFile(good, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	importRoles := func(path string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), []string{"import", "roles", path}, &out, zerolog.Nop())
		return out.String(), err
	}
	out, err := importRoles(good)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "imported roles") || !strings.Contains(out, "rows/s") {
		t.Errorf("report lacks its summary line:\n%s", out)
	}
	total := func(report string) []string {
		for _, line := range strings.Split(report, "\n") {
			if f := strings.Fields(line); len(f) == 4 && f[0] == "total" {
				return f[1:]
			}
		}
		t.Fatalf("no total row in:\n%s", report)
		return nil
	}
	if got := total(out); got[0] == "0" {
		t.Errorf("first import created nothing:\n%s", out)
	}
	out, err = importRoles(good)
	if err != nil {
		t.Fatal(err)
	}
	if got := total(out); got[0] != "0" || got[1] != "0" {
		t.Errorf("second import created or updated something:\n%s", out)
	}

	before, err := store.Fingerprint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte(csv+"Data Scientist,Professional,ten,6,yes,yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := importRoles(bad); err == nil || !strings.Contains(err.Error(), "bad.csv:4") {
		t.Errorf("err = %v, want the file and line of the bad row", err)
	}
	after, err := store.Fingerprint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("a refused import changed the database")
	}
	if err := run(context.Background(), []string{"import", "nonsense", good}, &bytes.Buffer{}, zerolog.Nop()); err == nil ||
		!strings.Contains(err.Error(), "onet") {
		t.Errorf("unknown format: err = %v, want the list of formats", err)
	}
}

// TestImportFullReleases imports the full O*NET, BLS and ESCO releases with
// `lattice import`, printing the reports with their rates, imports O*NET and
// BLS again to see them change nothing, and checks a registered nurse's
// wages and openings and that a bad BLS file changes nothing.
func TestImportFullReleases(t *testing.T) {
	store := cyphertest.Empty(t)
	cfg := cyphertest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: CI needs ../shared/data beside the checkout", data)
		}
		t.Skipf("%s is absent; the full-size imports need it", data)
	}
	imp := func(format, path string) string {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"import", format, path}, &out, zerolog.Nop()); err != nil {
			t.Fatalf("import %s: %v", format, err)
		}
		t.Logf("lattice import %s:\n%s", format, out.String())
		return out.String()
	}
	unchanged := func(what, report string) {
		for _, line := range strings.Split(report, "\n") {
			if f := strings.Fields(line); len(f) == 4 && f[0] == "total" && (f[1] != "0" || f[2] != "0") {
				t.Errorf("a second %s import changed something: %s", what, line)
			}
		}
	}
	imp("onet", filepath.Join(data, "onet"))
	imp("bls", filepath.Join(data, "bls"))
	imp("esco", filepath.Join(data, "esco", "full"))
	// O*NET again leaves BLS's properties alone: it sets only its own.
	unchanged("O*NET", imp("onet", filepath.Join(data, "onet")))
	unchanged("BLS", imp("bls", filepath.Join(data, "bls")))

	ctx := context.Background()
	roles, err := store.RolesByIDs(ctx, []string{"onet:29-1141.00", "onet:13-1021.00"})
	if err != nil {
		t.Fatal(err)
	}
	rn := roles["onet:29-1141.00"]
	if rn.WageMedian == nil || *rn.WageMedian != 93600 || rn.Vacancies == nil || *rn.Vacancies != 189100 ||
		rn.TurnoverRate == nil || *rn.TurnoverRate != 5 {
		t.Errorf("registered nurses: median %v, vacancies %v, turnover %v; want OEWS May 2024's 93600, 189100 openings a year, 5%%",
			deref(rn.WageMedian), deref(rn.Vacancies), deref(rn.TurnoverRate))
	}
	// Buyers of farm products fall under BLS's aggregate 13-1020.
	if b := roles["onet:13-1021.00"]; b.WageMedian == nil || *b.WageMedian != 75650 {
		t.Errorf("onet:13-1021.00 median %v, want the aggregate 13-1020's 75650", deref(b.WageMedian))
	}

	// A bad file is refused whole.
	before, err := store.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bad := t.TempDir()
	for _, name := range []string{"national_M2024_dl.csv", "occupation_table1.2.csv", "occupation_table1.10.csv"} {
		b, err := os.ReadFile(filepath.Join(data, "bls", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "occupation_table1.10.csv" {
			b = []byte(strings.Replace(string(b), "Line item,3391,3557.1,166.1,4.9,2.8,2.1,5,", "Line item,3391,3557.1,166.1,4.9,2.8,2.1,five,", 1))
		}
		if err := os.WriteFile(filepath.Join(bad, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err = run(ctx, []string{"import", "bls", bad}, &bytes.Buffer{}, zerolog.Nop())
	if err == nil || !strings.Contains(err.Error(), "occupation_table1.10.csv:437: Total occupational separations rate") {
		t.Errorf("err = %v, want the bad file, row and column", err)
	}
	after, err := store.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("a refused BLS import changed the database")
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestProgress checks both forms of the import's progress: off a terminal a
// line at each tenth of the way, on one a bar that ends its line whether the
// write finished or failed.
func TestProgress(t *testing.T) {
	var out bytes.Buffer
	p := &progress{w: &out, start: time.Now(), last: -1}
	for done := 10; done <= 1000; done += 10 {
		p.update("Skill", done, 1000)
	}
	p.done()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 11 || !strings.HasPrefix(lines[0], "import:   1% 10/1000 rows") ||
		!strings.HasPrefix(lines[10], "import: 100% 1000/1000 rows") || !strings.HasSuffix(lines[10], "rows/s (Skill)") {
		t.Errorf("want 11 lines, 1%% to 100%%, got:\n%s", out.String())
	}

	for _, tc := range []struct {
		name    string
		reached int
		want    string
	}{
		{"finished", 1000, "100%"},
		{"failed half way", 500, "50%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			p := &progress{w: &out, terminal: true, start: time.Now(), last: -1}
			for done := 100; done <= tc.reached; done += 100 {
				p.update("Role", done, 1000)
			}
			p.done()
			s := out.String()
			if !strings.Contains(s, tc.want) || !strings.Contains(s, "Role") || strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") {
				t.Errorf("want a bar at %s ending its one line, got %q", tc.want, s)
			}
		})
	}
}
