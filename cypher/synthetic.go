package cypher

import (
	"context"
	"fmt"
)

// SyntheticState is what a database holds, as `lattice sample -scale` sees
// it before writing: Nodes counts every node, and Synthetic says a
// synthetic graph is among them (built with Scale and Seed).
type SyntheticState struct {
	Nodes     int
	Synthetic bool
	Scale     float64
	Seed      int64
}

// SyntheticState reads what the database holds.
func (s *Store) SyntheticState(ctx context.Context) (st SyntheticState, err error) {
	defer wrap(&err, "cypher.SyntheticState")
	recs, err := s.read(ctx, "synthetic_state", nil)
	if err != nil {
		return st, err
	}
	if len(recs) == 1 {
		st.Nodes = intOf(get(recs[0], "nodes"))
		if m := asMap(get(recs[0], "synthetic")); m != nil {
			st.Synthetic, st.Scale, st.Seed = true, floatOf(m["scale"]), int64(intOf(m["seed"]))
		}
	}
	return st, nil
}

// WriteSynthetic writes a synthetic graph (see package synth) in batches,
// one transaction each, because a graph ten times O*NET is more than one
// transaction should hold; then derives the overlap edges as an import
// does, and marks the database as holding it. Unlike ImportGraph a failure
// leaves the batches before it written: the caller starts again with a
// fresh database. progress may be nil.
func (s *Store) WriteSynthetic(ctx context.Context, g *Graph, scale float64, seed int64, progress Progress) (rep Report, err error) {
	defer wrap(&err, "cypher.WriteSynthetic")
	if err := g.Validate(); err != nil {
		return rep, err
	}
	// One transaction per batch: a graph ten times O*NET would not fit one.
	rep, err = writeBatches(g, progress, func(step graphRows, start int, batch []map[string]any, kr *KindReport) error {
		var k KindReport
		err := s.write(ctx, func(t tx) error {
			k = KindReport{} // the driver may retry the transaction
			return t.writeRows(ctx, step, batch, &k)
		})
		if err != nil {
			return fmt.Errorf("%s, rows %d to %d: %w", step.kind, start, start+len(batch), err)
		}
		kr.add(k)
		return nil
	})
	if err != nil {
		return rep, err
	}
	err = s.write(ctx, func(t tx) error {
		if err := t.connectOccupations(ctx); err != nil {
			return err
		}
		if err := t.refreshOverlaps(ctx); err != nil {
			return err
		}
		_, err := t.run(ctx, "mark_synthetic", map[string]any{"scale": scale, "seed": seed})
		return err
	})
	return rep, err
}
