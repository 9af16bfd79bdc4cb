package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/chromedp/chromedp"
	"github.com/redis/go-redis/v9"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// journeyUnderWay matches an entrepreneur of the demo alliance, who has an
// account, with a mentor in a cohort that began ten days ago, and gives
// the mentorship.
func journeyUnderWay(t *testing.T, srv *testapp.RunningApp, a *domain.Alliance, admin service.Caller, entrepreneurEmail, mentorEmail string) *domain.Mentorship {
	t.Helper()
	ctx := context.Background()
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	limiter := ratelimit.New(redis.NewClient(&redis.Options{Addr: miniredis.RunT(t).Addr()}))
	set := service.NewSet(srv.DB, catalog, limiter, nil, srv.URL, service.Payments{})
	start := domain.Day(time.Now().AddDate(0, 0, -10))
	co := &domain.Cohort{Name: "Ségou, saison sèche", City: "Ségou", StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: 8, ApplicationsOpen: true}
	if err := set.Cohorts.Create(ctx, admin, co); err != nil {
		t.Fatalf("the cohort: %v", err)
	}
	sub, err := set.Applications.Apply(ctx, a, domain.ApplicationForm{CohortID: co.ID, Locale: domain.French,
		Applicant: domain.Applicant{Name: "Mariam Coulibaly", Email: entrepreneurEmail, Gender: domain.GenderWoman, BirthYear: 1993, City: "Ségou"},
		Business:  domain.Business{Name: "Savons Mariam", Sector: "crafts", Stage: "growing", Employees: 2, FoundedYear: 2020, RevenueBand: "under_1m"},
		Obstacles: "Mes clients paient en retard.", Goals: "Vendre aux hôtels de Ségou.", Motivation: "Ne plus décider seule."}, "127.0.0.1")
	if err != nil {
		t.Fatalf("the application: %v", err)
	}
	for _, to := range []domain.ApplicationStatus{domain.AppScreening, domain.AppInterview, domain.AppAccepted} {
		if _, err := set.Applications.Move(ctx, admin, sub.Application.ID, to, ""); err != nil {
			t.Fatalf("the application to %s: %v", to, err)
		}
	}
	m, err := set.Matching.Match(ctx, admin, service.MatchRequest{ApplicationID: sub.Application.ID,
		MentorID: userIDOf(t, srv, a, mentorEmail)}, true)
	if err != nil {
		t.Fatalf("the mentorship: %v", err)
	}
	return m
}

// TestJourneySessionOnPhones: on phones, in French, the entrepreneur of a
// journey under way finds it from their pages and writes the agenda of
// its first session; the mentor finds the session among their mentees
// and logs it, with an action and notes only they read; the entrepreneur
// rates it, and nothing of the private notes reaches their page. A
// coordinator then reads the report: the share of women and the
// completion rate. Every page fits the screen and nothing leaves the
// server.
func TestJourneySessionOnPhones(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	fr := frenchCopy(t)
	ctx := context.Background()
	a, err := (&service.Alliances{DB: srv.DB}).BySlug(ctx, "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	const password = "une séance à Ségou 2026"
	addMember(t, srv, a, "kadidia.maiga@example.org", "Kadidia Maïga", password, domain.RoleAdmin)
	addMember(t, srv, a, "fatou.coulibaly@example.org", "Fatou Coulibaly", password, domain.RoleCoordinator)
	addMember(t, srv, a, "mariam.coulibaly@example.org", "Mariam Coulibaly", password, domain.RoleEntrepreneur)
	admin := service.Caller{Actor: service.Actor{UserID: userIDOf(t, srv, a, "kadidia.maiga@example.org"), Name: "Kadidia Maïga",
		IP: "127.0.0.1"}, Alliance: a}
	prepareMentor(t, srv, a, admin, "oumar.sow@example.org", "Oumar Sow", password, "Ségou")
	m := journeyUnderWay(t, srv, a, admin, "mariam.coulibaly@example.org", "oumar.sow@example.org")
	journey := demoPath + "/mentorships/" + m.ID.String()
	session := journey + "/sessions/1"
	heading := fr("page.match.mentorship.heading", "entrepreneur", "Mariam Coulibaly", "mentor", "Oumar Sow")
	sessionHeading := fr("page.session.heading", "number", 1, "total", len(m.Sessions))

	// The entrepreneur writes the agenda of the first session.
	ent := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, ent, "fr-FR,fr;q=0.9")
	entTraffic := watchTraffic(t, ent)
	signIn(t, ent, srv.URL, "mariam.coulibaly@example.org", password, demoPath+"/library")
	checkPage(t, ent, "library", fr("page.library.heading"))
	follow(t, ent, "#link-journey")
	checkPage(t, ent, "journey", heading)
	if got := visibleText(t, ent, "#goals"); got != "Vendre aux hôtels de Ségou." {
		t.Errorf("the journey's goals read %q", got)
	}
	follow(t, ent, "#session-link-1")
	checkPage(t, ent, "session", sessionHeading)
	if evaluate[bool](t, ent, `document.querySelector("#log-form") !== null`) {
		t.Error("the entrepreneur is offered the log")
	}
	fill(t, ent, "#agenda-text-0", "Les impayés de mes clients")
	do(t, ent, "choose a personal obstacle", chromedp.SetValue(chromedp.CSS("#agenda-kind-1"), "personal"))
	fill(t, ent, "#agenda-text-1", "Oser dire non")
	submit(t, ent, "#save-agenda", session+"?done=agenda")
	checkPage(t, ent, "session-agenda", sessionHeading)
	if got := visibleText(t, ent, "#agenda"); !strings.Contains(got, "Les impayés de mes clients") || !strings.Contains(got, fr("page.session.kind.personal")+" Oser dire non") {
		t.Errorf("the agenda reads %q", got)
	}

	// The mentor logs it, with notes only they read.
	const private = "Elle hésite encore à augmenter ses prix."
	mentor := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, mentor, "fr-FR,fr;q=0.9")
	mentorTraffic := watchTraffic(t, mentor)
	signIn(t, mentor, srv.URL, "oumar.sow@example.org", password, demoPath+"/mentees")
	checkPage(t, mentor, "mentees", fr("page.mentees.heading"))
	follow(t, mentor, "#next-"+m.ID.String())
	checkPage(t, mentor, "session-mentor", sessionHeading)
	if evaluate[bool](t, mentor, `document.querySelector("#agenda-form") !== null`) {
		t.Error("the mentor is offered the agenda")
	}
	if got := run(t, mentor, "read the first obstacle", chromedp.Value(chromedp.CSS("#obstacle-text-0"))); got != "Les impayés de mes clients" {
		t.Errorf("the log's first obstacle is %q; want the agenda's", got)
	}
	fill(t, mentor, "#duration", "90")
	fill(t, mentor, "#action-text-0", "Relancer les trois clients en retard")
	typeInto(t, mentor, "#shared-notes", "Nous avons listé les impayés et préparé les relances.")
	typeInto(t, mentor, "#private-notes", private)
	if got := visibleText(t, mentor, "label[for=private-notes] .badge-private"); got != fr("page.session.private.only_you") {
		t.Errorf("the private notes are marked %q", got)
	}
	submit(t, mentor, "#save-log", session+"?done=log")
	checkPage(t, mentor, "session-logged", sessionHeading)
	if got := visibleText(t, mentor, "#private-notes-shown"); !strings.Contains(got, private) {
		t.Errorf("the mentor's private notes read %q", got)
	}
	mentorTraffic.check(t, srv.URL)

	// The entrepreneur rates it, and never reads the private notes.
	open(t, ent, srv.URL+session)
	checkPage(t, ent, "session-held", sessionHeading)
	if got := visibleText(t, ent, "#shared-notes-shown"); got != "Nous avons listé les impayés et préparé les relances." {
		t.Errorf("the shared notes read %q", got)
	}
	tap(t, ent, "label:has(#rating-4)")
	typeInto(t, ent, "#comment", "Très concret, merci.")
	submit(t, ent, "#save-rating", session+"?done=rate")
	checkPage(t, ent, "session-rated", sessionHeading)
	if got := visibleText(t, ent, "#done"); got != fr("page.session.done.rate") {
		t.Errorf("after rating, the page says %q", got)
	}
	for _, page := range []string{session, journey} {
		open(t, ent, srv.URL+page)
		if text := evaluate[string](t, ent, "document.documentElement.innerHTML"); strings.Contains(text, "augmenter ses prix") {
			t.Errorf("the entrepreneur's %s shows the private notes", page)
		}
	}
	if got := visibleText(t, ent, "#session-1 .state"); got != fr("page.journey.state.held") {
		t.Errorf("the first session stands as %q", got)
	}
	entTraffic.check(t, srv.URL)

	// The coordinator reads the report.
	sum, err := (&service.Reports{DB: srv.DB}).Summary(ctx, admin, store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	percent := func(share float64) string {
		return fr("page.report.percent", "percent", int(share*100+0.5))
	}
	coordinator := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, coordinator, "fr-FR,fr;q=0.9")
	coordinatorTraffic := watchTraffic(t, coordinator)
	signIn(t, coordinator, srv.URL, "fatou.coulibaly@example.org", password, demoPath+"/cohorts")
	follow(t, coordinator, "#link-reports")
	checkPage(t, coordinator, "report", fr("page.report.heading"))
	if got, want := visibleText(t, coordinator, "#women-share"), percent(sum.Total.WomenShare()); got != want {
		t.Errorf("the share of women reads %q; want %q", got, want)
	}
	if got, want := visibleText(t, coordinator, "#completion-rate"), percent(sum.Total.CompletionRate()); got != want {
		t.Errorf("the completion rate reads %q; want %q", got, want)
	}
	if sum.Total.SessionsHeld < 1 {
		t.Errorf("the report counts %d sessions held", sum.Total.SessionsHeld)
	}
	if text := evaluate[string](t, coordinator, "document.querySelector('main').innerText"); strings.Contains(text, "Mariam") || strings.Contains(text, "Oumar") {
		t.Error("the report names a person")
	}
	coordinatorTraffic.check(t, srv.URL)
}
