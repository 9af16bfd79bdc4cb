package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// SessionState is where a session stands on the journey's timeline.
type SessionState string

// The states of the timeline.
const (
	StateHeld      SessionState = "held"
	StateScheduled SessionState = "scheduled"
	StateDue       SessionState = "due"      // its month has come, no date agreed yet
	StateUpcoming  SessionState = "upcoming" // not due yet
	StateOverdue   SessionState = "overdue"  // its date passed with no log
	StateMissed    SessionState = "missed"
	StateCancelled SessionState = "cancelled"
)

// StateOf places a session on the timeline at today.
func StateOf(s domain.MentorshipSession, today time.Time) SessionState {
	today = domain.Day(today)
	switch s.Status {
	case domain.SessionHeld:
		return StateHeld
	case domain.SessionMissed:
		return StateMissed
	case domain.SessionCancelled:
		return StateCancelled
	case domain.SessionScheduled:
		if s.ScheduledAt != nil && domain.Day(*s.ScheduledAt).Before(today) {
			return StateOverdue
		}
		return StateScheduled
	}
	switch {
	case s.PlannedOn.AddDate(0, 1, 0).Before(today):
		return StateOverdue
	case !s.PlannedOn.After(today):
		return StateDue
	}
	return StateUpcoming
}

// JourneyView is a mentorship as one of its people, or staff, sees it:
// its sessions on a timeline, its actions, the entrepreneur's goals from
// the application and, for the mentor, their ratings once there are
// enough to stay anonymous.
type JourneyView struct {
	Mentorship *domain.Mentorship
	Side       Side
	States     []SessionState // one per session, in order
	Actions    []domain.Action
	Goals      string
	Obstacles  string
	// RatingCount and RatingMean are the mentor's, over all their
	// mentorships, shown to them only from domain.MinRatingsShown.
	RatingCount int
	RatingMean  float64
}

// View gives a mentorship's journey to its mentor, its entrepreneur, or
// staff; the mentor does not see each rating, only their mean once there
// are enough.
func (s *Journey) View(ctx context.Context, c Caller, id domain.ID, staff bool) (*JourneyView, error) {
	out := &JourneyView{}
	today := s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		m, err := tx.Mentorship(ctx, c.Alliance.ID, id)
		if err != nil {
			return err
		}
		if out.Side, err = sideOf(c, m, staff); err != nil {
			return err
		}
		app, err := tx.Application(ctx, c.Alliance.ID, m.ApplicationID, false)
		if err != nil {
			return err
		}
		out.Mentorship, out.Goals, out.Obstacles = m, app.Goals, app.Obstacles
		for _, sess := range m.Sessions {
			out.States = append(out.States, StateOf(sess, today))
		}
		if out.Actions, err = tx.Actions(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if out.Side == SideMentor {
			hideRatings(m)
			n, mean, err := tx.MentorRatings(ctx, c.Alliance.ID, c.UserID)
			if err != nil {
				return err
			}
			if n >= domain.MinRatingsShown {
				out.RatingCount, out.RatingMean = n, mean
			}
		}
		return nil
	})
	return out, err
}

// hideRatings takes each rating out of the sessions: a mentor reads only
// their mean.
func hideRatings(m *domain.Mentorship) {
	for i := range m.Sessions {
		m.Sessions[i].Rating, m.Sessions[i].RatingComment = nil, ""
	}
}

// SessionView is one session as one side sees it: the session, the open
// actions of earlier sessions and the actions agreed in it, and, for the
// mentor only, their private notes.
type SessionView struct {
	Mentorship   *domain.Mentorship
	Session      domain.MentorshipSession
	State        SessionState
	Side         Side
	CarriedOver  []domain.Action // open, from earlier sessions
	Agreed       []domain.Action // agreed in this session
	PrivateNotes string          // the mentor's, for the mentor alone
}

// Session gives one session of a mentorship to its mentor, its
// entrepreneur, or staff.
func (s *Journey) Session(ctx context.Context, c Caller, id domain.ID, number int, staff bool) (*SessionView, error) {
	out := &SessionView{}
	today := s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		m, sess, side, err := sessionOf(ctx, tx, c, id, number, staff)
		if err != nil {
			return err
		}
		out.Mentorship, out.Side, out.Session, out.State = m, side, *sess, StateOf(*sess, today)
		if side == SideMentor {
			hideRatings(m)
			out.Session.Rating, out.Session.RatingComment = nil, ""
			if out.PrivateNotes, err = tx.PrivateNote(ctx, c.Alliance.ID, id, number, c.UserID); err != nil {
				return err
			}
		}
		actions, err := tx.Actions(ctx, c.Alliance.ID, id)
		for _, a := range actions {
			switch {
			case a.Session == number:
				out.Agreed = append(out.Agreed, a)
			case a.Session < number && a.DoneAt == nil:
				out.CarriedOver = append(out.CarriedOver, a)
			}
		}
		return err
	})
	return out, err
}
