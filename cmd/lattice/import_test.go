package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// commandsUseTestNeo4j points the commands run in t at the test Neo4j, as
// the NEO4J_* environment points them at a user's.
func commandsUseTestNeo4j(t *testing.T) {
	cfg := cyphertest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
}

// TestImportCommand runs `lattice import` as a user would: it reports what it
// created, a second run reports everything unchanged, and a file with a bad
// row is refused whole.
func TestImportCommand(t *testing.T) {
	store := cyphertest.Empty(t)
	commandsUseTestNeo4j(t)
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
	commandsUseTestNeo4j(t)
	data := cyphertest.SharedData(t)
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
	t.Run("cip", func(t *testing.T) { importCIP(t, store, data, imp) })
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// importCIP imports the CIP programs after O*NET: programs that prepare for
// the O*NET occupations the crosswalk names, a second import that changes
// nothing, a catalog that overrides a program's figures, and the planner's
// candidate sets before and after.
func importCIP(t *testing.T, store *cypher.Store, data string, imp func(format, path string) string) {
	ctx := context.Background()
	roles := []string{"onet:29-1141.00", "onet:15-1244.00"}
	candidates := func() map[string]int {
		pgs, err := store.PlanGraphs(ctx, roles)
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for id, pg := range pgs {
			n[id] = len(pg.Candidates)
		}
		return n
	}
	before := candidates()
	dir := filepath.Join(data, "cip")
	start := time.Now()
	out := imp("cip", dir)
	t.Logf("CIP import after O*NET: %s", time.Since(start).Round(time.Millisecond))
	after := candidates()
	for _, id := range roles {
		t.Logf("planner candidates for %s: %d before CIP, %d after", id, before[id], after[id])
	}
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) == 4 && f[0] == "credential" {
			if n, _ := strconv.Atoi(f[1]); n < 2173 || n > 3*2173 {
				t.Errorf("created %s credentials, want one to three for each of the 2,173 programs", f[1])
			}
		}
	}
	// The second import prunes: the same release changes nothing and
	// deletes nothing, every node and edge it owns being one it writes.
	var again bytes.Buffer
	if err := run(ctx, []string{"import", "--prune", "cip", dir}, &again, zerolog.Nop()); err != nil {
		t.Fatalf("import --prune cip: %v", err)
	}
	t.Logf("lattice import --prune cip:\n%s", again.String())
	if f := totalRow(again.String()); len(f) != 5 || f[1] != "0" || f[2] != "0" || f[4] != "0" {
		t.Errorf("a second CIP import, pruning, changed something: %v\n%s", f, again.String())
	}
	read, err := imports.CIPFrom(ctx, dir, store)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range read.Graph.Credentials {
		ids = append(ids, c.ID)
	}
	prepares, err := store.CredentialPreparesFor(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	edges, programs := 0, map[string]bool{}
	for id, rs := range prepares {
		for _, r := range rs {
			if strings.HasPrefix(r.ID, "onet:") {
				edges++
				programs[strings.Join(strings.Split(id, ":")[:2], ":")] = true
			}
		}
	}
	t.Logf("CIP: %d credentials of %d programs; %d PREPARES_FOR edges to O*NET roles from %d programs", len(ids), 2173, edges, len(programs))
	if edges < 5000 || len(programs) < 1500 {
		t.Errorf("%d PREPARES_FOR edges to O*NET roles from %d programs: the crosswalk connects far more", edges, len(programs))
	}
	preparesFor := func(program, role string) {
		t.Helper()
		found := false
		for _, a := range imports.CIPAwards {
			for _, r := range prepares["cip:"+program+":"+a.ID] {
				found = found || r.ID == role
			}
		}
		if !found {
			t.Errorf("no credential of %s prepares for %s", program, role)
		}
	}
	preparesFor("51.3801", "onet:29-1141.00")
	preparesFor("51.3801", "onet:29-1141.01") // a detailed occupation
	preparesFor("11.1001", "onet:15-1244.00")

	// A catalog row with the program's field and level overrides its figures.
	catalog := filepath.Join(t.TempDir(), "programs.csv")
	if err := os.WriteFile(catalog, []byte("id,name,kind,cost,hours,weeks,field,confers\n"+
		",Registered Nursing/Registered Nurse (bachelor's degree),BACHELORS_DEGREE,41000,3700,120,51.3801,bachelor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	imp("credentials", catalog)
	got, err := store.CredentialsByIDs(ctx, []string{"cip:51.3801:bachelor"})
	if err != nil {
		t.Fatal(err)
	}
	if c := got["cip:51.3801:bachelor"]; c.Cost == nil || *c.Cost != 41000 || c.Estimated == nil || *c.Estimated || c.Field == nil || *c.Field != "51.3801" {
		t.Errorf("after the catalog: %+v, want cost 41000, not estimated", c)
	}
}

// totalRow is the fields of a report's total row: total, created, updated,
// unchanged and, when the import pruned, deleted.
func totalRow(report string) []string {
	for _, line := range strings.Split(report, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == "total" {
			return f
		}
	}
	return nil
}

// TestImportPruneCommand re-imports a changed CASE framework with --prune:
// the guard refuses the share it deletes until forced, a dry run writes
// nothing, the prune leaves what a fresh import of the changed framework
// does; --prune is refused for a format that reads part of a source and for
// a release with a file left out, and nothing is written.
func TestImportPruneCommand(t *testing.T) {
	store := cyphertest.Sample(t)
	commandsUseTestNeo4j(t)
	ctx := context.Background()
	framework := filepath.Join("..", "..", "cypher", "imports", "testdata", "case", "framework.json")
	b, err := os.ReadFile(framework)
	if err != nil {
		t.Fatal(err)
	}
	// The next version of the framework: item 4 retired, with its
	// associations, and item 2 no longer precedes item 3.
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	const gone = "10000000-0000-4000-8000-000000000004"
	names := func(a any, end string) string {
		m, _ := a.(map[string]any)[end].(map[string]any)
		id, _ := m["identifier"].(string)
		return id
	}
	doc["CFItems"] = slices.DeleteFunc(doc["CFItems"].([]any), func(it any) bool { return it.(map[string]any)["identifier"] == gone })
	doc["CFAssociations"] = slices.DeleteFunc(doc["CFAssociations"].([]any), func(a any) bool {
		from, to := names(a, "originNodeURI"), names(a, "destinationNodeURI")
		return from == gone || to == gone || a.(map[string]any)["associationType"] == "precedes"
	})
	changed := filepath.Join(t.TempDir(), "framework.json")
	if b, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, b, 0o644); err != nil {
		t.Fatal(err)
	}
	lattice := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"import"}, args...), &out, zerolog.Nop())
		return out.String(), err
	}
	fingerprint := func() cypher.Fingerprint {
		t.Helper()
		fp, err := store.Fingerprint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	if _, err := lattice("case", changed); err != nil {
		t.Fatal(err)
	}
	fresh := fingerprint()
	store = cyphertest.Sample(t)
	if _, err := lattice("case", framework); err != nil {
		t.Fatal(err)
	}
	before := fingerprint()

	refused := []struct {
		name string
		args []string
		want string
	}{
		{"past the share", []string{"--prune", "case", changed}, "more than the 10% allowed"},
		{"a dry run past the share", []string{"--prune", "--dry-run", "case", changed}, "more than the 10% allowed"},
		{"a format that reads part of a source", []string{"--prune", "ctdl", changed}, "needs a format that reads a whole release"},
		{"force without prune", []string{"--prune-force", "case", changed}, "go with --prune"},
	}
	for _, tc := range refused {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			if _, err := lattice(tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
			if fingerprint() != before {
				t.Errorf("a refused import changed the graph")
			}
		})
	}
	t.Run("refuses a release with a file left out", func(t *testing.T) {
		dir := t.TempDir()
		src := filepath.Join("..", "..", "cypher", "imports", "testdata", "onet", "txt")
		files, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Name() == "Technology Skills.txt" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(src, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := lattice("--prune", "onet", dir); err == nil || !strings.Contains(err.Error(), "lacks Technology Skills") {
			t.Errorf("err = %v, want the file left out named", err)
		}
		if fingerprint() != before {
			t.Errorf("a refused import changed the graph")
		}
	})

	out, err := lattice("--prune", "--prune-force", "--dry-run", "case", changed)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "dry run: nothing was written") || fingerprint() != before {
		t.Errorf("a dry run wrote or did not say so:\n%s", out)
	}
	dry := out
	out, err = lattice("--prune", "--prune-force", "case", changed)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("lattice import --prune --prune-force case:\n%s", out)
	// One skill gone, with its edges, and the precedes edge between kept ones.
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) >= 5 {
			rows[strings.Join(f[:len(f)-4], " ")] = f[len(f)-4:]
		}
	}
	if got := rows["skill"]; len(got) != 4 || got[3] != "1" {
		t.Errorf("skill row %v, want one deleted:\n%s", got, out)
	}
	if got := rows["skill precedes (skill, later skill)"]; len(got) != 4 || got[3] != "1" {
		t.Errorf("precedes row %v, want one deleted:\n%s", got, out)
	}
	if d, p := totalRow(dry), totalRow(out); len(d) != 5 || len(p) != 5 || d[4] != p[4] {
		t.Errorf("the dry run deleted %v, the prune %v", totalRow(dry), totalRow(out))
	}
	if got := fingerprint(); got != fresh {
		t.Errorf("after the prune %+v, a fresh import of the changed framework %+v", got, fresh)
	}
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
