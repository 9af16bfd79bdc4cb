package gen

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// BenchmarkPipeline measures the pipeline's reads on PostgreSQL, at the
// service level, with a generated alliance of 5,000 applications and 200
// mentors: the first page of the pipeline filtered by status and city,
// and searched by a word; the ranked mentors of one accepted application;
// and "suggest all" for a cohort of 500 accepted applications.
func BenchmarkPipeline(b *testing.B) {
	if !testkit.UsePostgres() {
		b.Skipf("the pipeline's benchmarks run on PostgreSQL: set %s and %s", testkit.EnvDatabaseURL, testkit.EnvMigrateDatabaseURL)
	}
	ctx := context.Background()
	db := testkit.OpenDB(b)
	sum, err := Generate(ctx, db, testOptions(1, 5000, 1))
	if err != nil {
		b.Fatal(err)
	}
	alliance := sum.Alliances[0]
	caller := service.Caller{Alliance: alliance}
	apps, matching := &service.Applications{DB: db}, &service.Matching{DB: db}
	cohort := cohortOfAcceptedApplications(b, db, alliance, 500)

	list := func(q service.PipelineQuery) func(*testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				page, total, err := apps.List(ctx, caller, q)
				if err != nil || len(page) == 0 || total < len(page) {
					b.Fatalf("%d of %d (%v)", len(page), total, err)
				}
			}
		}
	}
	b.Run("list-status-city", list(service.PipelineQuery{Status: []domain.ApplicationStatus{domain.AppRejected},
		City: homeCity(1), Limit: 50}))
	b.Run("list-text", list(service.PipelineQuery{Text: "trésorerie", Limit: 50}))

	accepted, _, err := apps.List(ctx, caller, service.PipelineQuery{CohortID: &cohort,
		Status: []domain.ApplicationStatus{domain.AppAccepted}, Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("suggestions", func(b *testing.B) {
		for b.Loop() {
			ranked, err := matching.Suggestions(ctx, caller, accepted[0].ID)
			if err != nil || len(ranked) != maxMentors {
				b.Fatalf("%d mentors ranked (%v)", len(ranked), err)
			}
		}
	})
	b.Run("suggest-all-500x200", func(b *testing.B) {
		for b.Loop() {
			proposal, err := matching.SuggestAll(ctx, caller, cohort)
			if err != nil || len(proposal.Pairs)+len(proposal.Unassigned) != 500 {
				b.Fatalf("%d pairs, %d unassigned (%v)", len(proposal.Pairs), len(proposal.Unassigned), err)
			}
		}
	})
}

// cohortOfAcceptedApplications makes the shape "suggest all" is measured
// on, which generated data does not have by itself: every mentor active,
// and n applications moved, accepted, into the alliance's cohort that
// takes applications. It gives that cohort.
func cohortOfAcceptedApplications(b *testing.B, db *store.DB, alliance *domain.Alliance, n int) domain.ID {
	b.Helper()
	ctx := context.Background()
	var cohort domain.ID
	err := db.InTenant(ctx, alliance.ID, func(tx *store.Tx) error {
		cohorts, err := tx.Cohorts(ctx, alliance.ID)
		if err != nil {
			return err
		}
		for _, c := range cohorts {
			if c.ApplicationsOpen {
				cohort = c.ID
			}
		}
		_, err = tx.Bun().NewRaw("UPDATE members SET status = ? WHERE tenant_id = ? AND roles = ?",
			domain.StatusActive, alliance.ID, domain.RoleMentor).Exec(ctx)
		if err != nil {
			return err
		}
		_, err = tx.Bun().NewRaw(`UPDATE applications SET status = ?, cohort_id = ? WHERE tenant_id = ? AND id IN
			(SELECT id FROM applications WHERE tenant_id = ? AND status NOT IN (?, ?) ORDER BY id LIMIT ?)`,
			domain.AppAccepted, cohort, alliance.ID, alliance.ID, domain.AppAccepted, domain.AppMatched, n).Exec(ctx)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return cohort
}

// EnvJourneyShape chooses the shape BenchmarkJourney generates, as
// ALLIANCESxENTREPRENEURS ("20x100" for a quick run); unset, the load
// shape of 1,000 alliances of 100 entrepreneurs, every application
// matched: 100,000 mentorships and 1.2 million sessions.
const EnvJourneyShape = "MENTORAT_BENCH_JOURNEY_SHAPE"

// benchDay is the day BenchmarkJourney generates for and runs at: early
// in a month, when the month's sessions are near.
var benchDay = time.Date(2026, time.June, 2, 0, 0, 0, 0, time.UTC)

// Sizes of the dashboard's concurrent load.
const (
	dashboardClients   = 50
	dashboardPerClient = 40 // requests each client makes in turn
	dashboardAlliances = 100
)

// BenchmarkJourney measures the journey's reads and its daily run on
// PostgreSQL, at the service level, on data generated once with every
// application matched (see EnvJourneyShape): an alliance's report to its
// funders; a mentor's dashboard under 50 concurrent clients, each making
// 40 requests for mentors of the first 100 alliances in turn, reported as
// p50, p95 and p99 in milliseconds; and the daily reminders over every
// alliance, reported in seconds with the mails they sent, then run again
// to check that the second run sends nothing.
func BenchmarkJourney(b *testing.B) {
	if !testkit.UsePostgres() {
		b.Skipf("the journey's benchmarks run on PostgreSQL: set %s and %s", testkit.EnvDatabaseURL, testkit.EnvMigrateDatabaseURL)
	}
	alliances, entrepreneurs := journeyShape(b)
	ctx := context.Background()
	database := testkit.NewDatabase(b)
	db := testkit.Open(b, database)
	opts := Options{Alliances: alliances, EntrepreneursPerAlliance: entrepreneurs, Seed: 1, Password: "mangue-sous-le-karite",
		Today: benchDay, MatchedShare: 1}
	sum, err := Generate(ctx, db, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d alliances, %d mentorships, %d sessions, %d rows in %.1fs", sum.Counts.Alliances,
		sum.Counts.Mentorships, sum.Counts.Sessions, sum.Counts.Rows(), sum.Elapsed.Seconds())
	// Fresh statistics, as autovacuum would soon give them; only the
	// tables' owner may gather them.
	if _, err := testkit.OwnerDB(b, database).Bun().ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		b.Fatal(err)
	}
	journey := &service.Journey{DB: db, Catalog: catalog, BaseURL: "https://mentorat.example",
		Now: func() time.Time { return benchDay.Add(9 * time.Hour) }}

	b.Run("summary", func(b *testing.B) {
		reports, caller := &service.Reports{DB: db}, service.Caller{Alliance: sum.Alliances[0]}
		for b.Loop() {
			report, err := reports.Summary(ctx, caller, store.ReportFilter{})
			if err != nil || report.Total.Entrepreneurs == 0 {
				b.Fatalf("%+v (%v)", report, err)
			}
		}
	})
	b.Run("dashboard-50-clients", func(b *testing.B) {
		mentors := mentorsAtWork(b, db, sum.Alliances[:min(dashboardAlliances, len(sum.Alliances))])
		var latencies []time.Duration
		for b.Loop() {
			latencies = append(latencies, dashboardLoad(b, journey, mentors)...)
		}
		slices.Sort(latencies)
		for _, p := range []float64{50, 95, 99} {
			at := latencies[min(len(latencies)-1, int(float64(len(latencies))*p/100))]
			b.ReportMetric(float64(at.Microseconds())/1000, fmt.Sprintf("p%.0f-ms", p))
		}
	})
	b.Run("remind-all", func(b *testing.B) {
		var first service.ReminderCounts
		var took time.Duration
		runs := 0
		remind := func() service.ReminderCounts {
			n, err := journey.RemindAll(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if runs++; runs > 1 && n != (service.ReminderCounts{}) {
				b.Fatalf("run %d on the same day sent %+v", runs, n)
			}
			return n
		}
		for b.Loop() {
			started := time.Now()
			if n := remind(); runs == 1 {
				first, took = n, time.Since(started)
			}
		}
		if runs == 1 {
			remind()
		}
		b.ReportMetric(took.Seconds(), "s/first-run")
		b.ReportMetric(float64(first.SessionsSoon+first.LogsDue+first.Stale), "mails")
		b.ReportMetric(float64(first.Completed), "completed")
	})
}

// journeyShape reads EnvJourneyShape: how many alliances of how many
// entrepreneurs BenchmarkJourney generates.
func journeyShape(b *testing.B) (alliances, entrepreneurs int) {
	b.Helper()
	shape := os.Getenv(EnvJourneyShape)
	if shape == "" {
		return 1000, 100
	}
	if _, err := fmt.Sscanf(shape, "%dx%d", &alliances, &entrepreneurs); err != nil || alliances < 1 || entrepreneurs < 1 {
		b.Fatalf("%s=%q: want ALLIANCESxENTREPRENEURS, such as 20x100", EnvJourneyShape, shape)
	}
	return alliances, entrepreneurs
}

// mentorAtWork is a mentor with active mentorships, and their alliance.
type mentorAtWork struct {
	alliance *domain.Alliance
	mentor   domain.ID
}

// mentorsAtWork lists the mentors of alliances who have active
// mentorships.
func mentorsAtWork(b *testing.B, db *store.DB, alliances []*domain.Alliance) []mentorAtWork {
	b.Helper()
	ctx := context.Background()
	var out []mentorAtWork
	for _, a := range alliances {
		err := db.InTenant(ctx, a.ID, func(tx *store.Tx) error {
			mentors, err := tx.MentorCandidates(ctx, a.ID)
			for _, m := range mentors {
				if m.Active > 0 {
					out = append(out, mentorAtWork{a, m.Member.UserID})
				}
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if len(out) == 0 {
		b.Fatal("no mentor has an active mentorship")
	}
	slices.SortFunc(out, func(x, y mentorAtWork) int { return strings.Compare(x.mentor.String(), y.mentor.String()) })
	return out
}

// dashboardLoad has dashboardClients clients each ask dashboardPerClient
// dashboards at once, for mentors in turn, and gives how long each took.
func dashboardLoad(b *testing.B, journey *service.Journey, mentors []mentorAtWork) []time.Duration {
	b.Helper()
	ctx := context.Background()
	latencies := make([]time.Duration, dashboardClients*dashboardPerClient)
	var wg sync.WaitGroup
	for c := range dashboardClients {
		wg.Go(func() {
			for k := range dashboardPerClient {
				i := c*dashboardPerClient + k
				m := mentors[i%len(mentors)]
				started := time.Now()
				cards, err := journey.Dashboard(ctx, service.Caller{Actor: service.Actor{UserID: m.mentor}, Alliance: m.alliance})
				latencies[i] = time.Since(started)
				if err != nil || len(cards) == 0 {
					b.Errorf("dashboard of %s: %d cards (%v)", m.mentor, len(cards), err)
					return
				}
			}
		})
	}
	wg.Wait()
	return latencies
}
