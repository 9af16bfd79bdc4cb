package authz

import (
	"context"
	_ "embed"
	"fmt"
	"slices"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

// modelText is casbin's model: role permissions with domains.
//
//go:embed model.conf
var modelText string

// NewModel gives a fresh casbin model of the product's policy, with no
// rule yet.
func NewModel() (model.Model, error) { return model.NewModelFromString(modelText) }

// grant is a role holding a permission.
type grant struct {
	role domain.Role
	perm Permission
}

// policy is one version of the rules, never changed once built, so that
// any number of decisions read it at once without a lock.
//
// Casbin, holding the default rules, decides once per version for every
// role and permission the product knows, and its answers are kept. Each
// alliance's extensions are kept apart, by alliance. A decision is thus a
// few map lookups, whatever the number of alliances: casbin holding every
// alliance's rules would try each of them on every request.
type policy struct {
	version      int64
	defaults     map[grant]bool
	defaultRules []Rule
	extensions   map[uuid.UUID][]Rule
}

// loadPolicy reads every rule through the adapter and builds the policy of
// version, which must have been read before the rules: a change committed
// in between then makes the next look at the version load again, rather
// than go unnoticed.
func loadPolicy(ctx context.Context, a *Adapter, version int64) (*policy, error) {
	all, err := NewModel()
	if err != nil {
		return nil, err
	}
	if err := a.LoadPolicyCtx(ctx, all); err != nil {
		return nil, err
	}
	lines, err := all.GetPolicy("p", "p")
	if err != nil {
		return nil, err
	}
	defaults, err := NewModel()
	if err != nil {
		return nil, err
	}
	p := &policy{version: version, defaults: map[grant]bool{}, extensions: map[uuid.UUID][]Rule{}}
	for _, l := range lines {
		rule := Rule{Role: domain.Role(l[0]), Permission: Permission{l[2], l[3]}}
		if l[1] == AnyAlliance {
			rule.Default = true
			p.defaultRules = append(p.defaultRules, rule)
			if err := defaults.AddPolicy("p", "p", l); err != nil {
				return nil, err
			}
			continue
		}
		alliance, err := uuid.Parse(l[1])
		if err != nil {
			return nil, fmt.Errorf("a rule for %q, which is neither %s nor an alliance id", l[1], AnyAlliance)
		}
		p.extensions[alliance] = append(p.extensions[alliance], rule)
	}
	return p, p.decideDefaults(defaults)
}

// decideDefaults asks casbin, over the default rules, about every role and
// permission the product knows.
func (p *policy) decideDefaults(defaults model.Model) error {
	e, err := casbin.NewEnforcer(defaults)
	if err != nil {
		return err
	}
	for _, role := range domain.Roles {
		for _, perm := range Permissions {
			ok, err := e.Enforce(string(role), AnyAlliance, perm.Object, perm.Action)
			if err != nil {
				return err
			}
			p.defaults[grant{role, perm}] = ok
		}
	}
	return nil
}

// allows tells whether any of roles holds perm in alliance.
func (p *policy) allows(roles []domain.Role, alliance uuid.UUID, perm Permission) bool {
	for _, role := range roles {
		if p.defaults[grant{role, perm}] || slices.Contains(p.extensions[alliance], Rule{Role: role, Permission: perm}) {
			return true
		}
	}
	return false
}

// isDefault tells whether the default rules grant role perm.
func (p *policy) isDefault(role domain.Role, perm Permission) bool {
	return p.defaults[grant{role, perm}]
}

// rulesFor gives the default rules, then alliance's extensions.
func (p *policy) rulesFor(alliance uuid.UUID) []Rule {
	return slices.Concat(p.defaultRules, p.extensions[alliance])
}
