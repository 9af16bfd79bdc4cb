package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// AccountEvent is an entry of the platform's own audit trail: sign-ups,
// failed logins, password resets. Append-only.
type AccountEvent struct {
	bun.BaseModel `bun:"table:account_events"`

	ID        domain.ID  `bun:"id,pk,type:uuid"`
	UserID    *domain.ID `bun:"user_id,type:uuid"`
	Action    string     `bun:"action"`
	Target    string     `bun:"target"`
	IP        string     `bun:"ip"`
	CreatedAt time.Time  `bun:"created_at"`
}

// InsertAccountEvent appends an event.
func (t *Tx) InsertAccountEvent(ctx context.Context, e *AccountEvent) error {
	_, err := t.tx.NewInsert().Model(e).Exec(ctx)
	return classify(err)
}

// AccountEvents lists a user's latest events, for their profile page.
//
// SECURITY: user scopes the list to one person's events.
func (t *Tx) AccountEvents(ctx context.Context, user domain.ID, limit int) ([]AccountEvent, error) {
	var out []AccountEvent
	err := t.tx.NewSelect().Model(&out).Where("user_id = ?", user).Order("created_at DESC").Limit(int64(limit)).Scan(ctx)
	return out, classify(err)
}
