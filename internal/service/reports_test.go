package service_test

import (
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

func TestTheSummaryCountsWhatFundersAskFor(t *testing.T) {
	e := newJourneyEnv(t, "rapports")
	reports := &service.Reports{DB: e.db}
	// A second mentorship: a man in Bamako, with the second mentor.
	e.acceptCharter(e.mentor2)
	f := e.form("Ibrahim", "ibrahim@example.org")
	f.Applicant.Gender, f.Applicant.City, f.Applicant.Phone = domain.GenderMan, "Bamako", ""
	e.now = e.now.AddDate(0, -3, 0) // apply before the journey began
	s, err := e.apply(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []domain.ApplicationStatus{domain.AppScreening, domain.AppInterview, domain.AppAccepted} {
		if _, err := e.apps.Move(e.ctx, e.as(e.coord), s.Application.ID, st, ""); err != nil {
			t.Fatal(err)
		}
	}
	second, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: s.Application.ID, MentorID: e.mentor2.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	e.now = e.mentorship.StartsOn.Add(9 * time.Hour)
	// Safiatou's journey: all twelve held, completed, surveyed.
	for n := 1; n <= 12; n++ {
		e.log(n, "privé")
	}
	if _, err := e.journey.RemindAll(e.ctx); err != nil {
		t.Fatal(err)
	}
	employees := 6
	if _, err := e.journey.AnswerSurvey(e.ctx, e.entrepreneur, e.mentorship.ID, domain.EndSurvey{WouldRecommend: true,
		RevenueBand: "5m_20m", Employees: &employees}); err != nil {
		t.Fatal(err)
	}
	// Ibrahim's: ended early after one session.
	if _, err := e.journey.Log(e.ctx, e.as(e.mentor2), second.ID, 1, domain.SessionLog{HeldOn: e.now, DurationMinutes: 60}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.journey.End(e.ctx, e.as(e.coord), second.ID, "Changement de projet", true); err != nil {
		t.Fatal(err)
	}
	got, err := reports.Summary(e.ctx, e.as(e.observer), store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total.Entrepreneurs != 2 || got.Total.Women != 1 || got.Total.WomenShare() != 0.5 {
		t.Errorf("entrepreneurs %+v", got.Total)
	}
	// 12 + 1 held; Ibrahim's 11 others were cancelled and are not planned any more.
	if got.Total.SessionsPlanned != 13 || got.Total.SessionsHeld != 13 || got.Total.CompletionRate() != 1 {
		t.Errorf("sessions %d planned, %d held", got.Total.SessionsPlanned, got.Total.SessionsHeld)
	}
	if got.Mentorships[domain.MentorshipCompleted] != 1 || got.Mentorships[domain.MentorshipEnded] != 1 || got.Mentorships[domain.MentorshipActive] != 0 {
		t.Errorf("mentorships %v", got.Mentorships)
	}
	if len(got.ByCity) != 2 || got.ByCity[0].Label != "Bamako" || got.ByCity[1].Label != "Ségou" {
		t.Errorf("by city %+v", got.ByCity)
	}
	if len(got.Change) != 1 || got.Change[0].Gender != domain.GenderWoman || got.Change[0].RevenueUp != 1 ||
		got.Change[0].EmployeesBefore != 3 || got.Change[0].EmployeesAfter != 6 {
		t.Errorf("change %+v", got.Change)
	}
	other := e.newCohort("Mopti 2027", "Mopti", 5)
	empty, err := reports.Summary(e.ctx, e.as(e.observer), store.ReportFilter{CohortID: &other.ID})
	if err != nil || empty.Total.Entrepreneurs != 0 || empty.Total.WomenShare() != 0 {
		t.Errorf("an empty cohort: %+v, %v", empty, err)
	}
	later, err := reports.Summary(e.ctx, e.as(e.observer), store.ReportFilter{From: e.mentorship.StartsOn.AddDate(0, 0, 1)})
	if err != nil || later.Total.Entrepreneurs != 0 {
		t.Errorf("a range after every start: %+v, %v", later.Total, err)
	}
}
