package service_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

func TestEveryChangeLeavesAnAuditEntry(t *testing.T) {
	e := newSvcEnv(t)
	// Account events: a sign-up and a failed login.
	awa := e.signup("awa@example.org", "Awa", domain.French)
	if _, _, err := e.accounts.Login(e.ctx, "awa@example.org", "wrong password", service.KindAPI, "", "203.0.113.4"); err == nil {
		t.Fatal("a wrong password logged in")
	}
	if got := e.accountEventsOf(awa.ID); !slices.Equal(got, []string{domain.AuditSignup, domain.AuditLoginFailed}) {
		t.Fatalf("account events %v; want the sign-up and the failed login", got)
	}

	// The alliance's audit log.
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, a, domain.RoleMentor) // invitation sent and accepted
	admin := e.caller(awa, a)
	suspended := domain.StatusSuspended
	for _, ch := range []domain.MemberChange{{Roles: []domain.Role{domain.RoleCoordinator}}, {Status: &suspended}} {
		if _, err := e.members.Change(e.ctx, admin, moussa.ID, ch); err != nil {
			t.Fatal(err)
		}
	}
	name := "Mentors du Sahel"
	if err := e.alliances.Update(e.ctx, actorOf(awa), a, service.AllianceChange{Name: &name}); err != nil {
		t.Fatal(err)
	}
	perm := authz.Permission{Object: authz.ObjAudit, Action: authz.ActRead}
	if err := e.policies.Add(e.ctx, admin, domain.RoleCoordinator, perm); err != nil {
		t.Fatal(err)
	}
	if err := e.policies.Remove(e.ctx, admin, domain.RoleCoordinator, perm); err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, entry := range e.audit(a, "") {
		actions = append(actions, entry.Action)
		if entry.ActorID == nil || entry.IP == "" || entry.At.IsZero() || entry.AllianceID != a.ID {
			t.Errorf("entry %+v lacks who, from where, when or the alliance", entry)
		}
	}
	slices.Reverse(actions)
	want := []string{
		domain.AuditAllianceCreated, domain.AuditInvitationSent, domain.AuditInvitationAccept,
		domain.AuditMemberChanged, domain.AuditMemberChanged, domain.AuditAllianceUpdated,
		domain.AuditPolicyAdded, domain.AuditPolicyRemoved,
	}
	if !slices.Equal(actions, want) {
		t.Fatalf("audit actions %v;\nwant %v", actions, want)
	}
	policy := e.audit(a, domain.AuditPolicyAdded)[0]
	if policy.Target != "coordinator" || policy.Details["object"] != "audit" || policy.Details["action"] != "read" {
		t.Fatalf("policy entry %+v", policy)
	}
	// Filters: a prefix ending in a dot, and an exact action.
	for filter, n := range map[string]int{"member.": 2, "invitation.": 2, "policy.": 2, "alliance.updated": 1, "alliance.": 2, "member": 0} {
		if got := len(e.audit(a, filter)); got != n {
			t.Errorf("filter %q: %d entries; want %d", filter, got, n)
		}
	}
	// Another alliance's log holds none of it.
	other := e.createAlliance(moussa, "sahel-mentors", domain.French)
	if got := e.audit(other, ""); len(got) != 1 || got[0].Action != domain.AuditAllianceCreated {
		t.Fatalf("the other alliance's log: %+v", got)
	}
}

func TestTheAppCannotChangeNorDeleteAuditRows(t *testing.T) {
	e := newSvcEnv(t)
	awa := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	entry := e.audit(a, "")[0]
	try := func(tenant *domain.ID, query string, args ...any) error {
		return e.inTx(tenant, func(tx bun.IDB) error {
			_, err := tx.NewRaw(query, args...).Exec(e.ctx)
			return err
		})
	}
	refused := func(err error) bool {
		if err == nil {
			return false
		}
		msg := err.Error()
		if testkit.UsePostgres() {
			return strings.Contains(msg, "permission denied")
		}
		return strings.Contains(msg, "append-only")
	}
	if err := try(&a.ID, "UPDATE audit_log SET action = 'forged', actor_name = 'nobody' WHERE id = ?", entry.ID); !refused(err) {
		t.Fatalf("UPDATE audit_log: %v; want it refused", err)
	}
	if testkit.UsePostgres() {
		if err := try(&a.ID, "DELETE FROM audit_log WHERE id = ?", entry.ID); !refused(err) {
			t.Fatalf("DELETE FROM audit_log: %v; want permission denied", err)
		}
		if err := try(nil, "UPDATE account_events SET action = 'forged' WHERE user_id = ?", awa.ID); !refused(err) {
			t.Fatalf("UPDATE account_events: %v; want permission denied", err)
		}
		if err := try(nil, "DELETE FROM account_events WHERE user_id = ?", awa.ID); !refused(err) {
			t.Fatalf("DELETE FROM account_events: %v; want permission denied", err)
		}
	}
	after := e.audit(a, "")
	if len(after) != 1 || after[0].Action != domain.AuditAllianceCreated || after[0].ActorName != entry.ActorName {
		t.Fatalf("the entry changed: %+v", after)
	}
	if got := e.accountEventsOf(awa.ID); len(got) != 1 || got[0] != domain.AuditSignup {
		t.Fatalf("account events changed: %v", got)
	}
	// Appending stays possible.
	if err := e.db.InTenant(e.ctx, a.ID, func(tx *store.Tx) error {
		return tx.InsertAudit(e.ctx, a.ID, &domain.AuditEntry{ID: domain.NewID(), ActorName: "Awa", Action: "test.appended", At: entry.At})
	}); err != nil {
		t.Fatalf("append: %v", err)
	}
}
