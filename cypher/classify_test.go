package cypher

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// TestClassify maps the driver's errors onto the sentinels. Neo4j's own
// transaction timeout cannot be provoked on demand (it checks running
// transactions every few seconds), so its error is built here; the contexts'
// part runs against the real Neo4j in TestContextEndsTheCall.
func TestClassify(t *testing.T) {
	live := context.Background()
	expired, stop := context.WithDeadline(live, time.Now().Add(-time.Second))
	defer stop()
	cancelled, cancel := context.WithCancel(live)
	cancel()
	down, cut := context.WithCancelCause(live)
	cut(errStoreDown) // the breaker opened under the call
	dropped := &neo4j.ConnectivityError{Inner: io.EOF}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		err  error
		want error
	}{
		{"tx timeout from the client's configuration", live, &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, pathway.ErrTimeout},
		{"tx timeout from the server's configuration", live, &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOut"}, pathway.ErrTimeout},
		{"transient error", live, &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, pathway.ErrUnavailable},
		{"constraint", live, &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed"}, pathway.ErrInvalid},
		{"connection lost", live, dropped, pathway.ErrUnavailable},
		{"retries exhausted", live, &neo4j.TransactionExecutionLimit{Cause: "timeout"}, pathway.ErrUnavailable},
		{"connection error once the deadline passed", expired, dropped, pathway.ErrTimeout},
		{"connection error once cancelled", cancelled, dropped, context.Canceled},
		{"bare deadline", live, context.DeadlineExceeded, pathway.ErrTimeout},
		{"already classified", expired, pathway.ErrNotFound, pathway.ErrNotFound},
		{"cut short by the breaker", down, context.Canceled, pathway.ErrUnavailable},
		{"retries cut short by the breaker", down, &neo4j.TransactionExecutionLimit{Cause: "context canceled"}, pathway.ErrUnavailable},
		{"an answer that came before the breaker opened", down, pathway.ErrNotFound, pathway.ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := (&Store{}).classify(tc.ctx, "stmt", tc.err)
			if !errors.Is(got, tc.want) {
				t.Errorf("classify(%v) = %v, want it to wrap %v", tc.err, got, tc.want)
			}
			if tc.want != pathway.ErrUnavailable && errors.Is(got, pathway.ErrUnavailable) {
				t.Errorf("classify(%v) = %v: says unavailable", tc.err, got)
			}
		})
	}
}
