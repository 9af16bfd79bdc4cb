package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/store"
)

// Token kinds and lifetimes.
const (
	KindSession = "session" // the web pages' cookie
	KindAPI     = "api"     // a bearer token from login

	SessionIdle     = 2 * time.Hour
	SessionLifetime = 30 * 24 * time.Hour
	APITokenLife    = 90 * 24 * time.Hour
	touchEvery      = time.Minute
)

// Throttling of failed logins: per account and per address, in Redis so
// that every instance counts together.
var (
	loginPerAccount = ratelimit.Rule{Max: 5, Window: 15 * time.Minute}
	loginPerIP      = ratelimit.Rule{Max: 30, Window: 15 * time.Minute}
	signupPerIP     = ratelimit.Rule{Max: 20, Window: time.Hour}
	resetPerIP      = ratelimit.Rule{Max: 10, Window: time.Hour}
)

// Accounts are the use cases of users: signing up, in and out, tokens,
// password resets and the profile.
type Accounts struct {
	DB      *store.DB
	Limiter *ratelimit.Limiter
	Catalog *i18n.Catalog
	BaseURL string
}

// Signup opens an account.
func (s *Accounts) Signup(ctx context.Context, in domain.Signup, ip string) (*domain.User, error) {
	if err := s.throttle(ctx, "signup:ip:"+ip, signupPerIP); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return nil, domain.Internal(err)
	}
	u := &domain.User{ID: domain.NewID(), Email: in.Email, Name: in.Name, Locale: in.Locale, CreatedAt: time.Now().UTC()}
	err = s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		if err := tx.InsertUser(ctx, u, hash); err != nil {
			if domain.ErrorCode(err) == domain.CodeConflict {
				return &domain.Error{Code: domain.CodeConflict, Key: "error.conflict.email_taken",
					Fields: []domain.FieldError{{Field: "email", Key: "validation.email_taken"}}}
			}
			return err
		}
		return tx.InsertAccountEvent(ctx, accountEvent(&u.ID, domain.AuditSignup, u.Email, ip))
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// Login checks an e-mail and password and opens a token of kind: a
// session for the web pages or an API token. Failures say the same thing
// whether the account exists or not, and are throttled per account and per
// address.
func (s *Accounts) Login(ctx context.Context, email, password, kind, label, ip string) (string, *domain.User, error) {
	email = domain.NormalizeEmail(email)
	accountKey, ipKey := "login:acct:"+auth.Hash(email), "login:ip:"+ip
	for _, k := range []struct {
		key  string
		rule ratelimit.Rule
	}{{accountKey, loginPerAccount}, {ipKey, loginPerIP}} {
		blocked, wait, err := s.Limiter.Blocked(ctx, k.key, k.rule)
		if err != nil {
			return "", nil, domain.Unavailable(err)
		}
		if blocked {
			return "", nil, rateLimited(wait)
		}
	}
	var user *domain.User
	var hash string
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		user, hash, err = tx.UserByEmail(ctx, email)
		return err
	})
	if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
		return "", nil, err
	}
	ok := false
	if user != nil && hash != "" {
		ok = auth.CheckPassword(password, hash)
	} else {
		// No account, or one opened by an application whose owner has not
		// set a password yet: the same time, the same answer.
		auth.CheckNoPassword(password)
	}
	if !ok {
		for _, k := range []string{accountKey, ipKey} {
			if _, _, err := s.Limiter.Hit(ctx, k, map[string]ratelimit.Rule{accountKey: loginPerAccount, ipKey: loginPerIP}[k]); err != nil {
				return "", nil, domain.Unavailable(err)
			}
		}
		var uid *domain.ID
		if user != nil {
			uid = &user.ID
		}
		_ = s.DB.InPlatform(ctx, func(tx *store.Tx) error {
			return tx.InsertAccountEvent(ctx, accountEvent(uid, domain.AuditLoginFailed, email, ip))
		})
		return "", nil, domain.E(domain.CodeUnauthenticated, "error.unauthenticated.bad_login", nil)
	}
	_ = s.Limiter.Reset(ctx, accountKey)
	token, err := s.openToken(ctx, user.ID, kind, label, ip)
	if err != nil {
		return "", nil, err
	}
	return token, user, nil
}

func (s *Accounts) openToken(ctx context.Context, user domain.ID, kind, label, ip string) (string, error) {
	now := time.Now().UTC()
	life := APITokenLife
	if kind == KindSession {
		life = SessionLifetime
	}
	token := auth.NewToken()
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		return tx.InsertToken(ctx, &store.AuthToken{
			ID: domain.NewID(), UserID: user, Kind: kind, TokenHash: auth.Hash(token), Label: truncateRunes(label, 120),
			IP: ip, CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(life),
		})
	})
	return token, err
}

// Session is who a token belongs to.
type Session struct {
	User    *domain.User
	TokenID domain.ID
	Kind    string
}

// Authenticate finds who a token of kind belongs to. A revoked, expired or
// (for a session) idle token is refused. Every request with a credential
// asks this, so it is one read, and a write only when the token's last
// use is older than touchEvery.
func (s *Accounts) Authenticate(ctx context.Context, token, kind string) (*Session, error) {
	now := time.Now().UTC()
	var sess *Session
	err := s.DB.ReadPlatform(ctx, func(tx *store.Tx) error {
		tok, user, err := tx.TokenAndUser(ctx, auth.Hash(token))
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return domain.E(domain.CodeUnauthenticated, "", nil)
		}
		if err != nil {
			return err
		}
		if tok.Kind != kind || tok.RevokedAt != nil || !now.Before(tok.ExpiresAt) ||
			(kind == KindSession && now.Sub(tok.LastUsedAt) > SessionIdle) {
			return domain.E(domain.CodeUnauthenticated, "error.unauthenticated.expired", nil)
		}
		if now.Sub(tok.LastUsedAt) > touchEvery {
			if err := tx.TouchToken(ctx, tok.ID, now); err != nil {
				return err
			}
		}
		sess = &Session{User: user, TokenID: tok.ID, Kind: tok.Kind}
		return nil
	})
	return sess, err
}

// Logout ends one of the user's tokens.
func (s *Accounts) Logout(ctx context.Context, user, token domain.ID) error {
	return s.DB.InPlatform(ctx, func(tx *store.Tx) error { return tx.RevokeToken(ctx, user, token, time.Now()) })
}

// Tokens lists the user's working tokens with their last use.
func (s *Accounts) Tokens(ctx context.Context, user domain.ID) ([]store.AuthToken, error) {
	var out []store.AuthToken
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.ActiveTokens(ctx, user, time.Now())
		return err
	})
	return out, err
}

// UpdateProfile changes the user's name and language.
func (s *Accounts) UpdateProfile(ctx context.Context, user *domain.User) error {
	var p domain.Problems
	domain.ValidateText(&p, "name", user.Name, 1, 120)
	if !user.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	if err := p.Err(); err != nil {
		return err
	}
	return s.DB.InPlatform(ctx, func(tx *store.Tx) error { return tx.UpdateUserProfile(ctx, user) })
}

// Memberships lists the user's alliances and roles.
func (s *Accounts) Memberships(ctx context.Context, user domain.ID) ([]MembershipView, error) {
	members, err := s.DB.Memberships(ctx, user)
	if err != nil {
		return nil, err
	}
	out := make([]MembershipView, 0, len(members))
	for _, m := range members {
		var a *domain.Alliance
		err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
			var err error
			a, err = tx.AllianceByID(ctx, m.AllianceID)
			return err
		})
		if err != nil {
			return nil, err
		}
		out = append(out, MembershipView{Alliance: a, Member: m})
	}
	return out, nil
}

// MembershipView is one of a user's memberships with its alliance.
type MembershipView struct {
	Alliance *domain.Alliance
	Member   *domain.Member
}

// AccountEvents lists the user's recent account events (sign-up, failed
// logins, password resets), for their profile page.
func (s *Accounts) AccountEvents(ctx context.Context, user domain.ID) ([]store.AccountEvent, error) {
	var out []store.AccountEvent
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.AccountEvents(ctx, user, 20)
		return err
	})
	return out, err
}

func (s *Accounts) throttle(ctx context.Context, key string, rule ratelimit.Rule) error {
	over, wait, err := s.Limiter.Hit(ctx, key, rule)
	if err != nil {
		return domain.Unavailable(err)
	}
	if over {
		return rateLimited(wait)
	}
	return nil
}

func rateLimited(wait time.Duration) error {
	secs := int(wait.Seconds() + 0.999)
	return &domain.Error{Code: domain.CodeRateLimited, Key: "error.rate_limited.retry", Args: map[string]any{"seconds": secs}}
}

func accountEvent(user *domain.ID, action, target, ip string) *store.AccountEvent {
	return &store.AccountEvent{ID: domain.NewID(), UserID: user, Action: action, Target: target, IP: ip, CreatedAt: time.Now().UTC()}
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
