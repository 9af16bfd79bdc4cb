package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/config"
)

// serve runs the web server, and the workers unless told not to.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	noWorkers := fs.Bool("no-workers", false, "do not run the background workers in this process")
	noMigrate := fs.Bool("no-migrate", false, "do not apply pending migrations at start")
	demo := fs.Bool("demo", false, "load the demo alliance when the database has none")
	if err := parseFlags(fs, args, stdout, "mentorat serve [--no-workers] [--no-migrate] [--demo]"); err != nil {
		return err
	}
	return runApp(ctx, getenv, app.Options{Web: true, Workers: !*noWorkers, Migrate: !*noMigrate, Demo: *demo})
}

// worker runs the background workers only.
func worker(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	if err := parseFlags(fs, args, stdout, "mentorat worker"); err != nil {
		return err
	}
	return runApp(ctx, getenv, app.Options{Workers: true})
}

func runApp(ctx context.Context, getenv func(string) string, opts app.Options) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg)
	a, err := app.New(ctx, cfg, log, opts)
	if err != nil {
		return err
	}
	defer a.Close()
	return a.Run(ctx)
}

func newLogger(cfg *config.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// parseFlags reads a command's flags; --help prints them with the
// environment variables.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, synopsis string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if err == flag.ErrHelp {
		fmt.Fprintf(stdout, "Usage: %s\n\nFlags:\n", synopsis)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fmt.Fprintln(stdout)
		fmt.Fprint(stdout, config.Usage())
		return errHelpShown
	}
	if err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	return nil
}
