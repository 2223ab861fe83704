package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// module is the module path; project packages are named below it.
const module = "github.com/lattice-pathways/lattice"

// layers is the design's import direction, cmd -> resolvers -> loaders /
// cypher -> pathway (metrics beside them: cypher reports to it through an
// interface of its own, so the store never imports Prometheus), written out for every package of the module: the
// project packages its code may import, the third-party modules it may use,
// and what its tests may import besides (the package itself always).
// Skipping a layer downwards is allowed: cmd opens the store it hands to the
// resolvers. graph/ is gqlgen's code, between the resolvers and pathway.
var layers = []struct {
	pkg     string
	imports []string // project packages
	modules []string // third-party modules it imports; none, with no project imports either, means the standard library only
	tests   []string // project packages the tests may import too
}{
	{pkg: "pathway"},
	{pkg: "graph/model", imports: []string{"pathway"},
		modules: []string{"github.com/99designs/gqlgen", "github.com/vektah/gqlparser/v2"}},
	{pkg: "graph", imports: []string{"graph/model", "pathway"},
		modules: []string{"github.com/99designs/gqlgen", "github.com/vektah/gqlparser/v2"}},
	{pkg: "cypher", imports: []string{"pathway"},
		modules: []string{"github.com/neo4j/neo4j-go-driver/v5", "github.com/rs/zerolog"},
		tests:   []string{"cypher/cyphertest"}},
	{pkg: "cypher/imports", imports: []string{"cypher", "pathway"},
		modules: []string{"github.com/sosodev/duration", "github.com/xuri/excelize/v2"},
		tests:   []string{"cypher/cyphertest"}},
	{pkg: "cypher/synth", imports: []string{"cypher", "pathway"}},
	{pkg: "cypher/cyphertest", imports: []string{"cypher"},
		modules: []string{"github.com/rs/zerolog"}},
	{pkg: "metrics", imports: []string{"pathway"},
		modules: []string{"github.com/prometheus/client_golang"}},
	// The read cache knows nothing of the graph: only versions, keys and values.
	{pkg: "cache", modules: []string{"github.com/hashicorp/golang-lru/v2", "golang.org/x/sync"}},
	{pkg: "loaders", imports: []string{"graph", "graph/model", "cache", "cypher", "pathway"},
		modules: []string{"github.com/vikstrous/dataloadgen"}},
	{pkg: "resolvers", imports: []string{"graph", "graph/model", "loaders", "cache", "cypher", "cypher/imports", "metrics", "pathway"},
		modules: []string{"github.com/99designs/gqlgen", "github.com/vektah/gqlparser/v2", "github.com/rs/zerolog", "golang.org/x/time"},
		tests:   []string{"cypher/cyphertest"}},
	// The explorer reaches the data through the API's handler only, which
	// its tests build from the real resolvers.
	{pkg: "web", modules: []string{"github.com/rs/zerolog"},
		tests: []string{"resolvers", "cypher", "cypher/cyphertest"}},
	{pkg: "cmd/lattice", imports: []string{"web", "resolvers", "loaders", "cache", "cypher", "cypher/imports", "cypher/synth", "metrics", "pathway"},
		modules: []string{"github.com/rs/zerolog", "github.com/schollz/progressbar/v3", "golang.org/x/term"},
		tests:   []string{"cypher/cyphertest"}},
	// The benchmark is a client of the servers it measures and of Neo4j: its
	// code imports no project package; its tests check the floor's Cypher
	// against the real handler.
	{pkg: "cmd/benchpeer",
		modules: []string{"github.com/neo4j/neo4j-go-driver/v5", "github.com/google/go-cmp"},
		tests:   []string{"resolvers", "cypher", "cypher/cyphertest"}},
}

// listed is what go list says of a package.
type listed struct {
	ImportPath   string
	Standard     bool
	DepOnly      bool
	Module       *struct{ Path string }
	Imports      []string
	TestImports  []string
	XTestImports []string
	Deps         []string
}

// TestDependencyDirection checks every package of the module against layers:
// a package that imports a layer above it, a module it has no reason to use,
// or (for pathway) anything outside the standard library fails, and so does a
// package layers does not know.
func TestDependencyDirection(t *testing.T) {
	var stderr bytes.Buffer
	cmd := exec.Command("go", "list", "-deps", "-json", module+"/...")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]listed{}
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	rel := func(path string) (string, bool) {
		if r, ok := strings.CutPrefix(path, module+"/"); ok {
			return r, true
		}
		return "", path == module
	}

	known := map[string]bool{}
	for _, l := range layers {
		known[l.pkg] = true
		t.Run(l.pkg, func(t *testing.T) {
			p, ok := pkgs[module+"/"+l.pkg]
			if !ok || p.DepOnly {
				t.Fatalf("%s is not a package of the module any more; update layers", l.pkg)
			}
			for _, imp := range p.Imports {
				if r, own := rel(imp); own {
					if !slices.Contains(l.imports, r) {
						t.Errorf("%s imports %s, against the direction cmd -> resolvers -> loaders / cypher -> pathway (it may import %v)", l.pkg, r, l.imports)
					}
				} else if dep := pkgs[imp]; !dep.Standard && (dep.Module == nil || !slices.Contains(l.modules, dep.Module.Path)) {
					t.Errorf("%s imports %s, outside the modules it may use %v", l.pkg, imp, l.modules)
				}
			}
			for _, imp := range append(p.TestImports, p.XTestImports...) {
				if r, own := rel(imp); own && r != l.pkg && !slices.Contains(l.imports, r) && !slices.Contains(l.tests, r) {
					t.Errorf("the tests of %s import %s, against the direction (they may import %v and %v)", l.pkg, r, l.imports, l.tests)
				}
			}
			if len(l.modules) == 0 && len(l.imports) == 0 {
				for _, dep := range p.Deps {
					if !pkgs[dep].Standard {
						t.Errorf("%s depends on %s; it must use the standard library only", l.pkg, dep)
					}
				}
			}
		})
	}
	for path, p := range pkgs {
		if r, own := rel(path); own && !p.DepOnly && !known[r] {
			t.Errorf("package %s is not in layers: say what it may import", r)
		}
	}
}
