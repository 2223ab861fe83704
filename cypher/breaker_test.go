package cypher

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/pathway"
)

// TestBreaker opens on a failing check, cutting short a call in flight and
// refusing new ones at once, and closes on the first check that passes. The
// real outage, through the service, is TestNeo4jStopped in resolvers.
func TestBreaker(t *testing.T) {
	var failing atomic.Bool
	b := newBreaker(func(context.Context) error {
		if failing.Load() {
			return errors.New("connection refused")
		}
		return nil
	}, 10*time.Millisecond, time.Second, zerolog.Nop())
	defer b.close()

	ctx, release, err := b.guard(context.Background())
	if err != nil {
		t.Fatalf("closed breaker refused a call: %v", err)
	}
	defer release()
	failing.Store(true)
	select {
	case <-ctx.Done():
		if !errors.Is(context.Cause(ctx), errStoreDown) {
			t.Errorf("call in flight ended with %v, want errStoreDown", context.Cause(ctx))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the call in flight was not cut short")
	}
	if _, _, err := b.guard(context.Background()); !errors.Is(err, pathway.ErrUnavailable) {
		t.Errorf("open breaker: %v, want ErrUnavailable", err)
	}
	if !b.open() {
		t.Error("open() is false while the check fails")
	}

	failing.Store(false)
	for deadline := time.Now().Add(5 * time.Second); b.open(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the breaker stayed open after the check passed")
		}
	}
	if _, release, err := b.guard(context.Background()); err != nil {
		t.Errorf("closed again, but: %v", err)
	} else {
		release()
	}
}
