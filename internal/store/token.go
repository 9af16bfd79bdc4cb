package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// AuthToken is a session (the web pages' cookie) or an API token (a
// bearer token from login). Only its hash is kept.
type AuthToken struct {
	bun.BaseModel `bun:"table:auth_tokens"`

	ID         domain.ID  `bun:"id,pk,type:uuid"`
	UserID     domain.ID  `bun:"user_id,type:uuid"`
	Kind       string     `bun:"kind"`
	TokenHash  string     `bun:"token_hash"`
	Label      string     `bun:"label"`
	IP         string     `bun:"ip"`
	CreatedAt  time.Time  `bun:"created_at"`
	LastUsedAt time.Time  `bun:"last_used_at"`
	ExpiresAt  time.Time  `bun:"expires_at"`
	RevokedAt  *time.Time `bun:"revoked_at"`
}

// InsertToken keeps a new token.
func (t *Tx) InsertToken(ctx context.Context, tok *AuthToken) error {
	_, err := t.tx.NewInsert().Model(tok).Exec(ctx)
	return classify(err)
}

// tokenWithUser is a token joined to its user, read in one statement.
type tokenWithUser struct {
	AuthToken `bun:",extend"`

	User *userRow `bun:"rel:belongs-to,join:user_id=id"`
}

// TokenAndUser finds a token, revoked or not, with its user, in one
// statement.
func (t *Tx) TokenAndUser(ctx context.Context, hash string) (*AuthToken, *domain.User, error) {
	var r tokenWithUser
	if err := t.tx.NewSelect().Model(&r).Relation("User").Where("token_hash = ?", hash).Scan(ctx); err != nil {
		return nil, nil, classify(err)
	}
	if r.User == nil {
		return nil, nil, domain.NotFound()
	}
	return &r.AuthToken, r.User.domain(), nil
}

// TouchToken records a use of the token.
func (t *Tx) TouchToken(ctx context.Context, id domain.ID, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*AuthToken)(nil)).Set("last_used_at = ?", at.UTC()).Where("id = ?", id).Exec(ctx)
	return classify(err)
}

// RevokeToken ends a token of the user; not found when the user has no
// such token.
//
// SECURITY: user guards that one revokes only one's own tokens.
func (t *Tx) RevokeToken(ctx context.Context, user, id domain.ID, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*AuthToken)(nil)).Set("revoked_at = ?", at.UTC()).
		Where("id = ? AND user_id = ? AND revoked_at IS NULL", id, user).Exec(ctx)
	return affectedOne(res, err)
}

// RevokeUserTokens ends every token of a user (after a password reset).
func (t *Tx) RevokeUserTokens(ctx context.Context, user domain.ID, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*AuthToken)(nil)).Set("revoked_at = ?", at.UTC()).
		Where("user_id = ? AND revoked_at IS NULL", user).Exec(ctx)
	return classify(err)
}

// ActiveTokens lists a user's tokens that still work, newest first.
func (t *Tx) ActiveTokens(ctx context.Context, user domain.ID, now time.Time) ([]AuthToken, error) {
	var out []AuthToken
	err := t.tx.NewSelect().Model(&out).
		Where("user_id = ? AND revoked_at IS NULL AND expires_at > ?", user, now.UTC()).
		Order("created_at DESC").Limit(100).Scan(ctx)
	return out, classify(err)
}

// affectedOne turns an update that touched no row into not found.
func affectedOne(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound()
	}
	return nil
}
