package gen

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// testDay is the day the tests generate for, so that their data never
// changes with the date they run on.
var testDay = time.Date(2026, time.May, 12, 0, 0, 0, 0, time.UTC)

func testOptions(alliances, entrepreneurs int, seed uint64) Options {
	return Options{Alliances: alliances, EntrepreneursPerAlliance: entrepreneurs, Seed: seed,
		Password: "mangue-sous-le-karite", Today: testDay}
}

func TestGeneratedAlliancesReadBackThroughTheServices(t *testing.T) {
	ctx := context.Background()
	db := testkit.OpenDB(t)
	// Four alliances: Mali, Senegal and Côte d'Ivoire in French, Ghana in
	// English.
	sum, err := Generate(ctx, db, testOptions(4, 150, 7))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Counts.Alliances != 4 || sum.Counts.Applications != 600 || len(sum.Alliances) != 4 {
		t.Fatalf("summary %+v", sum.Counts)
	}
	if got := sum.Alliances[3]; got.Slug != "gen-7-4" || got.DefaultLocale != domain.English {
		t.Fatalf("fourth alliance %s in %s, want gen-7-4 in English", got.Slug, got.DefaultLocale)
	}
	var inDB Counts
	for _, a := range sum.Alliances {
		inDB.add(countRows(t, db, a.ID))
	}
	inDB.Alliances, inDB.Users = sum.Counts.Alliances, countUsers(t, db, "@gen-7-")
	if inDB != sum.Counts {
		t.Fatalf("the database holds %+v, the summary says %+v", inDB, sum.Counts)
	}

	apps := &service.Applications{DB: db}
	total := func(q service.PipelineQuery) int {
		t.Helper()
		n := 0
		for _, a := range sum.Alliances {
			_, count, err := apps.List(ctx, service.Caller{Alliance: a}, q)
			if err != nil {
				t.Fatal(err)
			}
			n += count
		}
		return n
	}
	for _, st := range domain.ApplicationStatuses {
		if total(service.PipelineQuery{Status: []domain.ApplicationStatus{st}}) == 0 {
			t.Errorf("no application is %s", st)
		}
	}
	if women := float64(total(service.PipelineQuery{Gender: domain.GenderWoman})) / 600; women < 0.4 || women > 0.6 {
		t.Errorf("women are %.0f%% of the applicants, want 40 to 60%%", 100*women)
	}
	if total(service.PipelineQuery{Text: "tresorerie"}) == 0 || total(service.PipelineQuery{Text: "cash"}) == 0 {
		t.Error("the text search finds none of the generated answers")
	}

	mali := service.Caller{Alliance: sum.Alliances[0]}
	accepted, _, err := apps.List(ctx, mali, service.PipelineQuery{Status: []domain.ApplicationStatus{domain.AppAccepted}, Limit: 1})
	if err != nil || len(accepted) == 0 {
		t.Fatalf("no accepted application in %s (%v)", mali.Alliance.Slug, err)
	}
	suggestions, err := (&service.Matching{DB: db}).Suggestions(ctx, mali, accepted[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(suggestions) == 0 || !suggestions[0].Eligible {
		t.Fatalf("suggestions %+v: want an eligible mentor first", suggestions)
	}
	assertConsistent(t, db, sum.Alliances)
}

// countRows counts an alliance's rows of every tenant table gen writes.
func countRows(t *testing.T, db *store.DB, alliance domain.ID) Counts {
	t.Helper()
	ctx := context.Background()
	var c Counts
	err := db.InTenant(ctx, alliance, func(tx *store.Tx) error {
		for table, n := range map[string]*int{"members": &c.Members, "cohorts": &c.Cohorts, "charter_versions": &c.CharterVersions,
			"charter_acceptances": &c.CharterAcceptances, "applications": &c.Applications, "application_events": &c.ApplicationEvents,
			"mentorships": &c.Mentorships, "mentorship_sessions": &c.Sessions} {
			count, err := tx.Bun().NewSelect().Table(table).Where("tenant_id = ?", alliance).Count(ctx)
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			*n = int(count)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// countUsers counts the accounts whose e-mail has part in it.
func countUsers(t *testing.T, db *store.DB, part string) int {
	t.Helper()
	var n int
	err := db.InPlatform(context.Background(), func(tx *store.Tx) error {
		count, err := tx.Bun().NewSelect().Table("users").Where("email LIKE ?", "%"+part+"%").Count(context.Background())
		n = int(count)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// assertConsistent checks what the product relies on across tables: each
// application's last move leads to its status, each matched application
// has its mentorship, and no mentor holds more active mentorships than
// their capacity.
func assertConsistent(t *testing.T, db *store.DB, alliances []*domain.Alliance) {
	t.Helper()
	ctx := context.Background()
	checks := map[string]string{
		"applications whose last move is not to their status": `SELECT COUNT(*) FROM applications AS a
			JOIN application_events AS e ON e.tenant_id = a.tenant_id AND e.application_id = a.id
			WHERE a.tenant_id = ? AND e.to_status <> a.status AND e.at = (SELECT MAX(at) FROM application_events
				WHERE tenant_id = a.tenant_id AND application_id = a.id)`,
		"matched applications without a mentorship": `SELECT COUNT(*) FROM applications AS a WHERE a.tenant_id = ?
			AND a.status = 'matched' AND NOT EXISTS (SELECT 1 FROM mentorships AS m
				WHERE m.tenant_id = a.tenant_id AND m.application_id = a.id)`,
		"mentors over their capacity": `SELECT COUNT(*) FROM members AS m WHERE m.tenant_id = ? AND m.capacity <
			(SELECT COUNT(*) FROM mentorships AS ms WHERE ms.tenant_id = m.tenant_id AND ms.mentor_id = m.user_id
				AND ms.status = 'active')`,
		"cohorts over their capacity": `SELECT COUNT(*) FROM cohorts AS c WHERE c.tenant_id = ? AND c.capacity <
			(SELECT COUNT(*) FROM applications AS a WHERE a.tenant_id = c.tenant_id AND a.cohort_id = c.id
				AND a.status IN ('accepted', 'matched'))`,
	}
	for _, a := range alliances {
		err := db.InTenant(ctx, a.ID, func(tx *store.Tx) error {
			for what, query := range checks {
				var n int
				if err := tx.Bun().NewRaw(query, a.ID).Scan(ctx, &n); err != nil {
					return fmt.Errorf("%s: %w", what, err)
				}
				if n > 0 {
					t.Errorf("%s: %d %s", a.Slug, n, what)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTheSameSeedGivesTheSameData(t *testing.T) {
	ctx := context.Background()
	first, second := testkit.OpenDB(t), testkit.OpenDB(t)
	var prints []string
	for _, db := range []*store.DB{first, second} {
		sum, err := Generate(ctx, db, testOptions(2, 60, 11))
		if err != nil {
			t.Fatal(err)
		}
		prints = append(prints, fingerprint(t, db, sum.Alliances))
	}
	if prints[0] != prints[1] {
		t.Fatal("the same seed gave different data")
	}
	other, err := Generate(ctx, first, testOptions(2, 60, 12))
	if err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, first, other.Alliances) == prints[0] {
		t.Fatal("another seed gave the same data")
	}
}

// fingerprint lists the alliances' applications and mentorships as the
// services give them.
func fingerprint(t *testing.T, db *store.DB, alliances []*domain.Alliance) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for _, a := range alliances {
		c := service.Caller{Alliance: a}
		fmt.Fprintf(&b, "%s %s %s\n", a.ID, a.Name, a.DefaultLocale)
		apps, _, err := (&service.Applications{DB: db}).List(ctx, c, service.PipelineQuery{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, app := range apps {
			fmt.Fprintf(&b, "%s %s %s %s %s %s %s %s\n", app.ID, app.Status, app.Applicant.Name, app.Applicant.Email,
				app.Applicant.Phone, app.Applicant.City, app.Business.Name, app.SubmittedAt.Format(time.RFC3339))
		}
		ms, err := (&service.Mentorships{DB: db}).List(ctx, c, service.MentorshipQuery{All: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			fmt.Fprintf(&b, "%s %s %s %s\n", m.ID, m.ApplicationID, m.MentorID, m.Status)
		}
	}
	return b.String()
}

func TestASeedLoadedTwiceIsRefused(t *testing.T) {
	ctx := context.Background()
	db := testkit.OpenDB(t)
	if _, err := Generate(ctx, db, testOptions(1, 5, 3)); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(ctx, db, testOptions(2, 5, 3))
	if !errors.Is(err, ErrSlugTaken) || !strings.Contains(err.Error(), "gen-3-1") {
		t.Fatalf("got %v, want gen-3-1 taken", err)
	}
}

// TestGeneratedDataPassesTheProductsValidation builds an alliance of each
// region, without a database, and checks every record as the product
// checks what people type, and every move of every history against the
// pipeline's rules.
func TestGeneratedDataPassesTheProductsValidation(t *testing.T) {
	for n := 1; n <= len(regions); n++ {
		d := buildAlliance(5, n, 300, testDay)
		if err := d.alliance.Validate(); err != nil {
			t.Fatalf("%s: %v", d.alliance.Slug, err)
		}
		for _, c := range d.cohorts {
			if err := c.Validate(); err != nil {
				t.Fatalf("%s: cohort %s: %v", d.alliance.Slug, c.Name, err)
			}
		}
		for _, u := range d.users {
			var p domain.Problems
			domain.ValidateEmail(&p, "email", u.Email)
			if err := p.Err(); err != nil {
				t.Fatalf("%s: %q: %v", d.alliance.Slug, u.Email, err)
			}
		}
		for _, m := range d.members {
			if err := m.Profile.Validate(); err != nil {
				t.Fatalf("%s: profile %+v: %v", d.alliance.Slug, m.Profile, err)
			}
		}
		for _, v := range d.charter {
			if err := domain.ValidateCharterBodies(v.Bodies); err != nil {
				t.Fatal(err)
			}
		}
		for _, app := range d.applications {
			form := app.ApplicationForm
			form.Normalize()
			if err := form.Validate(testDay); err != nil {
				t.Fatalf("%s: application of %s: %v", d.alliance.Slug, app.Applicant.Name, err)
			}
			if !app.SubmittedAt.Before(testDay) || app.UpdatedAt.Before(app.SubmittedAt) || !app.UpdatedAt.Before(testDay) {
				t.Fatalf("%s: application submitted %s, updated %s", d.alliance.Slug, app.SubmittedAt, app.UpdatedAt)
			}
		}
		assertLegalMoves(t, d)
	}
}

// assertLegalMoves checks each history: it opens with the submission,
// every later move is one the pipeline allows, in time order.
func assertLegalMoves(t *testing.T, d *allianceData) {
	t.Helper()
	last := map[domain.ID]*domain.ApplicationEvent{}
	for i, e := range d.events {
		app := d.eventApps[i]
		prev := last[app]
		switch {
		case prev == nil:
			if e.To != domain.AppSubmitted || e.From != "" {
				t.Fatalf("a history opens with %s → %s", e.From, e.To)
			}
		case e.From != prev.To || !e.At.After(prev.At):
			t.Fatalf("move %s → %s at %s after one to %s at %s", e.From, e.To, e.At, prev.To, prev.At)
		case e.To == domain.AppWithdrawn && !domain.CanWithdraw(e.From),
			e.To == domain.AppMatched && e.From != domain.AppAccepted,
			e.To != domain.AppWithdrawn && e.To != domain.AppMatched && !slices.Contains(domain.AllowedMoves(e.From), e.To):
			t.Fatalf("move %s → %s is not allowed", e.From, e.To)
		}
		last[app] = e
	}
}
