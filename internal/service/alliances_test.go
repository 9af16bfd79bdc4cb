package service_test

import (
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func TestAllianceSlugRules(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	e.createAlliance(admin, "taken-slug", domain.French)
	tests := []struct {
		slug string
		code domain.Code
		key  string // the slug field's key
	}{
		{"mali-mentors", "", ""},
		{"abc", "", ""},
		{"a1-b2-c3", "", ""},
		{"2024", "", ""},
		{strings.Repeat("x", 40), "", ""},
		{"ab", domain.CodeInvalid, "validation.length"},
		{"", domain.CodeInvalid, "validation.length"},
		{strings.Repeat("x", 41), domain.CodeInvalid, "validation.length"},
		{"Mali-Mentors", domain.CodeInvalid, "validation.slug"},
		{"MALI", domain.CodeInvalid, "validation.slug"},
		{"mali/mentors", domain.CodeInvalid, "validation.slug"},
		{"../admin", domain.CodeInvalid, "validation.slug"},
		{"mali_mentors", domain.CodeInvalid, "validation.slug"},
		{"mali mentors", domain.CodeInvalid, "validation.slug"},
		{"mali--mentors", domain.CodeInvalid, "validation.slug"},
		{"-mali", domain.CodeInvalid, "validation.slug"},
		{"mali-", domain.CodeInvalid, "validation.slug"},
		{"malí", domain.CodeInvalid, "validation.slug"},
		{"mali.org", domain.CodeInvalid, "validation.slug"},
		{"admin", domain.CodeInvalid, "validation.slug_reserved"},
		{"api", domain.CodeInvalid, "validation.slug_reserved"},
		{"www", domain.CodeInvalid, "validation.slug_reserved"},
		{"login", domain.CodeInvalid, "validation.slug_reserved"},
		{"mentorat", domain.CodeInvalid, "validation.slug_reserved"},
		{"static", domain.CodeInvalid, "validation.slug_reserved"},
		{"taken-slug", domain.CodeConflict, "validation.slug_taken"},
	}
	for _, tc := range tests {
		t.Run(tc.slug, func(t *testing.T) {
			alliances, links := e.count(nil, "alliances"), e.count(nil, "user_alliances")
			a := &domain.Alliance{Slug: tc.slug, Name: "Alliance", Country: "Mali"}
			err := e.alliances.Create(e.ctx, actorOf(admin), a)
			if tc.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantError(t, err, tc.code, "")
			if got := fieldKeys(err); len(got) != 1 || got["slug"] != tc.key {
				t.Fatalf("fields %v; want slug: %s", got, tc.key)
			}
			if n, m := e.count(nil, "alliances"), e.count(nil, "user_alliances"); n != alliances || m != links {
				t.Fatalf("alliances %d → %d, memberships %d → %d: a refused alliance wrote", alliances, n, links, m)
			}
		})
	}
}

func TestAllianceCreatorBecomesItsAdmin(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := &domain.Alliance{Slug: "mali-mentors", Name: "Alliance des mentors du Mali", Country: "Mali"}
	if err := e.alliances.Create(e.ctx, actorOf(admin), a); err != nil {
		t.Fatal(err)
	}
	if a.ID.Version() != 7 || a.DefaultLocale != domain.French || a.Settings != domain.DefaultAllianceSettings() {
		t.Fatalf("alliance %+v; want a UUIDv7, French and the default programme", a)
	}
	m, err := e.members.Membership(e.ctx, a.ID, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Roles) != 1 || m.Roles[0] != domain.RoleAdmin || m.Status != domain.StatusActive || m.Capacity != domain.DefaultMentorCapacity {
		t.Fatalf("membership %+v; want an active admin", m)
	}
	ms, err := e.accounts.Memberships(e.ctx, admin.ID)
	if err != nil || len(ms) != 1 || ms[0].Alliance.Slug != "mali-mentors" {
		t.Fatalf("memberships %v %+v", err, ms)
	}
	entries := e.audit(a, "")
	if len(entries) != 1 || entries[0].Action != domain.AuditAllianceCreated || entries[0].ActorID == nil || *entries[0].ActorID != admin.ID {
		t.Fatalf("audit %+v; want the creation by the admin", entries)
	}
	got, err := e.alliances.BySlug(e.ctx, "mali-mentors")
	if err != nil || got.ID != a.ID || got.Name != a.Name || got.Country != "Mali" {
		t.Fatalf("by slug: %v %+v", err, got)
	}
	_, err = e.alliances.BySlug(e.ctx, "no-such-alliance")
	wantError(t, err, domain.CodeNotFound, "")
}

func TestAllianceUpdateChangesTheProfileAndIsAudited(t *testing.T) {
	e := newSvcEnv(t)
	admin := e.signup("awa@example.org", "Awa", domain.French)
	a := e.createAlliance(admin, "mali-mentors", domain.French)
	name, country, loc := "Mentors du Sahel", "Burkina Faso", domain.English
	settings := domain.AllianceSettings{SessionsPerMentorship: 24, Cadence: "fortnightly", PeerCoaching: "monthly"}
	if err := e.alliances.Update(e.ctx, actorOf(admin), a, service.AllianceChange{Name: &name, Country: &country, DefaultLocale: &loc, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	got, err := e.alliances.BySlug(e.ctx, "mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != name || got.Country != country || got.DefaultLocale != loc || got.Settings != settings {
		t.Fatalf("after the change: %+v", got)
	}
	entries := e.audit(a, domain.AuditAllianceUpdated)
	if len(entries) != 1 {
		t.Fatalf("audit %+v; want one alliance.updated", entries)
	}
	d := entries[0].Details
	if d["name"] != name || d["country"] != country || d["default_locale"] != "en" || d["settings"] == nil {
		t.Fatalf("audit details %v; want every change", d)
	}

	// An invalid change is refused whole: nothing saved, nothing audited.
	empty, bad := "", domain.AllianceSettings{SessionsPerMentorship: 0, Cadence: "daily", PeerCoaching: "quarterly"}
	err = e.alliances.Update(e.ctx, actorOf(admin), got, service.AllianceChange{Name: &empty, Settings: &bad})
	wantError(t, err, domain.CodeInvalid, "")
	keys := fieldKeys(err)
	if keys["name"] != "validation.required" || keys["settings.sessions_per_mentorship"] != "validation.range" || keys["settings.cadence"] != "validation.one_of" {
		t.Fatalf("fields %v", keys)
	}
	again, _ := e.alliances.BySlug(e.ctx, "mali-mentors")
	if again.Name != name || again.Settings != settings {
		t.Fatalf("a refused change was saved: %+v", again)
	}
	if n := len(e.audit(a, domain.AuditAllianceUpdated)); n != 1 {
		t.Fatalf("%d alliance.updated entries; want 1", n)
	}
}
