package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// Invitations are the use cases of inviting people into an alliance.
type Invitations struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
	Billing *Billing
}

// Invite records an invitation and mails its one-time link, in the
// alliance's language, through the outbox. It gives the invitation and the
// link. Inviting a mentor takes a place among the mentors the alliance's
// plan allows.
func (s *Invitations) Invite(ctx context.Context, c Caller, req domain.InvitationRequest) (*domain.Invitation, string, error) {
	if err := req.Validate(); err != nil {
		return nil, "", err
	}
	now := time.Now().UTC()
	inv := &domain.Invitation{
		ID: domain.NewID(), AllianceID: c.Alliance.ID, Email: req.Email, Roles: req.Roles,
		InvitedBy: c.UserID, CreatedAt: now, ExpiresAt: now.Add(domain.InvitationLifetime),
	}
	token := auth.NewScopedToken(c.Alliance.ID)
	link := s.BaseURL + "/invitations/" + token
	loc := c.Alliance.DefaultLocale
	roles := make([]string, len(req.Roles))
	for i, r := range req.Roles {
		roles[i] = s.Catalog.T(loc, "role."+string(r), nil)
	}
	args := map[string]any{
		"alliance": c.Alliance.Name, "inviter": c.Name, "link": link, "days": int(domain.InvitationLifetime.Hours() / 24),
		"roles": strings.Join(roles, ", "),
	}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if slices.Contains(req.Roles, domain.RoleMentor) {
			if err := s.Billing.CheckRoom(ctx, tx, c.Alliance, domain.LimitMentors); err != nil {
				return err
			}
		}
		if err := tx.InsertInvitation(ctx, c.Alliance.ID, inv, auth.Hash(token)); err != nil {
			return err
		}
		err := jobs.EnqueueMail(ctx, tx, mail.Message{
			To:      inv.Email,
			Subject: s.Catalog.T(loc, "mail.invitation.subject", args),
			Text:    s.Catalog.T(loc, "mail.invitation.body", args),
		})
		if err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditInvitationSent, inv.Email, map[string]any{"roles": inv.Roles}))
	})
	if err != nil {
		return nil, "", err
	}
	return inv, link, nil
}

// Pending lists the invitations not yet accepted nor expired.
func (s *Invitations) Pending(ctx context.Context, c Caller) ([]*domain.Invitation, error) {
	var out []*domain.Invitation
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.PendingInvitations(ctx, c.Alliance.ID, time.Now())
		return err
	})
	return out, err
}

// Lookup finds the invitation of a link and its alliance, for the page
// that offers to accept it. A link unknown, used or expired is not found.
func (s *Invitations) Lookup(ctx context.Context, token string) (*domain.Invitation, *domain.Alliance, error) {
	alliance, err := auth.ScopeOf(token)
	if err != nil {
		return nil, nil, domain.E(domain.CodeNotFound, "error.not_found.invitation", nil)
	}
	var inv *domain.Invitation
	var a *domain.Alliance
	err = s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		var err error
		if inv, err = tx.InvitationByToken(ctx, alliance, auth.Hash(token)); err != nil {
			return err
		}
		a, err = tx.AllianceByID(ctx, alliance)
		return err
	})
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return nil, nil, domain.E(domain.CodeNotFound, "error.not_found.invitation", nil)
	}
	if err != nil {
		return nil, nil, err
	}
	if inv.AcceptedAt != nil {
		return nil, nil, domain.E(domain.CodeConflict, "error.invitation.used", nil)
	}
	if !time.Now().Before(inv.ExpiresAt) {
		return nil, nil, domain.E(domain.CodeConflict, "error.invitation.expired", nil)
	}
	return inv, a, nil
}

// Accept makes the signed-in user a member with the invitation's roles.
// The link works once. A member who had left comes back with the new
// roles; an active member keeps their membership and gains the roles.
func (s *Invitations) Accept(ctx context.Context, actor Actor, token string) (*domain.Member, *domain.Alliance, error) {
	inv, a, err := s.Lookup(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	var m *domain.Member
	err = s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		if err := tx.AcceptInvitation(ctx, a.ID, inv.ID, actor.UserID, time.Now()); err != nil {
			return err
		}
		now := time.Now().UTC()
		existing, err := tx.Member(ctx, a.ID, actor.UserID)
		switch {
		case domain.ErrorCode(err) == domain.CodeNotFound:
			m = &domain.Member{
				AllianceID: a.ID, UserID: actor.UserID, Roles: inv.Roles, Status: domain.StatusActive,
				Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now,
			}
			if err := tx.InsertMember(ctx, a.ID, m); err != nil {
				return err
			}
		case err != nil:
			return err
		case existing.Status == domain.StatusSuspended:
			return domain.E(domain.CodeForbidden, "error.forbidden.suspended", nil)
		case existing.Status == domain.StatusLeft:
			m = existing
			m.Roles, m.Status = inv.Roles, domain.StatusActive
			if err := tx.UpdateMember(ctx, a.ID, m); err != nil {
				return err
			}
		default:
			m = existing
			roles := append(append([]domain.Role{}, m.Roles...), inv.Roles...)
			var p domain.Problems
			m.Roles = domain.ValidateRoles(&p, "roles", roles)
			m.Status = domain.StatusActive
			if err := tx.UpdateMember(ctx, a.ID, m); err != nil {
				return err
			}
		}
		return tx.InsertAudit(ctx, a.ID, actor.audit(domain.AuditInvitationAccept, inv.Email, map[string]any{"roles": inv.Roles}))
	})
	if err != nil {
		return nil, nil, err
	}
	return m, a, nil
}
