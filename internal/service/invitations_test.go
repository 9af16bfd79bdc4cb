package service_test

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
)

func TestInvitationMailIsQueuedInTheAlliancesLanguage(t *testing.T) {
	tests := []struct {
		loc           domain.Locale
		subject, body string
	}{
		{domain.French, "Awa Traoré vous invite à rejoindre Alliance mali-mentors", "avec le rôle\u202f: administrateur, mentor"},
		{domain.English, "Awa Traoré invites you to join Alliance mali-mentors", "as: admin, mentor"},
	}
	for _, tc := range tests {
		t.Run(string(tc.loc), func(t *testing.T) {
			e := newSvcEnv(t)
			// The admin's own language does not matter: the alliance's does.
			admin := e.signup("awa@example.org", "Awa Traoré", domain.English)
			if tc.loc == domain.English {
				admin = e.signup("awa2@example.org", "Awa Traoré", domain.French)
			}
			a := e.createAlliance(admin, "mali-mentors", tc.loc)
			token := e.invite(e.caller(admin, a), " Moussa@Example.org", domain.RoleMentor, domain.RoleAdmin)
			mails := e.mails()
			if len(mails) != 1 {
				t.Fatalf("%d mails queued; want 1", len(mails))
			}
			m := mails[0]
			if m.TaskType != jobs.TypeSendMail || m.AllianceID == nil || *m.AllianceID != a.ID || m.To != "moussa@example.org" {
				t.Fatalf("queued %+v; want a mail:send of the alliance to moussa@example.org", m)
			}
			if m.Subject != tc.subject || !strings.Contains(m.Text, tc.body) || !strings.Contains(m.Text, svcBaseURL+"/invitations/"+token) {
				t.Fatalf("mail %q / %q; want subject %q, %q and the link", m.Subject, m.Text, tc.subject, tc.body)
			}
			// Only the token's hash is kept.
			var stored []string
			if err := e.inTx(&a.ID, func(tx bun.IDB) error {
				return tx.NewRaw("SELECT token_hash FROM invitations").Scan(e.ctx, &stored)
			}); err != nil {
				t.Fatal(err)
			}
			if len(stored) != 1 || stored[0] != auth.Hash(token) {
				t.Fatalf("stored %v; want the token's hash", stored)
			}
			entries := e.audit(a, domain.AuditInvitationSent)
			if len(entries) != 1 || entries[0].Target != "moussa@example.org" {
				t.Fatalf("audit %+v; want invitation.sent to moussa@example.org", entries)
			}
		})
	}
}

func TestAcceptingAnInvitationMakesAMemberOnce(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	token := e.invite(e.caller(admin, a), "moussa@example.org", domain.RoleMentor, domain.RoleCoordinator, domain.RoleMentor)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)

	inv, got, err := e.invitations.Lookup(e.ctx, token)
	if err != nil || got.ID != a.ID || inv.Email != "moussa@example.org" {
		t.Fatalf("lookup: %v %+v %+v", err, inv, got)
	}
	m, got, err := e.invitations.Accept(e.ctx, actorOf(moussa), token)
	if err != nil {
		t.Fatalf("accept: %v", err)
	}
	want := []domain.Role{domain.RoleCoordinator, domain.RoleMentor}
	if got.ID != a.ID || !slices.Equal(m.Roles, want) || m.Status != domain.StatusActive || m.Capacity != 3 {
		t.Fatalf("member %+v; want an active coordinator and mentor of capacity 3", m)
	}
	stored, err := e.members.Membership(e.ctx, a.ID, moussa.ID)
	if err != nil || !slices.Equal(stored.Roles, want) || stored.Status != domain.StatusActive {
		t.Fatalf("stored membership: %v %+v", err, stored)
	}
	entries := e.audit(a, domain.AuditInvitationAccept)
	if len(entries) != 1 || entries[0].ActorID == nil || *entries[0].ActorID != moussa.ID {
		t.Fatalf("audit %+v; want invitation.accepted by the invitee", entries)
	}
	// Used: by the same person or anyone else.
	_, _, err = e.invitations.Accept(e.ctx, actorOf(moussa), token)
	wantError(t, err, domain.CodeConflict, "error.invitation.used")
	other := e.signup("fatou@example.org", "Fatou", domain.French)
	_, _, err = e.invitations.Accept(e.ctx, actorOf(other), token)
	wantError(t, err, domain.CodeConflict, "error.invitation.used")
	if _, err := e.members.Membership(e.ctx, a.ID, other.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Fatalf("a used invitation made a member: %v", err)
	}
	pending, err := e.invitations.Pending(e.ctx, e.caller(admin, a))
	if err != nil || len(pending) != 0 {
		t.Fatalf("pending %v %+v; want none", err, pending)
	}
}

func TestExpiredInvitationIsRefused(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	token := e.invite(e.caller(admin, a), "moussa@example.org", domain.RoleMentor)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.exec(&a.ID, "UPDATE invitations SET created_at = ?, expires_at = ? WHERE token_hash = ?",
		past(domain.InvitationLifetime+time.Minute), past(time.Minute), auth.Hash(token))
	_, _, err := e.invitations.Accept(e.ctx, actorOf(moussa), token)
	wantError(t, err, domain.CodeConflict, "error.invitation.expired")
	if _, err := e.members.Membership(e.ctx, a.ID, moussa.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Fatalf("an expired invitation made a member: %v", err)
	}
	if n := len(e.audit(a, domain.AuditInvitationAccept)); n != 0 {
		t.Fatalf("%d invitation.accepted entries for a refused acceptance", n)
	}
}

func TestGarbageInvitationTokensAreNotFound(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	e.invite(e.caller(admin, a), "moussa@example.org", domain.RoleMentor)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	tests := map[string]string{
		"empty":                         "",
		"garbage":                       "garbage",
		"not base64":                    "!!!!",
		"an unscoped token":             auth.NewToken(),
		"too long":                      base64.RawURLEncoding.EncodeToString(make([]byte, 64)),
		"another alliance's scope":      auth.NewScopedToken(domain.NewID()),
		"the right alliance, wrong key": auth.NewScopedToken(a.ID),
	}
	for name, token := range tests {
		t.Run(name, func(t *testing.T) {
			_, _, err := e.invitations.Accept(e.ctx, actorOf(moussa), token)
			wantError(t, err, domain.CodeNotFound, "error.not_found.invitation")
		})
	}
	if _, err := e.members.Membership(e.ctx, a.ID, moussa.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Fatalf("a garbage token made a member: %v", err)
	}
}

func TestInvitationWithBadFieldsWritesNothing(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	tests := []struct {
		name   string
		email  string
		roles  []domain.Role
		fields map[string]string
	}{
		{"unknown role", "moussa@example.org", []domain.Role{domain.RoleMentor, "king"}, map[string]string{"roles": "validation.one_of"}},
		{"role in capitals", "moussa@example.org", []domain.Role{"Admin"}, map[string]string{"roles": "validation.one_of"}},
		{"no role", "moussa@example.org", nil, map[string]string{"roles": "validation.required"}},
		{"bad e-mail", "moussa", []domain.Role{domain.RoleMentor}, map[string]string{"email": "validation.email"}},
		{"both", "", []domain.Role{"superuser"}, map[string]string{"email": "validation.required", "roles": "validation.one_of"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv, outbox, audit := e.count(&a.ID, "invitations"), e.count(nil, "outbox"), e.count(&a.ID, "audit_log")
			_, _, err := e.invitations.Invite(e.ctx, e.caller(admin, a), domain.InvitationRequest{Email: tc.email, Roles: tc.roles})
			wantError(t, err, domain.CodeInvalid, "")
			got := fieldKeys(err)
			if len(got) != len(tc.fields) {
				t.Fatalf("fields %v; want %v", got, tc.fields)
			}
			for f, k := range tc.fields {
				if got[f] != k {
					t.Fatalf("fields %v; want %v", got, tc.fields)
				}
			}
			if e.count(&a.ID, "invitations") != inv || e.count(nil, "outbox") != outbox || e.count(&a.ID, "audit_log") != audit {
				t.Fatal("a refused invitation wrote a row")
			}
		})
	}
}

func TestSuspendedMemberCannotComeBackByInvitation(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(admin, moussa, a, domain.RoleMentor)
	suspended := domain.StatusSuspended
	if _, err := e.members.Change(e.ctx, e.caller(admin, a), moussa.ID, domain.MemberChange{Status: &suspended}); err != nil {
		t.Fatal(err)
	}
	token := e.invite(e.caller(admin, a), "moussa@example.org", domain.RoleCoordinator)
	_, _, err := e.invitations.Accept(e.ctx, actorOf(moussa), token)
	wantError(t, err, domain.CodeForbidden, "error.forbidden.suspended")
	m, _ := e.members.Membership(e.ctx, a.ID, moussa.ID)
	if m.Status != domain.StatusSuspended || m.Has(domain.RoleCoordinator) {
		t.Fatalf("membership %+v; want it still suspended, without the new role", m)
	}
	// The refusal rolled back: the invitation still waits.
	if _, _, err := e.invitations.Lookup(e.ctx, token); err != nil {
		t.Fatalf("the refused acceptance spent the invitation: %v", err)
	}
}

func TestActiveMemberGainsTheInvitedRoles(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(admin, moussa, a, domain.RoleMentor)
	capacity := 7
	if _, err := e.members.Change(e.ctx, e.caller(admin, a), moussa.ID, domain.MemberChange{Capacity: &capacity}); err != nil {
		t.Fatal(err)
	}
	m := e.join(admin, moussa, a, domain.RoleCoordinator, domain.RoleMentor)
	if !slices.Equal(m.Roles, []domain.Role{domain.RoleCoordinator, domain.RoleMentor}) || m.Capacity != 7 || m.Status != domain.StatusActive {
		t.Fatalf("member %+v; want coordinator and mentor, capacity kept", m)
	}
}

// A member who left and is invited back comes back with the roles of the
// new invitation (invitations.go: "A member who had left comes back with
// the new roles"), not with the roles held before leaving: an admin who
// left and is invited back as an entrepreneur is no admin again.
func TestMemberWhoLeftComesBackWithTheNewRolesOnly(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	moussa := e.signup("moussa@example.org", "Moussa", domain.French)
	e.join(admin, moussa, a, domain.RoleAdmin, domain.RoleMentor)
	left := domain.StatusLeft
	if _, err := e.members.Change(e.ctx, e.caller(admin, a), moussa.ID, domain.MemberChange{Status: &left}); err != nil {
		t.Fatal(err)
	}
	m := e.join(admin, moussa, a, domain.RoleEntrepreneur)
	if m.Status != domain.StatusActive || !slices.Equal(m.Roles, []domain.Role{domain.RoleEntrepreneur}) {
		t.Fatalf("member back with roles %v (status %s); want only [entrepreneur]", m.Roles, m.Status)
	}
}
