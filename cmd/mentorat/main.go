// Command mentorat is the whole product: the web pages, the JSON API and
// the background workers of Mentorat, a multi-tenant service for mentor
// alliances. Run it with no arguments to start everything on the embedded
// defaults (a SQLite file and an in-process Redis) with the demo alliance.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/mentorat/mentorat/internal/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the product could not start or failed while running
	exitUsage   = 2 // the command line or a setting is wrong
)

// run executes one command line and gives the exit status. Errors reach
// stderr as one line.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cmd, rest := "", args
	if len(args) > 0 {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		err = serve(ctx, []string{"--demo"}, getenv, stdout)
	case "serve":
		err = serve(ctx, rest, getenv, stdout)
	case "worker":
		err = worker(ctx, rest, getenv, stdout)
	case "migrate":
		err = migrate(ctx, rest, getenv, stdout)
	case "tenants":
		err = importTenant(ctx, rest, getenv, stdout)
	case "gen":
		err = generate(ctx, rest, getenv, stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = usageError(fmt.Sprintf("unknown command %q; run `mentorat help`", cmd))
	}
	var cfgErr *config.Error
	var use usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &cfgErr), errors.As(err, &use):
		fmt.Fprintln(stderr, "mentorat:", err)
		return exitUsage
	default:
		fmt.Fprintln(stderr, "mentorat:", err)
		return exitFailure
	}
}

const usage = `Mentorat: mentor alliances, their charter, members and mentees.

Usage:
  mentorat                      start everything on the embedded defaults, with the demo alliance
  mentorat serve [flags]        serve the web pages and the API (and the workers unless --no-workers)
  mentorat worker               run the background workers only
  mentorat migrate up|down|status
  mentorat tenants import DIR   load an alliance folder (see tenants/)
  mentorat gen --alliances N --entrepreneurs-per-alliance M [--seed S]
                                fill the database with synthetic alliances, for demos and load tests

Run "mentorat serve --help" for the flags and the environment variables.
`

// usageError is a command line that cannot be run.
type usageError string

func (e usageError) Error() string { return string(e) }

// errHelpShown ends a command whose --help was asked for.
var errHelpShown = errors.New("help shown")
