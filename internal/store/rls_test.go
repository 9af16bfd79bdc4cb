// This file proves, on PostgreSQL, that row-level security keeps alliances
// apart even when the store's own tenant filter is missing: a transaction
// with no tenant reads and writes nothing, one bound to alliance A neither
// sees nor writes B's rows, a single pooled connection used by A and B in
// turn never carries one into the other, and the very check that finds no
// foreign row here finds B's rows once the policy is loosened to USING (true).
package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// twoAlliances is a PostgreSQL database holding alliances A and B, with
// rows[A] and rows[B] mails each, reached as the app and as the owner.
type twoAlliances struct {
	app, owner *store.DB
	a, b       domain.ID
	rows       map[domain.ID]int
}

func seedTwoAlliances(t *testing.T) *twoAlliances {
	t.Helper()
	ctx := t.Context()
	s := &twoAlliances{a: domain.NewID(), b: domain.NewID()}
	s.app, s.owner = openPostgres(t)
	s.rows = map[domain.ID]int{s.a: 3, s.b: 5}
	now := time.Now().UTC()
	err := s.app.InPlatform(ctx, func(tx *store.Tx) error {
		for slug, id := range map[string]domain.ID{"alliance-a": s.a, "alliance-b": s.b} {
			if err := tx.InsertAlliance(ctx, &domain.Alliance{
				ID: id, Slug: slug, Name: "Alliance " + slug, Country: "France", DefaultLocale: domain.French,
				Settings: domain.DefaultAllianceSettings(), CreatedAt: now, UpdatedAt: now,
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("insert alliances: %v", err)
	}
	for tenant, n := range s.rows {
		if err := s.app.InTenant(ctx, tenant, func(tx *store.Tx) error {
			for range n {
				if err := tx.InsertMailLog(ctx, tenant, mail(tenant)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatalf("insert mails: %v", err)
		}
	}
	// The writes checks below compare what the owner sees: it must see all.
	if got, want := fingerprint(t, s.owner), fmt.Sprintf("%d:", s.rows[s.a]+s.rows[s.b]); !strings.HasPrefix(got, want) {
		t.Fatalf("the owner sees %s rows, want %s: it must bypass row-level security (a superuser)", got, want)
	}
	return s
}

func mail(tenant domain.ID) *store.MailLogEntry {
	return &store.MailLogEntry{ID: domain.NewID(), OutboxID: domain.NewID(), To: "someone@example.org",
		Subject: "Hello " + tenant.String(), BodyText: "body", Transport: "log", CreatedAt: time.Now().UTC()}
}

// visibleForeignRows counts, over every tenant table of the catalog, the
// rows that q sees and that belong to another tenant than tenant (every row
// when tenant is zero). Its queries carry no tenant filter of their own.
func visibleForeignRows(ctx context.Context, t *testing.T, q querier, tenant domain.ID) int {
	t.Helper()
	var tables []string
	if err := q.NewRaw(tenantCTE+`SELECT relname FROM tenant ORDER BY 1`, "public").Scan(ctx, &tables); err != nil || len(tables) == 0 {
		t.Fatalf("list tenant tables: %v (%d found)", err, len(tables))
	}
	total := 0
	for _, table := range tables {
		var n int
		if err := q.NewRaw("SELECT count(*) FROM ? WHERE tenant_id IS DISTINCT FROM ?::uuid", bun.Ident(table), tenant.String()).Scan(ctx, &n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		total += n
	}
	return total
}

// seenRow is one mail_log row as a raw, unfiltered SELECT returns it.
type seenRow struct {
	Tenant string `bun:"tenant"`
	PID    int    `bun:"pid"`
}

func readAllMail(ctx context.Context, q querier) ([]seenRow, error) {
	var rows []seenRow
	err := q.NewRaw("SELECT tenant_id::text AS tenant, pg_backend_pid() AS pid FROM mail_log").Scan(ctx, &rows)
	return rows, err
}

// inTenant runs fn through InPlatform for the zero tenant, InTenant otherwise.
func inTenant(ctx context.Context, db *store.DB, tenant domain.ID, fn func(*store.Tx) error) error {
	if tenant == (domain.ID{}) {
		return db.InPlatform(ctx, fn)
	}
	return db.InTenant(ctx, tenant, fn)
}

// fingerprint sums up every mail_log row as the owner, who bypasses
// row-level security.
func fingerprint(t *testing.T, owner *store.DB) string {
	t.Helper()
	var s string
	err := owner.Bun().NewRaw(`SELECT count(*) || ':' || coalesce(md5(string_agg(tenant_id || id::text || subject, ',' ORDER BY id)), '')
		FROM mail_log`).Scan(t.Context(), &s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func isPolicyViolation(err error) bool {
	var pgErr pgdriver.Error
	return errors.As(err, &pgErr) && pgErr.Field('C') == "42501" && strings.Contains(pgErr.Field('M'), "row-level security")
}

func TestReadsSeeOnlyTheTransactionsTenant(t *testing.T) {
	s := seedTwoAlliances(t)
	for _, c := range []struct {
		name   string
		tenant domain.ID
	}{{"no tenant", domain.ID{}}, {"alliance A", s.a}, {"alliance B", s.b}} {
		t.Run(c.name, func(t *testing.T) {
			ctx := t.Context()
			err := inTenant(ctx, s.app, c.tenant, func(tx *store.Tx) error {
				rows, err := readAllMail(ctx, tx.Bun())
				if err != nil {
					return err
				}
				for _, r := range rows {
					if r.Tenant != c.tenant.String() {
						t.Errorf("saw a row of tenant %s", r.Tenant)
					}
				}
				var models []store.MailLogEntry
				if err := tx.Bun().NewSelect().Model(&models).Scan(ctx); err != nil {
					return err
				}
				if len(rows) != s.rows[c.tenant] || len(models) != s.rows[c.tenant] {
					t.Errorf("saw %d rows (raw) and %d (model), want %d", len(rows), len(models), s.rows[c.tenant])
				}
				if n := visibleForeignRows(ctx, t, tx.Bun(), c.tenant); n != 0 {
					t.Errorf("%d rows of other tenants visible", n)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestWritesOutsideTheTenantFail(t *testing.T) {
	s := seedTwoAlliances(t)
	exec := func(query string, args ...any) func(context.Context, *store.Tx) (int64, error) {
		return func(ctx context.Context, tx *store.Tx) (int64, error) {
			res, err := tx.Bun().ExecContext(ctx, query, args...)
			if err != nil {
				return 0, err
			}
			return res.RowsAffected()
		}
	}
	insertFor := func(owner domain.ID) func(context.Context, *store.Tx) (int64, error) {
		return func(ctx context.Context, tx *store.Tx) (int64, error) {
			return 1, tx.InsertMailLog(ctx, owner, mail(owner))
		}
	}
	for _, c := range []struct {
		name       string
		tenant     domain.ID
		write      func(context.Context, *store.Tx) (int64, error)
		wantPolicy bool // else the write must affect no row
	}{
		{"no tenant inserts a row of A", domain.ID{}, insertFor(s.a), true},
		{"no tenant updates everything", domain.ID{}, exec("UPDATE mail_log SET subject = 'x'"), false},
		{"no tenant deletes everything", domain.ID{}, exec("DELETE FROM mail_log"), false},
		{"A inserts a row of B", s.a, insertFor(s.b), true},
		{"A moves its rows to B", s.a, exec("UPDATE mail_log SET tenant_id = ?", s.b.String()), true},
		{"A updates B's rows", s.a, exec("UPDATE mail_log SET subject = 'x' WHERE tenant_id = ?", s.b.String()), false},
		{"A deletes B's rows", s.a, exec("DELETE FROM mail_log WHERE tenant_id = ?", s.b.String()), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fingerprint(t, s.owner)
			var affected int64
			err := inTenant(t.Context(), s.app, c.tenant, func(tx *store.Tx) (err error) {
				affected, err = c.write(t.Context(), tx)
				return err
			})
			switch {
			case c.wantPolicy && !isPolicyViolation(err):
				t.Errorf("want a row-level security violation, got %v", err)
			case !c.wantPolicy && (err != nil || affected != 0):
				t.Errorf("affected %d rows (%v), want none", affected, err)
			}
			if after := fingerprint(t, s.owner); after != before {
				t.Errorf("mail_log changed: %s, was %s", after, before)
			}
		})
	}
}

func TestPoolOfOneNeverCarriesTheTenant(t *testing.T) {
	s := seedTwoAlliances(t)
	s.app.SetMaxOpenConns(1)
	ctx := t.Context()
	pid := 0
	// check reads every mail row in a transaction bound to tenant (none for
	// the zero ID); every seventh transaction rolls back instead of committing.
	check := func(i int, tenant domain.ID) {
		errRollback := errors.New("roll back")
		err := inTenant(ctx, s.app, tenant, func(tx *store.Tx) error {
			rows, err := readAllMail(ctx, tx.Bun())
			if err != nil {
				return err
			}
			if len(rows) != s.rows[tenant] {
				t.Errorf("transaction %d for %s saw %d rows, want %d", i, tenant, len(rows), s.rows[tenant])
			}
			for _, r := range rows {
				if r.Tenant != tenant.String() {
					t.Errorf("transaction %d for %s saw a row of %s", i, tenant, r.Tenant)
				}
				if pid != 0 && r.PID != pid {
					t.Errorf("transaction %d ran on backend %d, not %d: the pool is not one connection", i, r.PID, pid)
				}
			}
			if i%7 == 0 {
				return errRollback
			}
			return nil
		})
		if err != nil && !errors.Is(err, errRollback) {
			t.Errorf("transaction %d: %v", i, err) // not Fatal: goroutines call check too
		}
	}
	if err := s.app.Bun().NewRaw("SELECT pg_backend_pid()").Scan(ctx, &pid); err != nil {
		t.Fatal(err)
	}
	tenants := []domain.ID{s.a, s.b}
	for i := range 1000 {
		check(i, tenants[i%2])
		if i%100 == 99 {
			// Between transactions the connection holds no tenant at all.
			var setting string
			if err := s.app.Bun().NewRaw("SELECT coalesce(current_setting('app.tenant_id', true), '')").Scan(ctx, &setting); err != nil || setting != "" {
				t.Fatalf("after transaction %d the connection holds tenant %q (%v)", i, setting, err)
			}
			if rows, err := readAllMail(ctx, s.app.Bun()); err != nil || len(rows) != 0 {
				t.Fatalf("outside a transaction, %d rows visible (%v)", len(rows), err)
			}
			check(i, domain.ID{})
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				check(1000+g*100+i, []domain.ID{s.a, s.b, {}}[(g+i)%3])
			}
		})
	}
	wg.Wait()
	if n := s.app.Bun().Stats().OpenConnections; n > 1 {
		t.Errorf("%d connections open, want 1", n)
	}
}

func TestLoosenedPolicyIsNoticed(t *testing.T) {
	s := seedTwoAlliances(t)
	ctx := t.Context()
	appRole := currentUser(t, s.app)
	// The real isolation: through the store, A sees no foreign row.
	if err := s.app.InTenant(ctx, s.a, func(tx *store.Tx) error {
		if n := visibleForeignRows(ctx, t, tx.Bun(), s.a); n != 0 {
			t.Errorf("with the real policy, A sees %d foreign rows", n)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The same check, as the app role in an owner transaction rolled back
	// at the end: 0 before loosening the policy, all of B's rows after.
	inScratch(t, s.owner, nil, func(tx bun.Tx) {
		exec := func(query string, args ...any) {
			if _, err := tx.ExecContext(ctx, query, args...); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		}
		exec("SET LOCAL ROLE ?", bun.Ident(appRole))
		exec("SELECT set_config('app.tenant_id', ?, true)", s.a.String())
		if n := visibleForeignRows(ctx, t, tx, s.a); n != 0 {
			t.Fatalf("before loosening, A sees %d foreign rows", n)
		}
		exec("RESET ROLE")
		exec("DROP POLICY tenant_isolation ON mail_log")
		exec("CREATE POLICY tenant_isolation ON mail_log USING (true) WITH CHECK (true)")
		expectViolations(t, rlsViolations(ctx, t, tx, "public"), "mail_log: permissive policy tenant_isolation")
		exec("SET LOCAL ROLE ?", bun.Ident(appRole))
		if n := visibleForeignRows(ctx, t, tx, s.a); n != s.rows[s.b] {
			t.Errorf("with USING (true), the check finds %d foreign rows, want B's %d", n, s.rows[s.b])
		}
	})
	if v := rlsViolations(ctx, t, s.owner.Bun(), "public"); len(v) > 0 {
		t.Errorf("the loosened policy outlived the rollback:\n%s", strings.Join(v, "\n"))
	}
}
