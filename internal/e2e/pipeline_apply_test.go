package e2e

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// applicantOnPhone is who applies in a journey, and to which of the demo
// alliance's open cohorts.
type applicantOnPhone struct {
	Name, Email, Phone, City, Business string
	Cohort                             string // the cohort's name
}

// phoneApplication is an application made on a phone: its id, and the
// applicant's browser, still open on the confirmation.
type phoneApplication struct {
	ID      domain.ID
	Browser context.Context
}

// frenchCopy gives a French message of the catalog as a page shows it.
func frenchCopy(t *testing.T) func(key string, args ...any) string {
	text := loadCopy(t)
	return func(key string, args ...any) string {
		t.Helper()
		m := map[string]any{}
		for i := 0; i+1 < len(args); i += 2 {
			m[args[i].(string)] = args[i+1]
		}
		text.msg(domain.French, key)
		return squash(text.catalog.T(domain.French, key, m))
	}
}

// demoAlliance is the demo alliance of a running product.
func demoAlliance(t *testing.T, srv *testapp.RunningApp) *domain.Alliance {
	t.Helper()
	a, err := (&service.Alliances{DB: srv.DB}).BySlug(context.Background(), "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// applyOnPhone: on a 360 px phone, in French, an entrepreneur opens the
// demo alliance's page, taps Apply on the cohort, and fills the form,
// first with an e-mail address that lacks its domain: the form comes back
// with the message next to the field and everything typed still there.
// Once the address is right, the form goes, and the confirmation says a
// mail is on its way. Every page fits the screen and nothing leaves the
// server. It gives the application, and the applicant's browser.
func applyOnPhone(t *testing.T, srv *testapp.RunningApp, who applicantOnPhone) phoneApplication {
	t.Helper()
	fr := frenchCopy(t)
	ctx := context.Background()
	a, err := (&service.Alliances{DB: srv.DB}).BySlug(ctx, "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	cohorts, err := (&service.Cohorts{DB: srv.DB}).Open(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var cohort domain.ID
	for _, co := range cohorts {
		if co.Name == who.Cohort {
			cohort = co.ID
		}
	}
	if cohort == (domain.ID{}) {
		t.Fatalf("the demo alliance has no open cohort %q", who.Cohort)
	}

	phone := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, phone, "fr-FR,fr;q=0.9")
	traffic := watchTraffic(t, phone)
	if resp := open(t, phone, srv.URL+demoPath); resp.Status != http.StatusOK {
		t.Fatalf("the alliance's page: status %d", resp.Status)
	}
	checkPage(t, phone, "alliance", "Alliance Mali Mentors")
	follow(t, phone, "#apply-"+cohort.String())
	checkPage(t, phone, "apply", fr("page.apply.heading"))
	if !evaluate[bool](t, phone, `document.querySelector("input[name=cohort_id][value='`+cohort.String()+`']").checked`) {
		t.Errorf("the cohort tapped is not the one chosen on the form")
	}

	// The form, with an e-mail address that lacks its domain.
	const motivation = "Je veux apprendre à tenir mes comptes et à parler aux banques, avec quelqu’un qui est passé par là."
	fill(t, phone, "#applicant-name", who.Name)
	fill(t, phone, "#applicant-email", "awa.sangare@")
	fill(t, phone, "#applicant-phone", who.Phone)
	tap(t, phone, "label:has(#applicant-gender)")
	fill(t, phone, "#applicant-birth_year", "1994")
	fill(t, phone, "#applicant-city", who.City)
	fill(t, phone, "#business-name", who.Business)
	do(t, phone, "choose the sector", chromedp.SetValue(chromedp.CSS("#business-sector"), "agrifood"))
	tap(t, phone, "label:has(#business-stage-starting)")
	fill(t, phone, "#business-employees", "2")
	fill(t, phone, "#business-founded_year", "2021")
	tap(t, phone, "label:has(#business-revenue_band-under_1m)")
	typeInto(t, phone, "#obstacles", "Mes clients paient en retard et je n’ai pas de fonds de roulement.")
	typeInto(t, phone, "#goals", "Livrer trois épiceries de Ségou chaque semaine.")
	typeInto(t, phone, "#motivation", motivation)
	screenshot(t, phone, "apply-filled")
	if resp := follow(t, phone, "#apply-submit"); resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("an e-mail without its domain: status %d, want 422", resp.Status)
	}
	checkPage(t, phone, "apply-mistake", fr("page.apply.heading"))
	if got, want := visibleText(t, phone, "#applicant-email-error"), fr("validation.email"); got != want {
		t.Errorf("the e-mail's message says %q; want %q", got, want)
	}
	if got := visibleText(t, phone, "#error-summary"); !strings.Contains(got, fr("page.apply.email")) {
		t.Errorf("the summary of mistakes says %q", got)
	}
	for field, want := range map[string]string{"#applicant-email": "awa.sangare@", "#applicant-name": who.Name, "#motivation": motivation} {
		if got := run(t, phone, "read "+field, chromedp.Value(chromedp.CSS(field))); got != want {
			t.Errorf("%s came back as %q; want what was typed, %q", field, got, want)
		}
	}
	if !evaluate[bool](t, phone, `document.querySelector("#applicant-gender").checked && document.querySelector("#business-revenue_band-under_1m").checked`) {
		t.Error("the choices made did not come back")
	}

	// The address put right, the form goes.
	fill(t, phone, "#applicant-email", who.Email)
	submit(t, phone, "#apply-submit", demoPath+"/apply/thanks?cohort="+cohort.String())
	checkPage(t, phone, "apply-thanks", fr("page.apply.thanks.heading"))
	if got, want := visibleText(t, phone, "#thanks-mail"), fr("page.apply.thanks.mail"); got != want {
		t.Errorf("the confirmation says %q; want %q", got, want)
	}
	traffic.check(t, srv.URL, "status of 422")

	list, _, err := (&service.Applications{DB: srv.DB}).List(ctx, service.Caller{Alliance: a}, service.PipelineQuery{Text: who.Email})
	if err != nil || len(list) != 1 {
		t.Fatalf("the application of %s: %v, %v", who.Email, list, err)
	}
	if got := list[0]; got.Locale != domain.French || got.Applicant.Phone == "" || got.Business.RevenueBand != "under_1m" {
		t.Errorf("the application as recorded: %+v", got)
	}
	return phoneApplication{ID: list[0].ID, Browser: phone}
}

// typeInto types into an empty field, as a person would.
func typeInto(t *testing.T, ctx context.Context, selector, value string) {
	t.Helper()
	do(t, ctx, "type into "+selector, chromedp.SendKeys(chromedp.CSS(selector), value))
}

var followLink = regexp.MustCompile(`https?://\S+/applications/follow/[A-Za-z0-9_-]+`)

// TestApplyOnPhone: an entrepreneur applies on a phone (see
// applyOnPhone); an admin of the alliance finds the mail it sent, and the
// entrepreneur opens the link it carries: the application is received,
// the first of its steps. The admin's pages of the pipeline read on the
// phone too: the decision mails' wording, a mentor's matching profile.
func TestApplyOnPhone(t *testing.T) {
	t.Parallel()
	// The links that mails carry name the test server itself.
	addr := testkit.FreeAddr(t)
	srv := testapp.StartApp(t, testapp.AppSetup{
		Options: app.Options{Web: true, Workers: true, Migrate: true, Demo: true},
		Env:     map[string]string{"MENTORAT_ADDR": addr, "MENTORAT_BASE_URL": "http://" + addr},
	})
	fr := frenchCopy(t)
	applicant := applyOnPhone(t, srv, applicantOnPhone{Name: "Awa Sangaré", Email: "awa.sangare@example.org",
		Phone: "+223 70 12 34 56", City: "Ségou", Business: "Karité Sangaré", Cohort: "Ségou 2027"})

	a := demoAlliance(t, srv)
	const password = "le fleuve Niger à Ségou"
	addMember(t, srv, a, "aminata.diarra@example.org", "Aminata Diarra", password, domain.RoleAdmin)
	addMember(t, srv, a, "moussa.traore@example.org", "Moussa Traoré", password, domain.RoleMentor)
	admin := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, admin, "fr-FR,fr;q=0.9")
	signIn(t, admin, srv.URL, "aminata.diarra@example.org", password, demoPath+"/mails")
	link := ""
	for deadline := time.Now().Add(20 * time.Second); link == ""; time.Sleep(250 * time.Millisecond) {
		open(t, admin, srv.URL+demoPath+"/mails")
		link = followLink.FindString(evaluate[string](t, admin,
			`Array.from(document.querySelectorAll("#mails .mail-body")).map(e => e.innerText).join("\n")`))
		if link == "" && time.Now().After(deadline) {
			t.Fatal("the application's mail did not reach the mail page within 20 s")
		}
	}
	if !strings.HasPrefix(link, srv.URL+demoPath+"/applications/follow/") {
		t.Fatalf("the mail's link %q does not lead to this server's follow page", link)
	}

	// On the phone too, the admin reaches the decision mails' wording
	// from the settings, and a mentor's matching profile.
	follow(t, admin, "#link-settings")
	follow(t, admin, "#messages-link")
	checkPage(t, admin, "messages", fr("page.messages.heading"))
	follow(t, admin, "#link-members")
	mentor := evaluate[string](t, admin, `Array.from(document.querySelectorAll("#members a.row-title"))
		.find(a => a.textContent.trim() === "Moussa Traoré").getAttribute("href")`)
	open(t, admin, srv.URL+mentor)
	checkPage(t, admin, "mentor-profile", "Moussa Traoré")
	if got := visibleText(t, admin, "#profile-heading"); got != fr("page.profile.heading") {
		t.Errorf("the mentor's page has %q where the profile's form should be", got)
	}

	phone := applicant.Browser
	traffic := watchTraffic(t, phone)
	if resp := open(t, phone, link); resp.Status != http.StatusOK {
		t.Fatalf("the follow link: status %d", resp.Status)
	}
	checkPage(t, phone, "follow", fr("page.follow.heading"))
	if got, want := visibleText(t, phone, "#status-label"), fr("status.submitted"); got != want {
		t.Errorf("the application stands at %q; want %q", got, want)
	}
	if got := visibleText(t, phone, `#progress [aria-current="step"]`); !strings.HasSuffix(got, fr("page.follow.step.submitted")) {
		t.Errorf("the current step is %q", got)
	}
	if got := visibleText(t, phone, "#follow-cohort"); !strings.Contains(got, "Ségou 2027") || !strings.Contains(got, "Awa Sangaré") {
		t.Errorf("the follow page names %q", got)
	}
	traffic.check(t, srv.URL)
}
