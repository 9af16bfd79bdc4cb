package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// userIDOf is the id of the account of an e-mail.
func userIDOf(t *testing.T, srv *testapp.RunningApp, a *domain.Alliance, email string) domain.ID {
	t.Helper()
	var id domain.ID
	err := srv.DB.InTenant(context.Background(), a.ID, func(tx *store.Tx) error {
		u, _, err := tx.UserByEmail(context.Background(), email)
		if err == nil {
			id = u.ID
		}
		return err
	})
	if err != nil {
		t.Fatalf("the account of %s: %v", email, err)
	}
	return id
}

// prepareMentor makes a mentor of the alliance with a matching profile in
// city, who has accepted the alliance's current charter.
func prepareMentor(t *testing.T, srv *testapp.RunningApp, a *domain.Alliance, admin service.Caller, email, name, password, city string) {
	t.Helper()
	ctx := context.Background()
	addMember(t, srv, a, email, name, password, domain.RoleMentor)
	id := userIDOf(t, srv, a, email)
	profile := domain.MentorProfile{City: city, Sectors: []string{"agrifood"}, Languages: []string{"fr", "bm"}}
	if _, err := (&service.Members{DB: srv.DB}).UpdateProfile(ctx, admin, id, profile); err != nil {
		t.Fatalf("the profile of %s: %v", name, err)
	}
	mentor := service.Caller{Actor: service.Actor{UserID: id, Name: name, IP: "127.0.0.1"}, Alliance: a}
	if _, _, err := (&service.Charters{DB: srv.DB}).Accept(ctx, mentor); err != nil {
		t.Fatalf("%s accepts the charter: %v", name, err)
	}
}

// mailTo reads, on the mail page, the subject of the first mail to an
// address, waiting for the background job to deliver it.
func mailTo(t *testing.T, ctx context.Context, mailsURL, to string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		open(t, ctx, mailsURL)
		subject := evaluate[string](t, ctx, `(() => {
			const m = Array.from(document.querySelectorAll("#mails .mail")).find(m => m.querySelector(".mail-to").innerText.trim() === `+
			"`"+to+"`"+`);
			return m ? m.querySelector("h2").innerText : "";
		})()`)
		if subject != "" {
			return squash(subject)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mail to %s reached the mail page within 20 s", to)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// TestPipelineFromApplicationToMentorship: an entrepreneur applies on a
// phone, in French. A coordinator, on a phone too, finds the application
// in the list with a text search, opens it, notes and scores it, and
// moves it from screening through interview to accepted. The mentors
// suggested come ranked, the one in the applicant's city first, with the
// reasons in words; the coordinator matches them and finds the mentorship
// with its twelve sessions planned. An admin then reads, on the mail
// page, the mails that told the mentor and the entrepreneur.
func TestPipelineFromApplicationToMentorship(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	fr := frenchCopy(t)
	ctx := context.Background()
	a, err := (&service.Alliances{DB: srv.DB}).BySlug(ctx, "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	const password = "une cohorte à Ségou 2027"
	addMember(t, srv, a, "kadidia.maiga@example.org", "Kadidia Maïga", password, domain.RoleAdmin)
	addMember(t, srv, a, "fatou.coulibaly@example.org", "Fatou Coulibaly", password, domain.RoleCoordinator)
	adminID := userIDOf(t, srv, a, "kadidia.maiga@example.org")
	admin := service.Caller{Actor: service.Actor{UserID: adminID, Name: "Kadidia Maïga", IP: "127.0.0.1"}, Alliance: a}

	// The entrepreneur applies on a phone.
	applied := applicantOnPhone{Name: "Rokia Diarra", Email: "rokia.diarra@example.org", Phone: "+223 76 54 32 10", City: "Ségou",
		Business: "Jus de bissap Rokia", Cohort: "Ségou 2027"}
	applyOnPhone(t, srv, applied)
	prepareMentor(t, srv, a, admin, "oumar.sow@example.org", "Oumar Sow", password, applied.City)
	prepareMentor(t, srv, a, admin, "awa.keita@example.org", "Awa Keita", password, "Kayes")

	// The coordinator finds the application with a text search.
	coordinator := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, coordinator, "fr-FR,fr;q=0.9")
	traffic := watchTraffic(t, coordinator)
	list := demoPath + "/applications"
	signIn(t, coordinator, srv.URL, "fatou.coulibaly@example.org", password, list)
	checkPage(t, coordinator, "applications", fr("page.pipeline.heading"))
	fill(t, coordinator, "#q", applied.Name)
	if resp := follow(t, coordinator, "#filter"); resp.Status != 200 || !strings.Contains(resp.URL, "q=") {
		t.Fatalf("the search led to %s with status %d", resp.URL, resp.Status)
	}
	checkPage(t, coordinator, "applications-found", fr("page.pipeline.heading"))
	if got := visibleText(t, coordinator, "#results-count"); got != fr("page.pipeline.count", "from", 1, "to", 1, "total", 1) {
		t.Errorf("the search says %q", got)
	}
	follow(t, coordinator, "#applications a.row-title")
	checkPage(t, coordinator, "application", applied.Name)
	page := pathname(t, coordinator)
	cohort := visibleText(t, coordinator, "#application-cohort")

	// A note with a score.
	do(t, coordinator, "write a note with a score",
		chromedp.SendKeys(chromedp.CSS("#note-text"), "Un projet clair, des chiffres tenus."),
		chromedp.SetValue(chromedp.CSS("#note-score"), "4"))
	submit(t, coordinator, "#add-note", page+"?noted=1")
	checkPage(t, coordinator, "application-noted", applied.Name)
	if got := visibleText(t, coordinator, "#application-score"); got != fr("page.pipeline.score", "score", "4,0") {
		t.Errorf("the mean score reads %q", got)
	}

	// Screening, interview, accepted, each with its note.
	for _, to := range []string{"screening", "interview", "accepted"} {
		do(t, coordinator, "write the move's note", chromedp.SendKeys(chromedp.CSS("#move-note"), "Étape franchie : "+to))
		submit(t, coordinator, "#move-"+to, page+"?moved="+to)
		checkPage(t, coordinator, "application-"+to, applied.Name)
		if got, want := visibleText(t, coordinator, "#moved"), fr("page.application.moved", "status", fr("status."+to)); got != want {
			t.Errorf("after the move to %s, the page says %q; want %q", to, got, want)
		}
	}
	if got := visibleText(t, coordinator, "#history"); !strings.Contains(got, fr("page.application.event.move", "from",
		fr("status.interview"), "to", fr("status.accepted"))) || !strings.Contains(got, "Étape franchie : accepted") {
		t.Errorf("the history reads %q", got)
	}

	// The suggestions: the mentor of the applicant's city first.
	first := "#suggestion-list > li:first-child"
	if got := visibleText(t, coordinator, first+" .row-title"); got != "Oumar Sow" {
		t.Fatalf("the first mentor suggested is %q; want Oumar Sow", got)
	}
	if got := visibleText(t, coordinator, first+" .reasons"); !strings.Contains(got, fr("match.reason.city", "city", applied.City)) ||
		!strings.Contains(got, fr("match.reason.charter")) {
		t.Errorf("the reasons of the first mentor: %q", got)
	}
	screenshot(t, coordinator, "suggestions")

	// The match, and the mentorship with its sessions.
	follow(t, coordinator, first+" .match-form button")
	checkPage(t, coordinator, "mentorship", fr("page.match.mentorship.heading", "entrepreneur", applied.Name, "mentor", "Oumar Sow"))
	if got := evaluate[int](t, coordinator, `document.querySelectorAll("#sessions > li").length`); got != 12 {
		t.Errorf("the mentorship has %d sessions; want 12", got)
	}
	if got := visibleText(t, coordinator, "#matched"); got != fr("page.match.mentorship.made") {
		t.Errorf("after the match, the page says %q", got)
	}

	// The cohort's board: its columns slide within it, never the page.
	follow(t, coordinator, "#link-cohorts")
	checkPage(t, coordinator, "cohorts", fr("page.cohorts.heading"))
	board := evaluate[string](t, coordinator, `Array.from(document.querySelectorAll("#cohorts > li"))
		.find(li => li.querySelector(".row-title").innerText.trim() === `+"`"+cohort+"`"+`).querySelector("a[id^=board-]").id`)
	follow(t, coordinator, "#"+board)
	checkPage(t, coordinator, "board", cohort)
	if got := visibleText(t, coordinator, "#column-matched .card-title"); got != applied.Name {
		t.Errorf("the matched column shows %q", got)
	}
	if !evaluate[bool](t, coordinator, `(b => b.scrollWidth > b.clientWidth && b.getBoundingClientRect().right <= innerWidth)(document.querySelector("#board"))`) {
		t.Error("the board's columns do not slide within the board")
	}
	traffic.check(t, srv.URL)

	// The admin reads the mails to both.
	adminPhone := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, adminPhone, "fr-FR,fr;q=0.9")
	adminTraffic := watchTraffic(t, adminPhone)
	mails := demoPath + "/mails"
	signIn(t, adminPhone, srv.URL, "kadidia.maiga@example.org", password, mails)
	if got, want := mailTo(t, adminPhone, srv.URL+mails, "oumar.sow@example.org"), fr("mail.match.mentor.subject", "alliance", a.Name,
		"entrepreneur", applied.Name); got != want {
		t.Errorf("the mentor's mail: %q; want %q", got, want)
	}
	if got, want := mailTo(t, adminPhone, srv.URL+mails, applied.Email), fr("mail.match.entrepreneur.subject", "alliance", a.Name,
		"mentor", "Oumar Sow"); got != want {
		t.Errorf("the entrepreneur's mail: %q; want %q", got, want)
	}
	checkPage(t, adminPhone, "mails", fr("mails.heading"))
	adminTraffic.check(t, srv.URL)
}
