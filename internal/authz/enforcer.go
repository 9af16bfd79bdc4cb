package authz

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// freshness is how long a decision may rely on the policy without looking
// at its version again.
const freshness = 250 * time.Millisecond

// Enforcer decides role permissions in alliances. It is safe for
// concurrent use, and several instances may share one database: a change
// through one is honoured by every other within a second.
type Enforcer struct {
	adapter *Adapter
	policy  atomic.Pointer[policy]
	// start and checked measure, on the monotonic clock, when the version
	// was last read: checked is nanoseconds after start.
	start   time.Time
	checked atomic.Int64
	// reload serializes reads of the version and reloads of the rules.
	reload sync.Mutex
}

// New gives the enforcer over db, which must be migrated. It stores the
// default rules that are missing, leaving every extension as it is, and
// loads the policy.
func New(ctx context.Context, db *bun.DB) (*Enforcer, error) {
	e := &Enforcer{adapter: NewAdapter(db), start: time.Now()}
	defaults := DefaultRules()
	lines := make([][]string, len(defaults))
	for i, r := range defaults {
		lines[i] = r.line(AnyAlliance)
	}
	if err := e.adapter.addPolicies(ctx, "p", lines); err != nil {
		return nil, fmt.Errorf("authz: store the default rules: %w", err)
	}
	if err := e.refresh(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Allowed tells whether any of roles holds perm in alliance: by a default
// rule, or by an extension of that alliance. A role the product does not
// know holds nothing. It decides on a policy at most a quarter second old,
// and fails rather than decide when it cannot read the policy's version.
//
// SECURITY: roles must be the caller's roles in alliance, read from its
// membership for this request.
func (e *Enforcer) Allowed(ctx context.Context, roles []domain.Role, alliance uuid.UUID, perm Permission) (bool, error) {
	if err := e.fresh(ctx); err != nil {
		return false, err
	}
	return e.policy.Load().allows(roles, alliance, perm), nil
}

// fresh makes sure the policy is the database's as of at most freshness
// ago; only then does it read the version.
func (e *Enforcer) fresh(ctx context.Context) error {
	if e.age() < freshness {
		return nil
	}
	e.reload.Lock()
	defer e.reload.Unlock()
	if e.age() < freshness { // another call read it while this one waited
		return nil
	}
	return e.refreshLocked(ctx)
}

// refresh reads the version now, and the rules when the version moved.
func (e *Enforcer) refresh(ctx context.Context) error {
	e.reload.Lock()
	defer e.reload.Unlock()
	return e.refreshLocked(ctx)
}

// refreshLocked is refresh for a caller that holds e.reload.
func (e *Enforcer) refreshLocked(ctx context.Context) error {
	now := time.Since(e.start)
	version, err := e.adapter.Version(ctx)
	if err != nil {
		return fmt.Errorf("authz: %w", err)
	}
	if current := e.policy.Load(); current == nil || current.version != version {
		p, err := loadPolicy(ctx, e.adapter, version)
		if err != nil {
			return fmt.Errorf("authz: %w", err)
		}
		e.policy.Store(p)
	}
	e.checked.Store(int64(now))
	return nil
}

// age is the time since the version was last read.
func (e *Enforcer) age() time.Duration {
	return time.Since(e.start) - time.Duration(e.checked.Load())
}
