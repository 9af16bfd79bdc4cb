package service

import (
	"context"
	"slices"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Members are the use cases of an alliance's memberships.
type Members struct {
	DB      *store.DB
	Billing *Billing
}

// Caller is a signed-in user acting in one alliance, with their membership
// there.
type Caller struct {
	Actor
	Alliance *domain.Alliance
	Member   *domain.Member
}

// Membership finds a user's membership in an alliance; not found when
// there is none.
func (s *Members) Membership(ctx context.Context, alliance, user domain.ID) (*domain.Member, error) {
	var m *domain.Member
	err := s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(ctx, alliance, user)
		return err
	})
	return m, err
}

// visibleRoles are the members an entrepreneur may see: the people who
// mentor and run the alliance, never other entrepreneurs or observers.
var visibleRoles = []domain.Role{domain.RoleMentor, domain.RoleCoordinator, domain.RoleAdmin}

// List gives a page of the alliance's members as the caller may see them,
// with the cursor of the next page.
func (s *Members) List(ctx context.Context, c Caller, roles []domain.Role, after *domain.ID, limit int) ([]*domain.Member, error) {
	f := store.MemberFilter{Roles: roles, After: after, Limit: limit}
	if c.Member.Has(domain.RoleEntrepreneur) && !c.Member.Has(domain.RoleAdmin) && !c.Member.Has(domain.RoleCoordinator) {
		f.Roles = visibleRoles
		if len(roles) > 0 {
			f.Roles = nil
			for _, r := range roles {
				if slices.Contains(visibleRoles, r) {
					f.Roles = append(f.Roles, r)
				}
			}
			if len(f.Roles) == 0 {
				return nil, nil
			}
		}
		f.Status = []domain.MemberStatus{domain.StatusActive}
	}
	var out []*domain.Member
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.Members(ctx, c.Alliance.ID, f)
		return err
	})
	return out, err
}

// Get gives one member as the caller may see it: an entrepreneur sees only
// active mentors, coordinators and admins, and anything else is not found.
func (s *Members) Get(ctx context.Context, c Caller, user domain.ID) (*domain.Member, error) {
	m, err := s.Membership(ctx, c.Alliance.ID, user)
	if err != nil {
		return nil, err
	}
	if c.Member.Has(domain.RoleEntrepreneur) && !c.Member.Has(domain.RoleAdmin) && !c.Member.Has(domain.RoleCoordinator) &&
		user != c.Member.UserID && (m.Status != domain.StatusActive || !slices.ContainsFunc(visibleRoles, m.Has)) {
		return nil, domain.NotFound()
	}
	return m, nil
}

// Change applies an admin's change to a membership. The alliance always
// keeps an active admin: the last one can be neither demoted nor
// suspended nor removed. Making someone an active mentor (a new role, or
// a mentor back from suspension) takes a place among the mentors the
// alliance's plan allows.
func (s *Members) Change(ctx context.Context, c Caller, user domain.ID, ch domain.MemberChange) (*domain.Member, error) {
	if err := ch.Validate(); err != nil {
		return nil, err
	}
	var m *domain.Member
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(ctx, c.Alliance.ID, user)
		if err != nil {
			return err
		}
		wasAdmin, wasMentor := m.IsActiveAdmin(), m.IsActiveMentor()
		details := map[string]any{}
		if ch.Roles != nil {
			details["roles_from"], details["roles_to"] = m.Roles, ch.Roles
			m.Roles = ch.Roles
		}
		if ch.Status != nil {
			details["status_from"], details["status_to"] = m.Status, *ch.Status
			m.Status = *ch.Status
		}
		if ch.Capacity != nil {
			details["capacity_from"], details["capacity_to"] = m.Capacity, *ch.Capacity
			m.Capacity = *ch.Capacity
		}
		if wasAdmin && !m.IsActiveAdmin() {
			n, err := tx.CountActiveAdmins(ctx, c.Alliance.ID)
			if err != nil {
				return err
			}
			if n <= 1 {
				return domain.E(domain.CodeConflict, "error.conflict.last_admin", nil)
			}
		}
		if !wasMentor && m.IsActiveMentor() {
			if err := s.Billing.CheckRoom(ctx, tx, c.Alliance, domain.LimitMentors); err != nil {
				return err
			}
		}
		if err := tx.UpdateMember(ctx, c.Alliance.ID, m); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditMemberChanged, user.String(), details))
	})
	return m, err
}
