package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// PasswordReset is a one-time link sent by mail to set a new password.
type PasswordReset struct {
	bun.BaseModel `bun:"table:password_resets"`

	ID        domain.ID  `bun:"id,pk,type:uuid"`
	UserID    domain.ID  `bun:"user_id,type:uuid"`
	TokenHash string     `bun:"token_hash"`
	CreatedAt time.Time  `bun:"created_at"`
	ExpiresAt time.Time  `bun:"expires_at"`
	UsedAt    *time.Time `bun:"used_at"`
}

// InsertPasswordReset keeps a new reset link.
func (t *Tx) InsertPasswordReset(ctx context.Context, r *PasswordReset) error {
	_, err := t.tx.NewInsert().Model(r).Exec(ctx)
	return classify(err)
}

// UsePasswordReset marks the reset link with that hash used, if it is
// unused and not expired, and gives it; not found otherwise. Marking and
// checking are one statement, so a link works once even when two requests
// race.
func (t *Tx) UsePasswordReset(ctx context.Context, hash string, now time.Time) (*PasswordReset, error) {
	var r PasswordReset
	err := t.tx.NewUpdate().Model(&r).Set("used_at = ?", now.UTC()).
		Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", hash, now.UTC()).
		Returning("*").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return &r, nil
}
