package service_test

import (
	"slices"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestTheLastAdminCannotBeDemotedNorSuspendedUntilAnotherExists(t *testing.T) {
	e := newSvcEnv(t)
	awa := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	suspended, left := domain.StatusSuspended, domain.StatusLeft
	tests := []struct {
		name   string
		change domain.MemberChange
	}{
		{"demoted", domain.MemberChange{Roles: []domain.Role{domain.RoleMentor}}},
		{"suspended", domain.MemberChange{Status: &suspended}},
		{"made to leave", domain.MemberChange{Status: &left}},
		{"demoted and suspended", domain.MemberChange{Roles: []domain.Role{domain.RoleCoordinator}, Status: &suspended}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			audit := e.count(&a.ID, "audit_log")
			_, err := e.members.Change(e.ctx, e.caller(awa, a), awa.ID, tc.change)
			wantError(t, err, domain.CodeConflict, "error.conflict.last_admin")
			m, _ := e.members.Membership(e.ctx, a.ID, awa.ID)
			if !m.IsActiveAdmin() {
				t.Fatalf("membership %+v; want the admin unchanged", m)
			}
			if n := e.count(&a.ID, "audit_log"); n != audit {
				t.Fatal("a refused change was audited")
			}
		})
	}
	// With a second active admin, the first can step down; then the second
	// is the last one.
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, a, domain.RoleAdmin)
	m, err := e.members.Change(e.ctx, e.caller(awa, a), awa.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleMentor}})
	if err != nil || !slices.Equal(m.Roles, []domain.Role{domain.RoleMentor}) {
		t.Fatalf("demote with another admin: %v %+v", err, m)
	}
	_, err = e.members.Change(e.ctx, e.caller(moussa, a), moussa.ID, domain.MemberChange{Status: &suspended})
	wantError(t, err, domain.CodeConflict, "error.conflict.last_admin")
	// A suspended admin is not an active admin: suspending one of two
	// leaves one, and the other may not then be demoted.
	if _, err := e.members.Change(e.ctx, e.caller(moussa, a), awa.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleAdmin}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.members.Change(e.ctx, e.caller(moussa, a), awa.ID, domain.MemberChange{Status: &suspended}); err != nil {
		t.Fatalf("suspend one of two admins: %v", err)
	}
	_, err = e.members.Change(e.ctx, e.caller(moussa, a), moussa.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleMentor}})
	wantError(t, err, domain.CodeConflict, "error.conflict.last_admin")
}

func TestRoleAndStatusChangesAreAudited(t *testing.T) {
	e := newSvcEnv(t)
	awa := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, a, domain.RoleMentor)
	suspended := domain.StatusSuspended
	if _, err := e.members.Change(e.ctx, e.caller(awa, a), moussa.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleMentor, domain.RoleCoordinator}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.members.Change(e.ctx, e.caller(awa, a), moussa.ID, domain.MemberChange{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	entries := e.audit(a, "member.")
	if len(entries) != 2 {
		t.Fatalf("audit %+v; want two member entries", entries)
	}
	status, roles := entries[0], entries[1] // newest first
	if status.Action != domain.AuditMemberChanged || status.Target != moussa.ID.String() ||
		status.Details["status_from"] != "active" || status.Details["status_to"] != "suspended" || status.ActorID == nil || *status.ActorID != awa.ID {
		t.Fatalf("status entry %+v", status)
	}
	if to, _ := roles.Details["roles_to"].([]any); len(to) != 2 || to[0] != "coordinator" || to[1] != "mentor" {
		t.Fatalf("roles entry %+v", roles)
	}
}

func TestMentorCapacityDefaultsToThreeAndCanBeChanged(t *testing.T) {
	e := newSvcEnv(t)
	awa := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	if m := e.join(awa, moussa, a, domain.RoleMentor); m.Capacity != 3 {
		t.Fatalf("capacity %d; want 3 by default", m.Capacity)
	}
	for _, tc := range []struct {
		capacity int
		ok       bool
	}{{5, true}, {0, true}, {50, true}, {-1, false}, {51, false}, {1000, false}} {
		c := tc.capacity
		m, err := e.members.Change(e.ctx, e.caller(awa, a), moussa.ID, domain.MemberChange{Capacity: &c})
		if !tc.ok {
			wantError(t, err, domain.CodeInvalid, "")
			if fieldKeys(err)["capacity"] != "validation.range" {
				t.Fatalf("capacity %d: fields %v", c, fieldKeys(err))
			}
			continue
		}
		if err != nil || m.Capacity != c {
			t.Fatalf("capacity %d: %v %+v", c, err, m)
		}
		if stored, _ := e.members.Membership(e.ctx, a.ID, moussa.ID); stored.Capacity != c {
			t.Fatalf("stored capacity %d; want %d", stored.Capacity, c)
		}
	}
}

func TestMemberChangeRefusesUnknownValues(t *testing.T) {
	e := newSvcEnv(t)
	awa := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(awa, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, a, domain.RoleMentor)
	banned := domain.MemberStatus("banned")
	_, err := e.members.Change(e.ctx, e.caller(awa, a), moussa.ID, domain.MemberChange{Roles: []domain.Role{"king"}, Status: &banned})
	wantError(t, err, domain.CodeInvalid, "")
	if got := fieldKeys(err); got["roles"] != "validation.one_of" || got["status"] != "validation.one_of" {
		t.Fatalf("fields %v", got)
	}
	_, err = e.members.Change(e.ctx, e.caller(awa, a), moussa.ID, domain.MemberChange{Roles: []domain.Role{}})
	wantError(t, err, domain.CodeInvalid, "")
	// Someone who is not a member is not found.
	stranger := e.signup("fatou@example.org", "Fatou", domain.French)
	_, err = e.members.Change(e.ctx, e.caller(awa, a), stranger.ID, domain.MemberChange{Roles: []domain.Role{domain.RoleMentor}})
	wantError(t, err, domain.CodeNotFound, "")
	if m, _ := e.members.Membership(e.ctx, a.ID, moussa.ID); !slices.Equal(m.Roles, []domain.Role{domain.RoleMentor}) {
		t.Fatalf("membership %+v changed by refused changes", m)
	}
}
