package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestApplicationThroughThePages: a coordinator reads everything an
// applicant wrote, notes and scores the application (a note with
// mistakes comes back with what was typed), and moves it along the
// pipeline with a note, each move in its history; a move the pipeline
// does not allow is refused (409) naming the moves it allows, and an
// acceptance into a full cohort says the cohort is full. The applicant
// sees their own application without the screeners' notes; other members
// find nothing, and a visitor is sent to sign in. Markup in what was
// written never reaches the page as markup.
func TestApplicationThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-candidature")
	coordinator := pageSession(t, s, c, callerCoordinator)
	co := castCohort(t, s, c, "Kayes 2027", "Kayes", 1)
	app := castApplication(t, s, c, co.ID, applicant{"Fanta <b>Camara</b>", "Teinture <i>Fanta</i>", "Kayes", "textile", domain.GenderWoman})
	path := "/a/alliance-candidature/applications/" + app.ID.String()

	w := get(s, path, coordinator)
	page := w.Body.String()
	expectPage(t, "an application", w, page, http.StatusOK, `<h1 id="applicant-name">Fanta &lt;b&gt;Camara&lt;/b&gt;</h1>`,
		`status-submitted">Reçue`, "Teinture &lt;i&gt;Fanta&lt;/i&gt;", "Textile et habillement", "Trouver des clients réguliers.",
		"Vendre chaque semaine.", "Avancer avec quelqu’un.", `href="mailto:candidate`, "Kayes 2027", "pas encore notée",
		`id="note-form"`, `id="move-screening"`, "Candidature envoyée", `id="link-applications" aria-current="page"`)
	if strings.Contains(page, `id="move-accepted"`) || strings.Contains(page, `id="suggestions"`) {
		t.Error("a new application offers to accept it or to match it")
	}
	if bad := testkit.UnsafeHTML(partOf(t, page, `<h1 id="applicant-name">`, `<h2 id="notes">`)); bad != "" {
		t.Errorf("the application's page lets through %s", bad)
	}

	// Notes and scores.
	w = post(s, path+"/notes", url.Values{"text": {"Projet clair <script>x</script>"}, "score": {"9"}}, coordinator)
	expectPage(t, "a score out of range", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="score-error">La valeur doit être comprise entre 1 et 5.`, "Projet clair &lt;script&gt;x&lt;/script&gt;</textarea>")
	w = post(s, path+"/notes", url.Values{"text": {"  "}}, coordinator)
	expectPage(t, "an empty note", w, w.Body.String(), http.StatusUnprocessableEntity, `id="text-error">Ce champ est obligatoire.`)
	for _, n := range []url.Values{{"text": {"Projet clair <script>x</script>"}, "score": {"4"}}, {"score": {"5"}}} {
		w = post(s, path+"/notes", n, coordinator)
		if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != path+"?noted=1#notes" {
			t.Fatalf("note: %d to %q\n%s", w.Code, loc, w.Body)
		}
	}
	w = get(s, path+"?noted=1", coordinator)
	page = w.Body.String()
	expectPage(t, "the notes", w, page, http.StatusOK, `id="noted"`, "Notes (2)", "note 4,5/5", "Projet clair &lt;script&gt;x&lt;/script&gt;",
		personName(callerCoordinator, c.slug), `<span class="note-score">4/5</span>`, `<span class="note-score">5/5</span>`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="notes-list"`, "</ul>")); bad != "" {
		t.Errorf("the notes let through %s", bad)
	}

	// Moves: refused, then along the pipeline.
	w = post(s, path+"/transitions", url.Values{"to": {"accepted"}, "note": {"Trop tôt"}}, coordinator)
	expectPage(t, "a move the pipeline refuses", w, w.Body.String(), http.StatusConflict,
		"Une candidature «\u202fReçue\u202f» ne peut pas passer à «\u202fAcceptée\u202f». Changements possibles\u202f: En présélection.",
		"Trop tôt</textarea>", `id="move-screening"`)
	for _, to := range []string{"screening", "interview"} {
		w = post(s, path+"/transitions", url.Values{"to": {to}, "note": {"Étape " + to}}, coordinator)
		if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != path+"?moved="+to {
			t.Fatalf("move to %s: %d to %q\n%s", to, w.Code, loc, w.Body)
		}
	}
	page = get(s, path+"?moved=interview", coordinator).Body.String()
	history := partOf(t, page, `id="history"`, "</ol>")
	for _, want := range []string{"Reçue → En présélection", "Étape screening", "En présélection → En entretien", "Étape interview",
		personName(callerCoordinator, c.slug)} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q:\n%s", want, history)
		}
	}
	if !strings.Contains(page, "La candidature est maintenant «\u202fEn entretien\u202f».") || !strings.Contains(page, `id="move-accepted"`) ||
		!strings.Contains(page, `id="move-waitlisted"`) || !strings.Contains(page, `id="move-rejected"`) {
		t.Errorf("an application in interview:\n%s", page)
	}

	// The cohort's only place goes to another: this one cannot be accepted.
	castApplication(t, s, c, co.ID, applicant{"Awa Keïta", "Awa Cosmétiques", "Kayes", "crafts", domain.GenderWoman}, along[domain.AppAccepted]...)
	w = post(s, path+"/transitions", url.Values{"to": {"accepted"}}, coordinator)
	expectPage(t, "an acceptance into a full cohort", w, w.Body.String(), http.StatusConflict,
		"La cohorte «\u202fKayes 2027\u202f» est complète (1 places, 0 libre(s))")
	if w := post(s, path+"/transitions", url.Values{"to": {"waitlisted"}}, coordinator); w.Code != http.StatusSeeOther {
		t.Errorf("waitlist: %d", w.Code)
	}

	// Its applicant sees it, without the notes; other members find nothing.
	entrepreneur := pageSession(t, s, c, callerEntrepreneur)
	own := "/a/alliance-candidature/applications/" + c.objects["applications"].String()
	w = get(s, own, entrepreneur)
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `id="note-form"`) || !strings.Contains(w.Body.String(), "Boulangerie de alliance-candidature") {
		t.Errorf("the applicant's own application: %d\n%s", w.Code, w.Body)
	}
	if w := get(s, path, entrepreneur); w.Code != http.StatusNotFound {
		t.Errorf("an entrepreneur on another's application: %d; want 404", w.Code)
	}
	for _, who := range []string{callerMentor, callerObserver, callerNonMember} {
		if w := get(s, path, pageSession(t, s, c, who)); w.Code != http.StatusNotFound {
			t.Errorf("%s on an application: %d; want 404", who, w.Code)
		}
	}
	if w := get(s, path, ""); w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login?next=") {
		t.Errorf("a visitor on an application: %d to %q", w.Code, w.Header().Get("Location"))
	}
	if w := post(s, path+"/transitions", url.Values{"to": {"accepted"}}, pageSession(t, s, c, callerMentor)); w.Code != http.StatusForbidden {
		t.Errorf("a mentor moves an application: %d; want 403", w.Code)
	}
}
