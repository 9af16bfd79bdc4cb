package web

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// cohortView is a cohort in the API: its days as YYYY-MM-DD, and whether
// its form takes applications now.
type cohortView struct {
	ID               domain.ID `json:"id"`
	Name             string    `json:"name"`
	City             string    `json:"city"`
	StartsOn         string    `json:"starts_on"`
	EndsOn           string    `json:"ends_on"`
	Capacity         int       `json:"capacity"`
	ApplicationsOpen bool      `json:"applications_open"`
	ClosesOn         *string   `json:"closes_on"`
	Open             bool      `json:"open"`
	CreatedAt        time.Time `json:"created_at"`
	UpdatedAt        time.Time `json:"updated_at"`
}

func cohortOf(co *domain.Cohort, open bool) cohortView {
	return cohortView{ID: co.ID, Name: co.Name, City: co.City, StartsOn: dateOf(co.StartsOn), EndsOn: dateOf(co.EndsOn),
		Capacity: co.Capacity, ApplicationsOpen: co.ApplicationsOpen, ClosesOn: dateOrNil(co.ClosesOn), Open: open,
		CreatedAt: co.CreatedAt, UpdatedAt: co.UpdatedAt}
}

// cohortSummaryView is a cohort of the list, with how many applications
// it has in each status (every status named, 0 included).
type cohortSummaryView struct {
	cohortView
	Counts map[domain.ApplicationStatus]int `json:"counts"`
}

func cohortSummaryOf(cs service.CohortSummary) cohortSummaryView {
	counts := make(map[domain.ApplicationStatus]int, len(domain.ApplicationStatuses))
	for _, st := range domain.ApplicationStatuses {
		counts[st] = cs.Counts[st]
	}
	return cohortSummaryView{cohortView: cohortOf(cs.Cohort, cs.Open), Counts: counts}
}

// cohortBody is what an admin or a coordinator sends for a cohort, to
// create it or to replace it whole. Days are read as text, so that a bad
// one is named as a field.
type cohortBody struct {
	Name             string  `json:"name"`
	City             string  `json:"city"`
	StartsOn         string  `json:"starts_on"`
	EndsOn           string  `json:"ends_on"`
	Capacity         int     `json:"capacity"`
	ApplicationsOpen bool    `json:"applications_open"`
	ClosesOn         *string `json:"closes_on"`
}

// cohort reads the body's days, naming each that cannot be read; the
// rest is the service's to check.
func (b cohortBody) cohort() (*domain.Cohort, error) {
	var p domain.Problems
	co := &domain.Cohort{Name: b.Name, City: b.City, Capacity: b.Capacity, ApplicationsOpen: b.ApplicationsOpen,
		StartsOn: parseDate(&p, "starts_on", b.StartsOn), EndsOn: parseDate(&p, "ends_on", b.EndsOn)}
	if b.ClosesOn != nil {
		if d := parseDate(&p, "closes_on", *b.ClosesOn); !d.IsZero() {
			co.ClosesOn = &d
		}
	}
	return co, p.Err()
}
