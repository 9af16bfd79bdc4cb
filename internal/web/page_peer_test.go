package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// plannedSession posts the planning form as the session's person and
// gives the path of the session's page.
func plannedSession(t *testing.T, s *Server, base string, form url.Values, session string) string {
	t.Helper()
	w := post(s, base+"/new", form, session)
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasSuffix(loc, "?planned=1") {
		t.Fatalf("plan: %d to %q\n%s", w.Code, loc, w.Body)
	}
	return strings.TrimSuffix(loc, "?planned=1")
}

// TestPeerSessionsThroughThePages: a coordinator plans a peer session with
// a case of the library and two of the three mentors (a form with
// mistakes comes back with a message next to each field and what was
// typed); an invited mentor confirms; once the session has started, the
// coordinator records who came, an uninvited mentor offered too, and the
// mentors' pages and the attendance table count it. Two sessions missed
// put a mentor on the list of those who missed the last two. A session is
// cancelled only once the box is ticked. Entrepreneurs see none of it.
func TestPeerSessionsThroughThePages(t *testing.T) {
	ts := startServer(t, 1<<20, "")
	s := ts.Server
	c := newCast(t, s, "alliance-intervision")
	base := "/a/alliance-intervision/peer-sessions"
	for _, who := range []string{"mentor-2", "mentor-3"} {
		u := c.signup(t, s, who)
		c.invite(t, s, u, domain.RoleMentor)
		c.users[who] = u
	}
	coordinator := pageSession(t, s, c, callerCoordinator)
	mentor := pageSession(t, s, c, callerMentor)
	mentor2 := pageSession(t, s, c, "mentor-2")
	entrepreneur := pageSession(t, s, c, callerEntrepreneur)
	m1, m2, m3 := c.userID(callerMentor), c.userID("mentor-2"), c.userID("mentor-3")

	w := get(s, base, coordinator)
	expectPage(t, "the sessions of a coordinator", w, w.Body.String(), http.StatusOK, `id="plan-session"`, `id="attendance-link"`,
		`id="link-peer-sessions" aria-current="page"`, "Le cas de la boulangerie")
	if w := get(s, base, entrepreneur); w.Code != http.StatusForbidden {
		t.Errorf("an entrepreneur on the peer sessions: %d; want 403", w.Code)
	}
	if w := get(s, "/a/alliance-intervision", entrepreneur); strings.Contains(w.Body.String(), `id="link-peer-sessions"`) {
		t.Error("an entrepreneur is offered the peer sessions")
	}

	w = get(s, base+"/new", coordinator)
	expectPage(t, "the planning form", w, w.Body.String(), http.StatusOK, `type="datetime-local"`, "Date et heure (UTC)",
		`id="invite-`+m1.String()+`" checked`, `id="invite-`+m2.String()+`" checked`, `id="invite-`+m3.String()+`" checked`,
		`<option value="`+c.objects["library"].String()+`">Cas · Le cas de la boulangerie (fr)</option>`, `value="120"`)

	// Mistakes: each next to its field, with what was typed kept.
	w = post(s, base+"/new", url.Values{"topic": {"x"}, "held_on": {"2020-01-01T10:00"}, "duration_minutes": {"deux heures"},
		"attendee_ids": {m2.String()}, "notes": {"<img src=x onerror=alert(1)>"}}, coordinator)
	page := w.Body.String()
	expectPage(t, "a session with mistakes", w, page, http.StatusUnprocessableEntity, `id="topic-error">Ce champ doit compter entre 3 et 200 caractères.`,
		`id="held_on-error">Une séance se prévoit dans le futur`, `id="duration_minutes-error">La valeur doit être comprise entre 15 et 480.`,
		`id="place-error">Indiquez un lieu, un lien`, `value="2020-01-01T10:00"`, `value="deux heures"`, `id="invite-`+m2.String()+`" checked`,
		"&lt;img src=x onerror=alert(1)&gt;</textarea>")
	if strings.Contains(page, `id="invite-`+m1.String()+`" checked`) {
		t.Error("a mentor unticked comes back ticked")
	}
	w = post(s, base+"/new", url.Values{"topic": {"Intervision"}, "held_on": {"demain"}, "place": {"Dakar"}, "attendee_ids": {m1.String()}}, coordinator)
	expectPage(t, "a time that does not parse", w, w.Body.String(), http.StatusUnprocessableEntity, `id="held_on-error">Saisissez une date et une heure`)

	startsAt := time.Now().UTC().Add(10 * 24 * time.Hour).Truncate(time.Minute)
	sessionPath := plannedSession(t, s, base, url.Values{"topic": {"Le mentor qui prend la main"}, "held_on": {startsAt.Format("2006-01-02T15:04")},
		"duration_minutes": {"90"}, "place": {"Maison des jeunes, Ségou"}, "link": {"https://meet.example.org/intervision"},
		"case_resource_id": {c.objects["library"].String()}, "notes": {"Lisez le cas.\n\n<script>alert(1)</script>"},
		"attendee_ids": {m1.String(), m2.String()}}, coordinator)
	w = get(s, sessionPath+"?planned=1", coordinator)
	page = w.Body.String()
	expectPage(t, "the planned session", w, page, http.StatusOK, `id="planned"`, `<h1 id="session-topic">Le mentor qui prend la main</h1>`,
		startsAt.Format("02/01/2006 15:04")+" UTC", "90 min", `href="https://meet.example.org/intervision"`,
		`href="/a/alliance-intervision/library/`+c.objects["library"].String()+`"`, "Invités (2)", "sans réponse", `id="cancel-form"`,
		"&lt;script&gt;alert(1)&lt;/script&gt;")
	for _, part := range []string{partOf(t, page, `id="session-facts"`, "</dl>"), partOf(t, page, `id="session-notes"`, "</div>")} {
		if bad := testkit.UnsafeHTML(part); bad != "" {
			t.Errorf("the session's page lets through %s", bad)
		}
	}
	if strings.Contains(page, `id="attendance-form"`) {
		t.Error("a session to come offers to record who came")
	}

	// The invited mentor confirms; a mentor not invited cannot answer.
	w = get(s, base, mentor)
	expectPage(t, "the sessions of an invited mentor", w, w.Body.String(), http.StatusOK, `action="`+sessionPath+`/response"`, "Votre réponse\u202f: sans réponse")
	if strings.Contains(w.Body.String(), `id="plan-session"`) {
		t.Error("a mentor is offered to plan a session")
	}
	w = post(s, sessionPath+"/response", url.Values{"response": {"confirmed"}}, mentor)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != sessionPath+"?answered=1" {
		t.Fatalf("confirm: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, sessionPath+"?answered=1", mentor)
	expectPage(t, "the session confirmed", w, w.Body.String(), http.StatusOK, `id="answered"`, "Votre réponse\u202f: présence confirmée", `id="decline"`)
	if strings.Contains(w.Body.String(), `id="cancel-form"`) {
		t.Error("a mentor is offered to cancel the session")
	}
	mentor3 := pageSession(t, s, c, "mentor-3")
	if w := post(s, sessionPath+"/response", url.Values{"response": {"confirmed"}}, mentor3); w.Code != http.StatusForbidden {
		t.Errorf("a mentor not invited answers: %d; want 403", w.Code)
	}

	// The session starts: the coordinator records who came.
	testkit.Exec(t, ts.db, &c.alliance.ID, "UPDATE members SET joined_at = ? WHERE tenant_id = ?", time.Now().UTC().Add(-2*time.Hour), c.alliance.ID)
	moveToPast := func(path string, ago time.Duration) {
		t.Helper()
		id := path[strings.LastIndex(path, "/")+1:]
		testkit.Exec(t, ts.db, &c.alliance.ID, "UPDATE peer_sessions SET starts_at = ? WHERE id = ?", time.Now().UTC().Add(-ago), id)
	}
	moveToPast(sessionPath, 30*time.Minute)
	if w := post(s, sessionPath+"/response", url.Values{"response": {"declined"}}, mentor); w.Code != http.StatusConflict {
		t.Errorf("answering once the session started: %d; want 409", w.Code)
	}
	w = get(s, sessionPath, coordinator)
	page = w.Body.String()
	expectPage(t, "the session started", w, page, http.StatusOK, `id="attendance-form"`, `id="attended-`+m1.String()+`" checked`,
		`id="attended-`+m2.String()+`">`, `id="attended-`+m3.String()+`">`, "(sans invitation)")
	w = post(s, sessionPath+"/attendance", url.Values{"attended_ids": {m1.String(), c.userID(callerEntrepreneur).String()}}, coordinator)
	expectPage(t, "an attendance with an entrepreneur", w, w.Body.String(), http.StatusUnprocessableEntity, `id="attended_ids-error">Cette personne n’est pas mentor`)
	w = post(s, sessionPath+"/attendance", url.Values{"attended_ids": {m1.String(), m3.String()}}, coordinator)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != sessionPath+"?recorded=1" {
		t.Fatalf("attendance: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, sessionPath+"?recorded=1", coordinator)
	expectPage(t, "the attendance recorded", w, w.Body.String(), http.StatusOK, `id="recorded"`, "Tenue", "Invités (3)", "présence notée", "absence notée")

	// A second session that mentor-2 misses too.
	second := plannedSession(t, s, base, url.Values{"topic": {"Un modèle d’écoute"}, "held_on": {startsAt.Format("2006-01-02T15:04")},
		"place": {"Bamako"}, "attendee_ids": {m1.String(), m2.String()}}, coordinator)
	moveToPast(second, 20*time.Minute)
	if w := post(s, second+"/attendance", url.Values{"attended_ids": {m1.String()}}, coordinator); w.Code != http.StatusSeeOther {
		t.Fatalf("the second attendance: %d\n%s", w.Code, w.Body)
	}

	// The mentor's page counts it, for the mentor and the coordinator
	// only.
	year := time.Now().UTC().Year()
	for _, who := range []string{mentor, coordinator} {
		w = get(s, "/a/alliance-intervision/members/"+m1.String(), who)
		expectPage(t, "the mentor's peer sessions", w, w.Body.String(), http.StatusOK, `id="peer-year"`,
			"Intervision en "+strconv.Itoa(year), `id="peer-year-summary">2 présence(s) sur 2 séance(s) tenue(s)`, "Le mentor qui prend la main")
	}
	for _, who := range []string{mentor2, entrepreneur} {
		if w := get(s, "/a/alliance-intervision/members/"+m1.String(), who); strings.Contains(w.Body.String(), `id="peer-year"`) {
			t.Errorf("another member sees the mentor's peer sessions")
		}
	}
	if w := get(s, "/a/alliance-intervision/members/"+c.userID(callerAdmin).String(), coordinator); strings.Contains(w.Body.String(), `id="peer-year"`) {
		t.Error("an admin who is no mentor has peer sessions on their page")
	}

	// The attendance of the year, and who missed the last two.
	w = get(s, base+"/attendance", coordinator)
	page = w.Body.String()
	expectPage(t, "the attendance", w, page, http.StatusOK, "Présences à l’intervision en "+strconv.Itoa(year), "2 séance(s) tenue(s)",
		`id="mentor-`+m1.String()+`"`, "100\u202f%", `id="mentor-`+m3.String()+`"`)
	if missed := partOf(t, page, `id="missed-section"`, "</section>"); !strings.Contains(missed, "Mentor-2 of alliance-intervision") ||
		strings.Contains(missed, "Mentor of alliance-intervision") {
		t.Errorf("those who missed the last two:\n%s", missed)
	}
	if row := partOf(t, page, `id="mentor-`+m2.String()+`"`, "</tr>"); !strings.Contains(row, `class="missed-row"`) || !strings.Contains(row, "0\u202f%") {
		t.Errorf("mentor-2's line:\n%s", row)
	}
	w = get(s, base+"/attendance?year="+strconv.Itoa(year-1), coordinator)
	expectPage(t, "last year's attendance", w, w.Body.String(), http.StatusOK, "0 séance(s) tenue(s)", `id="year-next"`)

	// Cancelling needs the box ticked, and tells the invitees.
	third := plannedSession(t, s, base, url.Values{"topic": {"Un cas de famille"}, "held_on": {startsAt.Format("2006-01-02T15:04")},
		"link": {"https://meet.example.org/famille"}, "attendee_ids": {m1.String()}}, coordinator)
	w = post(s, third+"/cancel", url.Values{}, coordinator)
	expectPage(t, "a cancellation not confirmed", w, w.Body.String(), http.StatusUnprocessableEntity, `id="confirm-error">Cochez la case`)
	if w := post(s, third+"/cancel", url.Values{"confirm": {"yes"}}, coordinator); w.Code != http.StatusSeeOther || w.Header().Get("Location") != third {
		t.Fatalf("cancel: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, third, mentor)
	expectPage(t, "the cancelled session", w, w.Body.String(), http.StatusOK, "Annulée")
	if strings.Contains(w.Body.String(), `id="confirm"`) {
		t.Error("a cancelled session offers to confirm")
	}
}
