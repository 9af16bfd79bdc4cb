package domain

import (
	"errors"
	"fmt"
)

// Code names a kind of failure. The web layer maps each code to one HTTP
// status; the i18n catalogs hold a title and a default detail for each.
type Code string

// The error codes of the product.
const (
	CodeInvalid          Code = "invalid"            // a well-formed request whose fields fail validation
	CodeMalformed        Code = "malformed"          // a body that cannot be decoded
	CodeTooLarge         Code = "too_large"          // a body over the size limit
	CodeNotFound         Code = "not_found"          // absent, or in another alliance, or not the caller's to know
	CodeConflict         Code = "conflict"           // a uniqueness clash or a state move that is not allowed
	CodeLimitReached     Code = "limit_reached"      // the alliance's plan allows no more of something
	CodeUnauthenticated  Code = "unauthenticated"    // no credentials, or bad ones
	CodeForbidden        Code = "forbidden"          // authenticated, but the role does not allow it
	CodeRateLimited      Code = "rate_limited"       // too many requests
	CodeMethodNotAllowed Code = "method_not_allowed" // the route exists with other methods
	CodeUnavailable      Code = "unavailable"        // a dependency (database, queue) is down
	CodeInternal         Code = "internal"           // anything else: logged, never shown
)

// FieldError is one invalid field: its JSON path and a translation key with
// the arguments the message needs.
type FieldError struct {
	Field string
	Key   string
	Args  map[string]any
}

// Error is the one error type of the product. Key and Args, when set, name a
// translated detail message; otherwise the code's default detail is used.
// Link, when set, is the address of the product's page where the person
// can lift the error (the billing page, for a limit reached). Cause is the
// internal error behind it: it is logged, never shown.
type Error struct {
	Code    Code
	Key     string
	Args    map[string]any
	Fields  []FieldError
	Allowed []string
	Link    string
	Cause   error
}

// Error describes the error for logs.
func (e *Error) Error() string {
	msg := string(e.Code)
	if e.Key != "" {
		msg += ": " + e.Key
	}
	for _, f := range e.Fields {
		msg += fmt.Sprintf(" [%s: %s]", f.Field, f.Key)
	}
	if e.Cause != nil {
		msg += ": " + e.Cause.Error()
	}
	return msg
}

// Unwrap gives the internal cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Cause }

// E builds an error of the given code with a translated detail key.
func E(code Code, key string, args map[string]any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Internal wraps an unexpected error; its text stays in the logs.
func Internal(cause error) *Error {
	return &Error{Code: CodeInternal, Cause: cause}
}

// NotFound is the answer for anything absent or not the caller's to see.
func NotFound() *Error { return &Error{Code: CodeNotFound} }

// Unavailable wraps the failure of a dependency the request needed.
func Unavailable(cause error) *Error {
	return &Error{Code: CodeUnavailable, Cause: cause}
}

// ErrorCode gives the code of err: the code of a domain error, or internal
// for anything else.
func ErrorCode(err error) Code {
	var de *Error
	if errors.As(err, &de) {
		return de.Code
	}
	return CodeInternal
}

// AsError gives err as a domain error, wrapping anything else as internal.
func AsError(err error) *Error {
	var de *Error
	if errors.As(err, &de) {
		return de
	}
	return Internal(err)
}
