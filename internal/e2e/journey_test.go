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
	"github.com/mentorat/mentorat/internal/testkit"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// controls are what a finger must hit on the account pages: links,
// buttons, the switcher, the fields and the labels of the boxes to tick;
// not a field hidden from everyone (a form's trap for robots).
const controls = "a, button, summary, select, textarea, label.check, " +
	"input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([aria-hidden=true] *)"

// TestSignupCreateAllianceInviteAccept: on a phone, in French, a person
// signs up, creates an alliance and invites a mentor by e-mail. With no
// SMTP server, the admin reads the invitation's link on the alliance's
// mail page once the background job has delivered it. In another browser,
// the invited person opens the link, signs up on the spot, comes back to
// the invitation, accepts it, and finds the alliance among their own.
func TestSignupCreateAllianceInviteAccept(t *testing.T) {
	t.Parallel()
	// The links that mails carry name the test server itself.
	addr := testkit.FreeAddr(t)
	srv := testapp.StartApp(t, testapp.AppSetup{
		Options: app.Options{Web: true, Workers: true, Migrate: true, Demo: true},
		Env:     map[string]string{"MENTORAT_ADDR": addr, "MENTORAT_BASE_URL": "http://" + addr},
	})
	fr := frenchCopy(t)

	admin := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, admin, "fr-FR,fr;q=0.9")
	adminTraffic := watchTraffic(t, admin)

	// 1. Sign up.
	open(t, admin, srv.URL+"/signup")
	checkPage(t, admin, "signup", fr("signup.heading"))
	fill(t, admin, "#name", "Awa Traoré")
	fill(t, admin, "#email", "awa.traore@example.org")
	fill(t, admin, "#password", "une phrase de Bamako 2026")
	submit(t, admin, "#signup-form button[type=submit]", "/me")
	checkPage(t, admin, "me-new", fr("me.heading"))
	if got := visibleText(t, admin, "#no-alliances"); got != fr("me.alliances.none") {
		t.Errorf("a new account's page says %q about alliances", got)
	}

	// 2. Create an alliance.
	follow(t, admin, "#new-alliance")
	checkPage(t, admin, "alliance-new", fr("alliance_new.heading"))
	fill(t, admin, "#name", "Alliance Sikasso Mentors")
	fill(t, admin, "#slug", "alliance-mali-mentors") // the demo alliance's
	fill(t, admin, "#country", "Mali")
	if resp := follow(t, admin, "#alliance-form button[type=submit]"); resp.Status != http.StatusConflict {
		t.Errorf("an alliance with a slug taken: status %d, want 409", resp.Status)
	}
	checkPage(t, admin, "alliance-new-taken", fr("alliance_new.heading"))
	if got := visibleText(t, admin, "#slug-error"); got != fr("validation.slug_taken") {
		t.Errorf("the slug's message says %q", got)
	}
	if got := run(t, admin, "read the name field", chromedp.Value(chromedp.CSS("#name"))); got != "Alliance Sikasso Mentors" {
		t.Errorf("the form came back with the name %q, not what was typed", got)
	}
	fill(t, admin, "#slug", "alliance-sikasso")
	submit(t, admin, "#alliance-form button[type=submit]", "/a/alliance-sikasso")
	checkPage(t, admin, "alliance", "Alliance Sikasso Mentors")
	if got := visibleText(t, admin, "#member-links"); !strings.Contains(got, fr("section.invitations")) || !strings.Contains(got, fr("section.mails")) {
		t.Errorf("the admin's links on the alliance page: %q", got)
	}

	// 3. Invite a mentor.
	follow(t, admin, "#link-invitations")
	checkPage(t, admin, "invitations", fr("invitations.heading"))
	fill(t, admin, "#email", "moussa.keita@example.org")
	if !evaluate[bool](t, admin, "document.querySelector('#role-mentor').checked") {
		tap(t, admin, "label:has(#role-mentor)")
	}
	submit(t, admin, "#invite-form button[type=submit]", "/a/alliance-sikasso/invitations")
	checkPage(t, admin, "invited", fr("invitations.heading"))
	if got, want := visibleText(t, admin, "#invited"), fr("invitations.sent", "email", "moussa.keita@example.org"); !strings.Contains(got, want) {
		t.Errorf("after inviting, the page says %q; want %q", got, want)
	}
	shown := visibleText(t, admin, "#invitation-link")
	if got := visibleText(t, admin, "#pending"); !strings.Contains(got, "moussa.keita@example.org") || !strings.Contains(got, fr("role.mentor")) {
		t.Errorf("the pending invitations: %q", got)
	}

	// 4. Read the link in the mail, once the background job sent it.
	link := readInvitationLink(t, admin, srv.URL+"/a/alliance-sikasso/mails")
	if link != shown {
		t.Errorf("the mail's link %q is not the one the page showed, %q", link, shown)
	}
	if !strings.HasPrefix(link, srv.URL+"/invitations/") {
		t.Fatalf("the mail's link %q does not lead to this server's invitation page", link)
	}
	checkPage(t, admin, "mails", fr("mails.heading"))

	// The admin's other pages read well on the phone too.
	for _, p := range []struct{ link, name, heading string }{
		{"#link-settings", "settings", fr("settings.heading")},
		{"#link-billing", "billing", fr("billing.heading")},
		{"#link-audit", "audit", fr("audit.heading")},
		{"#link-jobs", "jobs", fr("jobs.heading")},
		{"#link-members", "members", fr("members.heading")},
		{"#members a.row-title", "member", "Awa Traoré"},
	} {
		if resp := follow(t, admin, p.link); resp.Status != http.StatusOK {
			t.Fatalf("%s: status %d", p.name, resp.Status)
		}
		checkPage(t, admin, p.name, p.heading)
		if p.name == "audit" {
			if got := visibleText(t, admin, "#audit"); !strings.Contains(got, "invitation.sent") || !strings.Contains(got, "alliance.created") {
				t.Errorf("the audit log shows %q", got)
			}
		}
	}
	adminTraffic.check(t, srv.URL, "status of 409")

	// 5. Another person, in another browser, opens the link.
	mentor := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, mentor, "fr-FR,fr;q=0.9")
	mentorTraffic := watchTraffic(t, mentor)
	if resp := open(t, mentor, link); resp.Status != http.StatusOK {
		t.Fatalf("the invitation page: status %d", resp.Status)
	}
	checkPage(t, mentor, "invitation", "Alliance Sikasso Mentors")
	if got := visibleText(t, mentor, "#invitation-roles"); got != fr("invitation.roles", "roles", fr("role.mentor")) {
		t.Errorf("the invitation offers %q", got)
	}
	follow(t, mentor, "#invitation-signup")
	checkPage(t, mentor, "signup-invited", fr("signup.heading"))
	if got := run(t, mentor, "read the e-mail field", chromedp.Value(chromedp.CSS("#email"))); got != "moussa.keita@example.org" {
		t.Errorf("the sign-up form came with the address %q, want the invited one", got)
	}
	fill(t, mentor, "#name", "Moussa Keita")
	fill(t, mentor, "#password", "mentor à Sikasso depuis 2019")
	submit(t, mentor, "#signup-form button[type=submit]", strings.TrimPrefix(link, srv.URL))
	checkPage(t, mentor, "invitation-signed-in", "Alliance Sikasso Mentors")

	// 6. Accept, then find the alliance on one's own page.
	submit(t, mentor, "#accept", "/a/alliance-sikasso")
	checkPage(t, mentor, "alliance-member", "Alliance Sikasso Mentors")
	if got := visibleText(t, mentor, "#member-links"); !strings.Contains(got, fr("section.members")) || strings.Contains(got, fr("section.invitations")) {
		t.Errorf("a mentor's links on the alliance page: %q", got)
	}
	follow(t, mentor, "#nav-me")
	checkPage(t, mentor, "me-member", fr("me.heading"))
	if got := visibleText(t, mentor, "#my-alliances"); !strings.Contains(got, "Alliance Sikasso Mentors") || !strings.Contains(got, fr("role.mentor")) {
		t.Errorf("the mentor's alliances: %q", got)
	}
	// The switcher of the header lists it too.
	tap(t, mentor, "#switcher summary")
	if got := visibleText(t, mentor, "#switcher ul"); !strings.Contains(got, "Alliance Sikasso Mentors") {
		t.Errorf("the header's switcher lists %q", got)
	}
	screenshot(t, mentor, "switcher")
	mentorTraffic.check(t, srv.URL)
}

// checkPage checks what every page of the journey must be: in French,
// with the heading expected, no sideways scroll, controls big enough for
// a finger, readable contrast and lines; and saves its screenshot.
func checkPage(t *testing.T, ctx context.Context, name, heading string) {
	t.Helper()
	if got := pageLanguage(t, ctx); got != "fr" {
		t.Errorf("%s: <html lang=%q>, want fr", name, got)
	}
	if got := visibleText(t, ctx, "main h1"); got != heading {
		t.Errorf("%s: the heading says %q, want %q", name, got, heading)
	}
	checkNoHorizontalScroll(t, ctx)
	checkTapTargets(t, ctx, controls)
	checkContrast(t, ctx, "h1, h2, p, li, a, label, legend, button, summary, dt, dd, td, nav span")
	checkLineLength(t, ctx, "main p, main li")
	screenshot(t, ctx, name)
}

// fill types a value into a field, as a person would.
func fill(t *testing.T, ctx context.Context, selector, value string) {
	t.Helper()
	do(t, ctx, "fill "+selector, chromedp.Clear(chromedp.CSS(selector)), chromedp.SendKeys(chromedp.CSS(selector), value))
}

// tap taps an element that leads nowhere.
func tap(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	do(t, ctx, "tap "+selector, chromedp.Tap(chromedp.CSS(selector), chromedp.NodeVisible))
}

// submit taps a form's button and checks that the post led, after its
// redirect, to the path with a 200.
func submit(t *testing.T, ctx context.Context, button, path string) {
	t.Helper()
	resp := follow(t, ctx, button)
	if resp.Status != http.StatusOK || !strings.HasSuffix(resp.URL, path) {
		t.Fatalf("%s led to %s with status %d; want %s with 200", button, resp.URL, resp.Status, path)
	}
}

var invitationLink = regexp.MustCompile(`https?://\S+/invitations/[A-Za-z0-9_-]+`)

// readInvitationLink opens the mail page until the invitation's mail is
// there (the background job sends it within seconds), and reads its link.
func readInvitationLink(t *testing.T, ctx context.Context, mailsURL string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		open(t, ctx, mailsURL)
		if evaluate[bool](t, ctx, "document.querySelector('#mails') !== null") {
			if link := invitationLink.FindString(visibleText(t, ctx, "#mails .mail-body")); link != "" {
				return link
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the invitation's mail did not reach the mail page within 20 s")
		}
		time.Sleep(250 * time.Millisecond)
	}
}
