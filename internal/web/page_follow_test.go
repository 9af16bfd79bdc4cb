package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// applied records an application of name and email to the cast's cohort,
// with a script in its texts, and gives it with its follow link's token.
func applied(t *testing.T, s *Server, c *cast, name, email string) (*domain.Application, string) {
	t.Helper()
	f := applicationFormOf(newForm(applyForm(c.objects["cohorts"], name, email)), domain.French)
	f.Obstacles = "<script>alert('obstacles')</script>"
	sub, err := s.applications.Apply(t.Context(), c.alliance, f, castIPs())
	if err != nil {
		t.Fatalf("apply as %s: %v", email, err)
	}
	return sub.Application, sub.FollowLink[strings.LastIndex(sub.FollowLink, "/")+1:]
}

// TestFollowingAnApplicationByItsLink: the link of the mail shows where
// the application stands, in words and as steps, with its cohort and
// history, never the screeners' notes, and how to sign in later; no cache
// keeps it and no link passes it on. A name full of script stays text. A
// wrong link, or another alliance's under this one's address, finds
// nothing.
func TestFollowingAnApplicationByItsLink(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-suivi")
	ctx := t.Context()
	app, token := applied(t, s, c, `<script>alert("nom")</script> Awa`, "awa.suivi@example.org")
	for _, to := range []domain.ApplicationStatus{domain.AppScreening, domain.AppInterview} {
		if _, err := s.applications.Move(ctx, c.admin, app.ID, to, "Raison du jury, à ne pas montrer"); err != nil {
			t.Fatal(err)
		}
	}
	score := 2
	if _, err := s.applications.AddNote(ctx, c.admin, app.ID, domain.ApplicationNote{Text: "Note privée du jury", Score: &score}); err != nil {
		t.Fatal(err)
	}
	path := "/a/alliance-suivi/applications/follow/" + token
	w := get(s, path, "")
	page := w.Body.String()
	expectPage(t, "the follow page", w, page, http.StatusOK, "Votre candidature",
		"&lt;script&gt;alert(&#34;nom&#34;)&lt;/script&gt; Awa, cohorte «\u202fCohorte de printemps\u202f» à Dakar.",
		`id="status-label">`+s.catalog.T(domain.French, "status.interview", nil), "l’alliance vous propose un entretien",
		`<li class="step-done"><span class="vh">Étape franchie`+"\u202f"+`: </span>Reçue</li>`,
		`<li class="step-current" aria-current="step"><span class="vh">Étape en cours`+"\u202f"+`: </span>Entretien</li>`,
		`<li class="step-todo"><span class="vh">Étape à venir`+"\u202f"+`: </span>Mentor</li>`, `href="/reset"`)
	if n := strings.Count(partOf(t, page, `id="history"`, "</ol>"), "<li>"); n != 3 {
		t.Errorf("the history has %d entries; want 3", n)
	}
	for _, secret := range []string{"Raison du jury", "Note privée", "obstacles"} {
		if strings.Contains(page, secret) {
			t.Errorf("the follow page shows %q", secret)
		}
	}
	for _, part := range []string{partOf(t, page, `id="follow-cohort"`, "</p>"), partOf(t, page, `id="application-status"`, "</section>")} {
		if bad := testkit.UnsafeHTML(part); bad != "" {
			t.Errorf("the follow page lets through %s", bad)
		}
	}
	if scriptTag.MatchString(page) {
		t.Error("a name typed as a script runs on the follow page")
	}
	if cc, rp := w.Header().Get("Cache-Control"), w.Header().Get("Referrer-Policy"); !strings.Contains(cc, "no-store") || rp != "no-referrer" {
		t.Errorf("Cache-Control %q, Referrer-Policy %q", cc, rp)
	}

	// The decision, in English.
	if _, err := s.applications.Move(ctx, c.admin, app.ID, domain.AppRejected, ""); err != nil {
		t.Fatal(err)
	}
	w = do(s, http.MethodGet, path, "", map[string]string{"Accept": "text/html", "Accept-Language": "en"})
	page = w.Body.String()
	expectPage(t, "the decision", w, page, http.StatusOK, "Your application", "You may apply to a later cohort.",
		`aria-current="step"><span class="vh">Current step: </span>`+s.catalog.T(domain.English, "status.rejected", nil)+`</li>`)
	if strings.Contains(page, "step.matched") || strings.Contains(page, ">Mentor</li>") {
		t.Error("a rejected application is shown a mentor to come")
	}

	// Wrong links.
	other := newCast(t, s, "alliance-ailleurs")
	_, foreign := applied(t, s, other, "Oumou", "oumou@example.org")
	for name, p := range map[string]string{
		"a wrong token":                   path + "x",
		"another alliance's link":         "/a/alliance-suivi/applications/follow/" + foreign,
		"under an alliance that is not":   "/a/nowhere-at-all/applications/follow/" + token,
		"the link under another alliance": "/a/alliance-ailleurs/applications/follow/" + token,
	} {
		w := get(s, p, "")
		if w.Code != http.StatusNotFound {
			t.Errorf("%s: %d; want 404", name, w.Code)
		}
		if strings.Contains(w.Body.String(), "Awa") || strings.Contains(w.Body.String(), "Oumou") {
			t.Errorf("%s shows an applicant", name)
		}
	}
	if w := get(s, path+"x", ""); !strings.Contains(w.Body.String(), "Ce lien de suivi ne mène à aucune candidature.") {
		t.Errorf("a wrong link is not explained:\n%s", w.Body)
	}
}

// TestApplicantSeesAndWithdrawsTheirApplication: signed in, an applicant
// reads their own application (where it stands, what they wrote, never
// the notes) and withdraws it once the box is ticked; it then can no
// longer be withdrawn. Nobody else may withdraw it, and a visitor is sent
// to sign in.
func TestApplicantSeesAndWithdrawsTheirApplication(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-retrait")
	ctx := t.Context()
	// The non-member applies with the e-mail of their account.
	app, _ := applied(t, s, c, "Non Member", c.users[callerNonMember].email)
	if app.UserID != c.userID(callerNonMember) {
		t.Fatalf("the application is linked to %v; want the account of its e-mail", app.UserID)
	}
	if _, err := s.applications.Move(ctx, c.admin, app.ID, domain.AppScreening, "Raison du jury"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.applications.AddNote(ctx, c.admin, app.ID, domain.ApplicationNote{Text: "Note privée du jury"}); err != nil {
		t.Fatal(err)
	}
	applicant := pageSession(t, s, c, callerNonMember)
	path := "/a/alliance-retrait/applications/" + app.ID.String()
	w := get(s, path, applicant)
	page := w.Body.String()
	expectPage(t, "the applicant's page", w, page, http.StatusOK, `id="status-label">`+s.catalog.T(domain.French, "status.screening", nil),
		"Karité de Ségou", "Agroalimentaire", "&lt;script&gt;alert(&#39;obstacles&#39;)&lt;/script&gt;", `id="withdraw-form"`,
		`action="`+path+`/withdraw"`)
	for _, secret := range []string{"Raison du jury", "Note privée"} {
		if strings.Contains(page, secret) {
			t.Errorf("the applicant's page shows %q", secret)
		}
	}
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="answers"`, "</dl>")); bad != "" {
		t.Errorf("the applicant's page lets through %s", bad)
	}

	// Nobody else withdraws it; a visitor is sent to sign in.
	for _, who := range []string{callerAdmin, callerMentor, callerEntrepreneur} {
		if w := post(s, path+"/withdraw", url.Values{"confirm": {"1"}}, pageSession(t, s, c, who)); w.Code != http.StatusNotFound {
			t.Errorf("%s withdraws someone's application: %d; want 404", who, w.Code)
		}
	}
	w = post(s, path+"/withdraw", url.Values{"confirm": {"1"}}, "")
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape(path) {
		t.Errorf("a visitor withdraws: %d to %q", w.Code, loc)
	}

	// The box left unticked: nothing happens.
	w = post(s, path+"/withdraw", url.Values{}, applicant)
	expectPage(t, "an unticked box", w, w.Body.String(), http.StatusUnprocessableEntity, `id="confirm-error">Cochez la case pour confirmer.`)
	if d, _ := s.applications.Get(ctx, c.admin, app.ID, true); d.Status != domain.AppScreening {
		t.Fatalf("withdrawn without the box ticked: %s", d.Status)
	}
	w = post(s, path+"/withdraw", url.Values{"confirm": {"1"}}, applicant)
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != path+"?withdrawn=1" {
		t.Fatalf("withdraw: %d to %q\n%s", w.Code, loc, w.Body)
	}
	w = get(s, path+"?withdrawn=1", applicant)
	page = w.Body.String()
	expectPage(t, "the application withdrawn", w, page, http.StatusOK, `id="withdrawn"`, "Vous avez retiré cette candidature.")
	if strings.Contains(page, `id="withdraw-form"`) || strings.Contains(page, `id="progress"`) {
		t.Error("a withdrawn application still offers to withdraw, or shows steps")
	}
	w = post(s, path+"/withdraw", url.Values{"confirm": {"1"}}, applicant)
	expectPage(t, "withdrawn twice", w, w.Body.String(), http.StatusConflict, `id="form-problem">`)
	if d, err := s.applications.Get(ctx, c.admin, app.ID, true); err != nil || len(d.Events) != 3 {
		t.Errorf("the history after withdrawing: %+v, %v", d, err)
	}
	mine, err := s.applications.Mine(ctx, service.Caller{Actor: service.Actor{UserID: app.UserID}, Alliance: c.alliance})
	if err != nil || len(mine) != 1 || mine[0].Status != domain.AppWithdrawn {
		t.Errorf("the applicant's own list: %v, %v", mine, err)
	}
}
