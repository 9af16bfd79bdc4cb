package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/testkit"
)

// TestSessionPageOffersEachSideItsForms: on a session to come, the
// entrepreneur may propose a date and write the agenda, never log it; the
// mentor may propose a date, log and mark it, never write the agenda;
// staff may only mark it; an observer is refused the page. Forged posts
// of another side's form are refused with the reason, and confirming a
// date no one proposed says so on the page.
func TestSessionPageOffersEachSideItsForms(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	j := newJourneyCast(t, s, "seance-formulaires", "Un second atelier.", "La trésorerie.")
	path := j.base + "/sessions/1"
	forms := []string{"propose-form", "agenda-form", "log-form", "mark-form", "rate-form"}
	want := map[string][]string{
		callerEntrepreneur: {"propose-form", "agenda-form"},
		callerMentor:       {"propose-form", "log-form", "mark-form"},
		callerCoordinator:  {"mark-form"},
		callerAdmin:        {"mark-form"},
	}
	for who, has := range want {
		w := get(s, path, j.pages[who])
		page := w.Body.String()
		expectPage(t, who+"'s session", w, page, http.StatusOK, `<h1 id="session-heading">Séance 1 sur 12</h1>`)
		for _, f := range forms {
			if shown, wanted := strings.Contains(page, `id="`+f+`"`), strings.Contains(strings.Join(has, " "), f); shown != wanted {
				t.Errorf("%s's session shows %s: %v", who, f, shown)
			}
		}
	}
	if w := get(s, path, j.pages[callerObserver]); w.Code != http.StatusForbidden {
		t.Errorf("the observer's session: %d", w.Code)
	}
	if w := get(s, j.base+"/sessions/13", j.pages[callerMentor]); w.Code != http.StatusNotFound ||
		!strings.Contains(w.Body.String(), "Ce parcours compte 12 séances\u202f: la séance 13 n’existe pas.") {
		t.Errorf("session 13 of 12: %d", w.Code)
	}

	agenda := url.Values{"agenda_kind": {"business"}, "agenda_text": {"Les impayés"}}
	w := post(s, path+"/agenda", agenda, j.pages[callerMentor])
	expectPage(t, "the mentor's agenda", w, w.Body.String(), http.StatusForbidden, "C’est l’entrepreneur qui écrit l’ordre du jour de la séance.")
	log := url.Values{"held_on": {time.Now().Format(time.DateOnly)}, "duration_minutes": {"60"}}
	w = post(s, path+"/log", log, j.pages[callerEntrepreneur])
	expectPage(t, "the entrepreneur's log", w, w.Body.String(), http.StatusForbidden, "Seul le mentor de ce parcours rédige le compte rendu de la séance.")
	w = post(s, path+"/log", log, j.pages[callerCoordinator])
	expectPage(t, "a coordinator's log", w, w.Body.String(), http.StatusForbidden, "Seul le mentor de ce parcours rédige le compte rendu de la séance.")
	w = post(s, path+"/rate", url.Values{"rating": {"5"}}, j.pages[callerMentor])
	expectPage(t, "the mentor's rating", w, w.Body.String(), http.StatusForbidden, "Seul l’entrepreneur évalue la séance.")
	w = post(s, path+"/confirm", url.Values{}, j.pages[callerEntrepreneur])
	expectPage(t, "confirming nothing", w, w.Body.String(), http.StatusConflict,
		`id="form-problem">Aucune date n’est proposée pour cette séance.`, `id="agenda-form"`)
}

// TestSessionThroughThePages: the mentor proposes a date (one in the past
// comes back with its message and the place typed) and the entrepreneur
// confirms it; the entrepreneur writes the agenda (an unknown kind is
// named on its row, the rows typed kept, the empty ones left out); the
// mentor logs the session with notes only they read, an action and the
// obstacles (mistakes named on their fields and rows, everything typed
// kept); the entrepreneur rates it (out of range first) and never sees
// the private notes, which no other page shows either; the mentor never
// sees the rating. The next session carries the open action over, and
// the entrepreneur ticks it there. A coordinator cancels a session with
// a reason. Markup typed anywhere reaches the pages as text.
func TestSessionThroughThePages(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	j := newJourneyCast(t, s, "seance-parcours", "Un second atelier.", "La trésorerie.")
	path := j.base + "/sessions/1"
	ent, mentor, coord := j.pages[callerEntrepreneur], j.pages[callerMentor], j.pages[callerCoordinator]
	const private = "Elle doute de ses prix <em>PRIVÉ-7341</em>."

	// A date: proposed by the mentor, confirmed by the entrepreneur.
	w := post(s, path+"/propose", url.Values{"scheduled_at": {"2020-01-01T09:00"}, "place": {"Atelier de Ségou"}}, mentor)
	expectPage(t, "a date in the past", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="scheduled_at-error">Proposez une date à venir.`, `value="Atelier de Ségou"`, `id="propose-details" open`)
	at := time.Now().UTC().AddDate(0, 0, 3).Format(datetimeLocal)
	w = post(s, path+"/propose", url.Values{"scheduled_at": {at}, "place": {"Atelier de Ségou"}}, mentor)
	expectRedirect(t, "the proposal", w, path+"?done=propose")
	w = get(s, path, mentor)
	expectPage(t, "the mentor's own proposal", w, w.Body.String(), http.StatusOK, `id="proposed">Vous avez proposé le`)
	if strings.Contains(w.Body.String(), `id="confirm-form"`) {
		t.Error("the mentor may confirm their own proposal")
	}
	w = get(s, path, ent)
	expectPage(t, "the proposal to the entrepreneur", w, w.Body.String(), http.StatusOK,
		`id="proposed">Mentor of seance-parcours propose le`, `id="confirm-form"`)
	expectRedirect(t, "the confirmation", post(s, path+"/confirm", url.Values{}, ent), path+"?done=confirm")
	w = get(s, path, ent)
	expectPage(t, "the date agreed", w, w.Body.String(), http.StatusOK, `id="scheduled">Date convenue`, `id="scheduled-place">Atelier de Ségou`,
		`<strong class="state state-scheduled">Date fixée</strong>`)

	// The agenda: an unknown kind on the third row, an empty second row.
	agenda := url.Values{"agenda_kind": {"business", "business", "family", "business"},
		"agenda_text": {"Les impayés <script>alert(1)</script>", "", "Dire non", ""}}
	w = post(s, path+"/agenda", agenda, ent)
	page := w.Body.String()
	expectPage(t, "an agenda with an unknown kind", w, page, http.StatusUnprocessableEntity,
		`id="agenda_row[2]-kind-error">Valeur inconnue`, `id="agenda-text-2" name="agenda_text" type="text" maxlength="500" value="Dire non"`,
		`value="Les impayés &lt;script&gt;alert(1)&lt;/script&gt;"`)
	if strings.Contains(page, `id="agenda_row[0]-kind-error"`) || strings.Contains(page, `id="agenda_row[1]-text-error"`) {
		t.Error("a message is on a row that has no mistake")
	}
	agenda["agenda_kind"] = []string{"business", "business", "personal", "business"}
	expectRedirect(t, "the agenda", post(s, path+"/agenda", agenda, ent), path+"?done=agenda")
	w = get(s, path, mentor)
	page = w.Body.String()
	expectPage(t, "the agenda to the mentor", w, page, http.StatusOK, `<span class="tag kind-personal">Personnel</span> Dire non`,
		// The log starts from the agenda's obstacles.
		`id="obstacle-text-1" name="obstacle_text" type="text" maxlength="500" value="Dire non"`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `<ul class="obstacles" id="agenda">`, "</ul>")); bad != "" || scriptTag.MatchString(page) {
		t.Errorf("the agenda carries %q", bad)
	}

	// The log: a session too short and an action due before it.
	today := time.Now().UTC().Format(time.DateOnly)
	log := url.Values{"held_on": {today}, "duration_minutes": {"5"},
		"obstacle_kind": {"business", "personal", "business"}, "obstacle_text": {"Les impayés", "Dire non", ""},
		"action_text": {"", "Relancer les trois clients"}, "action_owner": {"mentor", "entrepreneur"}, "action_due": {"", "2020-01-01"},
		"shared_notes": {"Une séance utile."}, "private_notes": {private}}
	w = post(s, path+"/log", log, mentor)
	page = w.Body.String()
	expectPage(t, "a log with mistakes", w, page, http.StatusUnprocessableEntity, `id="duration_minutes-error">La valeur doit être comprise entre 10 et 480.`,
		`id="action_row[1]-due_on-error">L’échéance doit tomber entre la séance et un an après.`,
		`value="Relancer les trois clients"`, ">Elle doute de ses prix &lt;em&gt;PRIVÉ-7341&lt;/em&gt;.</textarea>", `id="log-details" open`)
	log.Set("duration_minutes", "75")
	log["action_due"] = []string{"", time.Now().UTC().AddDate(0, 0, 10).Format(time.DateOnly)}
	expectRedirect(t, "the log", post(s, path+"/log", log, mentor), path+"?done=log")
	w = get(s, path, mentor)
	expectPage(t, "the log to the mentor", w, w.Body.String(), http.StatusOK, `id="private-notes-shown"`, "PRIVÉ-7341",
		`<strong class="state state-held">Tenue</strong>`, "Relancer les trois clients", `id="log-details"`)
	if strings.Contains(w.Body.String(), `id="log-details" open`) {
		t.Error("the log's form stays open once the session is logged")
	}

	// The rating, by the entrepreneur only, who never reads the notes.
	w = get(s, path, ent)
	page = w.Body.String()
	expectPage(t, "the log to the entrepreneur", w, page, http.StatusOK, "Une séance utile.", `id="rate-form"`, "Relancer les trois clients")
	w = post(s, path+"/rate", url.Values{"rating": {"7"}, "comment": {"Très <b>concret</b>."}}, ent)
	expectPage(t, "a rating out of range", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="rating-error">La valeur doit être comprise entre 1 et 5.`, ">Très &lt;b&gt;concret&lt;/b&gt;.</textarea>")
	expectRedirect(t, "the rating", post(s, path+"/rate", url.Values{"rating": {"4"}, "comment": {"Très concret."}}, ent), path+"?done=rate")
	w = get(s, path, ent)
	expectPage(t, "the rating to the entrepreneur", w, w.Body.String(), http.StatusOK, `id="rating-shown">Note de l’entrepreneur`,
		`id="rating-4" checked`)
	if page := get(s, path, mentor).Body.String(); strings.Contains(page, "Très concret.") || strings.Contains(page, `id="rating-shown"`) {
		t.Error("the mentor reads the rating")
	}

	// The next session carries the action over; the entrepreneur ticks it.
	next := j.base + "/sessions/2"
	w = get(s, next, ent)
	page = w.Body.String()
	expectPage(t, "the next session", w, page, http.StatusOK, `id="carried"`, "Relancer les trois clients")
	found := regexp.MustCompile(`action="` + regexp.QuoteMeta(j.base) + `/actions/([0-9a-f-]{36})"`).FindStringSubmatch(page)
	if found == nil {
		t.Fatal("the carried action has no form to tick it")
	}
	action := found[1]
	expectRedirect(t, "the tick", post(s, j.base+"/actions/"+action, url.Values{"done": {"1"}, "back": {next}}, ent), next+"?done=ticked")
	if page := get(s, next, ent).Body.String(); strings.Contains(page, `id="carried"`) {
		t.Error("the action done is still carried over")
	}

	// A coordinator cancels session 3, with a reason.
	third := j.base + "/sessions/3"
	w = post(s, third+"/mark", url.Values{"status": {"cancelled"}, "reason": {""}}, coord)
	expectPage(t, "a cancellation without reason", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="reason-error">Ce champ est obligatoire.`, `id="mark-cancelled" checked`, `id="mark-details" open`)
	expectRedirect(t, "the cancellation", post(s, third+"/mark", url.Values{"status": {"cancelled"}, "reason": {"Fête de la Tabaski"}}, coord),
		third+"?done=mark")
	w = get(s, j.base, ent)
	expectPage(t, "the journey after all this", w, w.Body.String(), http.StatusOK, `id="reason-3">Raison`, "Fête de la Tabaski",
		`<strong class="state state-cancelled">Annulée</strong>`)

	// The private notes are on the mentor's session page alone.
	pages := map[string]string{
		"the entrepreneur's session": get(s, path, ent).Body.String(),
		"the entrepreneur's journey": get(s, j.base, ent).Body.String(),
		"the entrepreneur's mentees": get(s, "/a/seance-parcours/mentees", ent).Body.String(),
		"the coordinator's session":  get(s, path, coord).Body.String(),
		"the coordinator's journey":  get(s, j.base, coord).Body.String(),
		"the admin's session":        get(s, path, j.pages[callerAdmin]).Body.String(),
		"the admin's journey":        get(s, j.base, j.pages[callerAdmin]).Body.String(),
		"the progress":               get(s, "/a/seance-parcours/cohorts/"+j.m.CohortID.String()+"/progress", coord).Body.String(),
		"the report":                 get(s, "/a/seance-parcours/reports", coord).Body.String(),
		"the observer's report":      get(s, "/a/seance-parcours/reports", j.pages[callerObserver]).Body.String(),
		"the mentor's journey":       get(s, j.base, mentor).Body.String(),
		"the mentor's mentees":       get(s, "/a/seance-parcours/mentees", mentor).Body.String(),
		"the mentor's next session":  get(s, next, mentor).Body.String(),
	}
	for name, page := range pages {
		if strings.Contains(page, "PRIVÉ-7341") || strings.Contains(page, "doute de ses prix") {
			t.Errorf("%s shows the private notes", name)
		}
	}
	if page := get(s, path, mentor).Body.String(); !strings.Contains(page, "PRIVÉ-7341") {
		t.Error("the mentor's session page lacks their private notes")
	}
}

// expectRedirect checks that a post succeeded and sends the browser to
// location.
func expectRedirect(t *testing.T, what string, w interface {
	Result() *http.Response
}, location string) {
	t.Helper()
	res := w.Result()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != location {
		t.Fatalf("%s: %d to %q; want 303 to %q", what, res.StatusCode, res.Header.Get("Location"), location)
	}
}
