package cypher_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestContextEndsTheCall checks that a read and a write on a context past its
// deadline fail with ErrTimeout and on a cancelled one with context.Canceled,
// never with ErrUnavailable: Neo4j is up, the caller stopped waiting.
func TestContextEndsTheCall(t *testing.T) {
	s := cyphertest.Sample(t)
	name := "Kubernetes"
	calls := []struct {
		name string
		call func(context.Context) error
	}{
		{"read", func(ctx context.Context) error {
			_, err := s.RolesByIDs(ctx, []string{"help-desk-technician"})
			return err
		}},
		{"write", func(ctx context.Context) error {
			_, err := s.CreateSkill(ctx, pathway.Skill{ID: "kubernetes", Name: name})
			return err
		}},
	}
	expired, stop := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer stop()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, ctx := range []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"deadline passed", expired, pathway.ErrTimeout},
		{"cancelled", cancelled, context.Canceled},
	} {
		for _, c := range calls {
			t.Run(ctx.name+"/"+c.name, func(t *testing.T) {
				err := c.call(ctx.ctx)
				if !errors.Is(err, ctx.want) || errors.Is(err, pathway.ErrUnavailable) {
					t.Errorf("got %v, want an error wrapping %v and not %v", err, ctx.want, pathway.ErrUnavailable)
				}
			})
		}
	}
	// The refused write left nothing behind.
	got, err := s.SkillsByIDs(context.Background(), []string{"kubernetes"})
	if err != nil || len(got) != 0 {
		t.Errorf("after the refused writes: %v, %v; want no skill", got, err)
	}
}
