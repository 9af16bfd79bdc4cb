package web

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// mentorshipView is a mentorship in the API: both people by name, its
// days as YYYY-MM-DD, and, read one by one or just made, its sessions.
// Why an admin overrode the matching rules is for those who run the
// pipeline only.
type mentorshipView struct {
	ID               domain.ID               `json:"id"`
	ApplicationID    domain.ID               `json:"application_id"`
	CohortID         domain.ID               `json:"cohort_id"`
	MentorID         domain.ID               `json:"mentor_id"`
	MentorName       string                  `json:"mentor_name"`
	EntrepreneurID   *domain.ID              `json:"entrepreneur_id"` // null when the applicant has no account
	EntrepreneurName string                  `json:"entrepreneur_name"`
	BusinessName     string                  `json:"business_name"`
	Status           domain.MentorshipStatus `json:"status"`
	StartsOn         string                  `json:"starts_on"`
	EndsOn           string                  `json:"ends_on"`
	OverrideReason   string                  `json:"override_reason,omitempty"`
	CreatedAt        time.Time               `json:"created_at"`
	Sessions         []mentorshipSessionView `json:"sessions,omitempty"`
}

// mentorshipSessionView is one numbered session: the day it is due by
// the alliance's cadence, where it stands, and when it was scheduled.
type mentorshipSessionView struct {
	Number      int                  `json:"number"`
	PlannedOn   string               `json:"planned_on"`
	Status      domain.SessionStatus `json:"status"`
	ScheduledAt *time.Time           `json:"scheduled_at"`
}

// mentorshipOf is a mentorship as the API shows it; staff says whether
// the caller runs the pipeline and may read an override's reason.
func mentorshipOf(m *domain.Mentorship, staff bool) mentorshipView {
	v := mentorshipView{ID: m.ID, ApplicationID: m.ApplicationID, CohortID: m.CohortID, MentorID: m.MentorID, MentorName: m.MentorName,
		EntrepreneurName: m.EntrepreneurName, BusinessName: m.BusinessName, Status: m.Status, StartsOn: dateOf(m.StartsOn),
		EndsOn: dateOf(m.EndsOn), CreatedAt: m.CreatedAt}
	if m.EntrepreneurID != (domain.ID{}) {
		id := m.EntrepreneurID
		v.EntrepreneurID = &id
	}
	if staff {
		v.OverrideReason = m.OverrideReason
	}
	for _, s := range m.Sessions {
		v.Sessions = append(v.Sessions, mentorshipSessionView{Number: s.Number, PlannedOn: dateOf(s.PlannedOn), Status: s.Status,
			ScheduledAt: s.ScheduledAt})
	}
	return v
}

func mentorshipsOf(ms []*domain.Mentorship, staff bool) []mentorshipView {
	out := make([]mentorshipView, 0, len(ms))
	for _, m := range ms {
		out = append(out, mentorshipOf(m, staff))
	}
	return out
}
