package service

import (
	"context"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// Journey is the use cases of a mentorship's sessions: the two people
// agree on dates, the entrepreneur writes the agenda, the mentor logs what
// happened (with notes only they read), the entrepreneur rates it, and
// the actions agreed carry over until done.
type Journey struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
	// Now gives the time; tests set it to move the clock.
	Now func() time.Time
}

func (s *Journey) now() time.Time { return nowOf(s.Now) }

// Side is who the caller is in a mentorship.
type Side string

// The sides of a mentorship.
const (
	SideMentor       Side = "mentor"
	SideEntrepreneur Side = "entrepreneur"
	SideStaff        Side = "staff" // an admin or coordinator, who sees every mentorship
)

// sideOf tells who the caller is in m; staff says whether they run the
// alliance's mentorships. Anyone else is not to know the mentorship.
func sideOf(c Caller, m *domain.Mentorship, staff bool) (Side, error) {
	switch {
	case c.UserID != (domain.ID{}) && m.MentorID == c.UserID:
		return SideMentor, nil
	case c.UserID != (domain.ID{}) && m.EntrepreneurID == c.UserID:
		return SideEntrepreneur, nil
	case staff:
		return SideStaff, nil
	}
	return "", domain.NotFound()
}

// sessionOf loads a mentorship the caller may see and one of its
// sessions, locked; a number beyond the journey is not found, with a
// message saying how many sessions it has.
func sessionOf(ctx context.Context, tx *store.Tx, c Caller, id domain.ID, number int, staff bool) (*domain.Mentorship, *domain.MentorshipSession, Side, error) {
	m, err := tx.Mentorship(ctx, c.Alliance.ID, id)
	if err != nil {
		return nil, nil, "", err
	}
	side, err := sideOf(c, m, staff)
	if err != nil {
		return nil, nil, "", err
	}
	if number < 1 || number > len(m.Sessions) {
		return nil, nil, "", domain.E(domain.CodeNotFound, "error.session.number", map[string]any{"number": number, "max": len(m.Sessions)})
	}
	sess, err := tx.Session(ctx, c.Alliance.ID, id, number, true)
	return m, sess, side, err
}

// partyOf loads a mentorship of which the caller is the mentor or the
// entrepreneur; for anyone else it is not found.
func partyOf(ctx context.Context, tx *store.Tx, c Caller, id domain.ID) (*domain.Mentorship, Side, error) {
	m, err := tx.Mentorship(ctx, c.Alliance.ID, id)
	if err != nil {
		return nil, "", err
	}
	side, err := sideOf(c, m, false)
	if err != nil {
		return nil, "", err
	}
	return m, side, onlySides(side, "error.session.parties_only", SideMentor, SideEntrepreneur)
}

// onlySides refuses the caller unless they are one of sides, with key as
// the reason.
func onlySides(side Side, key string, sides ...Side) error {
	for _, s := range sides {
		if side == s {
			return nil
		}
	}
	return domain.E(domain.CodeForbidden, key, nil)
}

// open refuses a change to a mentorship that is over, or to a session
// that is held, missed or cancelled when held says it must not be.
func open(m *domain.Mentorship, sess *domain.MentorshipSession, heldToo bool) error {
	if m.Status != domain.MentorshipActive {
		return domain.E(domain.CodeConflict, "error.mentorship.over", map[string]any{"status": string(m.Status)})
	}
	switch sess.Status {
	case domain.SessionCancelled, domain.SessionMissed:
		return domain.E(domain.CodeConflict, "error.session.closed", map[string]any{"status": string(sess.Status)})
	case domain.SessionHeld:
		if !heldToo {
			return domain.E(domain.CodeConflict, "error.session.closed", map[string]any{"status": string(sess.Status)})
		}
	}
	return nil
}

// change runs fn on a session the caller may see, then saves it and
// audits action.
func (s *Journey) change(ctx context.Context, c Caller, id domain.ID, number int, staff bool, action string,
	fn func(tx *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, now time.Time) error) (*domain.MentorshipSession, error) {
	var out *domain.MentorshipSession
	now := s.now()
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		m, sess, side, err := sessionOf(ctx, tx, c, id, number, staff)
		if err != nil {
			return err
		}
		if err := fn(tx, m, sess, side, now); err != nil {
			return err
		}
		if err := tx.UpdateSession(ctx, c.Alliance.ID, id, sess, now); err != nil {
			return err
		}
		out = sess
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(action, id.String(), map[string]any{"session": number}))
	})
	return out, err
}

// Propose puts forward a date and place for a session; the other side
// confirms it. A session already agreed may be moved the same way.
func (s *Journey) Propose(ctx context.Context, c Caller, id domain.ID, number int, at time.Time, place string) (*domain.MentorshipSession, error) {
	var p domain.Problems
	now := s.now()
	switch {
	case at.IsZero():
		p.Add("scheduled_at", "validation.required", nil)
	case !at.After(now):
		p.Add("scheduled_at", "validation.session_past", nil)
	case at.After(now.Add(domain.SessionAhead)):
		p.Add("scheduled_at", "validation.session_far", map[string]any{"months": 6})
	}
	domain.ValidateSessionPlace(&p, place)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s.change(ctx, c, id, number, false, domain.AuditSessionProposed,
		func(_ *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, _ time.Time) error {
			if err := onlySides(side, "error.session.parties_only", SideMentor, SideEntrepreneur); err != nil {
				return err
			}
			if err := open(m, sess, false); err != nil {
				return err
			}
			at := at.UTC()
			by := c.UserID
			sess.ProposedAt, sess.ProposedBy, sess.Place = &at, &by, place
			return nil
		})
}

// Confirm agrees to the date the other side proposed: the session is
// scheduled.
func (s *Journey) Confirm(ctx context.Context, c Caller, id domain.ID, number int) (*domain.MentorshipSession, error) {
	return s.change(ctx, c, id, number, false, domain.AuditSessionScheduled,
		func(_ *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, _ time.Time) error {
			if err := onlySides(side, "error.session.parties_only", SideMentor, SideEntrepreneur); err != nil {
				return err
			}
			if err := open(m, sess, false); err != nil {
				return err
			}
			switch {
			case sess.ProposedAt == nil:
				return domain.E(domain.CodeConflict, "error.session.nothing_proposed", nil)
			case *sess.ProposedBy == c.UserID:
				return domain.E(domain.CodeConflict, "error.session.confirm_own", nil)
			}
			sess.ScheduledAt, sess.Status = sess.ProposedAt, domain.SessionScheduled
			sess.ProposedAt, sess.ProposedBy = nil, nil
			return nil
		})
}

// SetAgenda records the entrepreneur's agenda: the obstacles they want to
// work on, business or personal. Only the entrepreneur writes it, until
// the session is held.
func (s *Journey) SetAgenda(ctx context.Context, c Caller, id domain.ID, number int, items []domain.Obstacle) (*domain.MentorshipSession, error) {
	for i := range items {
		items[i].Text = strings.TrimSpace(items[i].Text)
	}
	var p domain.Problems
	if len(items) == 0 {
		p.Add("items", "validation.required", nil)
	}
	domain.ValidateObstacles(&p, "items", items)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s.change(ctx, c, id, number, false, domain.AuditSessionAgenda,
		func(_ *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, _ time.Time) error {
			if err := onlySides(side, "error.session.agenda_entrepreneur", SideEntrepreneur); err != nil {
				return err
			}
			if err := open(m, sess, false); err != nil {
				return err
			}
			sess.Agenda = items
			return nil
		})
}

// Log records what happened in a session: the mentor alone writes it,
// with shared notes both read, private notes only the mentor reads, and
// the actions agreed. Logging again corrects the log.
func (s *Journey) Log(ctx context.Context, c Caller, id domain.ID, number int, log domain.SessionLog) (*domain.MentorshipSession, error) {
	log.Normalize()
	return s.change(ctx, c, id, number, false, domain.AuditSessionLogged,
		func(tx *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, now time.Time) error {
			if err := onlySides(side, "error.session.log_mentor", SideMentor); err != nil {
				return err
			}
			if err := open(m, sess, true); err != nil {
				return err
			}
			if err := log.Validate(m.StartsOn, now); err != nil {
				return err
			}
			held := log.HeldOn
			sess.Status, sess.HeldOn, sess.DurationMinutes = domain.SessionHeld, &held, log.DurationMinutes
			sess.Obstacles, sess.SharedNotes, sess.LoggedAt = log.Obstacles, log.SharedNotes, &now
			sess.ProposedAt, sess.ProposedBy = nil, nil
			if err := tx.ReplaceActions(ctx, c.Alliance.ID, id, number, log.Actions, now); err != nil {
				return err
			}
			return tx.SavePrivateNote(ctx, c.Alliance.ID, id, number, c.UserID, log.PrivateNotes, now)
		})
}

// Mark records that a session was missed or cancelled, with a reason: the
// mentor or those who run the alliance's mentorships may.
func (s *Journey) Mark(ctx context.Context, c Caller, id domain.ID, number int, status domain.SessionStatus, reason string, staff bool) (*domain.MentorshipSession, error) {
	var p domain.Problems
	if status != domain.SessionMissed && status != domain.SessionCancelled {
		p.Add("status", "validation.one_of", map[string]any{"values": "missed, cancelled"})
	}
	domain.ValidateSessionReason(&p, reason)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return s.change(ctx, c, id, number, staff, domain.AuditSessionMarked,
		func(_ *store.Tx, m *domain.Mentorship, sess *domain.MentorshipSession, side Side, _ time.Time) error {
			if err := onlySides(side, "error.session.mark_mentor", SideMentor, SideStaff); err != nil {
				return err
			}
			if err := open(m, sess, false); err != nil {
				return err
			}
			sess.Status, sess.Reason = status, strings.TrimSpace(reason)
			sess.ProposedAt, sess.ProposedBy = nil, nil
			return nil
		})
}

// Rate records the entrepreneur's rating of a held session, from 1 to 5,
// with an optional comment. Rating again changes it.
func (s *Journey) Rate(ctx context.Context, c Caller, id domain.ID, number int, f domain.Feedback) (*domain.MentorshipSession, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return s.change(ctx, c, id, number, false, domain.AuditSessionRated,
		func(_ *store.Tx, _ *domain.Mentorship, sess *domain.MentorshipSession, side Side, _ time.Time) error {
			if err := onlySides(side, "error.session.rate_entrepreneur", SideEntrepreneur); err != nil {
				return err
			}
			if sess.Status != domain.SessionHeld {
				return domain.E(domain.CodeConflict, "error.session.not_held", nil)
			}
			rating := f.Rating
			sess.Rating, sess.RatingComment = &rating, f.Comment
			return nil
		})
}

// TickAction marks an action done, or open again: either side may.
func (s *Journey) TickAction(ctx context.Context, c Caller, id, action domain.ID, done bool) error {
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if _, _, err := partyOf(ctx, tx, c, id); err != nil {
			return err
		}
		if err := tx.SetActionDone(ctx, c.Alliance.ID, id, action, done, c.UserID, s.now()); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditActionTicked, id.String(),
			map[string]any{"action": action.String(), "done": done}))
	})
}
