package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// MenteeCard is one of a mentor's active mentorships at a glance: the
// next session, the sessions whose log is overdue, the open actions.
type MenteeCard struct {
	Mentorship   *domain.Mentorship
	Next         *domain.MentorshipSession // the first session neither held, missed nor cancelled
	NextState    SessionState
	OverdueLogs  int
	OpenActions  int
	SessionsHeld int
}

// Dashboard gives the caller's active mentorships as their mentor, each
// at a glance. It reads in three statements however many mentees there
// are: the mentorships, their sessions, their open actions.
func (s *Journey) Dashboard(ctx context.Context, c Caller) ([]MenteeCard, error) {
	var out []MenteeCard
	today := s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		me := c.UserID
		list, err := tx.Mentorships(ctx, c.Alliance.ID, store.MentorshipFilter{MentorID: &me,
			Status: []domain.MentorshipStatus{domain.MentorshipActive}})
		if err != nil || len(list) == 0 {
			return err
		}
		ids := make([]domain.ID, len(list))
		for i, m := range list {
			ids[i] = m.ID
		}
		sessions, err := tx.SessionsOf(ctx, c.Alliance.ID, ids)
		if err != nil {
			return err
		}
		open, err := tx.OpenActionCounts(ctx, c.Alliance.ID, ids)
		if err != nil {
			return err
		}
		for _, m := range list {
			m.Sessions = sessions[m.ID]
			hideRatings(m)
			out = append(out, cardOf(m, open[m.ID], today))
		}
		return nil
	})
	return out, err
}

// cardOf sums up one mentorship for its mentor at today.
func cardOf(m *domain.Mentorship, openActions int, today time.Time) MenteeCard {
	card := MenteeCard{Mentorship: m, OpenActions: openActions}
	for i, sess := range m.Sessions {
		state := StateOf(sess, today)
		switch state {
		case StateHeld:
			card.SessionsHeld++
		case StateOverdue:
			card.OverdueLogs++
		}
		if card.Next == nil && (state == StateScheduled || state == StateDue || state == StateUpcoming || state == StateOverdue) {
			card.Next, card.NextState = &m.Sessions[i], state
		}
	}
	return card
}

// Progress is one mentorship of a cohort as its coordinators follow it:
// sessions held of planned, and whether it falls behind (fewer held than
// were due by today).
type Progress struct {
	Mentorship *domain.Mentorship
	Held       int
	Planned    int
	Due        int // sessions whose day has come
	Behind     bool
}

// CohortProgress gives every mentorship of a cohort with its progress, the
// ones falling behind first.
func (s *Journey) CohortProgress(ctx context.Context, c Caller, cohort domain.ID) ([]Progress, error) {
	var out []Progress
	today := domain.Day(s.now())
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if _, err := tx.Cohort(ctx, c.Alliance.ID, cohort, false); err != nil {
			return err
		}
		list, err := tx.Mentorships(ctx, c.Alliance.ID, store.MentorshipFilter{CohortID: &cohort})
		if err != nil {
			return err
		}
		ids := make([]domain.ID, len(list))
		for i, m := range list {
			ids[i] = m.ID
		}
		sessions, err := tx.SessionsOf(ctx, c.Alliance.ID, ids)
		if err != nil {
			return err
		}
		for _, m := range list {
			m.Sessions = sessions[m.ID]
			out = append(out, progressOf(m, today))
		}
		return nil
	})
	behindFirst(out)
	return out, err
}

func progressOf(m *domain.Mentorship, today time.Time) Progress {
	p := Progress{Mentorship: m}
	for _, sess := range m.Sessions {
		if sess.Status == domain.SessionCancelled {
			continue
		}
		p.Planned++
		if sess.Status == domain.SessionHeld {
			p.Held++
		}
		if !sess.PlannedOn.After(today) {
			p.Due++
		}
	}
	// One session of slack: a session of this month may still be ahead.
	p.Behind = m.Status == domain.MentorshipActive && p.Held < p.Due-1
	return p
}

// behindFirst orders the mentorships falling behind first, keeping the
// order otherwise.
func behindFirst(list []Progress) {
	var behind, rest []Progress
	for _, p := range list {
		if p.Behind {
			behind = append(behind, p)
		} else {
			rest = append(rest, p)
		}
	}
	copy(list, append(behind, rest...))
}
