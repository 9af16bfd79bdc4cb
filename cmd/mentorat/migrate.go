package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mentorat/mentorat/internal/config"
	"github.com/mentorat/mentorat/internal/store"
)

// migrate applies, rolls back or lists the migrations, as the schema owner.
func migrate(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || (args[0] != "up" && args[0] != "down" && args[0] != "status" && !isHelp(args[0])) {
		return usageError("usage: mentorat migrate up|down|status")
	}
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	if isHelp(args[0]) {
		return parseFlags(fs, args, stdout, "mentorat migrate up|down|status")
	}
	if err := parseFlags(fs, args[1:], stdout, "mentorat migrate "+args[0]); err != nil {
		return err
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.MigrateDatabaseURL, cfg.ConnectTimeout)
	if err != nil {
		return fmt.Errorf("database (MENTORAT_MIGRATE_DATABASE_URL): %w", err)
	}
	defer db.Close()
	switch args[0] {
	case "up":
		applied, err := db.MigrateUp(ctx)
		if err != nil {
			return err
		}
		if err := db.EnsureAppRole(ctx, cfg.DatabaseURL); err != nil {
			return err
		}
		if len(applied) == 0 {
			fmt.Fprintln(stdout, "nothing to apply: the database is up to date")
		} else {
			fmt.Fprintln(stdout, "applied:", strings.Join(applied, ", "))
		}
	case "down":
		undone, err := db.MigrateDown(ctx)
		if err != nil {
			return err
		}
		if len(undone) == 0 {
			fmt.Fprintln(stdout, "nothing to roll back")
		} else {
			fmt.Fprintln(stdout, "rolled back:", strings.Join(undone, ", "))
		}
	case "status":
		pending, err := db.MigrationStatus(ctx, stdout)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d pending\n", pending)
	}
	return nil
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "help" }
