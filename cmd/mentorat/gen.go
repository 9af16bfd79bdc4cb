package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/config"
	"github.com/mentorat/mentorat/internal/gen"
	"github.com/mentorat/mentorat/internal/store"
)

// Bounds of `mentorat gen`.
const (
	maxGeneratedAlliances     = 1000
	maxGeneratedEntrepreneurs = 100_000 // per alliance
)

// generate fills the database with synthetic alliances, for demos and
// load tests: `mentorat gen --alliances N --entrepreneurs-per-alliance M
// [--seed S] [--matched-share F]`. It migrates the database first, as
// serve does. Every account it makes has the password it prints.
func generate(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	const synopsis = "mentorat gen --alliances N --entrepreneurs-per-alliance M [--seed S] [--matched-share F]"
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	alliances := fs.Int("alliances", 0, fmt.Sprintf("how many alliances to generate, 1 to %d (required)", maxGeneratedAlliances))
	perAlliance := fs.Int("entrepreneurs-per-alliance", 0,
		fmt.Sprintf("how many applications each alliance receives, 1 to %d (required)", maxGeneratedEntrepreneurs))
	seed := fs.Uint64("seed", 1, "the same seed gives the same data on the same day; the alliances are gen-<seed>-1, gen-<seed>-2, …")
	matchedShare := fs.Float64("matched-share", gen.DefaultMatchedShare,
		"the share of applications matched to a mentor, above 0 and at most 1; 1 gives a mentorship to nearly every application")
	if err := parseFlags(fs, args, stdout, synopsis); err != nil {
		return err
	}
	if *alliances < 1 || *alliances > maxGeneratedAlliances {
		return usageError(fmt.Sprintf("--alliances: give a number from 1 to %d; usage: %s", maxGeneratedAlliances, synopsis))
	}
	if *perAlliance < 1 || *perAlliance > maxGeneratedEntrepreneurs {
		return usageError(fmt.Sprintf("--entrepreneurs-per-alliance: give a number from 1 to %d; usage: %s", maxGeneratedEntrepreneurs, synopsis))
	}
	if !(*matchedShare > 0 && *matchedShare <= 1) {
		return usageError(fmt.Sprintf("--matched-share: give a share above 0 and at most 1; usage: %s", synopsis))
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	a, err := app.New(ctx, cfg, newLogger(cfg), app.Options{Migrate: true})
	if err != nil {
		return err
	}
	defer a.Close()
	password := auth.NewToken()[:20]
	sum, err := gen.Generate(ctx, a.DB, gen.Options{Alliances: *alliances, EntrepreneursPerAlliance: *perAlliance,
		Seed: *seed, Password: password, MatchedShare: *matchedShare})
	if errors.Is(err, gen.ErrSlugTaken) {
		return usageError(fmt.Sprintf("--seed %d: %v; give another seed", *seed, err))
	}
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if err := analyze(ctx, cfg); err != nil {
		return fmt.Errorf("generate: statistics: %w", err)
	}
	printSummary(stdout, sum, password)
	return nil
}

// analyze refreshes the planner's statistics after the bulk load, as the
// schema owner, so that the first queries after gen are planned on the
// data it wrote rather than on the empty tables before it.
func analyze(ctx context.Context, cfg *config.Config) error {
	owner, err := store.Open(ctx, cfg.MigrateDatabaseURL, cfg.ConnectTimeout)
	if err != nil {
		return err
	}
	defer owner.Close()
	return owner.Analyze(ctx)
}

// printSummary tells what a run wrote, how fast, and how to sign in.
func printSummary(w io.Writer, sum *gen.Summary, password string) {
	first, last := sum.Alliances[0].Slug, sum.Alliances[len(sum.Alliances)-1].Slug
	if first == last {
		fmt.Fprintf(w, "generated alliance %s in %.1fs\n\n", first, sum.Elapsed.Seconds())
	} else {
		fmt.Fprintf(w, "generated %d alliances, %s to %s, in %.1fs\n\n", len(sum.Alliances), first, last, sum.Elapsed.Seconds())
	}
	c := sum.Counts
	for _, row := range []struct {
		what string
		n    int
	}{
		{"applications", c.Applications}, {"application events", c.ApplicationEvents}, {"mentorships", c.Mentorships},
		{"sessions", c.Sessions}, {"actions", c.Actions}, {"private notes", c.PrivateNotes}, {"end surveys", c.EndSurveys},
		{"peer sessions", c.PeerSessions}, {"peer invitations", c.PeerInvitations}, {"cohorts", c.Cohorts},
		{"accounts", c.Users}, {"memberships", c.Members}, {"charter versions", c.CharterVersions},
		{"charter acceptances", c.CharterAcceptances}, {"rows in all", c.Rows()},
	} {
		fmt.Fprintf(w, "  %-20s %9d\n", row.what, row.n)
	}
	fmt.Fprintf(w, "\n%.0f applications/s, %.0f rows/s\n\n", sum.ApplicationsPerSecond(), sum.RowsPerSecond())
	fmt.Fprintf(w, "Every generated account has the password %s\n", password)
	fmt.Fprintf(w, "Sign in as admin.1@%s.example; each alliance also has coordinator.N@, mentor.N@ and observer.N@ accounts.\n", first)
}
