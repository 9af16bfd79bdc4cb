package e2e

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// addMember opens an account and makes it an active member of the
// alliance with one role, as the demo's own admin is made.
func addMember(t *testing.T, srv *testapp.RunningApp, a *domain.Alliance, email, name, password string, role domain.Role) {
	t.Helper()
	ctx := context.Background()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	u := &domain.User{ID: domain.NewID(), Email: email, Name: name, Locale: domain.French, CreatedAt: now}
	err = srv.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		if err := tx.InsertUser(ctx, u, hash); err != nil {
			return err
		}
		return tx.InsertMember(ctx, a.ID, &domain.Member{UserID: u.ID, Roles: []domain.Role{role}, Status: domain.StatusActive,
			Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now})
	})
	if err != nil {
		t.Fatalf("make %s a %s of %s: %v", email, role, a.Slug, err)
	}
}

// signIn logs in through the login page and lands on next.
func signIn(t *testing.T, ctx context.Context, base, email, password, next string) {
	t.Helper()
	open(t, ctx, base+"/login?next="+next)
	fill(t, ctx, "#email", email)
	fill(t, ctx, "#password", password)
	submit(t, ctx, "#login-form button[type=submit]", next)
}

// TestCharterPublishedThenAccepted: on phones, in French, an admin of the
// demo alliance starts a new version of its charter from the current one,
// adds a rule, previews it, saves and publishes it; a mentor reads the
// new version, accepts it and sees that they did; the admin then finds
// the mentor among those who accepted.
func TestCharterPublishedThenAccepted(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	fr := frenchCopy(t)
	a := demoAlliance(t, srv)
	const password = "une charte pour Bamako 2026"
	addMember(t, srv, a, "aminata.diallo@example.org", "Aminata Diallo", password, domain.RoleAdmin)
	addMember(t, srv, a, "oumar.sow@example.org", "Oumar Sow", password, domain.RoleMentor)
	charter := demoPath + "/charter"

	admin := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, admin, "fr-FR,fr;q=0.9")
	adminTraffic := watchTraffic(t, admin)
	signIn(t, admin, srv.URL, "aminata.diallo@example.org", password, charter+"/versions")
	checkPage(t, admin, "versions", fr("charter.versions.heading"))
	if got := visibleText(t, admin, "#versions"); !strings.Contains(got, fr("charter.version", "version", 1)) || !strings.Contains(got, fr("charter.status.published")) {
		t.Errorf("the history shows %q", got)
	}

	// A new draft starts from the current text; the admin adds a rule.
	follow(t, admin, "#new-draft")
	checkPage(t, admin, "draft-new", fr("charter.editor.new_title"))
	const rule = "Chaque mentor répond aux messages dans la semaine."
	evaluate[bool](t, admin, `(() => { const f = document.querySelector("#body-fr"); f.value = f.value.trimEnd() + "\n\n- `+rule+`\n"; return true })()`)
	follow(t, admin, "#preview")
	checkPage(t, admin, "draft-preview", fr("charter.editor.new_title"))
	if got := visibleText(t, admin, "#preview-fr"); !strings.Contains(got, rule) {
		t.Errorf("the preview lacks the new rule: %q", got)
	}
	submit(t, admin, "#save", charter+"/versions/2?saved=1")
	checkPage(t, admin, "draft-saved", fr("charter.version", "version", 2))
	if got := visibleText(t, admin, "#publish-warning"); got != fr("charter.publish.warning", "version", 2) {
		t.Errorf("the publish section says %q", got)
	}
	submit(t, admin, "#publish", charter+"/versions?published=2")
	checkPage(t, admin, "published", fr("charter.versions.heading"))
	if got := visibleText(t, admin, "#published"); got != fr("charter.versions.published", "version", 2) {
		t.Errorf("after publishing, the page says %q", got)
	}
	if got := visibleText(t, admin, "#version-1"); !strings.Contains(got, fr("charter.status.superseded")) {
		t.Errorf("version 1 after publishing: %q", got)
	}
	// The diff shows the rule added.
	follow(t, admin, "#compare")
	checkPage(t, admin, "diff", fr("charter.diff.heading"))
	added := evaluate[[]string](t, admin, `Array.from(document.querySelectorAll("#diff-fr .diff-ins")).map(e => e.innerText)`)
	if !slices.ContainsFunc(added, func(l string) bool { return strings.HasPrefix(l, "+") && strings.HasSuffix(squash(l), "- "+rule) }) {
		t.Errorf("the diff's added lines: %q", added)
	}

	// A mentor reads the new version and accepts it.
	mentor := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, mentor, "fr-FR,fr;q=0.9")
	mentorTraffic := watchTraffic(t, mentor)
	signIn(t, mentor, srv.URL, "oumar.sow@example.org", password, charter)
	checkPage(t, mentor, "charter-to-accept", fr("charter.heading"))
	if got := visibleText(t, mentor, "#charter-body"); !strings.Contains(got, rule) {
		t.Errorf("the charter the mentor reads lacks the new rule")
	}
	if got := visibleText(t, mentor, "#charter-pending"); !strings.Contains(got, fr("charter.accept.pending")) {
		t.Errorf("the mentor is told %q", got)
	}
	submit(t, mentor, "#accept", charter+"?accepted=1")
	checkPage(t, mentor, "charter-accepted", fr("charter.heading"))
	if got := visibleText(t, mentor, "#charter-accepted"); !strings.Contains(got, fr("charter.accept.thanks")) ||
		!strings.Contains(got, "version 2") {
		t.Errorf("after accepting, the mentor reads %q", got)
	}
	mentorTraffic.check(t, srv.URL)

	// The admin finds the mentor among those who accepted.
	if resp := open(t, admin, srv.URL+charter+"/acceptances"); resp.Status != http.StatusOK {
		t.Fatalf("the acceptances: status %d", resp.Status)
	}
	checkPage(t, admin, "acceptances", fr("charter.acceptances.heading"))
	if got := visibleText(t, admin, "#accepted"); !strings.Contains(got, "Oumar Sow") {
		t.Errorf("those who accepted: %q", got)
	}
	if got := visibleText(t, admin, "#pending"); strings.Contains(got, "Oumar Sow") || !strings.Contains(got, "Aminata Diallo") {
		t.Errorf("those who have not: %q", got)
	}
	adminTraffic.check(t, srv.URL)
}
