package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"
)

// EnsureAppRole makes, on PostgreSQL, the restricted role that appURL
// connects as, if it is missing, and grants it what the app needs and no
// more: it owns nothing, is no superuser and cannot bypass row-level
// security. db must be connected as the schema owner. It does nothing on
// SQLite or when appURL names the owner itself.
func (db *DB) EnsureAppRole(ctx context.Context, appURL string) error {
	if !db.postgres {
		return nil
	}
	u, err := url.Parse(appURL)
	if err != nil || u.User == nil {
		return fmt.Errorf("the app's database URL names no user")
	}
	role := u.User.Username()
	var owner string
	if err := db.bun.NewRaw("SELECT current_user").Scan(ctx, &owner); err != nil {
		return err
	}
	if role == owner {
		return nil
	}
	var exists bool
	if err := db.bun.NewRaw("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", role).Scan(ctx, &exists); err != nil {
		return err
	}
	if !exists {
		var pw any // NULL: no password, for trust or peer authentication
		if password, ok := u.User.Password(); ok {
			pw = password
		}
		_, err := db.bun.ExecContext(ctx,
			"CREATE ROLE ? LOGIN PASSWORD ? NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT", bun.Ident(role), pw)
		var pgErr pgdriver.Error
		// 42710: another process created it meanwhile.
		if err != nil && !(errors.As(err, &pgErr) && pgErr.Field('C') == "42710") {
			return fmt.Errorf("create role %s: %w", role, err)
		}
	}
	statements := []string{
		"GRANT CONNECT ON DATABASE ? TO ?",
		"GRANT USAGE ON SCHEMA public TO ?",
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ?",
		"REVOKE INSERT, UPDATE, DELETE ON bun_migrations, bun_migration_locks FROM ?",
		// The audit trails are append-only for the app.
		"REVOKE UPDATE, DELETE ON audit_log, account_events, charter_acceptances, guide_acknowledgements FROM ?",
	}
	var dbName string
	if err := db.bun.NewRaw("SELECT current_database()").Scan(ctx, &dbName); err != nil {
		return err
	}
	for _, stmt := range statements {
		args := []any{bun.Ident(role)}
		if stmt == statements[0] {
			args = []any{bun.Ident(dbName), bun.Ident(role)}
		}
		if _, err := db.bun.ExecContext(ctx, stmt, args...); err != nil {
			return fmt.Errorf("grant to %s: %w", role, err)
		}
	}
	return nil
}

// CheckAppRole refuses, on PostgreSQL, a connection whose role could see
// through row-level security: a superuser, a role with BYPASSRLS, the owner
// of a table of the schema, or a member of any such role.
func (db *DB) CheckAppRole(ctx context.Context) error {
	if !db.postgres {
		return nil
	}
	var r struct {
		Name      string `bun:"rolname"`
		Super     bool   `bun:"rolsuper"`
		BypassRLS bool   `bun:"rolbypassrls"`
		Owned     int    `bun:"owned"`
		// Privileged counts the roles it may become (SET ROLE, or inherit
		// from) that could see through row-level security.
		Privileged int `bun:"privileged"`
	}
	err := db.bun.NewRaw(`SELECT rolname, rolsuper, rolbypassrls,
		(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user) AS owned,
		(SELECT count(*) FROM pg_roles m WHERE m.rolname <> current_user
			AND pg_has_role(current_user, m.oid, 'MEMBER')
			AND (m.rolsuper OR m.rolbypassrls OR EXISTS (SELECT 1 FROM pg_tables
				WHERE schemaname = current_schema() AND tableowner = m.rolname))) AS privileged
		FROM pg_roles WHERE rolname = current_user`).Scan(ctx, &r)
	if err != nil {
		return err
	}
	switch {
	case r.Super:
		return fmt.Errorf("role %q is a superuser", r.Name)
	case r.BypassRLS:
		return fmt.Errorf("role %q has BYPASSRLS", r.Name)
	case r.Owned > 0:
		return fmt.Errorf("role %q owns %d tables", r.Name, r.Owned)
	case r.Privileged > 0:
		return fmt.Errorf("role %q is a member of a role that can bypass row-level security", r.Name)
	}
	return nil
}
