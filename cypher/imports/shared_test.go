package imports

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData is a folder of ../shared/data beside the checkout: the tests
// that read it skip with a message where it is absent, and fail in CI, which
// must run them.
func sharedData(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: CI needs ../shared/data beside the checkout", dir)
		}
		t.Skipf("%s is absent; these tests read the shared data sets", dir)
	}
	return dir
}
