package cyphertest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedData is a folder of ../shared/data beside the checkout (found from
// the module root, whatever the test's package): the tests that read it skip
// with a message where it is absent, and fail in CI, which must run them.
func SharedData(t testing.TB, sub ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{filepath.Dir(ModuleRoot(t)), "shared", "data"}, sub...)...)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: CI needs ../shared/data beside the checkout", path)
		}
		t.Skipf("%s is absent; this test reads the shared data sets", path)
	}
	return path
}

// ModuleRoot is the folder holding go.mod, at or above the test's folder.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cyphertest.ModuleRoot: no go.mod above the test's folder")
		}
		dir = parent
	}
}
