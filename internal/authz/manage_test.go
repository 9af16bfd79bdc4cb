package authz_test

import (
	"slices"
	"testing"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

func TestUnknownNamesAreRefused(t *testing.T) {
	db := testkit.OpenDB(t)
	e := newEnforcer(t, db)
	alliance := domain.NewID()
	before := version(t, db)
	for _, c := range []struct {
		name     string
		alliance domain.ID
		role     domain.Role
		perm     authz.Permission
		fields   string
	}{
		{"unknown role", alliance, "stranger", readMembers, "role=validation.one_of"},
		{"unknown object", alliance, domain.RoleMentor, authz.Permission{Object: "payroll", Action: authz.ActRead}, "object=validation.one_of"},
		{"unknown action", alliance, domain.RoleMentor, authz.Permission{Object: authz.ObjMembers, Action: "delete"}, "action=validation.one_of"},
		{"action the object lacks", alliance, domain.RoleMentor, authz.Permission{Object: authz.ObjAudit, Action: authz.ActManage}, "action=validation.one_of"},
		{"everything unknown", alliance, "", authz.Permission{}, "role=validation.one_of,object=validation.one_of,action=validation.one_of"},
		{"no alliance", domain.ID{}, domain.RoleMentor, readMembers, "alliance=validation.required"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, change := range []func() error{
				func() error { return e.AddForAlliance(t.Context(), c.alliance, c.role, c.perm) },
				func() error { return e.RemoveForAlliance(t.Context(), c.alliance, c.role, c.perm) },
			} {
				if got := fieldsOf(t, change()); got != c.fields {
					t.Errorf("invalid fields %s, want %s", got, c.fields)
				}
			}
		})
	}
	t.Run("the error lists the values to choose from", func(t *testing.T) {
		err := e.AddForAlliance(t.Context(), alliance, domain.RoleMentor, authz.Permission{Object: authz.ObjPolicy, Action: "delete"})
		if args := domain.AsError(err).Fields[0].Args; args["values"] != "read, manage" {
			t.Errorf("args %v, want the actions of policy", args)
		}
	})
	if v := version(t, db); v != before {
		t.Errorf("version %d, was %d: a refused change wrote", v, before)
	}
	rules, err := e.PoliciesFor(t.Context(), alliance)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ruleStrings(rules), ruleStrings(authz.DefaultRules()); !slices.Equal(got, want) {
		t.Errorf("rules after refused changes:\n%v\nwant the defaults", got)
	}
}

func TestDefaultsCannotBeRemoved(t *testing.T) {
	db := testkit.OpenDB(t)
	e := newEnforcer(t, db)
	alliance := domain.NewID()
	before := version(t, db)
	err := e.RemoveForAlliance(t.Context(), alliance, domain.RoleAdmin, authz.Permission{Object: authz.ObjPolicy, Action: authz.ActManage})
	if de := domain.AsError(err); de.Code != domain.CodeConflict || de.Key != "error.conflict.default_policy" {
		t.Fatalf("got %v, want the default policy conflict", err)
	}
	if v := version(t, db); v != before {
		t.Errorf("version %d, was %d", v, before)
	}
	if !allowed(t, e, alliance, authz.Permission{Object: authz.ObjPolicy, Action: authz.ActManage}, domain.RoleAdmin) {
		t.Error("the admin lost policy:manage")
	}
}

func TestChangesAreIdempotentAndCounted(t *testing.T) {
	db := testkit.OpenDB(t)
	e := newEnforcer(t, db)
	ctx := t.Context()
	a, b := domain.NewID(), domain.NewID()
	readAudit := authz.Permission{Object: authz.ObjAudit, Action: authz.ActRead}
	steps := []struct {
		name   string
		change func() error
		bump   int64 // how much the version moves
	}{
		{"add an extension", func() error { return e.AddForAlliance(ctx, a, domain.RoleObserver, readMembers) }, 1},
		{"add it again", func() error { return e.AddForAlliance(ctx, a, domain.RoleObserver, readMembers) }, 0},
		{"add what a default grants", func() error { return e.AddForAlliance(ctx, a, domain.RoleMentor, readMembers) }, 0},
		{"add a second extension", func() error { return e.AddForAlliance(ctx, a, domain.RoleCoordinator, readAudit) }, 1},
		{"add one for B", func() error { return e.AddForAlliance(ctx, b, domain.RoleCoordinator, readAudit) }, 1},
		{"remove one", func() error { return e.RemoveForAlliance(ctx, a, domain.RoleObserver, readMembers) }, 1},
		{"remove it again", func() error { return e.RemoveForAlliance(ctx, a, domain.RoleObserver, readMembers) }, 0},
	}
	for _, s := range steps {
		before := version(t, db)
		if err := s.change(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if v := version(t, db); v != before+s.bump {
			t.Errorf("%s: version %d, want %d", s.name, v, before+s.bump)
		}
	}
	rules, err := e.PoliciesFor(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	want := append(ruleStrings(authz.DefaultRules()), "coordinator audit:read")
	slices.Sort(want)
	if got := ruleStrings(rules); !slices.Equal(got, want) {
		t.Errorf("A's rules:\n%v\nwant\n%v", got, want)
	}
	before := version(t, db)
	if err := e.RemoveAlliance(ctx, a); err != nil {
		t.Fatal(err)
	}
	if v := version(t, db); v != before+1 {
		t.Errorf("removing the alliance: version %d, want %d", v, before+1)
	}
	if allowed(t, e, a, readAudit, domain.RoleCoordinator) {
		t.Error("A's extension outlived the alliance")
	}
	if !allowed(t, e, b, readAudit, domain.RoleCoordinator) {
		t.Error("removing A took B's extension")
	}
}
