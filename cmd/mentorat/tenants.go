package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/mentorat/mentorat/internal/config"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// importTenant loads an alliance folder: `mentorat tenants import DIR`.
func importTenant(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) != 2 || args[0] != "import" {
		return usageError("usage: mentorat tenants import DIR")
	}
	dir := args[1]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usageError(fmt.Sprintf("%s is not a folder", dir))
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.ConnectTimeout)
	if err != nil {
		return fmt.Errorf("database (MENTORAT_DATABASE_URL): %w", err)
	}
	defer db.Close()
	a, created, err := (&service.Tenants{DB: db}).Import(ctx, os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("import %s: %w", dir, err)
	}
	verb := "updated"
	if created {
		verb = "created"
	}
	fmt.Fprintf(stdout, "alliance %s %s\n", a.Slug, verb)
	return nil
}
