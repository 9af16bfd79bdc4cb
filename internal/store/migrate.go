package store

import (
	"context"
	"fmt"
	"io"

	"github.com/uptrace/bun/migrate"

	"github.com/mentorat/mentorat/migrations"
)

// migrator builds the migrator of the database's dialect.
func (db *DB) migrator() (*migrate.Migrator, error) {
	set := migrations.SQLite
	if db.postgres {
		set = migrations.Postgres
	}
	ms := migrate.NewMigrations()
	if err := ms.Discover(set); err != nil {
		return nil, err
	}
	return migrate.NewMigrator(db.bun, ms, migrate.WithMarkAppliedOnSuccess(true)), nil
}

// migrationLockKey names the PostgreSQL advisory lock that migrations hold.
const migrationLockKey = 0x6d656e746f726174 // "mentorat"

// lock keeps two processes from migrating at once. On PostgreSQL it holds
// an advisory lock on a connection of its own, which the server releases if
// the process dies; bun's lock row would stay behind and block every later
// migration. The embedded SQLite file has one process.
func (db *DB) lock(ctx context.Context) (unlock func(), err error) {
	if !db.postgres {
		return func() {}, nil
	}
	conn, err := db.bun.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", int64(migrationLockKey)); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("migrate: lock: %w", err)
	}
	return func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(?)", int64(migrationLockKey))
		_ = conn.Close()
	}, nil
}

// MigrateUp applies every migration not yet applied, under the migration
// lock so that two processes starting together do not race. It reports what
// it applied.
func (db *DB) MigrateUp(ctx context.Context) (applied []string, err error) {
	return db.migrateLocked(ctx, func(m *migrate.Migrator) (*migrate.MigrationGroup, error) { return m.Migrate(ctx) })
}

// MigrateDown rolls back the last group of migrations applied together.
func (db *DB) MigrateDown(ctx context.Context) (rolledBack []string, err error) {
	return db.migrateLocked(ctx, func(m *migrate.Migrator) (*migrate.MigrationGroup, error) { return m.Rollback(ctx) })
}

// migrateLocked runs one move of the migrator under the lock and names the
// migrations it moved.
func (db *DB) migrateLocked(ctx context.Context, move func(*migrate.Migrator) (*migrate.MigrationGroup, error)) ([]string, error) {
	m, err := db.migrator()
	if err != nil {
		return nil, err
	}
	unlock, err := db.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	group, err := move(m)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	var names []string
	for _, mig := range group.Migrations {
		names = append(names, mig.Name+"_"+mig.Comment)
	}
	return names, nil
}

// MigrationStatus writes every migration with whether it is applied, and
// reports how many are pending.
func (db *DB) MigrationStatus(ctx context.Context, w io.Writer) (pending int, err error) {
	m, err := db.migrator()
	if err != nil {
		return 0, err
	}
	if err := m.Init(ctx); err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	for _, mig := range ms {
		state := "pending"
		if mig.IsApplied() {
			state = fmt.Sprintf("applied %s (group %d)", mig.MigratedAt.UTC().Format("2006-01-02 15:04:05Z"), mig.GroupID)
		} else {
			pending++
		}
		fmt.Fprintf(w, "%s_%s\t%s\n", mig.Name, mig.Comment, state)
	}
	return pending, nil
}

// PendingMigrations counts the migrations not yet applied, without creating
// anything: the app's role may read the migration table but not create it.
func (db *DB) PendingMigrations(ctx context.Context) (int, error) {
	m, err := db.migrator()
	if err != nil {
		return 0, err
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return 0, fmt.Errorf("read the applied migrations: %w", err)
	}
	return len(ms.Unapplied()), nil
}
