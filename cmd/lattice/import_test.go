package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestImportFullReleases imports the full O*NET and ESCO releases with
// `lattice import`, printing the reports with their rates, and imports O*NET
// again to see it change nothing.
func TestImportFullReleases(t *testing.T) {
	cyphertest.Empty(t)
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
	imp("onet", filepath.Join(data, "onet"))
	imp("esco", filepath.Join(data, "esco", "full"))
	again := imp("onet", filepath.Join(data, "onet"))
	for _, line := range strings.Split(again, "\n") {
		if f := strings.Fields(line); len(f) == 4 && f[0] == "total" && (f[1] != "0" || f[2] != "0") {
			t.Errorf("a second O*NET import changed something: %s", line)
		}
	}
}
