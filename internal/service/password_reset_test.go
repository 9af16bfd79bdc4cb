package service_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/service"
)

var resetLink = regexp.MustCompile(regexp.QuoteMeta(svcBaseURL) + `/reset/([A-Za-z0-9_-]{43})\b`)

// requestReset asks a reset for email and gives the token of the link that
// the one new mail carries.
func (e *svcEnv) requestReset(email string) string {
	e.t.Helper()
	before := len(e.mails())
	if err := e.accounts.RequestPasswordReset(e.ctx, email, e.ip()); err != nil {
		e.t.Fatalf("request reset: %v", err)
	}
	mails := e.mails()
	if len(mails) != before+1 {
		e.t.Fatalf("%d mails queued; want 1", len(mails)-before)
	}
	m := mails[len(mails)-1]
	match := resetLink.FindStringSubmatch(m.Text)
	if m.TaskType != jobs.TypeSendMail || match == nil {
		e.t.Fatalf("queued %s %+v; want a mail with a reset link", m.TaskType, m.Message)
	}
	return match[1]
}

func TestPasswordResetOfAnUnknownEmailAnswersAlikeAndSendsNothing(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa Traoré", domain.French)
	if err := e.accounts.RequestPasswordReset(e.ctx, "nobody@example.org", e.ip()); err != nil {
		t.Fatalf("unknown e-mail: %v; want the same nil as for an account", err)
	}
	if n, r := len(e.mails()), e.count(nil, "password_resets"); n != 0 || r != 0 {
		t.Fatalf("%d mails and %d reset links for an unknown e-mail; want none", n, r)
	}
	if err := e.accounts.RequestPasswordReset(e.ctx, " AWA@example.org", e.ip()); err != nil {
		t.Fatal(err)
	}
	mails := e.mails()
	if len(mails) != 1 {
		t.Fatalf("%d mails; want 1", len(mails))
	}
	m := mails[0]
	if m.TaskType != jobs.TypeSendMail || m.To != "awa@example.org" || m.AllianceID != nil ||
		m.Subject != "Votre nouveau mot de passe Mentorat" || !strings.Contains(m.Text, "Bonjour Awa Traoré") || !resetLink.MatchString(m.Text) {
		t.Fatalf("queued %+v; want a French mail:send to awa@example.org with the link", m)
	}
	// Only the token's hash is kept.
	token := resetLink.FindStringSubmatch(m.Text)[1]
	var stored string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT token_hash FROM password_resets").Scan(e.ctx, &stored)
	}); err != nil {
		t.Fatal(err)
	}
	if stored != auth.Hash(token) {
		t.Fatalf("stored %q; want the token's hash", stored)
	}
}

func TestPasswordResetMailIsInTheUsersLanguage(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("john@example.org", "John Smith", domain.English)
	e.requestReset("john@example.org")
	if m := e.mails()[0]; m.Subject != "Your new Mentorat password" || !strings.HasPrefix(m.Text, "Hello John Smith") {
		t.Fatalf("mail %+v; want it in English", m.Message)
	}
}

func TestPasswordResetLinkWorksOnceAndEndsEveryToken(t *testing.T) {
	e := newSvcEnv(t)
	u := e.signup("awa@example.org", "Awa", domain.French)
	api, session := e.login("awa@example.org", service.KindAPI), e.login("awa@example.org", service.KindSession)
	token := e.requestReset("awa@example.org")
	const newPassword = "fleuve-niger-au-matin"
	if err := e.accounts.ResetPassword(e.ctx, token, newPassword, "198.51.100.3"); err != nil {
		t.Fatalf("reset: %v", err)
	}
	for kind, tok := range map[string]string{service.KindAPI: api, service.KindSession: session} {
		if _, err := e.accounts.Authenticate(e.ctx, tok, kind); domain.ErrorCode(err) != domain.CodeUnauthenticated {
			t.Fatalf("%s token after a reset: %v; want it ended", kind, err)
		}
	}
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", e.ip()); domain.ErrorCode(err) != domain.CodeUnauthenticated {
		t.Fatalf("the old password still works: %v", err)
	}
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", newPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}
	// Second use of the link.
	err := e.accounts.ResetPassword(e.ctx, token, "another-fine-password", e.ip())
	wantError(t, err, domain.CodeNotFound, "error.not_found.reset_link")
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", newPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("a refused second use changed the password: %v", err)
	}
	var reset bool
	for _, ev := range e.accountEventsOf(u.ID) {
		reset = reset || ev == domain.AuditPasswordReset
	}
	if !reset {
		t.Fatal("no account event for the reset")
	}
	// A token that was never issued.
	wantError(t, e.accounts.ResetPassword(e.ctx, auth.NewToken(), newPassword, e.ip()), domain.CodeNotFound, "error.not_found.reset_link")
}

func TestPasswordResetLinkExpiresAfterAnHour(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	if service.PasswordResetLifetime != time.Hour {
		t.Fatalf("reset links live %v; want 1 h", service.PasswordResetLifetime)
	}
	token := e.requestReset("awa@example.org")
	// Issued 61 minutes ago.
	e.exec(nil, "UPDATE password_resets SET created_at = ?, expires_at = ? WHERE token_hash = ?",
		past(61*time.Minute), past(time.Minute), auth.Hash(token))
	wantError(t, e.accounts.ResetPassword(e.ctx, token, "fleuve-niger-au-matin", e.ip()), domain.CodeNotFound, "error.not_found.reset_link")
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", svcPassword, service.KindAPI, "", e.ip()); err != nil {
		t.Fatalf("an expired link changed the password: %v", err)
	}
	// One issued 59 minutes ago still works.
	fresh := e.requestReset("awa@example.org")
	e.exec(nil, "UPDATE password_resets SET created_at = ?, expires_at = ? WHERE token_hash = ?",
		past(59*time.Minute), past(-time.Minute), auth.Hash(fresh))
	if err := e.accounts.ResetPassword(e.ctx, fresh, "fleuve-niger-au-matin", e.ip()); err != nil {
		t.Fatalf("a link of 59 minutes: %v", err)
	}
}

func TestPasswordResetWithAWeakPasswordKeepsTheLink(t *testing.T) {
	e := newSvcEnv(t)
	e.signup("awa@example.org", "Awa", domain.French)
	api := e.login("awa@example.org", service.KindAPI)
	token := e.requestReset("awa@example.org")
	for _, weak := range []string{"short", "password123", ""} {
		err := e.accounts.ResetPassword(e.ctx, token, weak, e.ip())
		wantError(t, err, domain.CodeInvalid, "")
		if fieldKeys(err)["password"] == "" {
			t.Fatalf("%q: fields %v", weak, fieldKeys(err))
		}
	}
	if _, err := e.accounts.Authenticate(e.ctx, api, service.KindAPI); err != nil {
		t.Fatalf("a refused reset ended the tokens: %v", err)
	}
	if err := e.accounts.ResetPassword(e.ctx, token, "fleuve-niger-au-matin", e.ip()); err != nil {
		t.Fatalf("the link was spent by a refused reset: %v", err)
	}
}

func TestPasswordResetRequestRefusesAnInvalidEmail(t *testing.T) {
	e := newSvcEnv(t)
	err := e.accounts.RequestPasswordReset(e.ctx, "not an e-mail", e.ip())
	wantError(t, err, domain.CodeInvalid, "")
	if fieldKeys(err)["email"] != "validation.email" {
		t.Fatalf("fields %v", fieldKeys(err))
	}
}
