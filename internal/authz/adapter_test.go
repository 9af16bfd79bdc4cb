package authz_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/casbin/casbin/v2/model"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/testkit"
)

// rbacModel has role links (g) besides rules, to show that the adapter
// keeps any ptype, not only the product's.
const rbacModel = `
[request_definition]
r = sub, dom, obj, act
[policy_definition]
p = sub, dom, obj, act
[role_definition]
g = _, _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
`

func newRBACModel(t *testing.T, lines ...string) model.Model {
	t.Helper()
	m, err := model.NewModelFromString(rbacModel)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		v := strings.Split(l, ", ")
		if err := m.AddPolicy(v[0][:1], v[0], v[1:]); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// stored loads every stored line, sorted, as "ptype, v0, v1, ...".
func stored(t *testing.T, a *authz.Adapter) []string {
	t.Helper()
	m := newRBACModel(t)
	if err := a.LoadPolicy(m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, sec := range []string{"p", "g"} {
		for ptype, assertion := range m[sec] {
			for _, rule := range assertion.Policy {
				out = append(out, strings.Join(append([]string{ptype}, rule...), ", "))
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestAdapterRoundTrip(t *testing.T) {
	db := testkit.OpenDB(t)
	a := authz.NewAdapter(db.Bun())
	versionIs := func(want int64) {
		t.Helper()
		if v := version(t, db); v != want {
			t.Errorf("version %d, want %d", v, want)
		}
	}
	storedAre := func(want ...string) {
		t.Helper()
		want = slices.Sorted(slices.Values(want))
		if got := stored(t, a); !slices.Equal(got, want) {
			t.Errorf("stored:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	versionIs(0)
	storedAre()

	saved := []string{
		"p, admin, *, alliance, update",
		"p, mentor, 0190c5a4-0000-7000-8000-000000000001, audit, read",
		"g, alice, admin, 0190c5a4-0000-7000-8000-000000000001",
	}
	if err := a.SavePolicy(newRBACModel(t, saved...)); err != nil {
		t.Fatal(err)
	}
	versionIs(1)
	storedAre(saved...)

	if err := a.SavePolicy(newRBACModel(t, saved[0])); err != nil {
		t.Fatal(err)
	}
	versionIs(2)
	storedAre(saved[0])

	if err := a.AddPolicy("p", "p", []string{"observer", "*", "alliance", "read"}); err != nil {
		t.Fatal(err)
	}
	if err := a.AddPolicy("p", "p", []string{"observer", "*", "alliance", "read"}); err != nil {
		t.Fatal(err)
	}
	versionIs(3)
	storedAre(saved[0], "p, observer, *, alliance, read")

	if err := a.RemovePolicy("p", "p", []string{"observer", "*", "alliance"}); err != nil {
		t.Fatal(err)
	}
	versionIs(3) // a rule of three values is another rule: nothing removed
	if err := a.RemoveFilteredPolicy("p", "p", 2, "alliance", ""); err != nil {
		t.Fatal(err)
	}
	versionIs(4)
	storedAre()

	if err := a.AddPolicy("p", "p", []string{"1", "2", "3", "4", "5", "6", "7"}); err == nil {
		t.Error("a rule of seven values was stored")
	}
	if err := a.RemoveFilteredPolicy("p", "p", 5, "x", "y"); err == nil {
		t.Error("a filter beyond v5 was accepted")
	}
	versionIs(4)
}

func TestAdapterSavesInBatches(t *testing.T) {
	db := testkit.OpenDB(t)
	a := authz.NewAdapter(db.Bun())
	m, err := authz.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	const n = 1234
	for i := range n {
		if err := m.AddPolicy("p", "p", []string{"mentor", fmt.Sprintf("alliance-%d", i), "audit", "read"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.SavePolicy(m); err != nil {
		t.Fatal(err)
	}
	loaded, err := authz.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LoadPolicy(loaded); err != nil {
		t.Fatal(err)
	}
	if rules, _ := loaded.GetPolicy("p", "p"); len(rules) != n {
		t.Errorf("loaded %d rules, want %d", len(rules), n)
	}
}
