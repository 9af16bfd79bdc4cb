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
			"mentorships": &c.Mentorships, "mentorship_sessions": &c.Sessions, "session_actions": &c.Actions,
			"session_private_notes": &c.PrivateNotes, "end_surveys": &c.EndSurveys, "peer_sessions": &c.PeerSessions,
			"peer_session_attendees": &c.PeerInvitations} {
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

// fingerprint lists the alliances' applications, mentorships with their
// journeys, and reports as the services give them.
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
			printJourney(t, &b, db, c, m.ID)
		}
		report, err := (&service.Reports{DB: db}).Summary(ctx, c, store.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%+v %+v %+v\n", report.Total, report.Peer, report.Change)
	}
	return b.String()
}

// printJourney writes a mentorship's journey as staff see it: each
// session's outcome, log and rating, and the actions agreed.
func printJourney(t *testing.T, b *strings.Builder, db *store.DB, c service.Caller, id domain.ID) {
	t.Helper()
	view, err := (&service.Journey{DB: db, Now: func() time.Time { return testDay }}).View(context.Background(), c, id, true)
	if err != nil {
		t.Fatal(err)
	}
	m := view.Mentorship
	fmt.Fprintf(b, "  %s %v %v\n", m.EndReason, valueOf(m.EndedAt), valueOf(m.CompletedAt))
	for _, s := range m.Sessions {
		fmt.Fprintf(b, "  %d %s %v %s %v %d %v %q %v %q\n", s.Number, s.Status, valueOf(s.ScheduledAt), s.Place,
			valueOf(s.HeldOn), s.DurationMinutes, s.Obstacles, s.SharedNotes, valueOf(s.Rating), s.Reason)
	}
	for _, a := range view.Actions {
		fmt.Fprintf(b, "  %d %s %s %v %v\n", a.Session, a.Text, a.Owner, valueOf(a.DueOn), valueOf(a.DoneAt))
	}
}

// valueOf gives what p points to, or nil, to print it.
func valueOf[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
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
// pipeline's rules; the last with every application matched.
func TestGeneratedDataPassesTheProductsValidation(t *testing.T) {
	for n := 1; n <= len(regions); n++ {
		share := DefaultMatchedShare
		if n == len(regions) {
			share = 1
		}
		d := buildAlliance(5, n, 300, share, testDay)
		if share == 1 && len(d.mentorships) < 285 {
			t.Fatalf("%s: %d mentorships of 300 applications all matched", d.alliance.Slug, len(d.mentorships))
		}
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
		assertValidJourneys(t, d)
	}
}

// assertLegalMoves checks each history: it opens with the submission,
// every later move is one the pipeline allows, or the return to accepted
// of a mentorship ended early, in time order.
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
		case e.From == domain.AppMatched && e.To == domain.AppAccepted && e.Note != "":
		case e.To == domain.AppWithdrawn && !domain.CanWithdraw(e.From),
			e.To == domain.AppMatched && e.From != domain.AppAccepted,
			e.To != domain.AppWithdrawn && e.To != domain.AppMatched && !slices.Contains(domain.AllowedMoves(e.From), e.To):
			t.Fatalf("move %s → %s is not allowed", e.From, e.To)
		}
		last[app] = e
	}
}

// assertValidJourneys checks what the mentorships' journeys hold as the
// product checks what people type: each log, agenda, rating and reason,
// each end survey and each peer session as planned.
func assertValidJourneys(t *testing.T, d *allianceData) {
	t.Helper()
	actions := map[domain.ID]map[int][]domain.ActionInput{}
	for _, a := range d.actions {
		if actions[a.MentorshipID] == nil {
			actions[a.MentorshipID] = map[int][]domain.ActionInput{}
		}
		actions[a.MentorshipID][a.Session] = append(actions[a.MentorshipID][a.Session],
			domain.ActionInput{Text: a.Text, Owner: a.Owner, DueOn: a.DueOn})
	}
	for _, m := range d.mentorships {
		for _, s := range m.Sessions {
			var p domain.Problems
			domain.ValidateObstacles(&p, "agenda", s.Agenda)
			switch s.Status {
			case domain.SessionHeld:
				log := domain.SessionLog{HeldOn: *s.HeldOn, DurationMinutes: s.DurationMinutes, Obstacles: s.Obstacles,
					Actions: actions[m.ID][s.Number], SharedNotes: s.SharedNotes}
				if err := log.Validate(m.StartsOn, testDay); err != nil {
					t.Fatalf("%s: log of session %d: %v", d.alliance.Slug, s.Number, err)
				}
				if s.Rating != nil {
					f := domain.Feedback{Rating: *s.Rating, Comment: s.RatingComment}
					if err := f.Validate(); err != nil {
						t.Fatalf("%s: rating %+v: %v", d.alliance.Slug, f, err)
					}
				}
			case domain.SessionMissed, domain.SessionCancelled:
				domain.ValidateSessionReason(&p, s.Reason)
			}
			if err := p.Err(); err != nil {
				t.Fatalf("%s: session %d %s: %v", d.alliance.Slug, s.Number, s.Status, err)
			}
		}
		if m.Status == domain.MentorshipEnded {
			var p domain.Problems
			domain.ValidateSessionReason(&p, m.EndReason)
			if err := p.Err(); err != nil {
				t.Fatalf("%s: end: %v", d.alliance.Slug, err)
			}
		}
	}
	for _, s := range d.surveys {
		if err := s.Validate(); err != nil {
			t.Fatalf("%s: %s survey: %v", d.alliance.Slug, s.Side, err)
		}
	}
	for _, s := range d.peerSessions {
		in := domain.PeerSessionInput{StartsAt: s.StartsAt, DurationMinutes: s.DurationMinutes, Place: s.Place, Link: s.Link,
			Topic: s.Topic, Notes: s.Notes}
		for _, a := range s.Attendees {
			in.AttendeeIDs = append(in.AttendeeIDs, a.UserID)
		}
		if err := in.Validate(s.CreatedAt); err != nil {
			t.Fatalf("%s: peer session of %s: %v", d.alliance.Slug, s.StartsAt, err)
		}
	}
}

func TestGeneratedJourneysHoldTogetherAndReadBackThroughTheServices(t *testing.T) {
	ctx := context.Background()
	db := testkit.OpenDB(t)
	sum, err := Generate(ctx, db, testOptions(3, 200, 8))
	if err != nil {
		t.Fatal(err)
	}
	assertJourneysHoldTogether(t, db, sum.Alliances)
	assertJourneysLookAlive(t, db, sum.Alliances)
	for _, a := range sum.Alliances {
		assertReportReadsBack(t, db, a)
		assertMentorReadsBack(t, db, a)
	}
}

// journeyChecks are the rules of the journey across tables, each a count
// of the rows that break it, of the alliance ?0 at the day ?1.
var journeyChecks = map[string]string{
	"held sessions without a log": `SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0
		AND status = 'held' AND (held_on IS NULL OR logged_at IS NULL OR duration_minutes < 10 OR shared_notes = '')`,
	"ratings of sessions not held, or undated": `SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0
		AND rating IS NOT NULL AND (status <> 'held' OR rated_at IS NULL OR rating < 1 OR rating > 5)`,
	"sessions missed or cancelled without a reason": `SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0
		AND status IN ('missed', 'cancelled') AND reason = ''`,
	"scheduled sessions without a date": `SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0
		AND status = 'scheduled' AND scheduled_at IS NULL`,
	"completed mentorships with a session not held before their end": `SELECT COUNT(*) FROM mentorships AS m
		WHERE m.tenant_id = ?0 AND m.status = 'completed' AND (m.completed_at IS NULL OR (m.ends_on >= ?1 AND EXISTS
			(SELECT 1 FROM mentorship_sessions AS s WHERE s.tenant_id = m.tenant_id AND s.mentorship_id = m.id AND s.status <> 'held')))`,
	"ended mentorships without a reason, or with a session open": `SELECT COUNT(*) FROM mentorships AS m
		WHERE m.tenant_id = ?0 AND m.status = 'ended' AND (m.end_reason = '' OR m.ended_at IS NULL
			OR m.ended_by IS NULL OR EXISTS (SELECT 1 FROM mentorship_sessions AS s WHERE s.tenant_id = m.tenant_id
				AND s.mentorship_id = m.id AND s.status IN ('planned', 'scheduled')))`,
	"applications of ended mentorships still matched": `SELECT COUNT(*) FROM mentorships AS m JOIN applications AS a
		ON a.tenant_id = m.tenant_id AND a.id = m.application_id WHERE m.tenant_id = ?0
		AND m.status = 'ended' AND a.status <> 'accepted'`,
	"surveys of active mentorships": `SELECT COUNT(*) FROM end_surveys AS e JOIN mentorships AS m
		ON m.tenant_id = e.tenant_id AND m.id = e.mentorship_id WHERE e.tenant_id = ?0 AND m.status = 'active'`,
	"private notes by someone other than the mentor": `SELECT COUNT(*) FROM session_private_notes AS n JOIN mentorships AS m
		ON m.tenant_id = n.tenant_id AND m.id = n.mentorship_id WHERE n.tenant_id = ?0 AND n.author_id <> m.mentor_id`,
	"actions of sessions not held, or done by nobody": `SELECT COUNT(*) FROM session_actions AS a JOIN mentorship_sessions AS s
		ON s.tenant_id = a.tenant_id AND s.mentorship_id = a.mentorship_id AND s.number = a.session_number
		WHERE a.tenant_id = ?0 AND (s.status <> 'held' OR (a.done_at IS NULL) <> (a.done_by IS NULL))`,
	"peer sessions whose attendance is missing or early": `SELECT COUNT(*) FROM peer_sessions AS p
		JOIN peer_session_attendees AS a ON a.tenant_id = p.tenant_id AND a.session_id = p.id
		WHERE p.tenant_id = ?0 AND (p.status = 'held') <> (a.attended IS NOT NULL)`,
	"moments on or after the day": `SELECT (SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0
			AND (logged_at >= ?1 OR rated_at >= ?1 OR held_on >= ?1))
		+ (SELECT COUNT(*) FROM mentorships WHERE tenant_id = ?0 AND (completed_at >= ?1 OR ended_at >= ?1))
		+ (SELECT COUNT(*) FROM end_surveys WHERE tenant_id = ?0 AND submitted_at >= ?1)
		+ (SELECT COUNT(*) FROM session_actions WHERE tenant_id = ?0 AND done_at >= ?1)`,
}

// assertJourneysHoldTogether checks journeyChecks on each alliance.
func assertJourneysHoldTogether(t *testing.T, db *store.DB, alliances []*domain.Alliance) {
	t.Helper()
	for what, query := range journeyChecks {
		if n := sumOver(t, db, alliances, query, testDay); n > 0 {
			t.Errorf("%d %s", n, what)
		}
	}
}

// assertJourneysLookAlive checks that the journeys have every outcome,
// and ratings mostly of 4 and 5 on most held sessions.
func assertJourneysLookAlive(t *testing.T, db *store.DB, alliances []*domain.Alliance) {
	t.Helper()
	count := func(query string) int {
		t.Helper()
		return sumOver(t, db, alliances, query, testDay)
	}
	for _, st := range []domain.MentorshipStatus{domain.MentorshipActive, domain.MentorshipCompleted, domain.MentorshipEnded} {
		if count(`SELECT COUNT(*) FROM mentorships WHERE tenant_id = ?0 AND status = '`+string(st)+`'`) == 0 {
			t.Errorf("no mentorship is %s", st)
		}
	}
	for _, st := range []domain.SessionStatus{domain.SessionPlanned, domain.SessionHeld, domain.SessionMissed, domain.SessionCancelled} {
		if count(`SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0 AND status = '`+string(st)+`'`) == 0 {
			t.Errorf("no session is %s", st)
		}
	}
	if count(`SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0 AND status = 'scheduled' AND scheduled_at > ?1`) == 0 {
		t.Error("no session is scheduled ahead")
	}
	if n := count(`SELECT COUNT(*) FROM peer_sessions WHERE tenant_id = ?0 AND status = 'planned' AND starts_at > ?1`); n != len(alliances) {
		t.Errorf("%d peer sessions planned ahead in %d alliances, want one each", n, len(alliances))
	}
	held := count(`SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0 AND status = 'held'`)
	rated := count(`SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0 AND rating IS NOT NULL`)
	high := count(`SELECT COUNT(*) FROM mentorship_sessions WHERE tenant_id = ?0 AND rating >= 4`)
	if rated < held/2 || high < rated*7/10 {
		t.Errorf("%d held sessions, %d rated, %d of them 4 or 5: want most rated, mostly 4 or 5", held, rated, high)
	}
	for table, what := range map[string]string{"session_private_notes": "private notes", "session_actions": "actions",
		"end_surveys": "end surveys", "peer_sessions": "peer sessions"} {
		if count(`SELECT COUNT(*) FROM `+table+` WHERE tenant_id = ?0`) == 0 {
			t.Errorf("no %s", what)
		}
	}
}

// sumOver adds up a count over alliances, each in its own transaction,
// the alliance's id given as ?0 of query, then args as ?1 and on.
func sumOver(t *testing.T, db *store.DB, alliances []*domain.Alliance, query string, args ...any) int {
	t.Helper()
	ctx := context.Background()
	total := 0
	for _, a := range alliances {
		err := db.InTenant(ctx, a.ID, func(tx *store.Tx) error {
			var n int
			err := tx.Bun().NewRaw(query, append([]any{a.ID}, args...)...).Scan(ctx, &n)
			total += n
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	return total
}

// assertReportReadsBack reads an alliance's report to its funders: every
// mentored entrepreneur counted, sessions held within those planned,
// peer attendance, and revenue never down at the end.
func assertReportReadsBack(t *testing.T, db *store.DB, a *domain.Alliance) {
	t.Helper()
	ctx := context.Background()
	report, err := (&service.Reports{DB: db}).Summary(ctx, service.Caller{Alliance: a}, store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	mentored := sumOver(t, db, []*domain.Alliance{a},
		`SELECT COUNT(DISTINCT application_id) FROM mentorships WHERE tenant_id = ?0`, testDay)
	tot := report.Total
	if tot.Entrepreneurs != mentored || tot.SessionsHeld == 0 || tot.SessionsHeld > tot.SessionsPlanned ||
		report.Mentorships[domain.MentorshipCompleted] == 0 {
		t.Errorf("%s: report %+v, mentorships %v; want %d entrepreneurs", a.Slug, tot, report.Mentorships, mentored)
	}
	if report.Peer.Held == 0 || report.Peer.Attended == 0 || report.Peer.Attended > report.Peer.Invited {
		t.Errorf("%s: peer figures %+v", a.Slug, report.Peer)
	}
	surveyed := 0
	for _, ch := range report.Change {
		surveyed += ch.Surveyed
		if ch.RevenueDown > 0 || ch.EmployeesAfter < ch.EmployeesBefore {
			t.Errorf("%s: %+v: revenue and staff should not go down", a.Slug, ch)
		}
	}
	if surveyed == 0 {
		t.Errorf("%s: no change measured by the end surveys", a.Slug)
	}
}

// assertMentorReadsBack reads the journeys of the mentor with the most
// active mentorships as they see them: their dashboard, and each
// mentorship's timeline, ratings hidden.
func assertMentorReadsBack(t *testing.T, db *store.DB, a *domain.Alliance) {
	t.Helper()
	ctx := context.Background()
	var mentor domain.ID
	var active int
	err := db.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		mentors, err := tx.MentorCandidates(ctx, a.ID)
		for _, m := range mentors {
			id, n := m.Member.UserID, m.Active
			if n > active || (n == active && id.String() < mentor.String()) {
				mentor, active = id, n
			}
		}
		return err
	})
	if err != nil || active == 0 {
		t.Fatalf("%s: no mentor with an active mentorship (%v)", a.Slug, err)
	}
	journey := &service.Journey{DB: db, Now: func() time.Time { return testDay.Add(9 * time.Hour) }}
	me := service.Caller{Actor: service.Actor{UserID: mentor}, Alliance: a}
	cards, err := journey.Dashboard(ctx, me)
	if err != nil || len(cards) != active {
		t.Fatalf("%s: %d cards for %d active mentorships (%v)", a.Slug, len(cards), active, err)
	}
	for _, card := range cards {
		view, err := journey.View(ctx, me, card.Mentorship.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		held := 0
		for i, st := range view.States {
			if st == service.StateHeld {
				held++
			}
			if view.Mentorship.Sessions[i].Rating != nil {
				t.Fatalf("%s: the mentor sees the rating of session %d", a.Slug, i+1)
			}
		}
		if view.Side != service.SideMentor || held != card.SessionsHeld || len(view.States) != len(view.Mentorship.Sessions) {
			t.Errorf("%s: view as %s with %d held of %d, card says %d held", a.Slug, view.Side, held, len(view.States), card.SessionsHeld)
		}
		if view.RatingCount != 0 && view.RatingCount < domain.MinRatingsShown {
			t.Errorf("%s: the mentor sees a mean of %d ratings", a.Slug, view.RatingCount)
		}
	}
}
