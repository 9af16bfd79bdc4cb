package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Policies are the use cases of an alliance's role permissions: the
// shipped defaults, and the extensions an admin adds.
type Policies struct {
	DB       *store.DB
	Enforcer *authz.Enforcer
}

// List gives the rules that hold in the alliance.
func (s *Policies) List(ctx context.Context, c Caller) ([]authz.Rule, error) {
	return s.Enforcer.PoliciesFor(ctx, c.Alliance.ID)
}

// Add grants a role a permission in the alliance, and audits it.
func (s *Policies) Add(ctx context.Context, c Caller, role domain.Role, perm authz.Permission) error {
	if err := s.Enforcer.AddForAlliance(ctx, c.Alliance.ID, role, perm); err != nil {
		return err
	}
	return s.audit(ctx, c, domain.AuditPolicyAdded, role, perm)
}

// Remove withdraws an extension of the alliance, and audits it.
func (s *Policies) Remove(ctx context.Context, c Caller, role domain.Role, perm authz.Permission) error {
	if err := s.Enforcer.RemoveForAlliance(ctx, c.Alliance.ID, role, perm); err != nil {
		return err
	}
	return s.audit(ctx, c, domain.AuditPolicyRemoved, role, perm)
}

func (s *Policies) audit(ctx context.Context, c Caller, action string, role domain.Role, perm authz.Permission) error {
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(action, string(role),
			map[string]any{"object": perm.Object, "action": perm.Action}))
	})
}
