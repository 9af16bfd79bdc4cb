package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// AttendanceReport is the alliance's peer coaching over a year: the
// sessions held, each active mentor's attendance, and the mentors who
// came to neither of the last two sessions held.
type AttendanceReport struct {
	Year          int
	SessionsHeld  int
	Mentors       []domain.PeerAttendance
	MissedLastTwo []domain.PeerAttendance
}

// yearBounds gives the first instant of year and of the next.
func yearBounds(year int) (time.Time, time.Time) {
	from := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(1, 0, 0)
}

// Attendance reports the year's attendance of every active mentor.
func (s *PeerSessions) Attendance(ctx context.Context, c Caller, year int) (*AttendanceReport, error) {
	if err := validYear(year); err != nil {
		return nil, err
	}
	out := &AttendanceReport{Year: year}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		from, to := yearBounds(year)
		held, err := tx.PeerSessions(ctx, c.Alliance.ID, store.PeerSessionFilter{From: from, To: to,
			Status: []domain.PeerSessionStatus{domain.PeerHeld}})
		if err != nil {
			return err
		}
		lastTwo, err := tx.PeerSessions(ctx, c.Alliance.ID, store.PeerSessionFilter{
			Status: []domain.PeerSessionStatus{domain.PeerHeld}, Newest: true, Limit: 2})
		if err != nil {
			return err
		}
		mentors, err := activeMembers(ctx, tx, c.Alliance.ID, domain.RoleMentor)
		if err != nil {
			return err
		}
		out.SessionsHeld = len(held)
		for _, m := range mentors {
			row := attendanceOf(m, held)
			row.MissedLastTwo = missedBoth(m, lastTwo)
			out.Mentors = append(out.Mentors, row)
			if row.MissedLastTwo {
				out.MissedLastTwo = append(out.MissedLastTwo, row)
			}
		}
		slices.SortStableFunc(out.Mentors, func(a, b domain.PeerAttendance) int { return strings.Compare(a.Name, b.Name) })
		return nil
	})
	return out, err
}

// attendanceOf counts a mentor's invitations to and presence at the held
// sessions.
func attendanceOf(m *domain.Member, held []*domain.PeerSession) domain.PeerAttendance {
	row := domain.PeerAttendance{UserID: m.UserID, Name: m.Name}
	for _, ps := range held {
		a := ps.Attendee(m.UserID)
		if a == nil {
			continue
		}
		row.Invited++
		if a.Attended != nil && *a.Attended {
			row.Attended++
		}
	}
	return row
}

// missedBoth tells whether a mentor who was a member at the time of both
// of the last two held sessions came to neither.
func missedBoth(m *domain.Member, lastTwo []*domain.PeerSession) bool {
	if len(lastTwo) < 2 {
		return false
	}
	for _, ps := range lastTwo {
		if m.JoinedAt.After(ps.StartsAt) {
			return false
		}
		if a := ps.Attendee(m.UserID); a != nil && a.Attended != nil && *a.Attended {
			return false
		}
	}
	return true
}

// MentorYear is one mentor's peer sessions of a year: the ones they were
// invited to or came to, and the counts.
type MentorYear struct {
	Year     int
	Sessions []*domain.PeerSession
	Summary  domain.PeerAttendance
}

// MentorAttendance gives a mentor's peer sessions of the year (the web
// layer shows it to the mentor and to those who plan sessions).
func (s *PeerSessions) MentorAttendance(ctx context.Context, c Caller, user domain.ID, year int) (*MentorYear, error) {
	if err := validYear(year); err != nil {
		return nil, err
	}
	out := &MentorYear{Year: year}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, c.Alliance.ID, user)
		if err != nil {
			return err
		}
		from, to := yearBounds(year)
		all, err := tx.PeerSessions(ctx, c.Alliance.ID, store.PeerSessionFilter{From: from, To: to})
		if err != nil {
			return err
		}
		var held []*domain.PeerSession
		for _, ps := range all {
			if ps.Attendee(user) == nil {
				continue
			}
			out.Sessions = append(out.Sessions, ps)
			if ps.Status == domain.PeerHeld {
				held = append(held, ps)
			}
		}
		out.Summary = attendanceOf(m, held)
		return nil
	})
	return out, err
}

func validYear(year int) error {
	if year < 2000 || year > 2200 {
		var p domain.Problems
		p.Add("year", "validation.range", map[string]any{"min": 2000, "max": 2200})
		return p.Err()
	}
	return nil
}
