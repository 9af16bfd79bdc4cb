package domain

import (
	"strings"
	"time"
)

// Cohort is one intake of entrepreneurs: a name, a city, its dates, how
// many it takes, and whether it takes applications now.
type Cohort struct {
	AllianceID       ID
	ID               ID
	Name             string
	City             string
	StartsOn         time.Time // a date, at midnight UTC
	EndsOn           time.Time // a date, at midnight UTC
	Capacity         int       // how many entrepreneurs it accepts
	ApplicationsOpen bool
	// ClosesOn, when set, is the last day the form takes applications:
	// after it the cohort closes by itself.
	ClosesOn  *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Limits of a cohort.
const (
	CohortNameMax     = 120
	CohortCityMax     = 80
	CohortCapacityMax = 10_000
)

// TakesApplications tells whether the cohort's form is open at now.
func (c *Cohort) TakesApplications(now time.Time) bool {
	if !c.ApplicationsOpen {
		return false
	}
	return c.ClosesOn == nil || now.UTC().Before(c.ClosesOn.AddDate(0, 0, 1))
}

// Normalize trims the texts and keeps the dates as days.
func (c *Cohort) Normalize() {
	c.Name, c.City = strings.TrimSpace(c.Name), strings.TrimSpace(c.City)
	c.StartsOn, c.EndsOn = Day(c.StartsOn), Day(c.EndsOn)
	if c.ClosesOn != nil {
		d := Day(*c.ClosesOn)
		c.ClosesOn = &d
	}
}

// Validate checks a normalized cohort, naming every bad field.
func (c *Cohort) Validate() error {
	var p Problems
	ValidateText(&p, "name", c.Name, 2, CohortNameMax)
	ValidateText(&p, "city", c.City, 2, CohortCityMax)
	switch {
	case c.StartsOn.IsZero():
		p.Add("starts_on", "validation.required", nil)
	case c.StartsOn.Year() < 2000 || c.StartsOn.Year() > 2100:
		p.Add("starts_on", "validation.date_range", map[string]any{"min": 2000, "max": 2100})
	}
	switch {
	case c.EndsOn.IsZero():
		p.Add("ends_on", "validation.required", nil)
	case !c.StartsOn.IsZero() && !c.EndsOn.After(c.StartsOn):
		p.Add("ends_on", "validation.ends_after_start", nil)
	case c.EndsOn.Year() > 2100:
		p.Add("ends_on", "validation.date_range", map[string]any{"min": 2000, "max": 2100})
	}
	if c.Capacity < 1 || c.Capacity > CohortCapacityMax {
		p.Add("capacity", "validation.range", map[string]any{"min": 1, "max": CohortCapacityMax})
	}
	if c.ClosesOn != nil && !c.StartsOn.IsZero() && c.ClosesOn.After(c.EndsOn) {
		p.Add("closes_on", "validation.closes_before_end", nil)
	}
	return p.Err()
}

// Day is t's date at midnight UTC.
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDay reads a date written YYYY-MM-DD.
func ParseDay(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return t, err == nil
}
