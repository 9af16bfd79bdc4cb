package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// PasswordResetLifetime is how long a reset link works.
const PasswordResetLifetime = time.Hour

// RequestPasswordReset mails a one-time link to set a new password, when an
// account has that e-mail. Its answer is the same either way, so that it
// tells nobody whether the account exists.
func (s *Accounts) RequestPasswordReset(ctx context.Context, email, ip string) error {
	if err := s.throttle(ctx, "reset:ip:"+ip, resetPerIP); err != nil {
		return err
	}
	email = domain.NormalizeEmail(email)
	var p domain.Problems
	domain.ValidateEmail(&p, "email", email)
	if err := p.Err(); err != nil {
		return err
	}
	return s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		user, _, err := tx.UserByEmail(ctx, email)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		token := auth.NewToken()
		now := time.Now().UTC()
		err = tx.InsertPasswordReset(ctx, &store.PasswordReset{
			ID: domain.NewID(), UserID: user.ID, TokenHash: auth.Hash(token), CreatedAt: now, ExpiresAt: now.Add(PasswordResetLifetime),
		})
		if err != nil {
			return err
		}
		args := map[string]any{"name": user.Name, "link": s.BaseURL + "/reset/" + token}
		return jobs.EnqueueMail(ctx, tx, mail.Message{
			To:      user.Email,
			Subject: s.Catalog.T(user.Locale, "mail.reset.subject", nil),
			Text:    s.Catalog.T(user.Locale, "mail.reset.body", args),
		})
	})
}

// ResetPassword sets a new password with a reset link's token. The link
// works once and for an hour; every token of the user stops working.
func (s *Accounts) ResetPassword(ctx context.Context, token, password, ip string) error {
	var p domain.Problems
	domain.ValidatePassword(&p, "password", password)
	if err := p.Err(); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return domain.Internal(err)
	}
	return s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		reset, err := tx.UsePasswordReset(ctx, auth.Hash(token), time.Now())
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return domain.E(domain.CodeNotFound, "error.not_found.reset_link", nil)
		}
		if err != nil {
			return err
		}
		if err := tx.SetPasswordHash(ctx, reset.UserID, hash); err != nil {
			return err
		}
		if err := tx.RevokeUserTokens(ctx, reset.UserID, time.Now()); err != nil {
			return err
		}
		return tx.InsertAccountEvent(ctx, accountEvent(&reset.UserID, domain.AuditPasswordReset, "", ip))
	})
}
