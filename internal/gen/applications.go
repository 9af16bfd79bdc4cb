package gen

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// candidacy is one application as it is generated: the application, its
// cohort and applicant's account, and once matched, the match.
type candidacy struct {
	app       *domain.Application
	cohort    *plannedCohort
	mentor    *domain.Member // the mentor of a matched application
	matchedBy *domain.Member
	matchedAt time.Time
}

// candidacies makes the alliance's n applications, spread over its
// cohorts: about matchedShare of them matched, in the cohorts past or
// under way, the others with a status their cohort's phase makes likely.
// Nine in ten applicants give an e-mail, and get the account applying
// opens; the others give a phone number only.
func (b *builder) candidacies(cohorts []*plannedCohort, n int, matchedShare float64) []*candidacy {
	var all, mentoring []weighted[*plannedCohort]
	for _, c := range cohorts {
		all = append(all, weighted[*plannedCohort]{c, c.weight})
		if c.phase == phasePast || c.phase == phaseCurrent {
			mentoring = append(mentoring, weighted[*plannedCohort]{c, c.weight})
		}
	}
	thisYear := b.today.Year()
	phoneOffset := b.s.IntN(10_000_000)
	out := make([]*candidacy, n)
	for i := range n {
		co, status := b.placement(all, mentoring, matchedShare)
		gender := pickWeighted(b.s, genderWeights)
		first, name := personName(b.s, b.region.names, gender)
		loc := b.region.locale
		if b.s.chance(0.15) {
			loc = otherLocale(loc)
		}
		city := co.City
		if b.s.chance(0.2) {
			city = pickWeighted(b.s, b.cities)
		}
		birthYear := thisYear - 18 - b.s.IntN(12) - b.s.IntN(12)
		business := newBusiness(b.s, loc, first, birthYear, thisYear)
		obstacles, goals, motivation := answers(b.s, loc, business.Sector, city)
		submitted := b.s.instant(co.opensOn, earlierOf(co.ClosesOn.AddDate(0, 0, 1), b.today.Add(-time.Hour)))
		app := &domain.Application{AllianceID: b.d.alliance.ID, ID: b.s.id(submitted),
			Status: status, SubmittedAt: submitted, UpdatedAt: submitted,
			ApplicationForm: domain.ApplicationForm{CohortID: co.ID, Locale: loc,
				Applicant: domain.Applicant{Name: name, Gender: gender, BirthYear: birthYear, City: city},
				Business:  business, Obstacles: obstacles, Goals: goals, Motivation: motivation}}
		hasEmail := b.s.chance(0.9)
		if !hasEmail || b.s.chance(0.85) {
			app.Applicant.Phone = phoneNumber(b.region.phoneCode, i, phoneOffset)
		}
		if hasEmail {
			u := &domain.User{ID: b.s.id(submitted), Email: personalEmail(name, i+1, b.mailDomain), Name: name, Locale: loc,
				CreatedAt: submitted}
			app.Applicant.Email, app.UserID = u.Email, u.ID
			b.d.users = append(b.d.users, u)
		}
		b.d.applications = append(b.d.applications, app)
		out[i] = &candidacy{app: app, cohort: co}
	}
	return out
}

// placement draws an application's cohort and status: matched, with
// probability matchedShare, in a cohort past or under way; else in any
// cohort, with a status its phase makes likely.
func (b *builder) placement(all, mentoring []weighted[*plannedCohort], matchedShare float64) (*plannedCohort, domain.ApplicationStatus) {
	if b.s.chance(matchedShare) {
		return pickWeighted(b.s, mentoring), domain.AppMatched
	}
	co := pickWeighted(b.s, all)
	return co, pickWeighted(b.s, statusWeights[co.phase])
}
