package authz

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

// AddForAlliance grants role perm in alliance, beyond the defaults. Adding
// a rule that already holds, as an extension or a default, changes nothing.
// An unknown role, object or action is invalid.
//
// SECURITY: the caller must hold policy:manage in alliance.
func (e *Enforcer) AddForAlliance(ctx context.Context, alliance uuid.UUID, role domain.Role, perm Permission) error {
	def, err := e.check(ctx, alliance, role, perm)
	if err != nil || def {
		return err
	}
	rule := Rule{Role: role, Permission: perm}
	if err := e.adapter.AddPolicyCtx(ctx, "p", "p", rule.line(alliance.String())); err != nil {
		return fmt.Errorf("authz: %w", err)
	}
	return e.refresh(ctx)
}

// RemoveForAlliance withdraws an extension of alliance. A default rule
// cannot be withdrawn (a conflict); withdrawing a rule the alliance does
// not have changes nothing.
//
// SECURITY: the caller must hold policy:manage in alliance.
func (e *Enforcer) RemoveForAlliance(ctx context.Context, alliance uuid.UUID, role domain.Role, perm Permission) error {
	def, err := e.check(ctx, alliance, role, perm)
	if err != nil {
		return err
	}
	if def {
		return domain.E(domain.CodeConflict, "error.conflict.default_policy", nil)
	}
	rule := Rule{Role: role, Permission: perm}
	if err := e.adapter.RemovePolicyCtx(ctx, "p", "p", rule.line(alliance.String())); err != nil {
		return fmt.Errorf("authz: %w", err)
	}
	return e.refresh(ctx)
}

// check refuses an alliance, role or permission the product does not know,
// and tells whether a default rule grants role perm.
func (e *Enforcer) check(ctx context.Context, alliance uuid.UUID, role domain.Role, perm Permission) (isDefault bool, err error) {
	if err := validate(alliance, role, perm); err != nil {
		return false, err
	}
	if err := e.fresh(ctx); err != nil {
		return false, err
	}
	return e.policy.Load().isDefault(role, perm), nil
}

// PoliciesFor lists the rules that hold in alliance: the defaults, then its
// extensions.
//
// SECURITY: the caller must hold policy:read in alliance.
func (e *Enforcer) PoliciesFor(ctx context.Context, alliance uuid.UUID) ([]Rule, error) {
	if err := e.fresh(ctx); err != nil {
		return nil, err
	}
	return e.policy.Load().rulesFor(alliance), nil
}

// RemoveAlliance withdraws every extension of alliance, when the alliance
// is deleted.
func (e *Enforcer) RemoveAlliance(ctx context.Context, alliance uuid.UUID) error {
	if err := e.adapter.RemoveFilteredPolicyCtx(ctx, "p", "p", 1, alliance.String()); err != nil {
		return fmt.Errorf("authz: %w", err)
	}
	return e.refresh(ctx)
}
