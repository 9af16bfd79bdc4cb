package service_test

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func TestPasswordsAreHashedWithArgon2idOfEnoughMemoryAndPasses(t *testing.T) {
	e := newSvcEnv(t)
	u := e.signup("awa@example.org", "Awa Traoré", domain.French)
	var hash string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT password_hash FROM users WHERE id = ?", u.ID).Scan(e.ctx, &hash)
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hash, svcPassword) {
		t.Fatal("the password is stored in clear")
	}
	// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v=19" {
		t.Fatalf("stored hash %q is not an argon2id v19 hash", hash)
	}
	var memory, passes, lanes int
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &lanes); err != nil {
		t.Fatalf("parameters %q: %v", parts[3], err)
	}
	if memory < 19*1024 {
		t.Errorf("memory %d KiB; want at least 19 MiB (19456 KiB)", memory)
	}
	if passes < 2 {
		t.Errorf("t=%d; want at least 2", passes)
	}
	if lanes < 1 {
		t.Errorf("p=%d", lanes)
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 16 || len(key) < 32 {
		t.Errorf("salt %d bytes, key %d bytes (%v, %v); want at least 16 and 32", len(salt), len(key), err1, err2)
	}
	// Two accounts with the same password get different hashes (salted).
	v := e.signup("binta@example.org", "Binta Diallo", domain.French)
	var other string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT password_hash FROM users WHERE id = ?", v.ID).Scan(e.ctx, &other)
	}); err != nil {
		t.Fatal(err)
	}
	if other == hash {
		t.Fatal("two accounts with one password have the same hash: no salt")
	}
}

func TestSignupRefusesWeakPasswords(t *testing.T) {
	e := newSvcEnv(t)
	tests := []struct {
		name, password string
		key            string // empty: accepted
	}{
		{"nine characters", "abcdefghi", "validation.password_short"},
		{"nine accented characters", "éèàùçôîêâ", "validation.password_short"},
		{"ten characters", "kora-du-sud", ""},
		{"common: password123", "password123", "validation.password_common"},
		{"common: 1234567890", "1234567890", "validation.password_common"},
		{"common: qwertyuiop", "qwertyuiop", "validation.password_common"},
		{"common whatever the case", "PassWord123", "validation.password_common"},
		{"common on AZERTY", "azertyuiop", "validation.password_common"},
		{"common in French", "motdepasse123", "validation.password_common"},
		{"invalid UTF-8", "abcdefghij\xff", "validation.utf8"},
		{"over 256 characters", strings.Repeat("k", 257), "validation.too_long"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			users := e.count(nil, "users")
			email := fmt.Sprintf("user%d@example.org", i)
			_, err := e.accounts.Signup(e.ctx, domain.Signup{Email: email, Password: tc.password, Name: "Awa", Locale: domain.French}, e.ip())
			if tc.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantError(t, err, domain.CodeInvalid, "")
			if got := fieldKeys(err); len(got) != 1 || got["password"] != tc.key {
				t.Fatalf("fields %v; want password: %s", got, tc.key)
			}
			if n := e.count(nil, "users"); n != users {
				t.Fatalf("users %d → %d: a refused sign-up wrote a row", users, n)
			}
		})
	}
}

func TestSignupRefusesBadFieldsAndWritesNothing(t *testing.T) {
	e := newSvcEnv(t)
	tests := []struct {
		name   string
		in     domain.Signup
		fields map[string]string
	}{
		{"empty e-mail", domain.Signup{Email: "", Name: "Awa"}, map[string]string{"email": "validation.required"}},
		{"no at sign", domain.Signup{Email: "awa.example.org", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"no domain", domain.Signup{Email: "awa@", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"no dot in the domain", domain.Signup{Email: "awa@example", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"display name", domain.Signup{Email: "Awa <awa@example.org>", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"space inside", domain.Signup{Email: "awa traore@example.org", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"two at signs", domain.Signup{Email: "awa@@example.org", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"over 254 characters", domain.Signup{Email: strings.Repeat("a", 250) + "@example.org", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"e-mail invalid UTF-8", domain.Signup{Email: "awa\xff@example.org", Name: "Awa"}, map[string]string{"email": "validation.email"}},
		{"empty name", domain.Signup{Email: "awa@example.org", Name: ""}, map[string]string{"name": "validation.required"}},
		{"blank name", domain.Signup{Email: "awa@example.org", Name: "   \t "}, map[string]string{"name": "validation.required"}},
		{"10,000-character name", domain.Signup{Email: "awa@example.org", Name: strings.Repeat("é", 10_000)}, map[string]string{"name": "validation.length"}},
		{"name with a control character", domain.Signup{Email: "awa@example.org", Name: "Awa\x00Traoré"}, map[string]string{"name": "validation.control"}},
		{"name invalid UTF-8", domain.Signup{Email: "awa@example.org", Name: "Awa \xff\xfe"}, map[string]string{"name": "validation.utf8"}},
		{"unknown locale", domain.Signup{Email: "awa@example.org", Name: "Awa", Locale: "de"}, map[string]string{"locale": "validation.locale"}},
		{"everything wrong at once", domain.Signup{Email: "nope", Name: "", Password: "short", Locale: "xx"},
			map[string]string{"email": "validation.email", "name": "validation.required", "password": "validation.password_short", "locale": "validation.locale"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			users, events := e.count(nil, "users"), e.count(nil, "account_events")
			if tc.in.Password == "" {
				tc.in.Password = svcPassword
			}
			_, err := e.accounts.Signup(e.ctx, tc.in, e.ip())
			wantError(t, err, domain.CodeInvalid, "")
			got := fieldKeys(err)
			if len(got) != len(tc.fields) {
				t.Fatalf("fields %v; want %v", got, tc.fields)
			}
			for f, key := range tc.fields {
				if got[f] != key {
					t.Fatalf("fields %v; want %v", got, tc.fields)
				}
			}
			if u, ev := e.count(nil, "users"), e.count(nil, "account_events"); u != users || ev != events {
				t.Fatalf("users %d → %d, account events %d → %d: a refused sign-up wrote", users, u, events, ev)
			}
		})
	}
}

func TestSignupNormalizesTheEmailRecordsAnEventAndRefusesADuplicate(t *testing.T) {
	e := newSvcEnv(t)
	u, err := e.accounts.Signup(e.ctx, domain.Signup{Email: "  Awa.Traore@Example.ORG ", Password: svcPassword, Name: "Awa Traoré"}, "203.0.113.9")
	if err != nil {
		t.Fatal(err)
	}
	if u.Email != "awa.traore@example.org" || u.Locale != domain.French || u.ID.Version() != 7 {
		t.Fatalf("user %+v; want the e-mail lowercased and trimmed, locale fr, a UUIDv7", u)
	}
	events := e.accountEvents("awa.traore@example.org")
	if len(events) != 1 || events[0].Action != domain.AuditSignup || events[0].UserID == nil || *events[0].UserID != u.ID || events[0].IP != "203.0.113.9" {
		t.Fatalf("account events %+v; want one sign-up of the user from 203.0.113.9", events)
	}
	_, err = e.accounts.Signup(e.ctx, domain.Signup{Email: "AWA.TRAORE@example.org", Password: svcPassword, Name: "Another"}, e.ip())
	wantError(t, err, domain.CodeConflict, "error.conflict.email_taken")
	if got := fieldKeys(err); got["email"] != "validation.email_taken" {
		t.Fatalf("fields %v", got)
	}
	if n := e.count(nil, "users"); n != 1 {
		t.Fatalf("%d users; want 1", n)
	}
	// The same e-mail in any case logs in.
	if _, _, err := e.accounts.Login(e.ctx, "Awa.Traore@EXAMPLE.org", svcPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("login with another case: %v", err)
	}
}

func TestLoginGivesAFreshTokenKeptOnlyAsItsHash(t *testing.T) {
	e := newSvcEnv(t)
	u := e.signup("awa@example.org", "Awa", domain.French)
	first, got, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "my script", "198.51.100.1")
	if err != nil || got.ID != u.ID {
		t.Fatalf("login: %v %+v", err, got)
	}
	second := e.login("awa@example.org", service.KindAPI)
	if first == second || len(first) < 40 {
		t.Fatalf("tokens %q and %q; want two long, different tokens", first, second)
	}
	type row struct {
		ID        domain.ID `bun:"id"`
		TokenHash string    `bun:"token_hash"`
		Label     string    `bun:"label"`
		IP        string    `bun:"ip"`
		Kind      string    `bun:"kind"`
	}
	var rows []row
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT id, token_hash, label, ip, kind FROM auth_tokens").Scan(e.ctx, &rows)
	}); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d tokens stored; want 2", len(rows))
	}
	hashes := map[string]bool{}
	for _, r := range rows {
		for _, raw := range []string{first, second} {
			if strings.Contains(r.TokenHash, raw) || strings.Contains(r.Label, raw) || strings.Contains(r.IP, raw) {
				t.Fatalf("the raw token is stored: %+v", r)
			}
		}
		hashes[r.TokenHash] = true
	}
	if !hashes[auth.Hash(first)] || !hashes[auth.Hash(second)] {
		t.Fatalf("stored hashes %v; want the SHA-256 of each token", hashes)
	}
	sess, err := e.accounts.Authenticate(e.ctx, first, service.KindAPI)
	if err != nil || sess.User.ID != u.ID || sess.Kind != service.KindAPI {
		t.Fatalf("authenticate: %v %+v", err, sess)
	}
	// A token of one kind does not open the other.
	_, err = e.accounts.Authenticate(e.ctx, first, service.KindSession)
	wantError(t, err, domain.CodeUnauthenticated, "")
	_, err = e.accounts.Authenticate(e.ctx, "not-a-token", service.KindAPI)
	wantError(t, err, domain.CodeUnauthenticated, "")
}

func TestSessionsEndWhenIdleOrOld(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	tests := []struct {
		name                 string
		age, idle, expiresIn time.Duration // created age ago, last used idle ago, expiring in expiresIn
		ok                   bool
	}{
		{"fresh", 0, 0, service.SessionLifetime, true},
		{"idle 1 h 59", 3 * time.Hour, time.Hour + 59*time.Minute, service.SessionLifetime - 3*time.Hour, true},
		{"idle 2 h 01", 3 * time.Hour, 2*time.Hour + time.Minute, service.SessionLifetime - 3*time.Hour, false},
		{"idle a day", 2 * 24 * time.Hour, 24 * time.Hour, service.SessionLifetime - 48*time.Hour, false},
		{"29 days old, used now", 29 * 24 * time.Hour, time.Minute, 24 * time.Hour, true},
		{"30 days and a minute old, used now", 30*24*time.Hour + time.Minute, time.Minute, -time.Minute, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			token := e.login("awa@example.org", service.KindSession)
			e.exec(nil, "UPDATE auth_tokens SET created_at = ?, last_used_at = ?, expires_at = ? WHERE token_hash = ?",
				past(tc.age), past(tc.idle), past(-tc.expiresIn), auth.Hash(token))
			_, err := e.accounts.Authenticate(e.ctx, token, service.KindSession)
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantError(t, err, domain.CodeUnauthenticated, "error.unauthenticated.expired")
		})
	}
	// Use keeps a session alive: the idle clock starts again.
	token := e.login("awa@example.org", service.KindSession)
	e.exec(nil, "UPDATE auth_tokens SET last_used_at = ? WHERE token_hash = ?", past(100*time.Minute), auth.Hash(token))
	if _, err := e.accounts.Authenticate(e.ctx, token, service.KindSession); err != nil {
		t.Fatal(err)
	}
	var last time.Time
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT last_used_at FROM auth_tokens WHERE token_hash = ?", auth.Hash(token)).Scan(e.ctx, &last)
	}); err != nil {
		t.Fatal(err)
	}
	if time.Since(last) > time.Minute {
		t.Fatalf("last use %v not recorded", last)
	}
}

func TestLogoutEndsThatTokenOnly(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	a, b := e.login("awa@example.org", service.KindAPI), e.login("awa@example.org", service.KindSession)
	sess, err := e.accounts.Authenticate(e.ctx, a, service.KindAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.accounts.Logout(e.ctx, sess.User.ID, sess.TokenID); err != nil {
		t.Fatal(err)
	}
	_, err = e.accounts.Authenticate(e.ctx, a, service.KindAPI)
	wantError(t, err, domain.CodeUnauthenticated, "error.unauthenticated.expired")
	if _, err := e.accounts.Authenticate(e.ctx, b, service.KindSession); err != nil {
		t.Fatalf("the other token stopped working: %v", err)
	}
	// A second logout of the same token, or of another user's token, finds nothing.
	wantError(t, e.accounts.Logout(e.ctx, sess.User.ID, sess.TokenID), domain.CodeNotFound, "")
	other := e.signup("binta@example.org", "Binta", domain.French)
	bs, _ := e.accounts.Authenticate(e.ctx, b, service.KindSession)
	wantError(t, e.accounts.Logout(e.ctx, other.ID, bs.TokenID), domain.CodeNotFound, "")
	if _, err := e.accounts.Authenticate(e.ctx, b, service.KindSession); err != nil {
		t.Fatalf("another user ended the token: %v", err)
	}
}

func TestFailedLoginsAreThrottledPerAccountWithOneGenericAnswer(t *testing.T) {
	e := newSvcEnv(t)
	u := e.signup("awa@example.org", "Awa", domain.French)
	e.signup("binta@example.org", "Binta", domain.French)
	var failures []*domain.Error
	for i := range 5 {
		// Each from another address: the count is the account's.
		_, _, err := e.accounts.Login(e.ctx, "awa@example.org", fmt.Sprintf("wrong password %d", i), service.KindAPI, "", e.ip())
		failures = append(failures, wantError(t, err, domain.CodeUnauthenticated, "error.unauthenticated.bad_login"))
	}
	_, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", e.ip())
	de := wantError(t, err, domain.CodeRateLimited, "error.rate_limited.retry")
	if secs, _ := de.Args["seconds"].(int); secs < 1 || secs > 15*60 {
		t.Fatalf("retry after %v s; want within the 15 minute window", de.Args["seconds"])
	}
	// The other account is not held back.
	if _, _, err := e.accounts.Login(e.ctx, "binta@example.org", svcPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("another account was throttled: %v", err)
	}
	// An unknown e-mail fails with the very same error, and is throttled alike.
	for i := range 5 {
		_, _, err := e.accounts.Login(e.ctx, "nobody@example.org", "wrong password", service.KindAPI, "", e.ip())
		got := wantError(t, err, domain.CodeUnauthenticated, "")
		if got.Key != failures[i].Key || len(got.Args) != 0 || len(got.Fields) != 0 {
			t.Fatalf("unknown e-mail: %+v; existing account: %+v", got, failures[i])
		}
	}
	_, _, err = e.accounts.Login(e.ctx, "nobody@example.org", "wrong password", service.KindAPI, "", e.ip())
	wantError(t, err, domain.CodeRateLimited, "error.rate_limited.retry")
	// Every failure is an account event; the account's carry its id.
	events := e.accountEvents("awa@example.org")
	var failed int
	for _, ev := range events {
		if ev.Action == domain.AuditLoginFailed {
			failed++
			if ev.UserID == nil || *ev.UserID != u.ID {
				t.Fatalf("failed login event without the user: %+v", ev)
			}
		}
	}
	if failed != 5 {
		t.Fatalf("%d failed login events; want 5 (events %+v)", failed, events)
	}
	if unknown := e.accountEvents("nobody@example.org"); len(unknown) != 5 || unknown[0].UserID != nil || unknown[0].Action != domain.AuditLoginFailed {
		t.Fatalf("unknown e-mail events %+v; want 5 failed logins with no user", unknown)
	}
	// When the window has passed, the right password works again.
	e.mr.FastForward(16 * time.Minute)
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

func TestFailedLoginsAreThrottledPerAddress(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	const ip = "203.0.113.50"
	// 30 failures from one address, never 5 on one account.
	for i := range 30 {
		email := fmt.Sprintf("guess%d@example.org", i/3)
		_, _, err := e.accounts.Login(e.ctx, email, "wrong password", service.KindAPI, "", ip)
		wantError(t, err, domain.CodeUnauthenticated, "error.unauthenticated.bad_login")
	}
	_, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", ip)
	wantError(t, err, domain.CodeRateLimited, "error.rate_limited.retry")
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", "203.0.113.51"); err != nil {
		t.Fatalf("another address was throttled: %v", err)
	}
}

func TestSuccessfulLoginForgivesTheAccountsEarlierFailures(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	for range 3 {
		for range 4 {
			_, _, err := e.accounts.Login(e.ctx, "awa@example.org", "wrong password", service.KindAPI, "", e.ip())
			wantError(t, err, domain.CodeUnauthenticated, "")
		}
		if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", e.ip()); err != nil {
			t.Fatalf("4 failures then the right password: %v", err)
		}
	}
}
