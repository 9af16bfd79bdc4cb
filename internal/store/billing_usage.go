package store

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// Usage counts how much of a plan's limit the alliance uses at now: its
// active mentors with the invitations of mentors still pending (each holds
// a place), or its active mentorships. This is the one place that counts
// them.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) Usage(ctx context.Context, alliance domain.ID, limit domain.Limit, now time.Time) (int, error) {
	switch limit {
	case domain.LimitMentors:
		members, err := t.tx.NewSelect().Model((*memberRow)(nil)).
			Where("tenant_id = ? AND status = ?", alliance, string(domain.StatusActive)).
			Where("(',' || roles || ',') LIKE ?", "%,"+string(domain.RoleMentor)+",%").Count(ctx)
		if err != nil {
			return 0, classify(err)
		}
		invited, err := t.tx.NewSelect().Model((*invitationRow)(nil)).
			Where("tenant_id = ? AND accepted_at IS NULL AND expires_at > ?", alliance, now.UTC()).
			Where("(',' || roles || ',') LIKE ?", "%,"+string(domain.RoleMentor)+",%").Count(ctx)
		return int(members + invited), classify(err)
	case domain.LimitMentorships:
		return t.CountActiveMentorships(ctx, alliance)
	}
	return 0, domain.Internal(fmt.Errorf("no count for the limit %q", limit))
}

// HoldLimits locks, on PostgreSQL, the alliance's row until the
// transaction ends. A use case that adds to a limited count takes it
// before counting, so that two additions at once cannot both take the
// last place; SQLite's write transactions already run one at a time.
//
// SECURITY: alliance is the tenant of the transaction.
func (t *Tx) HoldLimits(ctx context.Context, alliance domain.ID) error {
	if !t.postgres {
		return nil
	}
	_, err := t.tx.NewRaw("SELECT id FROM alliances WHERE id = ? FOR UPDATE", alliance).Exec(ctx)
	return classify(err)
}
