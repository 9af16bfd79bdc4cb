package gen

import (
	"context"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
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
