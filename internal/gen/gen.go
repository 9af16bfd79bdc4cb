// Package gen fills a database with synthetic mentor alliances for demos,
// load tests and benchmarks: members of every role with their accounts,
// a charter most have accepted, cohorts past, under way and open in cities
// of West Africa, applications in French and English at every stage of the
// pipeline with a history that leads there, the mentorships of the
// matched ones some way into their journey (sessions held, logged and
// rated, missed or cancelled, agreed ahead; completed ones with their end
// surveys, a few ended early), and the mentors' peer sessions with their
// attendance. A seed and a day always give the same data; it is written
// in large batches, several alliances at once on PostgreSQL.
package gen

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Options say what to generate.
type Options struct {
	Alliances                int    // how many alliances, slugs gen-<seed>-1, gen-<seed>-2, …
	EntrepreneursPerAlliance int    // how many applications each alliance receives
	Seed                     uint64 // the same seed gives the same data
	// Password is the password of every generated account: they all share
	// one hash, computed once.
	Password string
	// Today is the day the data is generated for: cohorts are past, under
	// way or open, and every moment falls before it. Zero means today.
	Today time.Time
	// MatchedShare is the share of applications matched to a mentor, from
	// 0 to 1, all in cohorts past or under way; zero means
	// DefaultMatchedShare. A load test of many mentorships asks for 1.
	MatchedShare float64
}

// DefaultMatchedShare is how many applications are matched to a mentor in
// an alliance's life: about one in ten.
const DefaultMatchedShare = 0.1

// matchedShare is the share opts asks for, or the default.
func (opts Options) matchedShare() float64 {
	if opts.MatchedShare == 0 {
		return DefaultMatchedShare
	}
	return opts.MatchedShare
}

// ErrSlugTaken is a run whose alliances' slugs are taken already: a run
// with the same seed was loaded before.
var ErrSlugTaken = errors.New("an alliance has this slug already")

// writersOnPostgres is how many alliances are written at once on
// PostgreSQL. SQLite takes one writer at a time.
const writersOnPostgres = 4

// Generate builds and writes the alliances opts asks for, and tells what
// it wrote. Alliances written before an error stay.
func Generate(ctx context.Context, db *store.DB, opts Options) (*Summary, error) {
	started := time.Now()
	today := domain.Day(opts.Today)
	if today.IsZero() {
		today = domain.Day(time.Now())
	}
	if err := checkSlugsFree(ctx, db, opts); err != nil {
		return nil, err
	}
	hash, err := auth.HashPassword(opts.Password)
	if err != nil {
		return nil, err
	}
	writers := 1
	if db.IsPostgres() {
		writers = min(writersOnPostgres, opts.Alliances)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	numbers := make(chan int)
	alliances, counts := make([]*domain.Alliance, opts.Alliances), make([]Counts, opts.Alliances)
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for n := range numbers {
				d := buildAlliance(opts.Seed, n, opts.EntrepreneursPerAlliance, opts.matchedShare(), today)
				if err := write(ctx, db, d, hash); err != nil {
					cancel(err)
					return
				}
				alliances[n-1], counts[n-1] = d.alliance, d.counts()
			}
		})
	}
	for n := 1; n <= opts.Alliances && ctx.Err() == nil; n++ {
		select {
		case numbers <- n:
		case <-ctx.Done():
		}
	}
	close(numbers)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	sum := &Summary{Alliances: alliances}
	for _, c := range counts {
		sum.Counts.add(c)
	}
	sum.Elapsed = time.Since(started)
	return sum, nil
}

// checkSlugsFree refuses a run one of whose alliances exists already.
func checkSlugsFree(ctx context.Context, db *store.DB, opts Options) error {
	taken := ""
	err := db.InPlatform(ctx, func(tx *store.Tx) error {
		for n := 1; n <= opts.Alliances && taken == ""; n++ {
			slug := Slug(opts.Seed, n)
			_, err := tx.AllianceBySlug(ctx, slug)
			switch {
			case err == nil:
				taken = slug
			case domain.ErrorCode(err) != domain.CodeNotFound:
				return err
			}
		}
		return nil
	})
	if err == nil && taken != "" {
		err = fmt.Errorf("%s: %w", taken, ErrSlugTaken)
	}
	return err
}
