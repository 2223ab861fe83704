// Command lattice runs the career pathway service and its maintenance tasks:
//
//	lattice serve    serve GraphQL (and GraphiQL, /healthz, /readyz)
//	lattice schema   create the constraints and indexes
//	lattice sample   load the sample graph when the database holds none of it
//	                 (-scale N: a synthetic graph N times O*NET instead)
//	lattice import   import a file or folder (O*NET, ESCO, CSV, CASE, CTDL)
//
// Without NEO4J_URI every subcommand uses the local Neo4j that `make neo4j`
// (and `make run`) starts.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/rs/zerolog"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log, err := newLogger(os.Getenv("LATTICE_LOG_FORMAT"), os.Stderr)
	if err != nil {
		log, _ = newLogger("auto", os.Stderr)
		log.Warn().Err(err).Msg("LATTICE_LOG_FORMAT ignored")
	}
	if err := run(ctx, os.Args[1:], os.Stdout, log); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "lattice:", err)
		}
		os.Exit(2)
	}
}

const usage = `usage: lattice COMMAND [flags]

commands:
  serve    serve GraphQL on -addr (default :8080)
  schema   create the constraints and indexes (idempotent)
  sample   load the sample graph unless the database holds some of it;
           with -scale N, a synthetic graph N times O*NET instead
  import   import FORMAT PATH: onet, esco, roles, credentials, case, ctdl, cip or bls;
           -prune deletes what a new release of onet, esco, cip or case no longer has

Run "lattice COMMAND -h" for a command's flags.`

// run dispatches a subcommand.
func run(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, usage)
		return errors.New("no command")
	}
	switch args[0] {
	case "serve":
		m := NewMain(log)
		if err := m.ParseFlags(args[1:]); err != nil {
			return err
		}
		if err := m.Run(ctx); err != nil {
			return err
		}
		<-ctx.Done()
		log.Info().Msg("shutting down")
		return m.Close()
	case "schema":
		return runSchema(ctx, args[1:], stdout, log)
	case "sample":
		return runSample(ctx, args[1:], stdout, log)
	case "import":
		return runImport(ctx, args[1:], stdout, log)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(os.Stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
