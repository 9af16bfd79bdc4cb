package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type userRow struct {
	bun.BaseModel `bun:"table:users"`

	ID           domain.ID `bun:"id,pk,type:uuid"`
	Email        string    `bun:"email"`
	Name         string    `bun:"name"`
	Locale       string    `bun:"locale"`
	PasswordHash string    `bun:"password_hash"`
	CreatedAt    time.Time `bun:"created_at"`
	UpdatedAt    time.Time `bun:"updated_at"`
}

func (r *userRow) domain() *domain.User {
	return &domain.User{ID: r.ID, Email: r.Email, Name: r.Name, Locale: domain.Locale(r.Locale), CreatedAt: r.CreatedAt.UTC()}
}

// InsertUser adds a user with a password hash; a taken e-mail is a
// conflict.
func (t *Tx) InsertUser(ctx context.Context, u *domain.User, passwordHash string) error {
	now := time.Now().UTC()
	_, err := t.tx.NewInsert().Model(&userRow{
		ID: u.ID, Email: u.Email, Name: u.Name, Locale: string(u.Locale), PasswordHash: passwordHash,
		CreatedAt: now, UpdatedAt: now,
	}).Exec(ctx)
	return classify(err)
}

// UserByEmail finds a user and their password hash by e-mail.
func (t *Tx) UserByEmail(ctx context.Context, email string) (*domain.User, string, error) {
	var r userRow
	if err := t.tx.NewSelect().Model(&r).Where("email = ?", email).Scan(ctx); err != nil {
		return nil, "", classify(err)
	}
	return r.domain(), r.PasswordHash, nil
}

// UserByID finds a user.
func (t *Tx) UserByID(ctx context.Context, id domain.ID) (*domain.User, error) {
	var r userRow
	if err := t.tx.NewSelect().Model(&r).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// UpdateUserProfile saves a user's name and locale.
func (t *Tx) UpdateUserProfile(ctx context.Context, u *domain.User) error {
	_, err := t.tx.NewUpdate().Model((*userRow)(nil)).
		Set("name = ?", u.Name).Set("locale = ?", string(u.Locale)).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", u.ID).Exec(ctx)
	return classify(err)
}

// SetPasswordHash replaces a user's password hash.
func (t *Tx) SetPasswordHash(ctx context.Context, user domain.ID, hash string) error {
	_, err := t.tx.NewUpdate().Model((*userRow)(nil)).
		Set("password_hash = ?", hash).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", user).Exec(ctx)
	return classify(err)
}
