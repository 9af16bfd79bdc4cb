package authz_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// shipped is the default policy as the product promises it, written out
// apart from the package's own table.
var shipped = map[authz.Permission][]domain.Role{
	{Object: authz.ObjAlliance, Action: authz.ActRead}:        {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver},
	{Object: authz.ObjAlliance, Action: authz.ActUpdate}:      {domain.RoleAdmin},
	{Object: authz.ObjMembers, Action: authz.ActRead}:         {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur},
	{Object: authz.ObjMembers, Action: authz.ActManage}:       {domain.RoleAdmin},
	{Object: authz.ObjInvitations, Action: authz.ActCreate}:   {domain.RoleAdmin},
	{Object: authz.ObjInvitations, Action: authz.ActRead}:     {domain.RoleAdmin},
	{Object: authz.ObjAudit, Action: authz.ActRead}:           {domain.RoleAdmin},
	{Object: authz.ObjMail, Action: authz.ActRead}:            {domain.RoleAdmin},
	{Object: authz.ObjJobs, Action: authz.ActRead}:            {domain.RoleAdmin},
	{Object: authz.ObjPolicy, Action: authz.ActRead}:          {domain.RoleAdmin},
	{Object: authz.ObjPolicy, Action: authz.ActManage}:        {domain.RoleAdmin},
	{Object: authz.ObjCharter, Action: authz.ActManage}:       {domain.RoleAdmin},
	{Object: authz.ObjCharter, Action: authz.ActAccept}:       {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver},
	{Object: authz.ObjLibrary, Action: authz.ActRead}:         {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur, domain.RoleObserver},
	{Object: authz.ObjLibrary, Action: authz.ActWrite}:        {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjLibrary, Action: authz.ActAccept}:       {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor},
	{Object: authz.ObjPeer, Action: authz.ActRead}:            {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor},
	{Object: authz.ObjPeer, Action: authz.ActManage}:          {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjCohorts, Action: authz.ActRead}:         {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjCohorts, Action: authz.ActManage}:       {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjPipeline, Action: authz.ActRead}:        {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjPipeline, Action: authz.ActManage}:      {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjMentorships, Action: authz.ActRead}:     {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleMentor, domain.RoleEntrepreneur},
	{Object: authz.ObjMentorships, Action: authz.ActManage}:   {domain.RoleAdmin, domain.RoleCoordinator},
	{Object: authz.ObjMentorships, Action: authz.ActOverride}: {domain.RoleAdmin},
	{Object: authz.ObjReports, Action: authz.ActRead}:         {domain.RoleAdmin, domain.RoleCoordinator, domain.RoleObserver},
	{Object: authz.ObjReports, Action: authz.ActExport}:       {domain.RoleAdmin},
	{Object: authz.ObjBilling, Action: authz.ActManage}:       {domain.RoleAdmin},
}

func TestDefaultPolicy(t *testing.T) {
	if len(authz.Permissions) != len(shipped) {
		t.Fatalf("%d permissions, want %d", len(authz.Permissions), len(shipped))
	}
	e := newEnforcer(t, testkit.OpenDB(t))
	alliance := domain.NewID()
	for _, perm := range authz.Permissions {
		holders, ok := shipped[perm]
		if !ok {
			t.Errorf("permission %v is not in the shipped policy", perm)
		}
		for _, role := range append(slices.Clone(domain.Roles), "stranger") {
			t.Run(fmt.Sprintf("%s %s:%s", role, perm.Object, perm.Action), func(t *testing.T) {
				want := slices.Contains(holders, role)
				if got := allowed(t, e, alliance, perm, role); got != want {
					t.Errorf("allowed %v, want %v", got, want)
				}
			})
		}
	}
	if allowed(t, e, alliance, authz.Permission{Object: authz.ObjAlliance, Action: authz.ActRead}) {
		t.Error("no role at all is allowed to read the alliance")
	}
}

func TestNewSeedsOnceAndKeepsExtensions(t *testing.T) {
	db := testkit.OpenDB(t)
	e := newEnforcer(t, db)
	seeded := version(t, db)
	alliance := domain.NewID()
	readMembers := authz.Permission{Object: authz.ObjMembers, Action: authz.ActRead}
	if err := e.AddForAlliance(t.Context(), alliance, domain.RoleObserver, readMembers); err != nil {
		t.Fatal(err)
	}
	again := newEnforcer(t, db)
	if v := version(t, db); v != seeded+1 {
		t.Errorf("version %d after a second New, want %d: seeding again changed the policy", v, seeded+1)
	}
	if !allowed(t, again, alliance, readMembers, domain.RoleObserver) {
		t.Error("the extension did not survive a second New")
	}
	rules, err := again.PoliciesFor(t.Context(), domain.NewID())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ruleStrings(rules), ruleStrings(authz.DefaultRules()); !slices.Equal(got, want) {
		t.Errorf("another alliance's rules:\n%v\nwant the defaults:\n%v", got, want)
	}
}
