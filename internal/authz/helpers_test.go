package authz_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

func newEnforcer(t testing.TB, db *store.DB) *authz.Enforcer {
	t.Helper()
	e, err := authz.New(t.Context(), db.Bun())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func allowed(t testing.TB, e *authz.Enforcer, alliance domain.ID, perm authz.Permission, roles ...domain.Role) bool {
	t.Helper()
	ok, err := e.Allowed(t.Context(), roles, alliance, perm)
	if err != nil {
		t.Fatalf("Allowed(%v, %s, %v): %v", roles, alliance, perm, err)
	}
	return ok
}

func version(t testing.TB, db *store.DB) int64 {
	t.Helper()
	v, err := authz.NewAdapter(db.Bun()).Version(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// ruleStrings writes rules as sorted "role object:action (default)" lines.
func ruleStrings(rules []authz.Rule) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = string(r.Role) + " " + r.Permission.Object + ":" + r.Permission.Action
		if r.Default {
			out[i] += " (default)"
		}
	}
	slices.Sort(out)
	return out
}

// fieldsOf gives the invalid fields of a domain error, or fails.
func fieldsOf(t *testing.T, err error) string {
	t.Helper()
	de := domain.AsError(err)
	if de.Code != domain.CodeInvalid {
		t.Fatalf("got %v, want an invalid error", err)
	}
	var fields []string
	for _, f := range de.Fields {
		fields = append(fields, f.Field+"="+f.Key)
	}
	return strings.Join(fields, ",")
}
