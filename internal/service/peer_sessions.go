package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// PeerSessions is the use cases of peer coaching: coordinators plan
// quarterly intervision sessions and record who came; invited mentors
// confirm or decline; everyone invited is reminded three days before.
type PeerSessions struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
	// Now gives the time; tests set it to move the clock.
	Now func() time.Time
}

func (s *PeerSessions) now() time.Time { return nowOf(s.Now) }

// Plan records a session in the future with its invitees, who must all be
// active mentors, and the case or role model it discusses, then mails
// each invitee through the outbox.
func (s *PeerSessions) Plan(ctx context.Context, c Caller, in domain.PeerSessionInput) (*domain.PeerSession, error) {
	in.Normalize()
	now := s.now()
	if err := in.Validate(now); err != nil {
		return nil, err
	}
	ps := &domain.PeerSession{AllianceID: c.Alliance.ID, ID: domain.NewID(), StartsAt: in.StartsAt.UTC(),
		DurationMinutes: in.DurationMinutes, Place: in.Place, Link: in.Link, Topic: in.Topic, Notes: in.Notes,
		CaseResourceID: in.CaseResourceID, Status: domain.PeerPlanned, CreatedBy: c.UserID, CreatedAt: now, UpdatedAt: now}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var p domain.Problems
		if err := checkCase(ctx, tx, c.Alliance.ID, in.CaseResourceID, &p); err != nil {
			return err
		}
		invitees, err := mentorsAmong(ctx, tx, c.Alliance.ID, in.AttendeeIDs, true, "attendee_ids", &p)
		if err != nil {
			return err
		}
		if err := p.Err(); err != nil {
			return err
		}
		for _, m := range invitees {
			ps.Attendees = append(ps.Attendees, domain.PeerAttendee{UserID: m.UserID, Name: m.Name, Email: m.Email, Response: domain.PeerInvited})
		}
		if err := tx.InsertPeerSession(ctx, c.Alliance.ID, ps); err != nil {
			return err
		}
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditPeerSessionPlanned, ps.ID.String(),
			map[string]any{"topic": ps.Topic, "starts_at": ps.StartsAt, "invited": len(invitees)})); err != nil {
			return err
		}
		for _, m := range invitees {
			if _, err := s.mail(ctx, tx, c.Alliance, ps, m, "invite", "mail.peer.invited."); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ps, nil
}

// checkCase adds a field error when the case is not a case or a role model
// of the alliance's library.
func checkCase(ctx context.Context, tx *store.Tx, alliance domain.ID, id *domain.ID, p *domain.Problems) error {
	if id == nil {
		return nil
	}
	r, err := tx.Resource(ctx, alliance, *id)
	switch {
	case domain.ErrorCode(err) == domain.CodeNotFound:
		p.Add("case_resource_id", "validation.peer_case", nil)
	case err != nil:
		return err
	case r.Kind != domain.KindCase && r.Kind != domain.KindRoleModel:
		p.Add("case_resource_id", "validation.peer_case", nil)
	}
	return nil
}

// mentorsAmong finds the members of ids, adding a field error for any who
// is not a mentor of the alliance (an active one when active is set).
func mentorsAmong(ctx context.Context, tx *store.Tx, alliance domain.ID, ids []domain.ID, active bool, field string, p *domain.Problems) ([]*domain.Member, error) {
	mentors, err := tx.Members(ctx, alliance, store.MemberFilter{Roles: []domain.Role{domain.RoleMentor}, Limit: 100_000})
	if err != nil {
		return nil, err
	}
	byID := make(map[domain.ID]*domain.Member, len(mentors))
	for _, m := range mentors {
		byID[m.UserID] = m
	}
	var out []*domain.Member
	for _, id := range ids {
		m := byID[id]
		if m == nil || (active && m.Status != domain.StatusActive) {
			p.Add(field, "validation.not_mentor", map[string]any{"id": id.String()})
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

// mail sends a session's mail of kind to a member at most once.
func (s *PeerSessions) mail(ctx context.Context, tx *store.Tx, a *domain.Alliance, ps *domain.PeerSession, to *domain.Member, kind, messages string) (bool, error) {
	where := ps.Place
	if ps.Link != "" {
		if where != "" {
			where += " — "
		}
		where += ps.Link
	}
	return sendOnce(ctx, tx, s.Catalog, a, onceMail{Kind: "peer-" + kind, Key: ps.ID.String() + ":" + to.UserID.String(), To: to,
		Messages: messages, Args: map[string]any{"topic": ps.Topic, "when": ps.StartsAt.Format("2006-01-02 15:04") + " UTC",
			"where": where, "link": s.BaseURL + "/a/" + a.Slug + "/peer-sessions/" + ps.ID.String()}})
}

// List gives the sessions from today on, soonest first, when upcoming is
// set, and the ones before, newest first, otherwise; up to limit.
func (s *PeerSessions) List(ctx context.Context, c Caller, upcoming bool, limit int) ([]*domain.PeerSession, error) {
	if limit <= 0 || limit > 200 {
		limit = 100
	}
	f := store.PeerSessionFilter{Limit: limit}
	today := s.now().Truncate(24 * time.Hour)
	if upcoming {
		f.From = today
	} else {
		f.To, f.Newest = today, true
	}
	var out []*domain.PeerSession
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.PeerSessions(ctx, c.Alliance.ID, f)
		return err
	})
	return out, err
}

// Get gives one session with its invitees.
func (s *PeerSessions) Get(ctx context.Context, c Caller, id domain.ID) (*domain.PeerSession, error) {
	var ps *domain.PeerSession
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		ps, err = tx.PeerSession(ctx, c.Alliance.ID, id)
		return err
	})
	return ps, err
}

// Respond records the caller's answer to their invitation: confirmed or
// declined, until the session starts.
func (s *PeerSessions) Respond(ctx context.Context, c Caller, id domain.ID, r domain.PeerResponse) (*domain.PeerSession, error) {
	if r != domain.PeerConfirmed && r != domain.PeerDeclined {
		var p domain.Problems
		p.Add("response", "validation.one_of", map[string]any{"values": "confirmed, declined"})
		return nil, p.Err()
	}
	var ps *domain.PeerSession
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if ps, err = tx.PeerSession(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		a := ps.Attendee(c.UserID)
		switch {
		case a == nil:
			return domain.E(domain.CodeForbidden, "error.peer.not_invited", nil)
		case ps.Status != domain.PeerPlanned || !ps.StartsAt.After(s.now()):
			return domain.E(domain.CodeConflict, "error.peer.closed", nil)
		}
		now := s.now()
		if err := tx.SetPeerResponse(ctx, c.Alliance.ID, id, c.UserID, r, now); err != nil {
			return err
		}
		a.Response, a.RespondedAt = r, &now
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditPeerSessionAnswered, id.String(), map[string]any{"response": r}))
	})
	return ps, err
}

// RecordAttendance marks who came, once the session has started: each of
// present must be a mentor of the alliance (a mentor who came without an
// invitation is added); every other invitee did not come. Recording again
// corrects the record.
func (s *PeerSessions) RecordAttendance(ctx context.Context, c Caller, id domain.ID, present []domain.ID) (*domain.PeerSession, error) {
	var ps *domain.PeerSession
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if ps, err = tx.PeerSession(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		switch {
		case ps.Status == domain.PeerCancelled:
			return domain.E(domain.CodeConflict, "error.peer.cancelled", nil)
		case ps.StartsAt.After(s.now()):
			return domain.E(domain.CodeConflict, "error.peer.not_yet", nil)
		}
		var p domain.Problems
		if len(present) > domain.PeerMaxAttendees {
			p.Add("attended_ids", "validation.max_items", map[string]any{"max": domain.PeerMaxAttendees})
			return p.Err()
		}
		came, err := mentorsAmong(ctx, tx, c.Alliance.ID, domain.UniqueIDs(present), false, "attended_ids", &p)
		if err != nil {
			return err
		}
		if err := p.Err(); err != nil {
			return err
		}
		ids := make([]domain.ID, len(came))
		for i, m := range came {
			ids[i] = m.UserID
		}
		if err := tx.RecordPeerAttendance(ctx, c.Alliance.ID, id, ids, s.now()); err != nil {
			return err
		}
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditPeerAttendance, id.String(),
			map[string]any{"attended": len(ids)})); err != nil {
			return err
		}
		ps, err = tx.PeerSession(ctx, c.Alliance.ID, id)
		return err
	})
	return ps, err
}

// Cancel calls off a planned session and tells the invitees who had not
// declined.
func (s *PeerSessions) Cancel(ctx context.Context, c Caller, id domain.ID) (*domain.PeerSession, error) {
	var ps *domain.PeerSession
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if ps, err = tx.PeerSession(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if ps.Status != domain.PeerPlanned {
			return domain.E(domain.CodeConflict, "error.peer.not_planned", nil)
		}
		if err := tx.SetPeerSessionStatus(ctx, c.Alliance.ID, id, domain.PeerCancelled, s.now()); err != nil {
			return err
		}
		ps.Status = domain.PeerCancelled
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditPeerSessionCancel, id.String(), nil)); err != nil {
			return err
		}
		for _, a := range ps.Attendees {
			if a.Response == domain.PeerDeclined {
				continue
			}
			to := &domain.Member{UserID: a.UserID, Name: a.Name, Email: a.Email}
			if _, err := s.mail(ctx, tx, c.Alliance, ps, to, "cancel", "mail.peer.cancelled."); err != nil {
				return err
			}
		}
		return nil
	})
	return ps, err
}

// RemindAll mails, about three days before a planned session, every
// invitee who has not declined, once each. It runs every hour over every
// alliance; running it again sends nothing twice.
func (s *PeerSessions) RemindAll(ctx context.Context) (int, error) {
	now := s.now()
	sent := 0
	err := eachAlliance(ctx, s.DB, "peer session reminders", func(tx *store.Tx, a *domain.Alliance) error {
		sessions, err := tx.PeerSessions(ctx, a.ID, store.PeerSessionFilter{From: now, To: now.Add(domain.PeerReminderBefore),
			Status: []domain.PeerSessionStatus{domain.PeerPlanned}})
		if err != nil {
			return err
		}
		for _, ps := range sessions {
			for _, at := range ps.Attendees {
				if at.Response == domain.PeerDeclined {
					continue
				}
				to := &domain.Member{UserID: at.UserID, Name: at.Name, Email: at.Email}
				ok, err := s.mail(ctx, tx, a, ps, to, "remind", "mail.peer.reminder.")
				if err != nil {
					return err
				}
				if ok {
					sent++
				}
			}
		}
		return nil
	})
	return sent, err
}
