package service_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// remindTwice runs the daily reminders twice at the env's time: the
// second run must send nothing.
func (e *journeyEnv) remindTwice() service.ReminderCounts {
	e.t.Helper()
	first, err := e.journey.RemindAll(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	again, err := e.journey.RemindAll(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	if again != (service.ReminderCounts{}) {
		e.t.Errorf("a second run on the same day sent %+v", again)
	}
	return first
}

func TestJourneyRemindersGoOnceEach(t *testing.T) {
	e := newJourneyEnv(t, "parcours-rappels")
	id := e.mentorship.ID
	at := e.now.Add(5 * 24 * time.Hour)
	if _, err := e.journey.Propose(e.ctx, e.as(e.mentor), id, 1, at, "Maison des jeunes"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.journey.Confirm(e.ctx, e.entrepreneur, id, 1); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		at   time.Time
		want service.ReminderCounts
	}{
		{"five days before: nothing", e.now, service.ReminderCounts{}},
		{"two days before: both", at.Add(-48 * time.Hour), service.ReminderCounts{SessionsSoon: 2}},
		{"the next morning, still before: nothing new", at.Add(-20 * time.Hour), service.ReminderCounts{}},
		{"the day after, no log: the mentor", domain.Day(at).Add(30 * time.Hour), service.ReminderCounts{LogsDue: 1}},
	}
	for _, step := range steps {
		e.now = step.at
		if got := e.remindTwice(); got != step.want {
			t.Errorf("%s: %+v, want %+v", step.name, got, step.want)
		}
	}
	toEntrepreneur := e.mailsTo(e.entEmail)
	if len(toEntrepreneur) != 1 || !strings.Contains(toEntrepreneur[0], "séance 1") {
		t.Errorf("mails to the entrepreneur: %q", toEntrepreneur)
	}
	// 45 days with no session held: the coordinator is told, once.
	e.now = e.mentorship.StartsOn.Add(46 * 24 * time.Hour)
	if got := e.remindTwice(); got.Stale != 1 {
		t.Errorf("after 45 silent days: %+v, want the coordinator told", got)
	}
	if got := e.mailsTo(e.coord.Email); len(got) != 1 || !strings.Contains(got[0], "Safiatou") {
		t.Errorf("mails to the coordinator: %q", got)
	}
	// A held session resets the count.
	e.log(1, "")
	if got := e.remindTwice(); got.Stale != 0 {
		t.Errorf("after a held session: %+v", got)
	}
}

func TestADoneMentorshipIsCompletedAndBothAreAskedForTheSurvey(t *testing.T) {
	e := newJourneyEnv(t, "parcours-fini")
	id := e.mentorship.ID
	_, err := e.journey.AnswerSurvey(e.ctx, e.entrepreneur, id, domain.EndSurvey{WouldRecommend: true})
	wantError(t, err, domain.CodeConflict, "error.survey.not_over")
	for n := 1; n <= 12; n++ {
		e.log(n, "")
	}
	if got := e.remindTwice(); got.Completed != 1 {
		t.Fatalf("all held: %+v, want one completed", got)
	}
	v, _ := e.journey.View(e.ctx, e.as(e.coord), id, true)
	if v.Mentorship.Status != domain.MentorshipCompleted {
		t.Errorf("status %s", v.Mentorship.Status)
	}
	if got := e.mailsTo(e.entEmail); len(got) != 1 {
		t.Errorf("survey mails to the entrepreneur: %q", got)
	}
	employees := 7
	cases := []struct {
		name  string
		who   service.Caller
		in    domain.EndSurvey
		field string
	}{
		{"no revenue band", e.entrepreneur, domain.EndSurvey{Employees: &employees}, "revenue_band"},
		{"no employees", e.entrepreneur, domain.EndSurvey{RevenueBand: "5m_20m"}, "employees"},
	}
	for _, tc := range cases {
		_, err := e.journey.AnswerSurvey(e.ctx, tc.who, id, tc.in)
		if _, ok := fieldKeys(err)[tc.field]; !ok {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if _, err := e.journey.AnswerSurvey(e.ctx, e.entrepreneur, id, domain.EndSurvey{WouldRecommend: true, WhatChanged: "Je tiens mes comptes",
		RevenueBand: "5m_20m", Employees: &employees}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.journey.AnswerSurvey(e.ctx, e.as(e.mentor), id, domain.EndSurvey{WouldRecommend: true, RevenueBand: "over_100m"}); err != nil {
		t.Fatal(err)
	}
	if n := e.count(&e.alliance.ID, "end_surveys"); n != 2 {
		t.Errorf("%d surveys, want 2", n)
	}
}
