package domain

import (
	"net/url"
	"strings"
	"time"
)

// PeerSessionStatus is where a peer session stands.
type PeerSessionStatus string

// The statuses of a peer session.
const (
	PeerPlanned   PeerSessionStatus = "planned"
	PeerHeld      PeerSessionStatus = "held" // its attendance is recorded
	PeerCancelled PeerSessionStatus = "cancelled"
)

// PeerResponse is an invited mentor's answer.
type PeerResponse string

// The answers of an invited mentor.
const (
	PeerInvited   PeerResponse = "invited" // no answer yet
	PeerConfirmed PeerResponse = "confirmed"
	PeerDeclined  PeerResponse = "declined"
)

// Limits of a peer session.
const (
	PeerTopicMax       = 200  // characters of the topic
	PeerPlaceMax       = 200  // characters of the place
	PeerLinkMax        = 500  // bytes of the video-call link
	PeerNotesMax       = 4000 // characters of the notes
	PeerMaxAttendees   = 200
	PeerReminderBefore = 3 * 24 * time.Hour // when invitees are reminded
	peerMaxAhead       = 2 * 365 * 24 * time.Hour
	peerMinDuration    = 15
	peerMaxDuration    = 8 * 60
)

// PeerSession is a quarterly intervision among an alliance's mentors: they
// discuss a real case or a role model from the library.
type PeerSession struct {
	AllianceID      ID
	ID              ID
	StartsAt        time.Time
	DurationMinutes int
	Place           string // a place, or empty when online only
	Link            string // a video-call link, or empty
	Topic           string
	Notes           string // what to prepare, in the coordinator's words
	CaseResourceID  *ID    // the case or role model discussed
	Status          PeerSessionStatus
	CreatedBy       ID
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Attendees       []PeerAttendee
}

// PeerAttendee is one invited mentor, their answer, and whether they came
// once attendance is recorded.
type PeerAttendee struct {
	UserID      ID
	Name        string
	Email       string
	Response    PeerResponse
	RespondedAt *time.Time
	Attended    *bool // nil until attendance is recorded
}

// Quarter names the quarter the session falls in, e.g. "2026-Q4".
func (s *PeerSession) Quarter() string {
	return QuarterOf(s.StartsAt)
}

// QuarterOf names the quarter of t, e.g. "2026-Q4".
func QuarterOf(t time.Time) string {
	t = t.UTC()
	return t.Format("2006") + "-Q" + string(rune('1'+(int(t.Month())-1)/3))
}

// Attendee finds an invited mentor.
func (s *PeerSession) Attendee(user ID) *PeerAttendee {
	for i := range s.Attendees {
		if s.Attendees[i].UserID == user {
			return &s.Attendees[i]
		}
	}
	return nil
}

// PeerSessionInput is what a coordinator gives to plan a session.
type PeerSessionInput struct {
	StartsAt        time.Time
	DurationMinutes int
	Place           string
	Link            string
	Topic           string
	Notes           string
	CaseResourceID  *ID
	AttendeeIDs     []ID
}

// Normalize trims the texts, sets the default length of two hours, and
// drops repeated invitees.
func (in *PeerSessionInput) Normalize() {
	in.Topic = strings.TrimSpace(in.Topic)
	in.Place = strings.TrimSpace(in.Place)
	in.Link = strings.TrimSpace(in.Link)
	in.Notes = strings.TrimSpace(in.Notes)
	if in.DurationMinutes == 0 {
		in.DurationMinutes = 120
	}
	in.AttendeeIDs = UniqueIDs(in.AttendeeIDs)
}

// Validate checks a normalized input against now: a session is planned in
// the future, no more than two years ahead, with a topic, a place or a
// link, and at least one invitee.
func (in *PeerSessionInput) Validate(now time.Time) error {
	var p Problems
	switch {
	case in.StartsAt.IsZero():
		p.Add("held_on", "validation.required", nil)
	case !in.StartsAt.After(now):
		p.Add("held_on", "validation.peer_past", nil)
	case in.StartsAt.After(now.Add(peerMaxAhead)):
		p.Add("held_on", "validation.peer_far", nil)
	}
	if in.DurationMinutes < peerMinDuration || in.DurationMinutes > peerMaxDuration {
		p.Add("duration_minutes", "validation.range", map[string]any{"min": peerMinDuration, "max": peerMaxDuration})
	}
	ValidateText(&p, "topic", in.Topic, 3, PeerTopicMax)
	if in.Place != "" {
		ValidateText(&p, "place", in.Place, 1, PeerPlaceMax)
	}
	if in.Link != "" && !validLink(in.Link) {
		p.Add("link", "validation.url", nil)
	}
	if in.Place == "" && in.Link == "" {
		p.Add("place", "validation.place_or_link", nil)
	}
	ValidateLongText(&p, "notes", in.Notes, PeerNotesMax)
	switch {
	case len(in.AttendeeIDs) == 0:
		p.Add("attendee_ids", "validation.required", nil)
	case len(in.AttendeeIDs) > PeerMaxAttendees:
		p.Add("attendee_ids", "validation.max_items", map[string]any{"max": PeerMaxAttendees})
	}
	return p.Err()
}

// validLink accepts an absolute http or https address.
func validLink(s string) bool {
	if len(s) > PeerLinkMax || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// PeerAttendance is one mentor's attendance at the alliance's peer
// sessions over a period.
type PeerAttendance struct {
	UserID   ID
	Name     string
	Invited  int // held sessions they were invited to or came to
	Attended int // held sessions they came to
	// MissedLastTwo is true when they came to neither of the alliance's
	// last two held sessions (counted only for mentors who were members
	// at the time of both).
	MissedLastTwo bool
}
