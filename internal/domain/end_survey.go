package domain

import (
	"slices"
	"strings"
	"time"
)

// EndSurvey is one person's answer to the short survey at the end of a
// mentorship: would they recommend it, what changed and, from the
// entrepreneur, the business's revenue band and employees now — compared
// in the reports with what the application said.
type EndSurvey struct {
	MentorshipID   ID
	RespondentID   ID
	Side           string // "mentor" or "entrepreneur"
	WouldRecommend bool
	WhatChanged    string
	RevenueBand    string // the entrepreneur's answer; empty for the mentor
	Employees      *int   // the entrepreneur's answer; nil for the mentor
	SubmittedAt    time.Time
}

// Validate checks a survey: the entrepreneur gives the revenue band and
// employees now; what changed is optional, within ApplicationTextMax.
func (s *EndSurvey) Validate() error {
	var p Problems
	s.WhatChanged = strings.TrimSpace(s.WhatChanged)
	ValidateLongText(&p, "what_changed", s.WhatChanged, ApplicationTextMax)
	if s.Side == "entrepreneur" {
		if !slices.Contains(RevenueBands, s.RevenueBand) {
			p.Add("revenue_band", "validation.one_of", map[string]any{"values": strings.Join(RevenueBands, ", ")})
		}
		if s.Employees == nil || *s.Employees < 0 || *s.Employees > employeesMax {
			p.Add("employees", "validation.range", map[string]any{"min": 0, "max": employeesMax})
		}
	}
	return p.Err()
}
