package authz_test

import (
	"fmt"
	"testing"

	"github.com/casbin/casbin/v2"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// withExtensions stores the default rules and one extension for each of n
// alliances, in one bulk save, and gives the alliances.
func withExtensions(b *testing.B, db *store.DB, n int) []domain.ID {
	b.Helper()
	m, err := authz.NewModel()
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range authz.DefaultRules() {
		if err := m.AddPolicy("p", "p", []string{string(r.Role), authz.AnyAlliance, r.Permission.Object, r.Permission.Action}); err != nil {
			b.Fatal(err)
		}
	}
	alliances := make([]domain.ID, n)
	for i := range alliances {
		alliances[i] = domain.NewID()
		if err := m.AddPolicy("p", "p", []string{string(domain.RoleObserver), alliances[i].String(), authz.ObjMembers, authz.ActRead}); err != nil {
			b.Fatal(err)
		}
	}
	if err := authz.NewAdapter(db.Bun()).SavePolicy(m); err != nil {
		b.Fatal(err)
	}
	return alliances
}

// sizes are the numbers of alliances with an extension each.
var sizes = []int{10, 10_000}

// BenchmarkAllowed decides for a mentor who is also an entrepreneur, on a
// permission neither role holds (every rule that could grant it is looked
// at), in an alliance that has an extension.
func BenchmarkAllowed(b *testing.B) {
	manage := authz.Permission{Object: authz.ObjMembers, Action: authz.ActManage}
	roles := []domain.Role{domain.RoleMentor, domain.RoleEntrepreneur}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("alliances=%d", n), func(b *testing.B) {
			db := testkit.OpenDB(b)
			alliances := withExtensions(b, db, n)
			e := newEnforcer(b, db)
			alliance := alliances[n/2]
			for b.Loop() {
				if ok, err := e.Allowed(b.Context(), roles, alliance, manage); ok || err != nil {
					b.Fatalf("allowed %v (%v)", ok, err)
				}
			}
		})
	}
}

// BenchmarkCasbinAlone is the same decision by casbin holding every rule
// of every alliance: the design authz avoids, since its cost grows with
// the number of alliances.
func BenchmarkCasbinAlone(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("alliances=%d", n), func(b *testing.B) {
			db := testkit.OpenDB(b)
			alliances := withExtensions(b, db, n)
			m, err := authz.NewModel()
			if err != nil {
				b.Fatal(err)
			}
			e, err := casbin.NewSyncedEnforcer(m, authz.NewAdapter(db.Bun()))
			if err != nil {
				b.Fatal(err)
			}
			dom := alliances[n/2].String()
			for b.Loop() {
				for _, role := range []string{"mentor", "entrepreneur"} {
					if ok, err := e.Enforce(role, dom, authz.ObjMembers, authz.ActManage); ok || err != nil {
						b.Fatalf("allowed %v (%v)", ok, err)
					}
				}
			}
		})
	}
}
