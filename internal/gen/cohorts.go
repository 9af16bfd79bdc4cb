package gen

import (
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// phase is where a cohort stands on the day generated for.
type phase int

const (
	phasePast      phase = iota // its year of mentoring is over
	phaseCurrent                // mentoring under way
	phaseSelecting              // applications closed, decisions being made
	phaseOpen                   // taking applications
)

// statusWeights are how a cohort's applications not matched to a mentor
// stand, by its phase; the matched ones are drawn apart (see
// candidacies).
var statusWeights = map[phase][]weighted[domain.ApplicationStatus]{
	phasePast:    {{domain.AppWaitlisted, 6}, {domain.AppRejected, 68}, {domain.AppWithdrawn, 10}},
	phaseCurrent: {{domain.AppAccepted, 3}, {domain.AppWaitlisted, 8}, {domain.AppRejected, 65}, {domain.AppWithdrawn, 10}},
	phaseSelecting: {{domain.AppScreening, 8}, {domain.AppInterview, 22}, {domain.AppAccepted, 15}, {domain.AppWaitlisted, 10},
		{domain.AppRejected, 38}, {domain.AppWithdrawn, 7}},
	phaseOpen: {{domain.AppSubmitted, 50}, {domain.AppScreening, 30}, {domain.AppInterview, 12}, {domain.AppWithdrawn, 8}},
}

// plannedCohort is a cohort with its phase and the day its call for
// applications opened.
type plannedCohort struct {
	*domain.Cohort
	phase   phase
	opensOn time.Time
	weight  int // how many applications it draws, relative to the others
}

// cohortCount is how many cohorts an alliance of so many applicants has
// run: from four to twelve.
func cohortCount(entrepreneurs int) int { return clamp(entrepreneurs/400, 4, 12) }

// plannedCohorts lays the alliance's cohorts out in time, the newest
// first: some open, some selecting, up to three under way, the rest past,
// one starting every few months in a city of the region.
func (b *builder) plannedCohorts(entrepreneurs int) []*plannedCohort {
	k := cohortCount(entrepreneurs)
	open, selecting, current := max(1, k/5), max(1, k/6), clamp(k/4, 1, 3)
	monthStart := time.Date(b.today.Year(), b.today.Month(), 1, 0, 0, 0, 0, time.UTC)
	var out []*plannedCohort
	add := func(ph phase, startMonths int, closesOn time.Time, weight int) {
		start := monthStart.AddDate(0, startMonths, 0)
		opens := closesOn.AddDate(0, 0, -75)
		created := opens.AddDate(0, 0, -15)
		city := pickWeighted(b.s, b.cities)
		c := &domain.Cohort{ID: b.s.id(created), AllianceID: b.d.alliance.ID, Name: b.cohortName(city, start), City: city,
			StartsOn: start, EndsOn: start.AddDate(1, 0, 0), ApplicationsOpen: ph == phaseOpen, ClosesOn: &closesOn,
			CreatedAt: created, UpdatedAt: created}
		out = append(out, &plannedCohort{Cohort: c, phase: ph, opensOn: opens, weight: weight})
	}
	for i := range open {
		add(phaseOpen, 3+i, b.today.AddDate(0, 0, b.s.between(15, 45)), 7)
	}
	for i := range selecting {
		add(phaseSelecting, 1+i, b.today.AddDate(0, 0, -b.s.between(5, 20)), 10)
	}
	for i := range current {
		start := -1 - 4*i
		add(phaseCurrent, start, monthStart.AddDate(0, start-1, 0), 10)
	}
	for i := range k - open - selecting - current {
		start := -13 - 4*i
		add(phasePast, start, monthStart.AddDate(0, start-1, 0), 10)
	}
	for _, c := range out {
		b.d.cohorts = append(b.d.cohorts, c.Cohort)
	}
	return out
}

// cohortName names a cohort after its city and its first month, in the
// alliance's language.
func (b *builder) cohortName(city string, start time.Time) string {
	if b.region.locale == domain.English {
		return fmt.Sprintf("%s, %s %d", city, start.Month(), start.Year())
	}
	return fmt.Sprintf("%s, %s %d", city, frenchMonths[start.Month()-1], start.Year())
}

var frenchMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
	"octobre", "novembre", "décembre"}

// sizeCohorts gives each cohort a capacity: the places its accepted and
// matched applicants hold, or one for six applicants while it is still
// open, and at least five.
func (b *builder) sizeCohorts(cohorts []*plannedCohort, candidacies []*candidacy) {
	placed, applied := map[*plannedCohort]int{}, map[*plannedCohort]int{}
	for _, c := range candidacies {
		applied[c.cohort]++
		if domain.TakesAPlace(c.app.Status) {
			placed[c.cohort]++
		}
	}
	for _, c := range cohorts {
		c.Capacity = min(max(placed[c], applied[c]/6, 5), domain.CohortCapacityMax)
	}
}
