package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// journeyCast is a cast whose entrepreneur is matched with its mentor in
// a cohort that began three weeks ago: a journey under way, whose
// sessions may be logged today.
type journeyCast struct {
	*cast
	m    *domain.Mentorship
	base string // the journey's page
	// pages are the page sessions of the cast's people, by caller.
	pages map[string]string
}

// newJourneyCast builds the cast of slug and its journey; the
// entrepreneur's goals and obstacles are goals and obstacles.
func newJourneyCast(t *testing.T, s *Server, slug, goals, obstacles string) *journeyCast {
	t.Helper()
	ctx := t.Context()
	c := newCast(t, s, slug)
	start := domain.Day(time.Now().AddDate(0, 0, -21))
	co := &domain.Cohort{Name: "Cohorte en cours", City: "Ségou", StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: 5, ApplicationsOpen: true}
	if err := s.cohorts.Create(ctx, c.admin, co); err != nil {
		t.Fatalf("the cohort: %v", err)
	}
	sub, err := s.applications.Apply(ctx, c.alliance, domain.ApplicationForm{CohortID: co.ID, Locale: domain.French,
		Applicant: domain.Applicant{Name: personName(callerEntrepreneur, slug), Email: c.users[callerEntrepreneur].email,
			Gender: domain.GenderWoman, BirthYear: 1994, City: "Ségou"},
		Business: domain.Business{Name: "Savonnerie de " + slug, Sector: "crafts", Stage: "growing", Employees: 3,
			FoundedYear: 2021, RevenueBand: "under_1m"},
		Obstacles: obstacles, Goals: goals, Motivation: "Ne plus avancer seule."}, castIPs())
	if err != nil {
		t.Fatalf("the application: %v", err)
	}
	for _, to := range along[domain.AppAccepted] {
		if _, err := s.applications.Move(ctx, c.admin, sub.Application.ID, to, ""); err != nil {
			t.Fatalf("the application to %s: %v", to, err)
		}
	}
	m, err := s.matching.Match(ctx, c.admin, service.MatchRequest{ApplicationID: sub.Application.ID, MentorID: c.userID(callerMentor),
		OverrideReason: "La charte sera signée à la prochaine réunion."}, true)
	if err != nil {
		t.Fatalf("the mentorship: %v", err)
	}
	j := &journeyCast{cast: c, m: m, base: "/a/" + slug + "/mentorships/" + m.ID.String(), pages: map[string]string{}}
	for _, who := range castRoles {
		j.pages[who] = pageSession(t, s, c, who)
	}
	return j
}

// as is the cast's person who as a service caller.
func (j *journeyCast) as(t *testing.T, s *Server, who string) service.Caller {
	t.Helper()
	u := j.users[who].user
	m, err := s.members.Membership(t.Context(), j.alliance.ID, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return service.Caller{Actor: service.Actor{UserID: u.ID, Name: u.Name}, Alliance: j.alliance, Member: m}
}

// logged has the mentor log session number of the journey through the
// service, held today, with one action and the private notes.
func (j *journeyCast) logged(t *testing.T, s *Server, number int, private string) {
	t.Helper()
	_, err := s.journey.Log(t.Context(), j.as(t, s, callerMentor), j.m.ID, number, domain.SessionLog{
		HeldOn: time.Now(), DurationMinutes: 60, Obstacles: []domain.Obstacle{{Kind: domain.ObstacleBusiness, Text: "Les impayés"}},
		Actions:     []domain.ActionInput{{Text: "Relancer les trois clients", Owner: domain.OwnerEntrepreneur}},
		SharedNotes: "Une séance utile.", PrivateNotes: private})
	if err != nil {
		t.Fatalf("log session %d: %v", number, err)
	}
}

// rated has the entrepreneur rate session number.
func (j *journeyCast) rated(t *testing.T, s *Server, number, rating int) {
	t.Helper()
	if _, err := s.journey.Rate(t.Context(), j.as(t, s, callerEntrepreneur), j.m.ID, number, domain.Feedback{Rating: rating}); err != nil {
		t.Fatalf("rate session %d: %v", number, err)
	}
}

// TestJourneyPageShowsEachSideItsOwn: the journey's page shows its two
// people and staff the timeline of twelve sessions, where each stands,
// the goals and obstacles from the application, the log's shared part and
// the actions, which its two people tick; the mentor's private notes are
// on none of the journey's pages. The mentor reads the mean of their
// ratings only from three on. An observer is refused, another mentor
// finds nothing. The entrepreneur's texts reach the page as text.
func TestJourneyPageShowsEachSideItsOwn(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	const private = "Note privée du mentor : trop de crédit fournisseur."
	j := newJourneyCast(t, s, "parcours-page", "Vendre à Bamako <script>alert(1)</script>", "Les <b>impayés</b>.")
	j.logged(t, s, 1, private)
	j.rated(t, s, 1, 5)
	castMentor(t, s, j.cast, "mentor-2", "Ibrahima Sow", "Ségou", false)

	for _, who := range []string{callerEntrepreneur, callerMentor, callerCoordinator, callerAdmin} {
		w := get(s, j.base, j.pages[who])
		page := w.Body.String()
		expectPage(t, who+"'s journey", w, page, http.StatusOK, `id="mentorship-heading"`, `id="session-12"`,
			`<strong class="state state-held">Tenue</strong>`, `<strong class="state state-upcoming">À venir</strong>`, "Une séance utile.",
			"Relancer les trois clients", "Vendre à Bamako &lt;script&gt;alert(1)&lt;/script&gt;", "Les &lt;b&gt;impayés&lt;/b&gt;.",
			"1 séance(s) tenue(s) sur 12", `id="end-link"`)
		if strings.Contains(page, private) || strings.Contains(page, "trop de crédit") {
			t.Errorf("%s's journey shows the private notes", who)
		}
		if scriptTag.MatchString(page) {
			t.Errorf("%s's journey carries a script", who)
		}
		if bad := testkit.UnsafeHTML(partOf(t, page, `id="goals"`, "</section>")); bad != "" {
			t.Errorf("%s's journey: the goals carry %s", who, bad)
		}
		party := who == callerEntrepreneur || who == callerMentor
		if ticks := strings.Contains(page, `id="tick-`); ticks != party {
			t.Errorf("%s's journey offers to tick an action: %v", who, ticks)
		}
		if strings.Contains(page, `id="survey-link"`) {
			t.Errorf("%s's journey offers the survey of a journey under way", who)
		}
	}
	// The entrepreneur's own rating is theirs to read; the mentor reads
	// none below three.
	if page := get(s, j.base, j.pages[callerEntrepreneur]).Body.String(); !strings.Contains(page, `id="rated-1"`) {
		t.Error("the entrepreneur does not see their rating")
	}
	mentorPage := get(s, j.base, j.pages[callerMentor]).Body.String()
	if strings.Contains(mentorPage, `id="rated-1"`) || strings.Contains(mentorPage, `id="rating-mean"`) {
		t.Error("the mentor sees a rating with fewer than three")
	}
	j.logged(t, s, 2, "")
	j.rated(t, s, 2, 4)
	if page := get(s, j.base, j.pages[callerMentor]).Body.String(); strings.Contains(page, `id="rating-mean"`) {
		t.Error("the mentor sees their mean with two ratings")
	}
	j.logged(t, s, 3, "")
	j.rated(t, s, 3, 4)
	w := get(s, j.base, j.pages[callerMentor])
	expectPage(t, "the mentor's journey with three ratings", w, w.Body.String(), http.StatusOK,
		`id="rating-mean">4,3/5 en moyenne sur 3 séances notées`)
	if strings.Contains(w.Body.String(), `id="rated-`) {
		t.Error("the mentor sees one session's rating")
	}

	// Only the journey's people and staff.
	if w := get(s, j.base, j.pages[callerObserver]); w.Code != http.StatusForbidden {
		t.Errorf("the observer's journey: %d", w.Code)
	}
	if w := get(s, j.base, pageSession(t, s, j.cast, "mentor-2")); w.Code != http.StatusNotFound {
		t.Errorf("another mentor's journey: %d", w.Code)
	}

	// The navigation: the mentor's mentees, the entrepreneur's journey.
	if page := get(s, "/a/parcours-page/mentees", j.pages[callerMentor]).Body.String(); !strings.Contains(page, `id="link-mentees"`) {
		t.Error("the mentor's pages lack the link to their mentees")
	}
	if page := get(s, "/a/parcours-page/library", j.pages[callerEntrepreneur]).Body.String(); !strings.Contains(page,
		`href="`+j.base+`" id="link-journey"`) {
		t.Error("the entrepreneur's pages lack the link to their journey")
	}
}

// TestJourneyTicksEndsAndSurveys: the entrepreneur ticks an action done
// from the journey's page and opens it again; a coordinator cannot tick
// it. The entrepreneur ends the journey: without a reason the form comes
// back with its message, with one the journey is ended, its remaining
// sessions cancelled, and the survey offered. The survey refuses a form
// with mistakes and keeps what was typed; the entrepreneur's asks for
// the business's figures, the mentor's does not; staff are refused it.
func TestJourneyTicksEndsAndSurveys(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	j := newJourneyCast(t, s, "parcours-fin", "Un second atelier.", "La trésorerie.")
	j.logged(t, s, 1, "")
	v, err := s.journey.View(t.Context(), j.as(t, s, callerMentor), j.m.ID, false)
	if err != nil || len(v.Actions) != 1 {
		t.Fatalf("the action: %v", err)
	}
	action := v.Actions[0].ID.String()
	ent, coord := j.pages[callerEntrepreneur], j.pages[callerCoordinator]

	w := post(s, j.base+"/actions/"+action, url.Values{"done": {"1"}, "back": {"https://elsewhere.example.org/"}}, ent)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != j.base+"?done=ticked" {
		t.Fatalf("tick: %d %s", w.Code, w.Header().Get("Location"))
	}
	w = get(s, j.base+"?done=ticked", ent)
	expectPage(t, "the ticked action", w, w.Body.String(), http.StatusOK, `id="done"`, `class="action-done"`, `id="reopen-`+action+`"`)
	w = post(s, j.base+"/actions/"+action, url.Values{"done": {"0"}, "back": {j.base + "/sessions/1"}}, ent)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != j.base+"/sessions/1?done=ticked" {
		t.Fatalf("reopen: %d %s", w.Code, w.Header().Get("Location"))
	}
	w = post(s, j.base+"/actions/"+action, url.Values{"done": {"1"}}, coord)
	expectPage(t, "a coordinator's tick", w, w.Body.String(), http.StatusForbidden,
		"Seuls le mentor et l’entrepreneur de ce parcours peuvent le faire.")

	// Ending: a reason is required.
	w = get(s, j.base+"/end", ent)
	expectPage(t, "the end form", w, w.Body.String(), http.StatusOK, `id="end-form"`)
	w = post(s, j.base+"/end", url.Values{"reason": {"  "}}, ent)
	expectPage(t, "an end without reason", w, w.Body.String(), http.StatusUnprocessableEntity, `id="reason-error">Ce champ est obligatoire.`)
	w = get(s, j.base+"/survey", ent)
	expectPage(t, "the survey of a journey under way", w, w.Body.String(), http.StatusOK, `id="survey-not-open"`)
	if strings.Contains(w.Body.String(), `id="survey-form"`) {
		t.Error("the survey is offered before the end")
	}
	w = post(s, j.base+"/end", url.Values{"reason": {"Je déménage à Dakar <i>demain</i>."}}, ent)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != j.base+"?done=ended" {
		t.Fatalf("end: %d %s", w.Code, w.Body)
	}
	w = get(s, j.base+"?done=ended", coord)
	page := w.Body.String()
	expectPage(t, "the ended journey", w, page, http.StatusOK, `id="done"`, `class="status status-ended">Arrêté`,
		"Je déménage à Dakar &lt;i&gt;demain&lt;/i&gt;.", `<strong class="state state-cancelled">Annulée</strong>`)
	if strings.Contains(page, `id="end-link"`) || strings.Contains(page, `id="survey-link"`) {
		t.Error("staff are offered to end an ended journey, or its survey")
	}
	w = get(s, j.base+"/end", ent)
	expectPage(t, "ending again", w, w.Body.String(), http.StatusOK, `id="already-over"`)

	// The survey, once over.
	w = get(s, j.base, ent)
	expectPage(t, "the entrepreneur's ended journey", w, w.Body.String(), http.StatusOK, `id="survey-link"`)
	w = get(s, j.base+"/survey", ent)
	expectPage(t, "the entrepreneur's survey", w, w.Body.String(), http.StatusOK, `id="revenue-band"`, `id="employees"`)
	w = post(s, j.base+"/survey", url.Values{"what_changed": {"J’ose relancer mes clients."}, "revenue_band": {"1m_5m"}, "employees": {"-3"}}, ent)
	page = w.Body.String()
	expectPage(t, "a survey with mistakes", w, page, http.StatusUnprocessableEntity, `id="would_recommend-error">Ce champ est obligatoire.`,
		`id="employees-error"`, ">J’ose relancer mes clients.</textarea>", `value="1m_5m" selected`)
	w = post(s, j.base+"/survey", url.Values{"would_recommend": {"yes"}, "what_changed": {"J’ose relancer mes clients."},
		"revenue_band": {"1m_5m"}, "employees": {"5"}}, ent)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != j.base+"?done=survey" {
		t.Fatalf("the survey: %d %s", w.Code, w.Body)
	}
	w = get(s, j.base+"/survey", j.pages[callerMentor])
	if page := w.Body.String(); w.Code != http.StatusOK || strings.Contains(page, `id="revenue-band"`) || !strings.Contains(page, `id="survey-form"`) {
		t.Errorf("the mentor's survey: %d\n%s", w.Code, page)
	}
	w = get(s, j.base+"/survey", coord)
	expectPage(t, "a coordinator's survey", w, w.Body.String(), http.StatusForbidden, "Seuls le mentor et l’entrepreneur")
}

// TestMenteesAndProgressPages: a mentor's mentees page has a card per
// active journey with its next session, its overdue logs and its open
// actions; an entrepreneur finds their journey there. A cohort's
// progress lists its journeys, the ones behind first, with their
// sessions held of planned; the cohorts' list links to it.
func TestMenteesAndProgressPages(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	j := newJourneyCast(t, s, "parcours-mentores", "Un second atelier.", "La trésorerie.")
	j.logged(t, s, 1, "")

	w := get(s, "/a/parcours-mentores/mentees", j.pages[callerMentor])
	card := "mentee-" + j.m.ID.String()
	page := w.Body.String()
	expectPage(t, "the mentees", w, page, http.StatusOK, `id="`+card+`"`, `id="next-`+j.m.ID.String()+`"`,
		`id="held-`+j.m.ID.String()+`">1 séance(s) tenue(s) sur 12`, `id="open-actions-`+j.m.ID.String()+`">1 action(s) ouverte(s)`,
		`id="overdue-`+j.m.ID.String()+`">0 compte(s) rendu(s) en retard`, "Savonnerie de parcours-mentores")
	// The cast's own journey, a month ahead, has its card too.
	if n := strings.Count(page, `class="card mentee-card`); n != 2 {
		t.Errorf("the mentor has %d cards; want 2", n)
	}
	w = get(s, "/a/parcours-mentores/mentees", j.pages[callerEntrepreneur])
	expectPage(t, "the entrepreneur's mentees page", w, w.Body.String(), http.StatusOK, `id="own-journey"`, `href="`+j.base+`"`)
	w = get(s, "/a/parcours-mentores/mentees", j.pages[callerAdmin])
	expectPage(t, "the admin's mentees page", w, w.Body.String(), http.StatusOK, `id="no-mentees"`)

	w = get(s, "/a/parcours-mentores/cohorts", j.pages[callerCoordinator])
	expectPage(t, "the cohorts", w, w.Body.String(), http.StatusOK, `id="progress-`+j.m.CohortID.String()+`"`)
	w = get(s, "/a/parcours-mentores/cohorts/"+j.m.CohortID.String()+"/progress", j.pages[callerCoordinator])
	expectPage(t, "the progress", w, w.Body.String(), http.StatusOK, `id="progress-`+j.m.ID.String()+`"`,
		"1 séance(s) tenue(s) sur 12\u202f; 1 déjà dues", `<rect class="bar-fill" width="8"`)
	if strings.Contains(w.Body.String(), "style=") {
		t.Error("the progress page has a style attribute")
	}
	if w := get(s, "/a/parcours-mentores/cohorts/"+j.m.CohortID.String()+"/progress", j.pages[callerMentor]); w.Code != http.StatusForbidden {
		t.Errorf("the mentor's progress page: %d", w.Code)
	}
}
