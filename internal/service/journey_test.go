package service_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// journeyEnv is a pipelineEnv with one mentorship: Moussa mentors the
// entrepreneur Safiatou, whose account is `entrepreneur`.
type journeyEnv struct {
	*pipelineEnv
	journey      *service.Journey
	mentorship   *domain.Mentorship
	entrepreneur service.Caller
	entEmail     string // the entrepreneur's address
}

func newJourneyEnv(t *testing.T, slug string) *journeyEnv {
	t.Helper()
	e := &journeyEnv{pipelineEnv: newPipelineEnv(t, slug)}
	e.journey = &service.Journey{DB: e.db, Catalog: e.catalog, BaseURL: svcBaseURL, Now: func() time.Time { return e.now }}
	e.acceptCharter(e.mentor)
	app := e.applied("Safiatou", domain.AppAccepted)
	m, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: app.ID, MentorID: e.mentor.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	e.mentorship = m
	e.entrepreneur = e.caller(&domain.User{ID: app.UserID, Name: "Safiatou", Email: app.Applicant.Email}, e.alliance)
	e.entEmail = app.Applicant.Email
	e.now = m.StartsOn.Add(9 * time.Hour) // the journey has begun
	e.setupMail = len(e.mails())
	return e
}

func (e *journeyEnv) log(number int, private string) {
	e.t.Helper()
	_, err := e.journey.Log(e.ctx, e.as(e.mentor), e.mentorship.ID, number, domain.SessionLog{HeldOn: e.now, DurationMinutes: 90,
		Obstacles:   []domain.Obstacle{{Kind: domain.ObstacleBusiness, Text: "Trésorerie"}},
		Actions:     []domain.ActionInput{{Text: "Tenir un cahier de caisse", Owner: domain.OwnerEntrepreneur}},
		SharedNotes: "Bonne séance", PrivateNotes: private})
	if err != nil {
		e.t.Fatalf("log session %d: %v", number, err)
	}
}

func TestTheTwoSidesAgreeOnADateAndTheEntrepreneurWritesTheAgenda(t *testing.T) {
	e := newJourneyEnv(t, "parcours-dates")
	id := e.mentorship.ID
	at := e.now.Add(5 * 24 * time.Hour)
	if _, err := e.journey.Propose(e.ctx, e.entrepreneur, id, 1, at, "Atelier, Ségou"); err != nil {
		t.Fatal(err)
	}
	_, err := e.journey.Confirm(e.ctx, e.entrepreneur, id, 1)
	wantError(t, err, domain.CodeConflict, "error.session.confirm_own")
	sess, err := e.journey.Confirm(e.ctx, e.as(e.mentor), id, 1)
	if err != nil || sess.Status != domain.SessionScheduled || !sess.ScheduledAt.Equal(at) || sess.Place != "Atelier, Ségou" {
		t.Fatalf("confirmed: %+v, %v", sess, err)
	}
	items := []domain.Obstacle{{Kind: domain.ObstacleBusiness, Text: " Les impayés "}, {Kind: domain.ObstaclePersonal, Text: "Dire non"}}
	if sess, err = e.journey.SetAgenda(e.ctx, e.entrepreneur, id, 1, items); err != nil || len(sess.Agenda) != 2 || sess.Agenda[0].Text != "Les impayés" {
		t.Fatalf("agenda: %+v, %v", sess, err)
	}
	cases := []struct {
		name string
		do   func() error
		code domain.Code
		key  string
	}{
		{"an agenda written by the mentor", func() error {
			_, err := e.journey.SetAgenda(e.ctx, e.as(e.mentor), id, 1, items)
			return err
		}, domain.CodeForbidden, "error.session.agenda_entrepreneur"},
		{"an agenda by a coordinator", func() error {
			_, err := e.journey.SetAgenda(e.ctx, e.as(e.coord), id, 1, items)
			return err
		}, domain.CodeNotFound, ""},
		{"an agenda item of an unknown kind", func() error {
			_, err := e.journey.SetAgenda(e.ctx, e.entrepreneur, id, 1, []domain.Obstacle{{Kind: "family", Text: "x"}})
			return err
		}, domain.CodeInvalid, ""},
		{"a date a year away", func() error {
			_, err := e.journey.Propose(e.ctx, e.entrepreneur, id, 2, e.now.AddDate(1, 0, 0), "")
			return err
		}, domain.CodeInvalid, ""},
		{"a date in the past", func() error {
			_, err := e.journey.Propose(e.ctx, e.entrepreneur, id, 2, e.now.Add(-time.Hour), "")
			return err
		}, domain.CodeInvalid, ""},
		{"session 13 of 12", func() error {
			_, err := e.journey.Propose(e.ctx, e.entrepreneur, id, 13, e.now.Add(time.Hour), "")
			return err
		}, domain.CodeNotFound, "error.session.number"},
		{"confirming with nothing proposed", func() error {
			_, err := e.journey.Confirm(e.ctx, e.as(e.mentor), id, 2)
			return err
		}, domain.CodeConflict, "error.session.nothing_proposed"},
		{"another mentor's mentorship", func() error {
			_, err := e.journey.Propose(e.ctx, e.as(e.mentor2), id, 2, e.now.Add(time.Hour), "")
			return err
		}, domain.CodeNotFound, ""},
	}
	audit := e.count(&e.alliance.ID, "audit_log")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, tc.do(), tc.code, tc.key)
		})
	}
	if n := e.count(&e.alliance.ID, "audit_log"); n != audit {
		t.Errorf("refused changes were audited: %d entries more", n-audit)
	}
	if fieldKeys(cases[4].do())["scheduled_at"] != "validation.session_past" {
		t.Error("a past date is not named")
	}
}

func TestPrivateNotesReachTheMentorAloneAndRatingsOnlyAsAMean(t *testing.T) {
	e := newJourneyEnv(t, "parcours-notes")
	id := e.mentorship.ID
	_, err := e.journey.Rate(e.ctx, e.entrepreneur, id, 1, domain.Feedback{Rating: 4})
	wantError(t, err, domain.CodeConflict, "error.session.not_held")
	_, err = e.journey.Log(e.ctx, e.entrepreneur, id, 1, domain.SessionLog{HeldOn: e.now, DurationMinutes: 60})
	wantError(t, err, domain.CodeForbidden, "error.session.log_mentor")
	_, err = e.journey.Log(e.ctx, e.as(e.mentor), id, 1, domain.SessionLog{HeldOn: e.now, DurationMinutes: 60,
		Actions: []domain.ActionInput{{Text: "  "}}})
	if fieldKeys(err)["actions[0].text"] != "validation.required" {
		t.Errorf("an action with no text: %v", err)
	}
	if n := e.count(&e.alliance.ID, "session_actions"); n != 0 {
		t.Fatalf("a refused log wrote %d actions", n)
	}
	e.log(1, "Elle hésite à parler de sa famille")

	for _, who := range []struct {
		name   string
		caller service.Caller
		staff  bool
		sees   bool
	}{{"the mentor", e.as(e.mentor), false, true}, {"the entrepreneur", e.entrepreneur, false, false},
		{"the coordinator", e.as(e.coord), true, false}, {"the admin", e.as(e.admin), true, false}} {
		v, err := e.journey.Session(e.ctx, who.caller, id, 1, who.staff)
		if err != nil {
			t.Fatalf("%s: %v", who.name, err)
		}
		if got := v.PrivateNotes != ""; got != who.sees {
			t.Errorf("%s reads the private notes: %v, want %v", who.name, got, who.sees)
		}
		if v.Session.SharedNotes != "Bonne séance" {
			t.Errorf("%s does not read the shared notes", who.name)
		}
	}
	for _, r := range []int{0, 6} {
		_, err := e.journey.Rate(e.ctx, e.entrepreneur, id, 1, domain.Feedback{Rating: r})
		if fieldKeys(err)["rating"] != "validation.range" {
			t.Errorf("a rating of %d: %v", r, err)
		}
	}
	if _, err := e.journey.Rate(e.ctx, e.entrepreneur, id, 1, domain.Feedback{Rating: 2, Comment: "Trop court"}); err != nil {
		t.Fatal(err)
	}
	_, err = e.journey.Rate(e.ctx, e.as(e.mentor), id, 1, domain.Feedback{Rating: 5})
	wantError(t, err, domain.CodeForbidden, "error.session.rate_entrepreneur")
	mine, _ := e.journey.View(e.ctx, e.as(e.mentor), id, false)
	if mine.Mentorship.Sessions[0].Rating != nil || mine.RatingCount != 0 {
		t.Errorf("with one rating the mentor sees %v (count %d)", mine.Mentorship.Sessions[0].Rating, mine.RatingCount)
	}
	for n := 2; n <= 3; n++ {
		e.log(n, "")
		if _, err := e.journey.Rate(e.ctx, e.entrepreneur, id, n, domain.Feedback{Rating: 5}); err != nil {
			t.Fatal(err)
		}
	}
	mine, _ = e.journey.View(e.ctx, e.as(e.mentor), id, false)
	if mine.RatingCount != 3 || mine.RatingMean != 4 || mine.Mentorship.Sessions[0].Rating != nil {
		t.Errorf("with three ratings: count %d mean %v, session 1 rating %v", mine.RatingCount, mine.RatingMean, mine.Mentorship.Sessions[0].Rating)
	}
	theirs, _ := e.journey.View(e.ctx, e.entrepreneur, id, false)
	if theirs.Mentorship.Sessions[0].Rating == nil || *theirs.Mentorship.Sessions[0].Rating != 2 {
		t.Error("the entrepreneur does not see their own rating")
	}
}

func TestActionsCarryOverUntilTickedDone(t *testing.T) {
	e := newJourneyEnv(t, "parcours-actions")
	id := e.mentorship.ID
	e.log(1, "")
	v, err := e.journey.Session(e.ctx, e.entrepreneur, id, 2, false)
	if err != nil || len(v.CarriedOver) != 1 || v.CarriedOver[0].Text != "Tenir un cahier de caisse" {
		t.Fatalf("session 2 carries over %+v, %v", v, err)
	}
	if err := e.journey.TickAction(e.ctx, e.entrepreneur, id, v.CarriedOver[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if v, _ = e.journey.Session(e.ctx, e.as(e.mentor), id, 2, false); len(v.CarriedOver) != 0 {
		t.Errorf("a done action still carries over: %+v", v.CarriedOver)
	}
	if err := e.journey.TickAction(e.ctx, e.as(e.coord), id, domain.NewID(), true); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("a coordinator ticks an action: %v", err)
	}
	// Logging session 1 again keeps what was done.
	e.log(1, "")
	if v, _ = e.journey.Session(e.ctx, e.as(e.mentor), id, 2, false); len(v.CarriedOver) != 0 {
		t.Errorf("a corrected log reopened a done action")
	}
	_, err = e.journey.Mark(e.ctx, e.entrepreneur, id, 3, domain.SessionMissed, "Malade", false)
	wantError(t, err, domain.CodeForbidden, "error.session.mark_mentor")
	if _, err := e.journey.Mark(e.ctx, e.as(e.mentor), id, 3, domain.SessionMissed, " ", false); fieldKeys(err)["reason"] != "validation.required" {
		t.Errorf("missed with no reason: %v", err)
	}
	if s, err := e.journey.Mark(e.ctx, e.as(e.coord), id, 3, domain.SessionCancelled, "Fête de Tabaski", true); err != nil || s.Status != domain.SessionCancelled {
		t.Errorf("cancelled by the coordinator: %v", err)
	}
}

func TestEndingEarlyCancelsWhatIsLeftAndFreesTheEntrepreneur(t *testing.T) {
	e := newJourneyEnv(t, "parcours-fin")
	id := e.mentorship.ID
	e.log(1, "")
	if _, err := e.journey.End(e.ctx, e.entrepreneur, id, "", false); fieldKeys(err)["reason"] != "validation.required" {
		t.Errorf("ending with no reason: %v", err)
	}
	if _, err := e.journey.End(e.ctx, e.as(e.mentor2), id, "Pas le sien", false); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("another mentor ends it: %v", err)
	}
	m, err := e.journey.End(e.ctx, e.entrepreneur, id, "Je déménage à Dakar", false)
	if err != nil || m.Status != domain.MentorshipEnded {
		t.Fatalf("end: %v", err)
	}
	v, err := e.journey.View(e.ctx, e.as(e.coord), id, true)
	if err != nil {
		t.Fatal(err)
	}
	held, cancelled := 0, 0
	for _, s := range v.Mentorship.Sessions {
		switch s.Status {
		case domain.SessionHeld:
			held++
		case domain.SessionCancelled:
			cancelled++
		}
	}
	if held != 1 || cancelled != 11 || v.Mentorship.EndReason != "Je déménage à Dakar" {
		t.Errorf("after the end: %d held, %d cancelled, reason %q", held, cancelled, v.Mentorship.EndReason)
	}
	if got := e.mailsTo(e.mentor.Email); len(got) != 1 || !strings.Contains(got[0], "prend fin") {
		t.Errorf("mails to the mentor: %q", got)
	}
	_, err = e.journey.Log(e.ctx, e.as(e.mentor), id, 2, domain.SessionLog{HeldOn: e.now, DurationMinutes: 60})
	wantError(t, err, domain.CodeConflict, "error.mentorship.over")
	// The entrepreneur can be matched again.
	e.acceptCharter(e.mentor2)
	if _, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: e.mentorship.ApplicationID, MentorID: e.mentor2.ID}, false); err != nil {
		t.Errorf("matching again: %v", err)
	}
}

func TestTheTimelineShowsWhatIsDueAndOverdue(t *testing.T) {
	start := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	at := func(d time.Time) *time.Time { return &d }
	cases := []struct {
		name string
		s    domain.MentorshipSession
		want service.SessionState
	}{
		{"not due yet", domain.MentorshipSession{PlannedOn: start.AddDate(0, 1, 0), Status: domain.SessionPlanned}, service.StateUpcoming},
		{"due this month", domain.MentorshipSession{PlannedOn: start, Status: domain.SessionPlanned}, service.StateDue},
		{"a month late", domain.MentorshipSession{PlannedOn: start.AddDate(0, -2, 0), Status: domain.SessionPlanned}, service.StateOverdue},
		{"scheduled ahead", domain.MentorshipSession{PlannedOn: start, Status: domain.SessionScheduled, ScheduledAt: at(start.AddDate(0, 0, 3))}, service.StateScheduled},
		{"scheduled and past, no log", domain.MentorshipSession{PlannedOn: start, Status: domain.SessionScheduled, ScheduledAt: at(start.AddDate(0, 0, -3))}, service.StateOverdue},
		{"held", domain.MentorshipSession{PlannedOn: start, Status: domain.SessionHeld}, service.StateHeld},
		{"missed", domain.MentorshipSession{PlannedOn: start, Status: domain.SessionMissed}, service.StateMissed},
	}
	for _, tc := range cases {
		if got := service.StateOf(tc.s, start.Add(10*time.Hour)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestTheMentorsDashboardAndTheCohortsProgress(t *testing.T) {
	e := newJourneyEnv(t, "parcours-tableau")
	id := e.mentorship.ID
	e.log(1, "")
	e.now = e.mentorship.StartsOn.AddDate(0, 3, 5) // sessions 2 to 4 are due, none held
	cards, err := e.journey.Dashboard(e.ctx, e.as(e.mentor))
	if err != nil || len(cards) != 1 {
		t.Fatalf("dashboard: %v, %v", cards, err)
	}
	c := cards[0]
	if c.SessionsHeld != 1 || c.Next == nil || c.Next.Number != 2 || c.NextState != service.StateOverdue || c.OpenActions != 1 || c.OverdueLogs != 2 {
		t.Errorf("card: held %d, next %+v (%s), open actions %d, overdue %d", c.SessionsHeld, c.Next, c.NextState, c.OpenActions, c.OverdueLogs)
	}
	if cards, _ := e.journey.Dashboard(e.ctx, e.as(e.mentor2)); len(cards) != 0 {
		t.Errorf("another mentor's dashboard shows %d mentees", len(cards))
	}
	progress, err := e.journey.CohortProgress(e.ctx, e.as(e.coord), e.mentorship.CohortID)
	if err != nil || len(progress) != 1 {
		t.Fatalf("progress: %v, %v", progress, err)
	}
	if p := progress[0]; p.Held != 1 || p.Planned != 12 || p.Due != 4 || !p.Behind || p.Mentorship.ID != id {
		t.Errorf("progress %+v", p)
	}
}
