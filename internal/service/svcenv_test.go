package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// svcBaseURL is the product's address in the links the tests' mails carry.
const svcBaseURL = "https://mentorat.test"

// svcPassword is the password of every account the tests open.
const svcPassword = "baobab-sous-la-pluie"

// svcEnv is every service of the product over one fresh database (SQLite,
// or PostgreSQL as the restricted app role when the environment says so),
// with an embedded Redis for the login throttle.
type svcEnv struct {
	t           testing.TB
	ctx         context.Context
	db          *store.DB
	mr          *miniredis.Miniredis
	catalog     *i18n.Catalog
	enforcer    *authz.Enforcer
	accounts    *service.Accounts
	alliances   *service.Alliances
	members     *service.Members
	invitations *service.Invitations
	policies    *service.Policies
	records     *service.Records
	billing     *service.Billing
	ips         atomic.Int64
}

// newSvcEnv builds the services with billing off, as on the embedded
// defaults.
func newSvcEnv(t testing.TB) *svcEnv {
	t.Helper()
	return newSvcEnvPaying(t, service.Payments{})
}

// newSvcEnvPaying builds the services with alliances paying as pay says.
func newSvcEnvPaying(t testing.TB, pay service.Payments) *svcEnv {
	t.Helper()
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	db := testkit.OpenDB(t)
	enforcer, err := authz.New(context.Background(), db.Bun())
	if err != nil {
		t.Fatal(err)
	}
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	set := service.NewSet(db, catalog, ratelimit.New(rdb), enforcer, svcBaseURL, pay)
	return &svcEnv{
		t: t, ctx: context.Background(), db: db, mr: mr, catalog: catalog, enforcer: enforcer,
		accounts: set.Accounts, alliances: set.Alliances, members: set.Members,
		invitations: set.Invitations, policies: set.Policies, records: set.Records, billing: set.Billing,
	}
}

// ip gives a fresh client address, so that the per-address throttles of
// sign-ups never get in the way of a test's setup.
func (e *svcEnv) ip() string {
	n := e.ips.Add(1)
	return fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255)
}

// signup opens an account with svcPassword.
func (e *svcEnv) signup(email, name string, loc domain.Locale) *domain.User {
	e.t.Helper()
	u, err := e.accounts.Signup(e.ctx, domain.Signup{Email: email, Password: svcPassword, Name: name, Locale: loc}, e.ip())
	if err != nil {
		e.t.Fatalf("signup %s: %v", email, err)
	}
	return u
}

// login opens a token of kind for the user with svcPassword.
func (e *svcEnv) login(email, kind string) string {
	e.t.Helper()
	token, _, err := e.accounts.Login(e.ctx, email, svcPassword, kind, "test", e.ip())
	if err != nil {
		e.t.Fatalf("login %s: %v", email, err)
	}
	return token
}

func actorOf(u *domain.User) service.Actor {
	return service.Actor{UserID: u.ID, Name: u.Name, IP: "198.51.100.7"}
}

// createAlliance makes an alliance with admin as its first admin.
func (e *svcEnv) createAlliance(admin *domain.User, slug string, loc domain.Locale) *domain.Alliance {
	e.t.Helper()
	a := &domain.Alliance{Slug: slug, Name: "Alliance " + slug, Country: "Mali", DefaultLocale: loc}
	if err := e.alliances.Create(e.ctx, actorOf(admin), a); err != nil {
		e.t.Fatalf("create alliance %s: %v", slug, err)
	}
	return a
}

// caller is u acting in a, with their current membership.
func (e *svcEnv) caller(u *domain.User, a *domain.Alliance) service.Caller {
	e.t.Helper()
	m, err := e.members.Membership(e.ctx, a.ID, u.ID)
	if err != nil {
		e.t.Fatalf("membership of %s in %s: %v", u.Email, a.Slug, err)
	}
	return service.Caller{Actor: actorOf(u), Alliance: a, Member: m}
}

// invite has c invite email with roles and gives the invitation's token.
func (e *svcEnv) invite(c service.Caller, email string, roles ...domain.Role) string {
	e.t.Helper()
	_, link, err := e.invitations.Invite(e.ctx, c, domain.InvitationRequest{Email: email, Roles: roles})
	if err != nil {
		e.t.Fatalf("invite %s: %v", email, err)
	}
	token, ok := strings.CutPrefix(link, svcBaseURL+"/invitations/")
	if !ok || token == "" {
		e.t.Fatalf("invitation link %q is not under %s/invitations/", link, svcBaseURL)
	}
	return token
}

// join makes u a member of a with roles, by an invitation from admin.
func (e *svcEnv) join(admin, u *domain.User, a *domain.Alliance, roles ...domain.Role) *domain.Member {
	e.t.Helper()
	token := e.invite(e.caller(admin, a), u.Email, roles...)
	m, _, err := e.invitations.Accept(e.ctx, actorOf(u), token)
	if err != nil {
		e.t.Fatalf("accept: %v", err)
	}
	return m
}

// jobTypeMail is the outbox's task type of a mail.
const jobTypeMail = jobs.TypeSendMail

// queuedMail is one mail job of the outbox.
type queuedMail struct {
	AllianceID *domain.ID
	TaskType   string
	mail.Message
}

// mails lists the outbox's mail jobs, oldest first, with their mail
// decoded.
func (e *svcEnv) mails() []queuedMail {
	e.t.Helper()
	var jobs []store.OutboxJob
	if err := e.db.InPlatform(e.ctx, func(tx *store.Tx) error {
		return tx.Bun().NewSelect().Model(&jobs).Where("task_type = ?", jobTypeMail).Order("created_at", "id").Scan(e.ctx)
	}); err != nil {
		e.t.Fatalf("outbox: %v", err)
	}
	out := make([]queuedMail, len(jobs))
	for i, j := range jobs {
		out[i] = queuedMail{AllianceID: j.AllianceID, TaskType: j.TaskType}
		if err := json.Unmarshal([]byte(j.Payload), &out[i].Message); err != nil {
			e.t.Fatalf("outbox payload %q: %v", j.Payload, err)
		}
	}
	return out
}

// audit lists the alliance's audit entries, newest first.
func (e *svcEnv) audit(a *domain.Alliance, action string) []*domain.AuditEntry {
	e.t.Helper()
	entries, err := e.records.Audit(e.ctx, service.Caller{Alliance: a}, store.AuditFilter{Action: action, Limit: 200})
	if err != nil {
		e.t.Fatalf("audit: %v", err)
	}
	return entries
}

// accountEvents lists the account events whose target is email, oldest
// first.
func (e *svcEnv) accountEvents(email string) []store.AccountEvent {
	e.t.Helper()
	var out []store.AccountEvent
	if err := e.db.InPlatform(e.ctx, func(tx *store.Tx) error {
		return tx.Bun().NewSelect().Model(&out).Where("target = ?", email).Order("created_at", "id").Scan(e.ctx)
	}); err != nil {
		e.t.Fatalf("account events: %v", err)
	}
	return out
}

// accountEventsOf lists the actions of the user's account events, oldest
// first.
func (e *svcEnv) accountEventsOf(user domain.ID) []string {
	e.t.Helper()
	var out []string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT action FROM account_events WHERE user_id = ? ORDER BY created_at, id", user).Scan(e.ctx, &out)
	}); err != nil {
		e.t.Fatalf("account events: %v", err)
	}
	return out
}

// past is a moment d before now, in UTC as the store writes times.
func past(d time.Duration) time.Time { return time.Now().UTC().Add(-d) }

// wantError fails unless err is a domain error of code with detail key
// (any key when key is empty).
func wantError(t testing.TB, err error, code domain.Code, key string) *domain.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %s %s", code, key)
	}
	de := domain.AsError(err)
	if de.Code != code || (key != "" && de.Key != key) {
		t.Fatalf("error %v; want %s %s", err, code, key)
	}
	return de
}

// fieldKeys maps each invalid field of err to its message key.
func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	if err == nil {
		return out
	}
	for _, f := range domain.AsError(err).Fields {
		out[f.Field] = f.Key
	}
	return out
}

// inTx runs fn in a transaction of tenant, or of the platform for nil.
func (e *svcEnv) inTx(tenant *domain.ID, fn func(bun.IDB) error) error {
	return testkit.InTx(e.ctx, e.db, tenant, fn)
}

// exec runs a statement as the app in tenant's transaction (nil: the
// platform's).
func (e *svcEnv) exec(tenant *domain.ID, query string, args ...any) {
	e.t.Helper()
	testkit.Exec(e.t, e.db, tenant, query, args...)
}

// count counts the rows of table the app sees in tenant's transaction.
func (e *svcEnv) count(tenant *domain.ID, table string) int {
	e.t.Helper()
	return testkit.Count(e.t, e.db, tenant, table)
}
