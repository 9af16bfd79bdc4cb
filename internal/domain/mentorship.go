package domain

import (
	"strings"
	"time"
)

// MentorshipStatus is where a mentorship stands.
type MentorshipStatus string

// The statuses of a mentorship.
const (
	MentorshipActive    MentorshipStatus = "active"
	MentorshipCompleted MentorshipStatus = "completed" // every session held, or the end date passed
	MentorshipEnded     MentorshipStatus = "ended"     // ended early, with a reason
)

// Mentorship is one mentor with one entrepreneur in a cohort, made from
// the entrepreneur's accepted application.
type Mentorship struct {
	AllianceID     ID
	ID             ID
	ApplicationID  ID
	CohortID       ID
	MentorID       ID
	EntrepreneurID ID
	Status         MentorshipStatus
	StartsOn       time.Time
	EndsOn         time.Time
	// OverrideReason is why an admin matched a mentor the rules refused
	// (no free capacity, charter not accepted); empty otherwise.
	OverrideReason string
	CreatedBy      ID
	CreatedAt      time.Time
	UpdatedAt      time.Time
	// EndReason and EndedBy say why and by whom a mentorship ended early.
	EndReason string
	EndedBy   *ID
	EndedAt   *time.Time
	// CompletedAt is when every session was held or the end date passed.
	CompletedAt *time.Time
	// Filled when listing.
	MentorName       string
	EntrepreneurName string
	BusinessName     string
	Sessions         []MentorshipSession
}

// SessionStatus is where one session of a mentorship stands.
type SessionStatus string

// The statuses of a session.
const (
	SessionPlanned   SessionStatus = "planned"   // its month is set, not its date
	SessionScheduled SessionStatus = "scheduled" // both agreed on a date
	SessionHeld      SessionStatus = "held"
	SessionMissed    SessionStatus = "missed"
	SessionCancelled SessionStatus = "cancelled"
)

// MentorshipSession is one numbered session of a mentorship: when it is
// due, the date one side proposed and the other confirmed, the
// entrepreneur's agenda, and once held the mentor's log and the
// entrepreneur's rating. The mentor's private notes are never part of it.
type MentorshipSession struct {
	Number      int
	PlannedOn   time.Time // the day it is due, by the alliance's cadence
	Status      SessionStatus
	ScheduledAt *time.Time // the agreed date, once confirmed
	Place       string
	// A date proposed by one side, waiting for the other to confirm.
	ProposedAt *time.Time
	ProposedBy *ID
	Agenda     []Obstacle
	// The log, once held.
	HeldOn          *time.Time
	DurationMinutes int
	Obstacles       []Obstacle
	SharedNotes     string
	LoggedAt        *time.Time
	// Why it was missed or cancelled.
	Reason string
	// The entrepreneur's rating, once given.
	Rating        *int
	RatingComment string
}

// PlanSessions plans n sessions from start at the alliance's cadence: the
// first on the start day, then every week, fortnight or month.
func PlanSessions(start time.Time, n int, cadence string) []MentorshipSession {
	out := make([]MentorshipSession, n)
	for i := range out {
		var on time.Time
		switch cadence {
		case "weekly":
			on = start.AddDate(0, 0, 7*i)
		case "fortnightly":
			on = start.AddDate(0, 0, 14*i)
		default:
			on = addMonthsClamped(start, i)
		}
		out[i] = MentorshipSession{Number: i + 1, PlannedOn: on, Status: SessionPlanned}
	}
	return out
}

// addMonthsClamped adds months to t, keeping the day within the month: a
// start on 31 January is due on 28 or 29 February, not in March.
func addMonthsClamped(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// OverrideReasonMax bounds the reason of an override, in characters.
const OverrideReasonMax = 1000

// ValidateOverrideReason checks an override's reason: required, at most
// OverrideReasonMax characters.
func ValidateOverrideReason(p *Problems, reason string) {
	if strings.TrimSpace(reason) == "" {
		p.Add("override_reason", "validation.required", nil)
		return
	}
	ValidateLongText(p, "override_reason", reason, OverrideReasonMax)
}
