package authz_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/casbin/casbin/v2"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

var readMembers = authz.Permission{Object: authz.ObjMembers, Action: authz.ActRead}

func TestExtensionHoldsInItsAllianceOnly(t *testing.T) {
	e := newEnforcer(t, testkit.OpenDB(t))
	a, b := domain.NewID(), domain.NewID()
	if allowed(t, e, a, readMembers, domain.RoleObserver) {
		t.Fatal("an observer reads members before any extension")
	}
	if err := e.AddForAlliance(t.Context(), a, domain.RoleObserver, readMembers); err != nil {
		t.Fatal(err)
	}
	if !allowed(t, e, a, readMembers, domain.RoleObserver) {
		t.Error("the observer may not read members in A, which granted it")
	}
	if allowed(t, e, b, readMembers, domain.RoleObserver) {
		t.Error("the observer may read members in B, which granted nothing")
	}
	if !allowed(t, e, a, readMembers, "stranger", domain.RoleObserver) {
		t.Error("a second role should be enough")
	}
	if err := e.RemoveForAlliance(t.Context(), a, domain.RoleObserver, readMembers); err != nil {
		t.Fatal(err)
	}
	if allowed(t, e, a, readMembers, domain.RoleObserver) {
		t.Error("the observer still reads members in A after the extension went")
	}
}

// TestDecisionsFollowTheModel checks that the split of the policy (casbin
// for the defaults, an index for extensions) decides exactly as casbin
// does alone with every rule loaded through the adapter.
func TestDecisionsFollowTheModel(t *testing.T) {
	db := testkit.OpenDB(t)
	e := newEnforcer(t, db)
	a, b, c := domain.NewID(), domain.NewID(), domain.NewID()
	grants := []struct {
		alliance domain.ID
		role     domain.Role
		perm     authz.Permission
	}{
		{a, domain.RoleObserver, readMembers},
		{a, domain.RoleCoordinator, authz.Permission{Object: authz.ObjInvitations, Action: authz.ActCreate}},
		{b, domain.RoleMentor, authz.Permission{Object: authz.ObjAudit, Action: authz.ActRead}},
		{b, domain.RoleCoordinator, authz.Permission{Object: authz.ObjPolicy, Action: authz.ActRead}},
	}
	for _, g := range grants {
		if err := e.AddForAlliance(t.Context(), g.alliance, g.role, g.perm); err != nil {
			t.Fatal(err)
		}
	}
	m, err := authz.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := casbin.NewEnforcer(m, authz.NewAdapter(db.Bun()))
	if err != nil {
		t.Fatal(err)
	}
	for _, alliance := range []domain.ID{a, b, c} {
		for _, role := range append(slices.Clone(domain.Roles), "stranger") {
			for _, perm := range authz.Permissions {
				want, err := whole.Enforce(string(role), alliance.String(), perm.Object, perm.Action)
				if err != nil {
					t.Fatal(err)
				}
				if got := allowed(t, e, alliance, perm, role); got != want {
					t.Errorf("%s %s:%s in %s: allowed %v, casbin says %v", role, perm.Object, perm.Action, alliance, got, want)
				}
			}
		}
	}
}

func TestChangeReachesAnotherInstance(t *testing.T) {
	d := testkit.NewDatabase(t)
	one, other := newEnforcer(t, testkit.Open(t, d)), newEnforcer(t, testkit.Open(t, d))
	alliance := domain.NewID()
	// waitFor polls other until it decides want, and says how long it took.
	waitFor := func(want bool) time.Duration {
		t.Helper()
		start := time.Now()
		for allowed(t, other, alliance, readMembers, domain.RoleObserver) != want {
			if time.Since(start) > time.Second {
				t.Fatalf("after a second, the other instance still decides %v", !want)
			}
			time.Sleep(5 * time.Millisecond)
		}
		return time.Since(start)
	}
	waitFor(false) // the other instance has read the policy before the change
	if err := one.AddForAlliance(t.Context(), alliance, domain.RoleObserver, readMembers); err != nil {
		t.Fatal(err)
	}
	t.Logf("a grant reached the other instance in %v", waitFor(true))
	if err := one.RemoveAlliance(t.Context(), alliance); err != nil {
		t.Fatal(err)
	}
	t.Logf("a withdrawal reached the other instance in %v", waitFor(false))
}

func TestConcurrentDecisionsAndChanges(t *testing.T) {
	e := newEnforcer(t, testkit.OpenDB(t))
	alliance := domain.NewID()
	updateAlliance := authz.Permission{Object: authz.ObjAlliance, Action: authz.ActUpdate}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ok, err := e.Allowed(t.Context(), []domain.Role{domain.RoleAdmin}, alliance, updateAlliance)
				if err != nil || !ok {
					t.Errorf("the admin lost a default permission while extensions changed (%v)", err)
					return
				}
				if _, err := e.Allowed(t.Context(), []domain.Role{domain.RoleObserver}, alliance, readMembers); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for i := range 20 {
		change := e.AddForAlliance
		if i%2 == 1 {
			change = e.RemoveForAlliance
		}
		if err := change(t.Context(), alliance, domain.RoleObserver, readMembers); err != nil {
			t.Error(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if allowed(t, e, alliance, readMembers, domain.RoleObserver) {
		t.Error("the last change withdrew the extension, yet it holds")
	}
}
