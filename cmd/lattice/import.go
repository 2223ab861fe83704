package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// runImport reads a file or folder and writes it in one transaction, showing
// progress, then reports what it created, updated and left unchanged.
func runImport(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	var cfg cypher.Config
	fs := flag.NewFlagSet("lattice import", flag.ContinueOnError)
	neo4jFlags(fs, &cfg)
	cfg.Timeout = 30 * time.Minute // one transaction for a whole release
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: lattice import [flags] FORMAT PATH\n\nformats: %s\n\n", strings.Join(imports.Formats(), ", "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("import takes a FORMAT and a PATH")
	}
	format, path := fs.Arg(0), fs.Arg(1)
	if err := resolveLocal(&cfg); err != nil {
		return err
	}
	start := time.Now()
	imp, err := imports.Read(format, path)
	if err != nil {
		return err
	}
	read := time.Since(start)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	bar := newProgress(os.Stderr)
	writeStart := time.Now()
	rep, err := store.ImportGraph(ctx, imp.Graph, bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	printReport(stdout, imp, rep, read, time.Since(writeStart))
	return nil
}

// printReport writes the closing report: each kind, the totals and the rate.
func printReport(w io.Writer, imp *imports.Import, rep cypher.Report, read, write time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tcreated\tupdated\tunchanged\t")
	for _, k := range rep.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", k.Kind, k.Created, k.Updated, k.Unchanged)
	}
	created, updated, unchanged := rep.Totals()
	fmt.Fprintf(tw, "total\t%d\t%d\t%d\t\n", created, updated, unchanged)
	tw.Flush()
	rows := created + updated + unchanged
	fmt.Fprintf(w, "imported %s: %d nodes and edges in %s (read %s, write %s: %.0f rows/s)\n",
		imp.Format, rows, (read + write).Round(time.Millisecond), read.Round(time.Millisecond),
		write.Round(time.Millisecond), float64(rows)/write.Seconds())
	for _, n := range imp.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}

// progress shows how far a write has got: a bar redrawn in place on a
// terminal, a line every tenth of the way otherwise (logs, CI).
type progress struct {
	w        io.Writer
	terminal bool
	start    time.Time
	last     int // tenths logged, off a terminal
	drawn    time.Time
}

func newProgress(f *os.File) *progress {
	st, err := f.Stat()
	return &progress{w: f, terminal: err == nil && st.Mode()&os.ModeCharDevice != 0, start: time.Now(), last: -1}
}

func (p *progress) update(kind string, done, total int) {
	if total == 0 {
		return
	}
	frac := float64(done) / float64(total)
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-9)
	if p.terminal {
		if time.Since(p.drawn) < 100*time.Millisecond && done < total {
			return
		}
		p.drawn = time.Now()
		const width = 30
		n := int(frac * width)
		fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d/%d rows, %.0f rows/s, %-40s", strings.Repeat("#", n), strings.Repeat(" ", width-n),
			frac*100, done, total, rate, kind)
		return
	}
	if tenth := int(frac * 10); tenth > p.last {
		p.last = tenth
		fmt.Fprintf(p.w, "import: %3.0f%% %d/%d rows, %.0f rows/s (%s)\n", frac*100, done, total, rate, kind)
	}
}

func (p *progress) done() {
	if p.terminal {
		fmt.Fprintln(p.w)
	}
}
