package loaders

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vikstrous/dataloadgen"
)

func panickingFetch(ctx context.Context, ids []string) (map[string]int, error) {
	panic("row converter bug")
}

// TestPanicInFetchKeepsItsStack: dataloadgen recovers a fetch's panic in its
// own goroutine; mapped keeps the stack and hands every key of the batch the
// same PanicError, reported once.
func TestPanicInFetchKeepsItsStack(t *testing.T) {
	l := mapped("test", panickingFetch, dataloadgen.WithWait(wait))
	ctx := context.Background()
	a, b := l.LoadThunk(ctx, "a"), l.LoadThunk(ctx, "b") // one batch
	_, errA := a()
	_, errB := b()
	var pa, pb *PanicError
	if !errors.As(errA, &pa) || !errors.As(errB, &pb) {
		t.Fatalf("errors %v and %v, want PanicErrors", errA, errB)
	}
	if pa != pb {
		t.Errorf("the keys of one batch got two PanicErrors; a shared one is reported once")
	}
	if pa.Value != "row converter bug" || !strings.Contains(string(pa.Stack), "panickingFetch") {
		t.Errorf("panic %v with stack %s, want the value and a stack through panickingFetch", pa.Value, pa.Stack)
	}
	if !pa.FirstReport() || pb.FirstReport() {
		t.Errorf("FirstReport must be true once, then false")
	}
}
