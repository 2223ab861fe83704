package pathway

import (
	"context"
	"time"
)

// PlanObserver is told of each planner run: its kind ("solve", "front",
// "cohort"), whether the answer is proven optimal (false: the search
// stopped at its time cap, or failed), how long it took and its error.
// Operators count runs with it (Prometheus, in the service).
type PlanObserver func(kind string, optimal bool, d time.Duration, err error)

type observerKey struct{}

// WithPlanObserver returns a context whose planner runs obs is told of:
// every Solve, ParetoFront and SolveCohort called with it, and the runs of
// the questions built on them (stepping stones, reachable roles,
// recredentialing).
func WithPlanObserver(ctx context.Context, obs PlanObserver) context.Context {
	return context.WithValue(ctx, observerKey{}, obs)
}

// observeRun tells the context's observer, if any, of a run started at start.
func observeRun(ctx context.Context, kind string, start time.Time, optimal bool, err error) {
	if obs, ok := ctx.Value(observerKey{}).(PlanObserver); ok && obs != nil {
		obs(kind, optimal && err == nil, time.Since(start), err)
	}
}
