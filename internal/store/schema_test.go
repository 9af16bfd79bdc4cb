// This file proves the schema keeps its tenancy promises for every table,
// present and future, by reading the database catalog: the SQLite and
// PostgreSQL migration sets describe the same tables and columns; every
// table but the platform ones has a NOT NULL tenant_id that is part of its
// primary key, unique keys and foreign keys to other tenant tables; row-level
// security is enabled, forced and has a policy on every tenant table; the
// app's role cannot see through it; and migrations go down and up again.
// Each catalog check also runs against a deliberately bad scratch schema, to
// show that it fails when it should.
package store_test

import (
	"context"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// platformTables are the only tables without tenant_id: the registry of
// alliances, the job outbox, the accounts (users, their tokens, password
// resets, account events, and the index of their alliances), the role
// policy, the mentor pools' versions, billing's index of Stripe customers
// and its record of the Stripe events received, and bun's migration
// bookkeeping.
var platformTables = []string{
	"alliances", "outbox",
	"users", "auth_tokens", "password_resets", "account_events", "user_alliances",
	"casbin_rule", "casbin_policy_version", "mentor_pool_versions",
	"billing_customers", "stripe_events",
	"bun_migrations", "bun_migration_locks",
}

// querier is what the checks need: a bun.DB, bun.Tx or bun.Conn.
type querier interface {
	NewRaw(query string, args ...any) *bun.RawQuery
}

// tenantCTE lists the tables of schema ?0 (oid, relname, tenant_id's attnum
// or NULL, and whether it is NOT NULL) as tbl, and those with tenant_id as
// tenant.
const tenantCTE = `WITH tbl AS (
	SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity, a.attnum AS tcol, a.attnotnull
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
	WHERE n.nspname = ?0 AND c.relkind IN ('r', 'p')
), tenant AS (SELECT * FROM tbl WHERE tcol IS NOT NULL)
`

// keyViolations reports every table of schema that is neither a platform
// table nor keyed by tenant, one line per fault.
func keyViolations(ctx context.Context, t *testing.T, q querier, schema string) []string {
	t.Helper()
	return violations(ctx, t, q, tenantCTE+`
SELECT format('%s: no tenant_id and not a platform table', relname) FROM tbl WHERE tcol IS NULL AND relname NOT IN (?1)
UNION ALL
SELECT format('%s: tenant_id is nullable', relname) FROM tenant WHERE NOT attnotnull
UNION ALL
SELECT format('%s: primary key missing or without tenant_id', relname) FROM tenant t
	WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'p' AND t.tcol = ANY (k.conkey))
UNION ALL
SELECT format('%s: unique index or constraint %s without tenant_id among its keys', t.relname, i.indexrelid::regclass)
	FROM tenant t JOIN pg_index i ON i.indrelid = t.oid
	WHERE i.indisunique AND NOT i.indisprimary
	AND NOT EXISTS (SELECT 1 FROM generate_series(0, i.indnkeyatts - 1) AS k WHERE i.indkey[k] = t.tcol)
UNION ALL
SELECT format('%s: exclusion constraint %s without tenant_id', t.relname, k.conname)
	FROM tenant t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'x' WHERE NOT t.tcol = ANY (k.conkey)
UNION ALL
SELECT format('%s: foreign key %s to tenant table %s does not match tenant_id to tenant_id', t.relname, k.conname, p.relname)
	FROM tenant t JOIN pg_constraint k ON k.conrelid = t.oid AND k.contype = 'f' JOIN tenant p ON p.oid = k.confrelid
	WHERE NOT EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS u (child, parent) WHERE u.child = t.tcol AND u.parent = p.tcol)
ORDER BY 1`, schema, bun.In(platformTables))
}

// rlsViolations reports every table of schema with a tenant_id column whose
// row-level security is off, not forced, without policy, or with a
// permissive policy that does not compare tenant_id to app.tenant_id.
func rlsViolations(ctx context.Context, t *testing.T, q querier, schema string) []string {
	t.Helper()
	return violations(ctx, t, q, tenantCTE+`, shaped AS (
	SELECT p.*, (e IS NULL OR (strpos(e, 'tenant_id') > 0 AND strpos(e, 'current_setting(''app.tenant_id''') > 0)) AS ok
	FROM pg_policies p, unnest(ARRAY[p.qual, p.with_check]) AS e WHERE p.schemaname = ?0
)
SELECT format('%s: row-level security not enabled', relname) FROM tenant WHERE NOT relrowsecurity
UNION ALL
SELECT format('%s: row-level security not forced', relname) FROM tenant WHERE NOT relforcerowsecurity
UNION ALL
SELECT format('%s: no policy', relname) FROM tenant t WHERE NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = ?0 AND p.tablename = t.relname)
UNION ALL
SELECT DISTINCT format('%s: permissive policy %s does not compare tenant_id to app.tenant_id', tablename, policyname)
	FROM shaped s JOIN tenant t ON t.relname = s.tablename
	WHERE s.permissive = 'PERMISSIVE' AND (NOT s.ok OR (s.qual IS NULL AND s.with_check IS NULL))
ORDER BY 1`, schema)
}

// appRoleViolations reports what lets the connection's current role see
// through row-level security: superuser, BYPASSRLS, owning a table, or being
// a member of owner or of any role that could.
func appRoleViolations(ctx context.Context, t *testing.T, q querier, owner string) []string {
	t.Helper()
	return violations(ctx, t, q, `
SELECT format('role %s is a superuser', rolname) FROM pg_roles WHERE rolname = current_user AND rolsuper
UNION ALL
SELECT format('role %s has BYPASSRLS', rolname) FROM pg_roles WHERE rolname = current_user AND rolbypassrls
UNION ALL
SELECT format('role %s owns table %s', tableowner, tablename) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user
UNION ALL
SELECT format('role %s is a member of %s', current_user, r.rolname) FROM pg_roles r
	WHERE r.rolname <> current_user AND pg_has_role(current_user, r.oid, 'MEMBER')
	AND (r.rolname = ?0 OR r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = r.rolname))
ORDER BY 1`, owner)
}

func violations(ctx context.Context, t *testing.T, q querier, query string, args ...any) []string {
	t.Helper()
	var out []string
	if err := q.NewRaw(query, args...).Scan(ctx, &out); err != nil {
		t.Fatalf("catalog query: %v", err)
	}
	return out
}

// expectViolations fails unless got holds exactly one line containing each
// of want.
func expectViolations(t *testing.T, got []string, want ...string) {
	t.Helper()
	t.Logf("violations found:\n%s", strings.Join(got, "\n"))
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
			t.Errorf("no violation mentions %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d violations, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

// inScratch runs fn in an owner transaction that is rolled back afterwards.
func inScratch(t *testing.T, owner *store.DB, stmts []string, fn func(tx bun.Tx)) {
	t.Helper()
	ctx := t.Context()
	tx, err := owner.Bun().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	fn(tx)
}

func openPostgres(t *testing.T) (app, owner *store.DB) {
	t.Helper()
	testkit.RequirePostgres(t)
	d := testkit.NewPostgresDatabase(t)
	return testkit.Open(t, d), testkit.OwnerDB(t, d)
}

func TestTenantKeysIncludeTenantID(t *testing.T) {
	_, owner := openPostgres(t)
	if v := keyViolations(t.Context(), t, owner.Bun(), "public"); len(v) > 0 {
		t.Errorf("tenant keys:\n%s", strings.Join(v, "\n"))
	}
	t.Run("a bad schema is caught", func(t *testing.T) {
		inScratch(t, owner, []string{
			`CREATE SCHEMA scratch`,
			`CREATE TABLE scratch.parent (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id))`,
			`CREATE UNIQUE INDEX parent_by_id ON scratch.parent (id) INCLUDE (tenant_id)`,
			`CREATE TABLE scratch.good (tenant_id uuid NOT NULL, id uuid NOT NULL, code text, parent_id uuid,
				PRIMARY KEY (tenant_id, id), UNIQUE (code, tenant_id),
				FOREIGN KEY (tenant_id, parent_id) REFERENCES scratch.parent (tenant_id, id))`,
			`CREATE TABLE scratch.stray (id uuid PRIMARY KEY)`,
			`CREATE TABLE scratch.bad (tenant_id uuid, id uuid PRIMARY KEY, code text UNIQUE,
				parent_id uuid REFERENCES scratch.parent (id))`,
		}, func(tx bun.Tx) {
			expectViolations(t, keyViolations(t.Context(), t, tx, "scratch"),
				"stray: no tenant_id", "bad: tenant_id is nullable", "bad: primary key",
				"bad: unique index or constraint scratch.bad_code_key", "parent: unique index or constraint scratch.parent_by_id",
				"bad: foreign key bad_parent_id_fkey")
		})
	})
}

func TestRowLevelSecurityEverywhere(t *testing.T) {
	app, owner := openPostgres(t)
	ctx := t.Context()
	var tenantTables int
	if err := owner.Bun().NewRaw(tenantCTE+`SELECT count(*) FROM tenant`, "public").Scan(ctx, &tenantTables); err != nil || tenantTables == 0 {
		t.Fatalf("no tenant table found (%v): the check would prove nothing", err)
	}
	if v := rlsViolations(ctx, t, owner.Bun(), "public"); len(v) > 0 {
		t.Errorf("row-level security:\n%s", strings.Join(v, "\n"))
	}
	if err := app.CheckAppRole(ctx); err != nil {
		t.Errorf("CheckAppRole: %v", err)
	}
	appRole, ownerRole := currentUser(t, app), currentUser(t, owner)
	if appRole == ownerRole {
		t.Fatalf("the app connects as the owner %q", ownerRole)
	}
	if v := appRoleViolations(ctx, t, app.Bun(), ownerRole); len(v) > 0 {
		t.Errorf("app role:\n%s", strings.Join(v, "\n"))
	}

	t.Run("a table without row-level security is caught", func(t *testing.T) {
		const policy = `CREATE POLICY p ON scratch.%s USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`
		inScratch(t, owner, []string{
			`CREATE SCHEMA scratch`,
			`CREATE TABLE scratch.platform (id int)`,
			`CREATE TABLE scratch.bare (tenant_id uuid)`,
			`CREATE TABLE scratch.unforced (tenant_id uuid)`, `ALTER TABLE scratch.unforced ENABLE ROW LEVEL SECURITY`,
			fmt.Sprintf(policy, "unforced"),
			`CREATE TABLE scratch.loose (tenant_id uuid)`, `ALTER TABLE scratch.loose ENABLE ROW LEVEL SECURITY`,
			`ALTER TABLE scratch.loose FORCE ROW LEVEL SECURITY`, fmt.Sprintf(policy, "loose"),
			`CREATE POLICY widen ON scratch.loose USING (true)`,
			`CREATE TABLE scratch.good (tenant_id uuid)`, `ALTER TABLE scratch.good ENABLE ROW LEVEL SECURITY`,
			`ALTER TABLE scratch.good FORCE ROW LEVEL SECURITY`, fmt.Sprintf(policy, "good"),
		}, func(tx bun.Tx) {
			expectViolations(t, rlsViolations(t.Context(), t, tx, "scratch"),
				"bare: row-level security not enabled", "bare: row-level security not forced", "bare: no policy",
				"unforced: row-level security not forced", "loose: permissive policy widen")
		})
	})
	t.Run("a privileged app role is caught", func(t *testing.T) {
		inScratch(t, owner, []string{
			`CREATE TABLE public.scratch_owned (id int)`,
			`ALTER TABLE public.scratch_owned OWNER TO ` + quoteIdent(appRole),
			`GRANT ` + quoteIdent(ownerRole) + ` TO ` + quoteIdent(appRole),
			`SET LOCAL ROLE ` + quoteIdent(appRole),
		}, func(tx bun.Tx) {
			expectViolations(t, appRoleViolations(t.Context(), t, tx, ownerRole),
				"owns table scratch_owned", "is a member of "+ownerRole)
		})
	})
}

func currentUser(t *testing.T, db *store.DB) string {
	t.Helper()
	var name string
	if err := db.Bun().NewRaw("SELECT current_user").Scan(t.Context(), &name); err != nil {
		t.Fatal(err)
	}
	return name
}

func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// readColumns maps every "table.column" of the database to its NOT NULL.
func readColumns(t *testing.T, db *store.DB) map[string]bool {
	t.Helper()
	query := `SELECT m.name || '.' || p.name AS col, p."notnull" AS not_null
		FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
	if db.IsPostgres() {
		query = `SELECT table_name || '.' || column_name AS col, is_nullable = 'NO' AS not_null
			FROM information_schema.columns WHERE table_schema = 'public'`
	}
	var rows []struct {
		Column  string `bun:"col"`
		NotNull bool   `bun:"not_null"`
	}
	if err := db.Bun().NewRaw(query).Scan(t.Context(), &rows); err != nil {
		t.Fatalf("read columns: %v", err)
	}
	out := map[string]bool{}
	for _, r := range rows {
		out[r.Column] = r.NotNull
	}
	return out
}

// schemaDiff lists every column (so every table) in one set and not the
// other, and every column NOT NULL in one and nullable in the other; bun's
// own tables are left out.
func schemaDiff(sqlite, pg map[string]bool) []string {
	var diff []string
	for _, col := range slices.Compact(slices.Sorted(func(yield func(string) bool) {
		for _, m := range []map[string]bool{sqlite, pg} {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		}
	})) {
		s, inS := sqlite[col]
		p, inP := pg[col]
		switch {
		case strings.HasPrefix(col, "bun_migration"):
		case !inS:
			diff = append(diff, col+" only on PostgreSQL")
		case !inP:
			diff = append(diff, col+" only on SQLite")
		case s != p:
			diff = append(diff, fmt.Sprintf("%s: NOT NULL on SQLite %v, on PostgreSQL %v", col, s, p))
		}
	}
	return diff
}

func sqliteDatabase(t testing.TB) testkit.Database {
	path := filepath.Join(t.TempDir(), "mentorat.db")
	return testkit.Database{URL: path, MigrateURL: path}
}

func TestMigrationSetsMatch(t *testing.T) {
	t.Run("the comparison notices a difference", func(t *testing.T) {
		s := map[string]bool{"a.id": true, "a.x": true, "b.id": true, "bun_migrations.id": true}
		p := map[string]bool{"a.id": true, "a.x": false, "a.y": true, "c.id": true}
		expectViolations(t, schemaDiff(s, p), "a.x: NOT NULL", "a.y only on PostgreSQL", "b.id only on SQLite", "c.id only on PostgreSQL")
	})
	_, owner := openPostgres(t)
	sqlite, pg := readColumns(t, testkit.Open(t, sqliteDatabase(t))), readColumns(t, owner)
	if len(sqlite) == 0 || len(pg) == 0 {
		t.Fatalf("read %d columns on SQLite, %d on PostgreSQL", len(sqlite), len(pg))
	}
	if diff := schemaDiff(sqlite, pg); len(diff) > 0 {
		t.Errorf("the migration sets differ:\n%s", strings.Join(diff, "\n"))
	}
}

func TestMigrateDownAndUp(t *testing.T) {
	for _, c := range []struct {
		name string
		db   func(testing.TB) testkit.Database
	}{{"sqlite", sqliteDatabase}, {"postgres", testkit.NewPostgresDatabase}} {
		t.Run(c.name, func(t *testing.T) {
			ctx := t.Context()
			db := testkit.OwnerDB(t, c.db(t))
			mustUp := func() {
				if applied, err := db.MigrateUp(ctx); err != nil || len(applied) == 0 {
					t.Fatalf("MigrateUp applied %v: %v", applied, err)
				}
			}
			mustUp()
			migrated := readColumns(t, db)
			for {
				if rolledBack, err := db.MigrateDown(ctx); err != nil || len(rolledBack) == 0 {
					if err != nil {
						t.Fatalf("MigrateDown: %v", err)
					}
					break
				}
			}
			for col := range readColumns(t, db) {
				if !strings.HasPrefix(col, "bun_migration") {
					t.Errorf("after MigrateDown, %s is left", col)
				}
			}
			if pending, err := db.MigrationStatus(ctx, io.Discard); err != nil || pending == 0 {
				t.Errorf("after MigrateDown, %d pending (%v)", pending, err)
			}
			mustUp()
			if again := readColumns(t, db); !maps.Equal(again, migrated) {
				t.Errorf("down and up changed the columns:\nbefore %v\nafter  %v", migrated, again)
			}
			if pending, err := db.MigrationStatus(ctx, io.Discard); err != nil || pending != 0 {
				t.Errorf("after MigrateUp, %d pending (%v)", pending, err)
			}
			if applied, err := db.MigrateUp(ctx); err != nil || len(applied) != 0 {
				t.Errorf("a second MigrateUp applied %v (%v)", applied, err)
			}
		})
	}
}
