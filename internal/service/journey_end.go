package service

import (
	"context"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// End ends an active mentorship early, with a reason: either of its people
// or those who run the alliance's mentorships may. Its remaining sessions
// are cancelled, both people are told, and the application goes back to
// accepted so that the entrepreneur can be matched again.
func (s *Journey) End(ctx context.Context, c Caller, id domain.ID, reason string, staff bool) (*domain.Mentorship, error) {
	reason = strings.TrimSpace(reason)
	var p domain.Problems
	domain.ValidateSessionReason(&p, reason)
	if err := p.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	var m *domain.Mentorship
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if m, err = tx.Mentorship(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if _, err := sideOf(c, m, staff); err != nil {
			return err
		}
		if m.Status != domain.MentorshipActive {
			return domain.E(domain.CodeConflict, "error.mentorship.over", map[string]any{"status": string(m.Status)})
		}
		if err := tx.EndMentorship(ctx, c.Alliance.ID, id, reason, c.UserID, now); err != nil {
			return err
		}
		cancelled, err := tx.CancelOpenSessions(ctx, c.Alliance.ID, id, reason)
		if err != nil {
			return err
		}
		if err := tx.SetApplicationStatus(ctx, c.Alliance.ID, m.ApplicationID, domain.AppAccepted, now); err != nil {
			return err
		}
		by := c.UserID
		event := &domain.ApplicationEvent{ID: domain.NewID(), From: domain.AppMatched, To: domain.AppAccepted, ActorID: &by,
			ActorName: c.Name, Note: reason, At: now}
		if err := tx.InsertApplicationEvents(ctx, c.Alliance.ID, []domain.ID{m.ApplicationID}, []*domain.ApplicationEvent{event}); err != nil {
			return err
		}
		if err := tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditMentorshipEnded, id.String(),
			map[string]any{"reason": reason, "sessions_cancelled": cancelled})); err != nil {
			return err
		}
		m.Status, m.EndReason, m.EndedBy, m.EndedAt = domain.MentorshipEnded, reason, &by, &now
		return s.tellEnded(ctx, tx, c, m, reason)
	})
	return m, err
}

// tellEnded mails both people that the mentorship ended, and why.
func (s *Journey) tellEnded(ctx context.Context, tx *store.Tx, c Caller, m *domain.Mentorship, reason string) error {
	app, err := tx.Application(ctx, c.Alliance.ID, m.ApplicationID, false)
	if err != nil {
		return err
	}
	mentor, err := tx.Member(ctx, c.Alliance.ID, m.MentorID)
	if err != nil {
		return err
	}
	args := map[string]any{"alliance": c.Alliance.Name, "mentor": mentor.Name, "entrepreneur": app.Applicant.Name,
		"by": c.Name, "reason": reason, "link": s.BaseURL + "/a/" + c.Alliance.Slug}
	to := []struct {
		email, name string
		loc         domain.Locale
	}{{mentor.Email, mentor.Name, c.Alliance.DefaultLocale}, {app.Applicant.Email, app.Applicant.Name, app.Locale}}
	for _, r := range to {
		if r.email == "" {
			continue
		}
		args["name"] = r.name
		if err := jobs.EnqueueMail(ctx, tx, mail.Message{To: r.email,
			Subject: s.Catalog.T(r.loc, "mail.mentorship.ended.subject", args),
			Text:    s.Catalog.T(r.loc, "mail.mentorship.ended.body", args)}); err != nil {
			return err
		}
	}
	return nil
}
