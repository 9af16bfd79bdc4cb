package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"syscall"

	"github.com/uptrace/bun/driver/pgdriver"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/mentorat/mentorat/internal/domain"
)

// classify turns a database error into a domain error: a missing row is
// not found, a uniqueness clash is a conflict, a lost connection is
// unavailable, and anything else is internal. Domain errors pass unchanged.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	switch {
	case errNoRows(err):
		return domain.NotFound()
	case isUniqueViolation(err):
		return &domain.Error{Code: domain.CodeConflict, Key: "error.conflict.duplicate", Cause: err}
	case isConnectionError(err):
		return domain.Unavailable(err)
	}
	return domain.Internal(err)
}

func isUniqueViolation(err error) bool {
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return pgErr.Field('C') == "23505"
	}
	var sqlErr *sqlite.Error
	if errors.As(err, &sqlErr) {
		code := sqlErr.Code()
		return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// isConnectionError tells whether err comes from a database that cannot be
// reached, rather than from the query.
func isConnectionError(err error) bool {
	var opErr *net.OpError
	var pgErr pgdriver.Error
	switch {
	case errors.As(err, &pgErr):
		// Class 08: connection exception; 57P01-03: the server shut down.
		code := pgErr.Field('C')
		return len(code) == 5 && (code[:2] == "08" || code[:3] == "57P")
	case errors.As(err, &opErr),
		errors.Is(err, driver.ErrBadConn),
		errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, context.DeadlineExceeded):
		return true
	}
	return false
}
