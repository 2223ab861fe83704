package cypher_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryStoreMethodOpensWithWrap holds the rule store.go states: every
// exported Store method that returns an error opens with
// `defer wrap(&err, "cypher.Name(...)", ...)`, so an error says which call
// failed and with what.
func TestEveryStoreMethodOpensWithWrap(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || !isStoreMethod(fn) || !fn.Name.IsExported() || !returnsError(fn) {
				continue
			}
			checked++
			if problem := wrapProblem(fn); problem != "" {
				t.Errorf("%s: Store.%s %s; open it with defer wrap(&err, %q, ...)",
					fset.Position(fn.Pos()), fn.Name.Name, problem, "cypher."+fn.Name.Name+"(%s)")
			}
		}
	}
	// The store has about eighty such methods: far fewer means the files were not found.
	if checked < 60 {
		t.Fatalf("checked %d Store methods, want the whole store", checked)
	}
}

func isStoreMethod(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return false
	}
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "Store"
}

func returnsError(fn *ast.FuncDecl) bool {
	res := fn.Type.Results
	if res == nil || len(res.List) == 0 {
		return false
	}
	id, ok := res.List[len(res.List)-1].Type.(*ast.Ident)
	return ok && id.Name == "error"
}

// wrapProblem says what is wrong with fn's opening, or "" when it opens with
// the deferred wrap of its named error result.
func wrapProblem(fn *ast.FuncDecl) string {
	last := fn.Type.Results.List[len(fn.Type.Results.List)-1]
	if len(last.Names) == 0 || last.Names[len(last.Names)-1].Name != "err" {
		return "does not name its error result err"
	}
	if fn.Body == nil || len(fn.Body.List) == 0 {
		return "has no body"
	}
	def, ok := fn.Body.List[0].(*ast.DeferStmt)
	if !ok {
		return "does not open with a deferred wrap"
	}
	if id, ok := def.Call.Fun.(*ast.Ident); !ok || id.Name != "wrap" || len(def.Call.Args) < 2 {
		return "opens with a defer that is not wrap(&err, format, ...)"
	}
	addr, ok := def.Call.Args[0].(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return "wraps something other than &err"
	}
	if id, ok := addr.X.(*ast.Ident); !ok || id.Name != "err" {
		return "wraps something other than &err"
	}
	lit, ok := def.Call.Args[1].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "wraps with a format that is not a string literal"
	}
	format, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "wraps with a format that does not unquote"
	}
	name := "cypher." + fn.Name.Name
	if format != name && !strings.HasPrefix(format, name+"(") {
		return "wraps with " + lit.Value + ", which does not name it"
	}
	return ""
}
