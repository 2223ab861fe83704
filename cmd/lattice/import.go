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
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/imports"
	"github.com/lattice-pathways/lattice/metrics"
)

// runImport reads a file or folder and writes it in one transaction, showing
// progress, then reports what it created, updated and left unchanged, and
// with --prune what it deleted.
func runImport(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	var cfg cypher.Config
	fs := flag.NewFlagSet("lattice import", flag.ContinueOnError)
	neo4jFlags(fs, &cfg)
	cfg.Timeout = 30 * time.Minute // one transaction for a whole release
	var logFormat string
	logFormatFlag(fs, &logFormat)
	metricsFile := fs.String("metrics-file", env("LATTICE_IMPORT_METRICS_FILE", ""), "write the import's metrics here, for node_exporter's textfile collector (env LATTICE_IMPORT_METRICS_FILE)")
	prune := fs.Bool("prune", false, "after writing, delete what the source no longer has: its roles, skills and credentials the release lacks (with their edges) and the edges the import writes that it no longer has (formats "+strings.Join(imports.PruneFormats(), ", ")+")")
	pruneShare := fs.Float64("prune-max-share", cypher.DefaultPruneShare, "with --prune, refuse the whole import when it would delete more than this share (0-1) of the source's nodes")
	pruneForce := fs.Bool("prune-force", false, "with --prune, delete however many nodes the release no longer has")
	dryRun := fs.Bool("dry-run", false, "do the whole import, report what it would create, update and delete, and roll it back")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: lattice import [flags] FORMAT PATH\n\nformats: %s\n\n"+
			"--prune makes re-importing a new release of a source (%s) give the graph a fresh load of it\n"+
			"would: without it an import only creates and updates.\n\n",
			strings.Join(imports.Formats(), ", "), strings.Join(imports.PruneFormats(), ", "))
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
	if (flagSet(fs, "prune-max-share") || *pruneForce) && !*prune {
		return fmt.Errorf("--prune-max-share and --prune-force go with --prune")
	}
	if *pruneShare < 0 || *pruneShare > 1 {
		return fmt.Errorf("--prune-max-share is a share from 0 to 1, got %g", *pruneShare)
	}
	if *prune && !imports.Prunes(format) {
		return fmt.Errorf("--prune needs a format that reads a whole release of its source (%s): %s reads part of one, and pruning by it would delete the rest", strings.Join(imports.PruneFormats(), ", "), format)
	}
	if *dryRun && format == "bls" {
		return fmt.Errorf("--dry-run is for the formats that write a graph, not bls")
	}
	var err error
	if flagSet(fs, "log-format") {
		if log, err = newLogger(logFormat, os.Stderr); err != nil {
			return err
		}
	}
	if err := resolveLocal(&cfg); err != nil {
		return err
	}
	opened, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer opened.Close(context.Background())
	m := metrics.New()
	store := opened.WithObserver(m)
	start := time.Now()
	imp, err := imports.ReadFrom(ctx, format, path, store) // cip reads the graph's occupations
	if err != nil {
		return err
	}
	read := time.Since(start)
	opt := cypher.ImportOptions{DryRun: *dryRun}
	if *prune {
		if imp.Source == "" {
			return fmt.Errorf("nothing was imported: %s names no one source to prune", format)
		}
		if len(imp.Partial) > 0 {
			return fmt.Errorf("nothing was imported: --prune needs the whole release, and %s lacks %s, whose nodes and edges pruning would delete", path, strings.Join(imp.Partial, ", "))
		}
		opt.Prune = &cypher.Prune{Source: imp.Source, MaxShare: *pruneShare, Force: *pruneForce}
	}
	bar := newProgress(os.Stderr)
	writeStart := time.Now()
	write := func() (cypher.Report, error) { return store.Import(ctx, imp.Graph, bar.update, opt) }
	if imp.Occupations != nil { // bls: data for the roles already there
		write = func() (cypher.Report, error) { return store.SetOccupationData(ctx, imp.Occupations, bar.update) }
	}
	rep, err := write()
	bar.done()
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	printReport(stdout, imp, rep, read, time.Since(writeStart))
	if rep.DryRun {
		return nil // no import happened to count
	}
	created, updated, unchanged := rep.Totals()
	m.ObserveImport(imp.Format, created+updated+unchanged, time.Since(start))
	if *metricsFile != "" {
		if err := m.WriteFile(*metricsFile); err != nil {
			return fmt.Errorf("the import is done, but its metrics were not written: %w", err)
		}
	}
	return nil
}

// flagSet tells whether a flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// printReport writes the closing report: each kind, the totals and the rate.
func printReport(w io.Writer, imp *imports.Import, rep cypher.Report, read, write time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// The deleted column only when pruning: a plain import deletes nothing.
	deleted := func(n int) string {
		if !rep.Pruned {
			return ""
		}
		return fmt.Sprintf("%d\t", n)
	}
	fmt.Fprintf(tw, "kind\tcreated\tupdated\tunchanged\t%s\n", map[bool]string{true: "deleted\t"}[rep.Pruned])
	for _, k := range rep.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", k.Kind, k.Created, k.Updated, k.Unchanged, deleted(k.Deleted))
	}
	created, updated, unchanged := rep.Totals()
	fmt.Fprintf(tw, "total\t%d\t%d\t%d\t%s\n", created, updated, unchanged, deleted(rep.Deleted()))
	tw.Flush()
	if rep.DryRun {
		fmt.Fprintln(w, "dry run: nothing was written (the transaction was rolled back)")
	}
	rows := created + updated + unchanged
	fmt.Fprintf(w, "imported %s: %d nodes and edges in %s (read %s, write %s: %.0f rows/s)\n",
		imp.Format, rows, (read + write).Round(time.Millisecond), read.Round(time.Millisecond),
		write.Round(time.Millisecond), float64(rows)/write.Seconds())
	if rep.Pruned {
		fmt.Fprintf(w, "pruned %s: deleted %d nodes and edges it no longer has\n", imp.Source, rep.Deleted())
	}
	for _, n := range imp.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}

// progress shows how far a write has got: a bar redrawn in place on a
// terminal, a line every tenth of the way otherwise (logs, CI).
type progress struct {
	w        io.Writer
	terminal bool
	// bar is made at the first report, when the total is known. Reports come
	// once per batch of 2,000 rows, rare enough to draw each one unthrottled,
	// so a failed write leaves the bar where it stopped.
	bar   *progressbar.ProgressBar
	kind  string // the kind the bar names
	start time.Time
	last  int // tenths logged, off a terminal
}

func newProgress(f *os.File) *progress {
	return &progress{w: f, terminal: term.IsTerminal(int(f.Fd())), start: time.Now(), last: -1}
}

func (p *progress) update(kind string, done, total int) {
	if total == 0 {
		return
	}
	if p.terminal {
		if p.bar == nil {
			p.kind = kind
			p.bar = progressbar.NewOptions(total,
				progressbar.OptionSetDescription(kind),
				progressbar.OptionSetWriter(p.w),
				progressbar.OptionSetWidth(30),
				progressbar.OptionShowCount(),
				progressbar.OptionShowIts(),
				progressbar.OptionSetItsString("rows"),
				progressbar.OptionShowDescriptionAtLineEnd(),
				progressbar.OptionOnCompletion(func() { fmt.Fprintln(p.w) }))
		}
		if kind != p.kind {
			p.kind = kind
			p.bar.Describe(kind)
		}
		_ = p.bar.Set(done) // a drawing error is no reason to stop an import
		return
	}
	frac := float64(done) / float64(total)
	if tenth := int(frac * 10); tenth > p.last {
		p.last = tenth
		rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-9)
		fmt.Fprintf(p.w, "import: %3.0f%% %d/%d rows, %.0f rows/s (%s)\n", frac*100, done, total, rate, kind)
	}
}

// done ends the bar's line; a failed write leaves the bar where it stopped.
func (p *progress) done() {
	if p.bar != nil && !p.bar.IsFinished() {
		_ = p.bar.Exit()
	}
}
