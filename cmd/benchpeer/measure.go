package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// result is one round of one read on one target.
type result struct {
	ok, errors int
	rps        float64
	p50, p99   time.Duration
	firstErr   error
}

// measure runs conns workers for d, each sending one request after another;
// request i takes parameter set i (mod their number), so every target sees
// the same sequence. Latencies are sorted for exact percentiles: a round
// holds a few thousand at most.
func measure(ctx context.Context, t target, r *read, sets []params, conns int, d time.Duration) result {
	var (
		next atomic.Int64
		mu   sync.Mutex
		lat  []time.Duration
		res  result
		wg   sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	for range conns {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				p := sets[int(next.Add(1)-1)%len(sets)]
				t0 := time.Now()
				err := t.hit(ctx, r, p)
				took := time.Since(t0)
				mu.Lock()
				if err != nil {
					res.errors++
					if res.firstErr == nil {
						res.firstErr = err
					}
				} else {
					lat = append(lat, took)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start) // requests in flight at the deadline count, and so does their time
	slices.Sort(lat)
	res.ok = len(lat)
	res.rps = float64(len(lat)) / elapsed.Seconds()
	if len(lat) > 0 {
		res.p50 = lat[len(lat)/2]
		res.p99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return res
}

// best is the round with the highest throughput.
func best(rounds []result) result {
	return slices.MaxFunc(rounds, func(a, b result) int {
		switch {
		case a.rps < b.rps:
			return -1
		case a.rps > b.rps:
			return 1
		}
		return 0
	})
}

// row is one line of the table: a read on a target, its best round, and all
// its rounds' errors.
type row struct {
	read   *read
	target string
	best   result
	errors int
	peer   bool
}

// printTable writes the figures, with each non-peer row's ratios to the peer
// of the same read: throughput (higher is better) and p99 (lower is better).
func printTable(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "read\tserver\treq/s\tp50 ms\tp99 ms\terrors\treq/s vs peer\tp99 vs peer\t")
	var peer result
	for _, r := range rows {
		if r.peer {
			peer = r.best
		}
		ratios := "\t"
		if !r.peer && peer.rps > 0 && peer.p99 > 0 {
			ratios = fmt.Sprintf("%.2fx\t%.2fx", r.best.rps/peer.rps, float64(r.best.p99)/float64(peer.p99))
		}
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%s\t%d\t%s\t\n", r.read.name, r.target, r.best.rps, ms(r.best.p50), ms(r.best.p99), r.errors, ratios)
	}
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
