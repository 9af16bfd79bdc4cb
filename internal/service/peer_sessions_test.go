package service_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestPlanningAPeerSessionRefusesBadInputAndWritesNothing(t *testing.T) {
	e := newCommunityEnv(t, "intervision-erreurs")
	caseText := e.resource(domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French, Title: "Un cas", Body: "Le récit."})
	guideText := e.resource(domain.ResourceInput{Kind: domain.KindGuide, Locale: domain.French, Title: "Un chapitre", Body: "Le texte."})
	good := func() domain.PeerSessionInput {
		return domain.PeerSessionInput{StartsAt: e.now.Add(14 * 24 * time.Hour), Place: "Sikasso", Topic: "Intervision du trimestre",
			CaseResourceID: &caseText.ID, AttendeeIDs: []domain.ID{e.mentor.ID, e.mentor2.ID}}
	}
	unknown := domain.NewID()
	cases := []struct {
		name   string
		change func(*domain.PeerSessionInput)
		field  string
		key    string
	}{
		{"in the past", func(in *domain.PeerSessionInput) { in.StartsAt = e.now.Add(-time.Hour) }, "held_on", "validation.peer_past"},
		{"now", func(in *domain.PeerSessionInput) { in.StartsAt = e.now }, "held_on", "validation.peer_past"},
		{"no date", func(in *domain.PeerSessionInput) { in.StartsAt = time.Time{} }, "held_on", "validation.required"},
		{"three years ahead", func(in *domain.PeerSessionInput) { in.StartsAt = e.now.AddDate(3, 0, 0) }, "held_on", "validation.peer_far"},
		{"no topic", func(in *domain.PeerSessionInput) { in.Topic = "  " }, "topic", "validation.required"},
		{"neither place nor link", func(in *domain.PeerSessionInput) { in.Place = "" }, "place", "validation.place_or_link"},
		{"a javascript link", func(in *domain.PeerSessionInput) { in.Link = "javascript:alert(1)" }, "link", "validation.url"},
		{"a ten-hour session", func(in *domain.PeerSessionInput) { in.DurationMinutes = 600 }, "duration_minutes", "validation.range"},
		{"nobody invited", func(in *domain.PeerSessionInput) { in.AttendeeIDs = nil }, "attendee_ids", "validation.required"},
		{"an entrepreneur invited", func(in *domain.PeerSessionInput) { in.AttendeeIDs = append(in.AttendeeIDs, e.entrep.ID) }, "attendee_ids", "validation.not_mentor"},
		{"a coordinator invited", func(in *domain.PeerSessionInput) { in.AttendeeIDs = []domain.ID{e.coord.ID} }, "attendee_ids", "validation.not_mentor"},
		{"a suspended mentor invited", func(in *domain.PeerSessionInput) { in.AttendeeIDs = []domain.ID{e.suspended.ID} }, "attendee_ids", "validation.not_mentor"},
		{"someone unknown invited", func(in *domain.PeerSessionInput) { in.AttendeeIDs = []domain.ID{unknown} }, "attendee_ids", "validation.not_mentor"},
		{"a guide chapter as the case", func(in *domain.PeerSessionInput) { in.CaseResourceID = &guideText.ID }, "case_resource_id", "validation.peer_case"},
		{"an unknown case", func(in *domain.PeerSessionInput) { in.CaseResourceID = &unknown }, "case_resource_id", "validation.peer_case"},
	}
	outbox := len(e.mails())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := good()
			tc.change(&in)
			_, err := e.peers.Plan(e.ctx, e.as(e.coord), in)
			wantError(t, err, domain.CodeInvalid, "")
			if got := fieldKeys(err)[tc.field]; got != tc.key {
				t.Errorf("field %s: %q, want %q (%v)", tc.field, got, tc.key, err)
			}
		})
	}
	for _, table := range []string{"peer_sessions", "peer_session_attendees"} {
		if n := e.count(&e.alliance.ID, table); n != 0 {
			t.Errorf("%d rows in %s after bad input", n, table)
		}
	}
	if n := len(e.mails()); n != outbox {
		t.Errorf("%d mails queued by bad input", n-outbox)
	}
	if n := len(e.audit(e.alliance, domain.AuditPeerSessionPlanned)); n != 0 {
		t.Errorf("%d plans audited after bad input", n)
	}
}

func TestAPeerSessionFromPlanToAttendance(t *testing.T) {
	e := newCommunityEnv(t, "intervision")
	caseText := e.resource(domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French, Title: "Le séchoir", Body: "Le récit."})
	start := e.now.Add(10 * 24 * time.Hour)
	ps := e.plan(start, "Le cas du séchoir", &caseText.ID, e.mentor, e.mentor2)
	if ps.Quarter() != "2026-Q4" || len(ps.Attendees) != 2 || ps.Status != domain.PeerPlanned {
		t.Fatalf("planned: %+v", ps)
	}
	for _, m := range []string{e.mentor.Email, e.mentor2.Email} {
		if got := e.mailsTo(m); len(got) != 1 || !strings.Contains(got[0], "intervision") {
			t.Errorf("invitation mails to %s: %q", m, got)
		}
	}

	got, err := e.peers.Respond(e.ctx, e.as(e.mentor), ps.ID, domain.PeerConfirmed)
	if err != nil || got.Attendee(e.mentor.ID).Response != domain.PeerConfirmed {
		t.Fatalf("confirm: %v", err)
	}
	if _, err := e.peers.Respond(e.ctx, e.as(e.mentor2), ps.ID, domain.PeerDeclined); err != nil {
		t.Fatal(err)
	}
	respondCases := []struct {
		name     string
		who      *domain.User
		response domain.PeerResponse
		code     domain.Code
		key      string
	}{
		{"an unknown answer", e.mentor, "maybe", domain.CodeInvalid, ""},
		{"someone not invited", e.coord, domain.PeerConfirmed, domain.CodeForbidden, "error.peer.not_invited"},
	}
	for _, tc := range respondCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.peers.Respond(e.ctx, e.as(tc.who), ps.ID, tc.response)
			wantError(t, err, tc.code, tc.key)
		})
	}
	if _, err := e.peers.RecordAttendance(e.ctx, e.as(e.coord), ps.ID, []domain.ID{e.mentor.ID}); err == nil {
		t.Error("attendance before the start: no error")
	} else {
		wantError(t, err, domain.CodeConflict, "error.peer.not_yet")
	}

	e.now = start.Add(3 * time.Hour)
	_, err = e.peers.Respond(e.ctx, e.as(e.mentor2), ps.ID, domain.PeerConfirmed)
	wantError(t, err, domain.CodeConflict, "error.peer.closed")
	_, err = e.peers.RecordAttendance(e.ctx, e.as(e.coord), ps.ID, []domain.ID{e.mentor.ID, e.entrep.ID})
	if fieldKeys(err)["attended_ids"] != "validation.not_mentor" {
		t.Errorf("attendance of an entrepreneur: %v", err)
	}
	if got, _ := e.peers.Get(e.ctx, e.as(e.coord), ps.ID); got.Status != domain.PeerPlanned || got.Attendee(e.mentor.ID).Attended != nil {
		t.Errorf("refused attendance changed the session: %+v", got)
	}

	// The suspended mentor came though not invited: a mentor may walk in.
	held, err := e.peers.RecordAttendance(e.ctx, e.as(e.coord), ps.ID, []domain.ID{e.mentor.ID, e.suspended.ID, e.mentor.ID})
	if err != nil {
		t.Fatal(err)
	}
	attended := map[domain.ID]bool{}
	for _, a := range held.Attendees {
		attended[a.UserID] = a.Attended != nil && *a.Attended
	}
	if held.Status != domain.PeerHeld || !attended[e.mentor.ID] || attended[e.mentor2.ID] || !attended[e.suspended.ID] || len(held.Attendees) != 3 {
		t.Errorf("after attendance: status %s, attended %v", held.Status, attended)
	}
	// Recording again corrects the record.
	held, err = e.peers.RecordAttendance(e.ctx, e.as(e.coord), ps.ID, []domain.ID{e.mentor.ID})
	if err != nil || *held.Attendee(e.suspended.ID).Attended {
		t.Errorf("corrected attendance: %+v, %v", held, err)
	}
	_, err = e.peers.Cancel(e.ctx, e.as(e.coord), ps.ID)
	wantError(t, err, domain.CodeConflict, "error.peer.not_planned")

	year, err := e.peers.MentorAttendance(e.ctx, e.as(e.mentor), e.mentor.ID, 2026)
	if err != nil || year.Summary.Invited != 1 || year.Summary.Attended != 1 || len(year.Sessions) != 1 {
		t.Errorf("the mentor's year: %+v, %v", year, err)
	}
	year, err = e.peers.MentorAttendance(e.ctx, e.as(e.coord), e.mentor2.ID, 2026)
	if err != nil || year.Summary.Invited != 1 || year.Summary.Attended != 0 {
		t.Errorf("the second mentor's year: %+v, %v", year, err)
	}
	if _, err := e.peers.MentorAttendance(e.ctx, e.as(e.coord), e.mentor.ID, 1850); fieldKeys(err)["year"] != "validation.range" {
		t.Errorf("the year 1850: %v", err)
	}
	for _, action := range []string{domain.AuditPeerSessionPlanned, domain.AuditPeerSessionAnswered, domain.AuditPeerAttendance} {
		if len(e.audit(e.alliance, action)) == 0 {
			t.Errorf("no %s in the audit trail", action)
		}
	}
}

func TestTheAllianceSeesWhoMissedTheLastTwoPeerSessions(t *testing.T) {
	e := newCommunityEnv(t, "intervision-absences")
	late := e.signup("salif@intervision-absences.example.org", "Salif", domain.French)
	hold := func(at time.Time, came ...*domain.User) {
		e.now = at.Add(-24 * time.Hour)
		ps := e.plan(at, "Intervision", nil, e.mentor, e.mentor2)
		e.now = at.Add(time.Hour)
		ids := make([]domain.ID, len(came))
		for i, u := range came {
			ids[i] = u.ID
		}
		if _, err := e.peers.RecordAttendance(e.ctx, e.as(e.coord), ps.ID, ids); err != nil {
			t.Fatal(err)
		}
	}
	e.exec(&e.alliance.ID, "UPDATE members SET joined_at = ?", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	hold(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), e.mentor, e.mentor2)
	hold(time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC), e.mentor)
	hold(time.Date(2026, 9, 10, 9, 0, 0, 0, time.UTC), e.mentor)
	// A mentor who joined after the last sessions has not missed them.
	e.join(e.admin, late, e.alliance, domain.RoleMentor)
	e.exec(&e.alliance.ID, "UPDATE members SET joined_at = ? WHERE user_id = ?", time.Date(2026, 9, 20, 0, 0, 0, 0, time.UTC), late.ID)
	// A session planned and cancelled counts for nothing.
	e.now = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	cancelled := e.plan(time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), "Annulée", nil, e.mentor, e.mentor2)
	before := len(e.mailsTo(e.mentor2.Email))
	if _, err := e.peers.Cancel(e.ctx, e.as(e.coord), cancelled.ID); err != nil {
		t.Fatal(err)
	}
	if got := e.mailsTo(e.mentor2.Email)[before:]; len(got) != 1 || !strings.Contains(got[0], "annulée") {
		t.Errorf("cancellation mails to a mentor: %q", got)
	}

	report, err := e.peers.Attendance(e.ctx, e.as(e.coord), 2026)
	if err != nil {
		t.Fatal(err)
	}
	if report.SessionsHeld != 3 {
		t.Errorf("%d sessions held in 2026, want 3", report.SessionsHeld)
	}
	byName := map[string]domain.PeerAttendance{}
	for _, m := range report.Mentors {
		byName[m.Name] = m
	}
	if m := byName["Moussa"]; m.Attended != 3 || m.Invited != 3 || m.MissedLastTwo {
		t.Errorf("Moussa: %+v", m)
	}
	if m := byName["Kadiatou"]; m.Attended != 1 || m.Invited != 3 || !m.MissedLastTwo {
		t.Errorf("Kadiatou: %+v", m)
	}
	if m := byName["Salif"]; m.MissedLastTwo {
		t.Errorf("Salif, who joined after: %+v", m)
	}
	if _, ok := byName["Issa"]; ok {
		t.Error("a suspended mentor is in the attendance report")
	}
	if len(report.MissedLastTwo) != 1 || report.MissedLastTwo[0].Name != "Kadiatou" {
		t.Errorf("missed the last two: %+v", report.MissedLastTwo)
	}
	other, err := e.peers.Attendance(e.ctx, e.as(e.coord), 2025)
	if err != nil || other.SessionsHeld != 0 {
		t.Errorf("2025: %+v, %v", other, err)
	}
}

func TestPeerSessionRemindersGoOnceThreeDaysBefore(t *testing.T) {
	e := newCommunityEnv(t, "intervision-rappels")
	start := e.now.Add(10 * 24 * time.Hour)
	ps := e.plan(start, "Rappel", nil, e.mentor, e.mentor2)
	if _, err := e.peers.Respond(e.ctx, e.as(e.mentor2), ps.ID, domain.PeerDeclined); err != nil {
		t.Fatal(err)
	}
	other := e.plan(start, "Annulée", nil, e.mentor)
	if _, err := e.peers.Cancel(e.ctx, e.as(e.coord), other.ID); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		at   time.Time
		want int
	}{
		{start.Add(-4 * 24 * time.Hour), 0},
		{start.Add(-71 * time.Hour), 1}, // Moussa; Kadiatou declined; the other was cancelled
		{start.Add(-70 * time.Hour), 0}, // the next hour's run
		{start.Add(-2 * time.Hour), 0},
		{start.Add(time.Hour), 0},
	}
	for _, step := range steps {
		e.now = step.at
		sent, err := e.peers.RemindAll(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if sent != step.want {
			t.Errorf("at %s: %d reminders, want %d", step.at, sent, step.want)
		}
	}
	if got := e.mailsTo(e.mentor.Email); len(got) != 4 || !strings.HasPrefix(got[3], "Rappel") {
		t.Errorf("mails to Moussa: %q; want two invitations, a cancellation and one reminder", got)
	}
}
