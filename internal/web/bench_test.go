package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// The rows the benchmarks bulk-insert, straight into the tables.
type (
	benchUserRow struct {
		bun.BaseModel `bun:"table:users"`
		ID            domain.ID `bun:"id,pk,type:uuid"`
		Email         string    `bun:"email"`
		Name          string    `bun:"name"`
		Locale        string    `bun:"locale"`
		PasswordHash  string    `bun:"password_hash"`
		CreatedAt     time.Time `bun:"created_at"`
		UpdatedAt     time.Time `bun:"updated_at"`
	}
	benchAllianceRow struct {
		bun.BaseModel `bun:"table:alliances"`
		ID            domain.ID                `bun:"id,pk,type:uuid"`
		Slug          string                   `bun:"slug"`
		Name          string                   `bun:"name"`
		Country       string                   `bun:"country"`
		DefaultLocale string                   `bun:"default_locale"`
		Settings      domain.AllianceSettings  `bun:"settings"`
		About         map[domain.Locale]string `bun:"about"`
		CreatedAt     time.Time                `bun:"created_at"`
		UpdatedAt     time.Time                `bun:"updated_at"`
	}
	benchMemberRow struct {
		bun.BaseModel `bun:"table:members"`
		TenantID      domain.ID `bun:"tenant_id,pk,type:uuid"`
		UserID        domain.ID `bun:"user_id,pk,type:uuid"`
		Roles         string    `bun:"roles"`
		Status        string    `bun:"status"`
		Capacity      int       `bun:"capacity"`
		JoinedAt      time.Time `bun:"joined_at"`
		UpdatedAt     time.Time `bun:"updated_at"`
	}
	benchLinkRow struct {
		bun.BaseModel `bun:"table:user_alliances"`
		UserID        domain.ID `bun:"user_id,type:uuid"`
		AllianceID    domain.ID `bun:"alliance_id,type:uuid"`
	}
)

// benchSeed inserts n alliances with one active mentor each, in one
// transaction, and gives the alliances and their members. On PostgreSQL
// the members are written one by one, each under its tenant, since
// row-level security checks every row against the transaction's tenant.
func benchSeed(b *testing.B, db *store.DB, n int) (alliances, users []domain.ID) {
	b.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	us := make([]benchUserRow, n)
	as := make([]benchAllianceRow, n)
	ms := make([]benchMemberRow, n)
	links := make([]benchLinkRow, n)
	for i := range n {
		u, a := domain.NewID(), domain.NewID()
		us[i] = benchUserRow{ID: u, Email: fmt.Sprintf("mentor%d@example.org", i), Name: fmt.Sprintf("Mentor %d", i), Locale: "fr",
			PasswordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U", CreatedAt: now, UpdatedAt: now}
		as[i] = benchAllianceRow{ID: a, Slug: fmt.Sprintf("alliance-%d", i), Name: fmt.Sprintf("Alliance %d", i), Country: "Mali",
			DefaultLocale: "fr", Settings: domain.DefaultAllianceSettings(), About: map[domain.Locale]string{}, CreatedAt: now, UpdatedAt: now}
		ms[i] = benchMemberRow{TenantID: a, UserID: u, Roles: "mentor", Status: string(domain.StatusActive),
			Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now}
		links[i] = benchLinkRow{UserID: u, AllianceID: a}
		alliances, users = append(alliances, a), append(users, u)
	}
	const batch = 1000
	insert := func(tx bun.Tx, rows any) error {
		_, err := tx.NewInsert().Model(rows).Exec(ctx)
		return err
	}
	err := db.Bun().RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for lo := 0; lo < n; lo += batch {
			hi := min(lo+batch, n)
			u, a, l, m := us[lo:hi], as[lo:hi], links[lo:hi], ms[lo:hi]
			for _, rows := range []any{&u, &a, &l} {
				if err := insert(tx, rows); err != nil {
					return err
				}
			}
			if !db.IsPostgres() {
				if err := insert(tx, &m); err != nil {
					return err
				}
			}
		}
		if db.IsPostgres() {
			for i := range ms {
				if _, err := tx.ExecContext(ctx, "SELECT set_config('app.tenant_id', ?, true)", ms[i].TenantID.String()); err != nil {
					return err
				}
				if err := insert(tx, &ms[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatalf("seed %d alliances: %v", n, err)
	}
	return alliances, users
}

// authorizeNs keeps the figure of each size, for the ratio.
var authorizeNs = map[int]float64{}

// BenchmarkAuthorizeRequest is the authorization decision of one request
// to an alliance route (requirePermission): the caller's membership, then
// the permission of its roles, with 10 and with 10,000 alliances in the
// database. The decision should not grow with the number of alliances.
func BenchmarkAuthorizeRequest(b *testing.B) {
	perm := authz.Permission{Object: authz.ObjMembers, Action: authz.ActRead}
	for _, n := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("alliances=%d", n), func(b *testing.B) {
			ctx := context.Background()
			db := testkit.OpenDB(b)
			enforcer, err := authz.New(ctx, db.Bun())
			if err != nil {
				b.Fatal(err)
			}
			alliances, users := benchSeed(b, db, n)
			members := &service.Members{DB: db}
			alliance, user := alliances[n/2], users[n/2]
			for b.Loop() {
				m, err := members.Membership(ctx, alliance, user)
				if err != nil || m.Status != domain.StatusActive {
					b.Fatalf("membership: %v %+v", err, m)
				}
				ok, err := enforcer.Allowed(ctx, m.Roles, alliance, perm)
				if err != nil || !ok {
					b.Fatalf("allowed %v (%v)", ok, err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			authorizeNs[n] = ns
			if base, ok := authorizeNs[10]; ok && n != 10 {
				b.ReportMetric(ns/base, "x-vs-10")
			}
		})
	}
}

// BenchmarkLogin is a login with the right password: an argon2id check of
// 19 MiB and two passes, and a token written.
func BenchmarkLogin(b *testing.B) {
	e := newAcctEnv(b)
	ctx := context.Background()
	if _, err := e.s.accounts.Signup(ctx, domain.Signup{Email: "awa@example.org", Password: acctPassword, Name: "Awa"}, "198.51.100.1"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := e.s.accounts.Login(ctx, "awa@example.org", acctPassword, service.KindAPI, "bench", "198.51.100.1"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}
