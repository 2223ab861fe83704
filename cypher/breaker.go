package cypher

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/pathway"
)

// errStoreDown is the cause a call's context gets when the breaker opens
// under it; classify turns it into pathway.ErrUnavailable.
var errStoreDown = errors.New("neo4j stopped answering the readiness check")

// breaker fails calls at once while Neo4j is down. A background check runs
// a real query every interval; when it fails twice in a row (the second on a
// fresh connection, so one stale pooled connection is not an outage) the
// breaker opens: calls in flight are cut short, wherever the driver's retry
// loop has them, and new calls fail before reaching the driver. The first
// check that passes closes it again. While it is closed, the driver's own
// bounded retries handle transient errors such as a cluster's leader change.
type breaker struct {
	check    func(context.Context) error
	interval time.Duration
	timeout  time.Duration
	log      zerolog.Logger

	mu sync.Mutex
	// up is cancelled (with errStoreDown) when the breaker opens; nil while open.
	up     context.Context
	cancel context.CancelCauseFunc

	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

func newBreaker(check func(context.Context) error, interval, timeout time.Duration, log zerolog.Logger) *breaker {
	b := &breaker{check: check, interval: interval, timeout: timeout, log: log,
		stop: make(chan struct{}), done: make(chan struct{})}
	b.up, b.cancel = context.WithCancelCause(context.Background())
	go b.run()
	return b
}

// guard returns ctx, cancelled with errStoreDown if the breaker opens before
// release is called, or pathway.ErrUnavailable at once while it is open.
func (b *breaker) guard(ctx context.Context) (context.Context, context.CancelFunc, error) {
	if b == nil {
		return ctx, func() {}, nil
	}
	b.mu.Lock()
	up := b.up
	b.mu.Unlock()
	if up == nil {
		return ctx, func() {}, fmt.Errorf("%w: %w", errStoreDown, pathway.ErrUnavailable)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(up, func() { cancel(errStoreDown) })
	return ctx, func() { stop(); cancel(nil) }, nil
}

// open reports whether calls are being refused.
func (b *breaker) open() bool {
	if b == nil {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.up == nil
}

func (b *breaker) run() {
	defer close(b.done)
	tick := time.NewTicker(b.interval)
	defer tick.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-tick.C:
		}
		slow, err := b.probe()
		if err != nil && !slow && !b.open() {
			// The first may have met a pooled connection the server had
			// already closed; a check that timed out is not asked twice.
			_, err = b.probe()
		}
		b.set(err)
	}
}

// probe runs the check and tells whether it ran out of time.
func (b *breaker) probe() (slow bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	err = b.check(ctx)
	return ctx.Err() != nil, err
}

func (b *breaker) set(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case err != nil && b.up != nil:
		b.cancel(errStoreDown)
		b.up, b.cancel = nil, nil
		b.log.Warn().Err(err).Msg("neo4j is down: failing requests at once until it answers again")
	case err == nil && b.up == nil:
		b.up, b.cancel = context.WithCancelCause(context.Background())
		b.log.Info().Msg("neo4j answers again")
	}
}

func (b *breaker) close() {
	if b == nil {
		return
	}
	b.stopOnce.Do(func() { close(b.stop) })
	<-b.done
}
