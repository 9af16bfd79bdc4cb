package domain

import (
	"strconv"
	"strings"
	"time"
)

// ObstacleKind says whether an obstacle is the business's or the
// entrepreneur's own: the approach works on both.
type ObstacleKind string

// The kinds of obstacle.
const (
	ObstacleBusiness ObstacleKind = "business"
	ObstaclePersonal ObstacleKind = "personal"
)

// Obstacle is one obstacle to work on, on an agenda or in a log.
type Obstacle struct {
	Kind ObstacleKind `json:"kind"`
	Text string       `json:"text"`
}

// ActionOwner is who carries an action out.
type ActionOwner string

// The owners of an action.
const (
	OwnerEntrepreneur ActionOwner = "entrepreneur"
	OwnerMentor       ActionOwner = "mentor"
)

// Limits of a session's texts.
const (
	SessionItemMax     = 500  // characters of an obstacle or an action
	SessionItemsMax    = 20   // obstacles or actions in one list
	SessionNotesMax    = 8000 // characters of shared or private notes
	SessionReasonMax   = 1000 // characters of a reason to miss or cancel
	FeedbackCommentMax = 2000
	sessionPlaceMax    = 200
	sessionMaxMinutes  = 8 * 60
	// SessionAhead is how far ahead a session may be scheduled.
	SessionAhead = 183 * 24 * time.Hour
)

// ValidateObstacles checks a list of obstacles: each of a known kind with
// some text, at most SessionItemsMax.
func ValidateObstacles(p *Problems, field string, items []Obstacle) {
	if len(items) > SessionItemsMax {
		p.Add(field, "validation.max_items", map[string]any{"max": SessionItemsMax})
		return
	}
	for i, it := range items {
		f := field + "[" + strconv.Itoa(i) + "]"
		if it.Kind != ObstacleBusiness && it.Kind != ObstaclePersonal {
			p.Add(f+".kind", "validation.one_of", map[string]any{"values": "business, personal"})
		}
		ValidateText(p, f+".text", it.Text, 1, SessionItemMax)
	}
}

// ActionInput is an action agreed in a session: what, who, by when.
type ActionInput struct {
	Text  string      `json:"text"`
	Owner ActionOwner `json:"owner"`
	DueOn *time.Time  `json:"due_on"`
}

// SessionLog is what the mentor records after a session. PrivateNotes are
// the mentor's alone: no one else ever reads them.
type SessionLog struct {
	HeldOn          time.Time
	DurationMinutes int
	Obstacles       []Obstacle
	Actions         []ActionInput
	SharedNotes     string
	PrivateNotes    string
}

// Normalize trims the texts and keeps the day of HeldOn and of each due
// date.
func (l *SessionLog) Normalize() {
	l.HeldOn = Day(l.HeldOn)
	for i := range l.Obstacles {
		l.Obstacles[i].Text = strings.TrimSpace(l.Obstacles[i].Text)
	}
	for i := range l.Actions {
		a := &l.Actions[i]
		a.Text = strings.TrimSpace(a.Text)
		if a.Owner == "" {
			a.Owner = OwnerEntrepreneur
		}
		if a.DueOn != nil {
			d := Day(*a.DueOn)
			a.DueOn = &d
		}
	}
	l.SharedNotes, l.PrivateNotes = strings.TrimSpace(l.SharedNotes), strings.TrimSpace(l.PrivateNotes)
}

// Validate checks a normalized log at today: held on a day between the
// mentorship's start (less a week, for an early first meeting) and today,
// a sensible length, the lists and notes within their limits.
func (l *SessionLog) Validate(mentorshipStart, today time.Time) error {
	var p Problems
	switch {
	case l.HeldOn.IsZero():
		p.Add("held_on", "validation.required", nil)
	case l.HeldOn.After(Day(today)):
		p.Add("held_on", "validation.session_future", nil)
	case l.HeldOn.Before(mentorshipStart.AddDate(0, 0, -7)):
		p.Add("held_on", "validation.session_before_start", nil)
	}
	if l.DurationMinutes < 10 || l.DurationMinutes > sessionMaxMinutes {
		p.Add("duration_minutes", "validation.range", map[string]any{"min": 10, "max": sessionMaxMinutes})
	}
	ValidateObstacles(&p, "obstacles", l.Obstacles)
	if len(l.Actions) > SessionItemsMax {
		p.Add("actions", "validation.max_items", map[string]any{"max": SessionItemsMax})
	}
	for i, a := range l.Actions {
		f := "actions[" + strconv.Itoa(i) + "]"
		ValidateText(&p, f+".text", a.Text, 1, SessionItemMax)
		if a.Owner != OwnerEntrepreneur && a.Owner != OwnerMentor {
			p.Add(f+".owner", "validation.one_of", map[string]any{"values": "entrepreneur, mentor"})
		}
		if a.DueOn != nil && (a.DueOn.Before(l.HeldOn) || a.DueOn.After(l.HeldOn.AddDate(1, 0, 0))) {
			p.Add(f+".due_on", "validation.due_on", nil)
		}
	}
	ValidateLongText(&p, "shared_notes", l.SharedNotes, SessionNotesMax)
	ValidateLongText(&p, "private_notes", l.PrivateNotes, SessionNotesMax)
	return p.Err()
}

// Action is an action agreed in a session, open until one side ticks it
// done; open actions carry over to the next sessions.
type Action struct {
	ID        ID
	Session   int // the number of the session it was agreed in
	Text      string
	Owner     ActionOwner
	DueOn     *time.Time
	DoneAt    *time.Time
	CreatedAt time.Time
}

// Feedback is the entrepreneur's rating of a held session.
type Feedback struct {
	Rating  int
	Comment string
}

// Validate checks a rating from 1 to 5 and an optional comment.
func (f *Feedback) Validate() error {
	var p Problems
	if f.Rating < 1 || f.Rating > 5 {
		p.Add("rating", "validation.range", map[string]any{"min": 1, "max": 5})
	}
	f.Comment = strings.TrimSpace(f.Comment)
	ValidateLongText(&p, "comment", f.Comment, FeedbackCommentMax)
	return p.Err()
}

// MinRatingsShown is how many ratings a mentor needs before they see
// them, as an average: fewer would tell who gave which.
const MinRatingsShown = 3

// ValidateSessionReason checks the reason a session was missed or
// cancelled: required, within its limit.
func ValidateSessionReason(p *Problems, reason string) {
	if strings.TrimSpace(reason) == "" {
		p.Add("reason", "validation.required", nil)
		return
	}
	ValidateLongText(p, "reason", reason, SessionReasonMax)
}

// ValidateSessionPlace checks a proposed place: optional, one line.
func ValidateSessionPlace(p *Problems, place string) {
	if strings.TrimSpace(place) != "" {
		ValidateText(p, "place", place, 1, sessionPlaceMax)
	}
}
