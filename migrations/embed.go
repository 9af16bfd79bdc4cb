// Package migrations holds the SQL migrations of both database dialects,
// numbered and append-only, embedded in the binary. The two sets describe
// the same tables and columns; the PostgreSQL set also enables and forces
// row-level security on every tenant table.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// Postgres is the migration set for PostgreSQL.
var Postgres = mustSub("postgres")

// SQLite is the migration set for the embedded SQLite database.
var SQLite = mustSub("sqlite")

func mustSub(dir string) fs.FS {
	sub, err := fs.Sub(files, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
