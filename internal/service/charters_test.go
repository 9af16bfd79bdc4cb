package service_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// charterEnv is a svcEnv with the charter's use cases and an alliance
// whose cast is an admin, a mentor, an entrepreneur and a suspended
// mentor.
type charterEnv struct {
	*svcEnv
	charters  *service.Charters
	alliance  *domain.Alliance
	admin     *domain.User
	mentor    *domain.User
	entrep    *domain.User
	suspended *domain.User
}

func newCharterEnv(t *testing.T, slug string, loc domain.Locale) *charterEnv {
	t.Helper()
	e := newSvcEnv(t)
	ce := &charterEnv{svcEnv: e, charters: &service.Charters{DB: e.db, Catalog: e.catalog, BaseURL: svcBaseURL}}
	ce.admin = e.signup("awa@"+slug+".example.org", "Awa", loc)
	ce.alliance = e.createAlliance(ce.admin, slug, loc)
	ce.mentor = e.signup("moussa@"+slug+".example.org", "Moussa", loc)
	e.join(ce.admin, ce.mentor, ce.alliance, domain.RoleMentor)
	ce.entrep = e.signup("fanta@"+slug+".example.org", "Fanta", loc)
	e.join(ce.admin, ce.entrep, ce.alliance, domain.RoleEntrepreneur)
	ce.suspended = e.signup("issa@"+slug+".example.org", "Issa", loc)
	e.join(ce.admin, ce.suspended, ce.alliance, domain.RoleMentor)
	st := domain.StatusSuspended
	if _, err := e.members.Change(e.ctx, e.caller(ce.admin, ce.alliance), ce.suspended.ID, domain.MemberChange{Status: &st}); err != nil {
		t.Fatal(err)
	}
	return ce
}

// bodies is a version's texts in French and English.
func bodies(fr, en string) map[domain.Locale]string {
	out := map[domain.Locale]string{}
	if fr != "" {
		out[domain.French] = fr
	}
	if en != "" {
		out[domain.English] = en
	}
	return out
}

// draft starts a version as the admin.
func (e *charterEnv) draft(fr, en string) *domain.CharterVersion {
	e.t.Helper()
	v, err := e.charters.Draft(e.ctx, e.caller(e.admin, e.alliance), bodies(fr, en))
	if err != nil {
		e.t.Fatalf("draft: %v", err)
	}
	return v
}

// publish publishes a version as the admin.
func (e *charterEnv) publish(version int) *domain.CharterVersion {
	e.t.Helper()
	v, err := e.charters.Publish(e.ctx, e.caller(e.admin, e.alliance), version)
	if err != nil {
		e.t.Fatalf("publish v%d: %v", version, err)
	}
	return v
}

// accept has u accept the current version from ip.
func (e *charterEnv) accept(u *domain.User, ip string) (*domain.CharterVersion, bool, error) {
	c := e.caller(u, e.alliance)
	c.IP = ip
	return e.charters.Accept(e.ctx, c)
}

// charterMails are the mails of the outbox sent after the first skip
// jobs, by recipient.
func (e *charterEnv) charterMailsSince(skip int) map[string][]queuedMail {
	e.t.Helper()
	out := map[string][]queuedMail{}
	all := e.mails()
	for _, m := range all[skip:] {
		if m.TaskType != jobs.TypeSendMail {
			e.t.Fatalf("outbox job of type %q; want %q", m.TaskType, jobs.TypeSendMail)
		}
		out[m.To] = append(out[m.To], m)
	}
	return out
}

// statuses lists the status of every version, oldest first.
func (e *charterEnv) statuses() []domain.CharterStatus {
	e.t.Helper()
	vs, err := e.charters.Versions(e.ctx, e.caller(e.admin, e.alliance))
	if err != nil {
		e.t.Fatal(err)
	}
	out := make([]domain.CharterStatus, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v.Status
	}
	return out
}

// countWhere counts the rows of table in the alliance that match where.
func (e *charterEnv) countWhere(table, where string, args ...any) int {
	e.t.Helper()
	return countIn(e.svcEnv, e.alliance.ID, table, where, args...)
}

// countIn counts the rows of one tenant's table that match where: the
// tenant is named, not left to row-level security, which SQLite lacks.
func countIn(e *svcEnv, tenant domain.ID, table, where string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.inTx(&tenant, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT count(*) FROM ? WHERE tenant_id = ? AND "+where, append([]any{bun.Ident(table), tenant}, args...)...).Scan(e.ctx, &n)
	}); err != nil {
		e.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func TestCharterDraftEditPublishSupersedesThePreviousVersion(t *testing.T) {
	e := newCharterEnv(t, "mali-mentors", domain.French)
	admin := e.caller(e.admin, e.alliance)

	v1 := e.draft("# Charte v1", "")
	if v1.Version != 1 || v1.Status != domain.CharterDraft || v1.PublishedAt != nil {
		t.Fatalf("first draft %+v", v1)
	}
	edited, err := e.charters.Edit(e.ctx, admin, 1, bodies("# Charte v1, revue", "# Charter v1"))
	if err != nil || edited.Status != domain.CharterDraft {
		t.Fatalf("edit a draft: %v %+v", err, edited)
	}
	if !edited.UpdatedAt.After(v1.UpdatedAt) {
		t.Errorf("the edited draft's updated_at %v is not after the draft's %v: Edit gives the time from before the change", edited.UpdatedAt, v1.UpdatedAt)
	}
	got, err := e.charters.Version(e.ctx, admin, 1)
	if err != nil || got.Bodies[domain.French] != "# Charte v1, revue" || got.Bodies[domain.English] != "# Charter v1" {
		t.Fatalf("the edited draft reads %v %+v", err, got)
	}
	if _, err := e.charters.Current(e.ctx, e.alliance.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Fatalf("current with only a draft: %v; want not found", err)
	}

	before := time.Now().UTC().Add(-time.Second)
	p1 := e.publish(1)
	if p1.Status != domain.CharterPublished || p1.PublishedAt == nil || p1.PublishedAt.Before(before) {
		t.Fatalf("published v1 %+v", p1)
	}
	if cur, err := e.charters.Current(e.ctx, e.alliance.ID); err != nil || cur.Version != 1 {
		t.Fatalf("current after publishing v1: %v %+v", err, cur)
	}

	e.draft("# Charte v2", "# Charter v2")
	if got := e.statuses(); !slices.Equal(got, []domain.CharterStatus{domain.CharterPublished, domain.CharterDraft}) {
		t.Fatalf("statuses before publishing v2: %v", got)
	}
	e.publish(2)
	if got := e.statuses(); !slices.Equal(got, []domain.CharterStatus{domain.CharterSuperseded, domain.CharterPublished}) {
		t.Fatalf("statuses after publishing v2: %v", got)
	}
	if n := e.countWhere("charter_versions", "status = ?", "published"); n != 1 {
		t.Fatalf("%d published versions; want exactly one", n)
	}
	old, err := e.charters.Version(e.ctx, admin, 1)
	if err != nil || old.Status != domain.CharterSuperseded || old.Bodies[domain.French] != "# Charte v1, revue" {
		t.Fatalf("the superseded v1 reads %v %+v", err, old)
	}
	if cur, err := e.charters.Current(e.ctx, e.alliance.ID); err != nil || cur.Version != 2 || cur.Bodies[domain.English] != "# Charter v2" {
		t.Fatalf("current after publishing v2: %v %+v", err, cur)
	}
	if n := len(e.audit(e.alliance, domain.AuditCharterPublished)); n != 2 {
		t.Fatalf("%d publication audit entries; want 2", n)
	}

	// Neither a published nor a superseded version changes any more.
	e.draft("# Charte v3", "")
	tests := []struct {
		name    string
		version int
		status  domain.CharterStatus
	}{
		{"superseded", 1, domain.CharterSuperseded},
		{"published", 2, domain.CharterPublished},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.charters.Edit(e.ctx, admin, tc.version, bodies("# Réécrite", ""))
			wantError(t, err, domain.CodeConflict, "error.charter.not_draft")
			_, err = e.charters.Publish(e.ctx, admin, tc.version)
			wantError(t, err, domain.CodeConflict, "error.charter.not_draft")
			v, err := e.charters.Version(e.ctx, admin, tc.version)
			if err != nil || v.Status != tc.status || v.Bodies[domain.French] == "# Réécrite" {
				t.Fatalf("v%d after the refused changes: %v %+v", tc.version, err, v)
			}
		})
	}
	if got := e.statuses(); !slices.Equal(got, []domain.CharterStatus{domain.CharterSuperseded, domain.CharterPublished, domain.CharterDraft}) {
		t.Fatalf("statuses after refused changes: %v", got)
	}
	for _, n := range []int{0, 4, 99} {
		_, err := e.charters.Edit(e.ctx, admin, n, bodies("# x", ""))
		wantError(t, err, domain.CodeNotFound, "")
		_, err = e.charters.Publish(e.ctx, admin, n)
		wantError(t, err, domain.CodeNotFound, "")
	}
}

func TestCharterBodiesAreValidatedAndNothingIsWritten(t *testing.T) {
	e := newCharterEnv(t, "mali-mentors", domain.French)
	admin := e.caller(e.admin, e.alliance)
	e.draft("# Brouillon", "")
	tests := []struct {
		name   string
		bodies map[domain.Locale]string
		field  string
		key    string
	}{
		{"no language", map[domain.Locale]string{}, "bodies", "validation.required"},
		{"nil", nil, "bodies", "validation.required"},
		{"empty text", map[domain.Locale]string{domain.French: ""}, "bodies.fr", "validation.required"},
		{"blank text", map[domain.Locale]string{domain.English: " \n\t "}, "bodies.en", "validation.required"},
		{"unknown language", map[domain.Locale]string{"de": "# Charta"}, "bodies", "validation.locale"},
		{"invalid UTF-8", map[domain.Locale]string{domain.French: "# Charte \xff\xfe"}, "bodies.fr", "validation.utf8"},
		{"over 200,000 bytes", map[domain.Locale]string{domain.French: strings.Repeat("é", domain.CharterMaxBytes/2) + "x"}, "bodies.fr", "validation.too_large_text"},
		{"one good, one too large", map[domain.Locale]string{domain.French: "# Charte", domain.English: strings.Repeat("x", domain.CharterMaxBytes+1)}, "bodies.en", "validation.too_large_text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			versions, audit := e.countWhere("charter_versions", "1 = 1"), e.count(&e.alliance.ID, "audit_log")
			_, err := e.charters.Draft(e.ctx, admin, tc.bodies)
			wantError(t, err, domain.CodeInvalid, "")
			if got := fieldKeys(err); got[tc.field] != tc.key {
				t.Fatalf("draft: fields %v; want %s: %s", got, tc.field, tc.key)
			}
			_, err = e.charters.Edit(e.ctx, admin, 1, tc.bodies)
			if got := fieldKeys(err); got[tc.field] != tc.key {
				t.Fatalf("edit: fields %v; want %s: %s", got, tc.field, tc.key)
			}
			if n := e.countWhere("charter_versions", "1 = 1"); n != versions {
				t.Fatalf("%d versions after a refused draft; want %d", n, versions)
			}
			if n := e.count(&e.alliance.ID, "audit_log"); n != audit {
				t.Fatal("a refused draft was audited")
			}
			if v, _ := e.charters.Version(e.ctx, admin, 1); v.Bodies[domain.French] != "# Brouillon" || len(v.Bodies) != 1 {
				t.Fatalf("the draft after a refused edit: %+v", v.Bodies)
			}
		})
	}
	// Exactly the limit is fine, in both languages.
	limit := strings.Repeat("x", domain.CharterMaxBytes)
	if _, err := e.charters.Draft(e.ctx, admin, bodies(limit, limit)); err != nil {
		t.Fatalf("a text of exactly %d bytes: %v", domain.CharterMaxBytes, err)
	}
}

func TestPublishingMailsEveryActiveMemberInTheAlliancesLanguage(t *testing.T) {
	tests := []struct {
		loc     domain.Locale
		subject string
		body    string
	}{
		{domain.French, "Alliance mentors-fr\u202f: nouvelle version de la charte à accepter", "a publié la version 1 de sa charte"},
		{domain.English, "Alliance mentors-en: a new charter version to accept", "has published version 1 of its charter"},
	}
	for _, tc := range tests {
		t.Run(string(tc.loc), func(t *testing.T) {
			slug := "mentors-" + string(tc.loc)
			e := newCharterEnv(t, slug, tc.loc)
			e.draft("# Charte", "# Charter")
			skip := len(e.mails())
			e.publish(1)
			got := e.charterMailsSince(skip)
			for _, u := range []*domain.User{e.admin, e.mentor, e.entrep} {
				ms := got[u.Email]
				if len(ms) != 1 {
					t.Fatalf("%s got %d mails; want 1 (all: %v)", u.Email, len(ms), got)
				}
				m := ms[0]
				if m.Subject != tc.subject || !strings.Contains(m.Text, tc.body) ||
					!strings.Contains(m.Text, svcBaseURL+"/a/"+slug+"/charter") || !strings.Contains(m.Text, u.Name) {
					t.Fatalf("mail to %s: %q\n%s", u.Email, m.Subject, m.Text)
				}
				if m.AllianceID == nil || *m.AllianceID != e.alliance.ID {
					t.Fatalf("mail to %s is of alliance %v", u.Email, m.AllianceID)
				}
			}
			if len(got[e.suspended.Email]) != 0 {
				t.Fatal("a suspended member was asked to accept")
			}
			if len(got) != 3 {
				t.Fatalf("mails to %d people; want 3", len(got))
			}

			// The mentor accepts v1. Publishing v2 asks everyone again,
			// the mentor too: v2 is a new text.
			if _, _, err := e.accept(e.mentor, "203.0.113.5"); err != nil {
				t.Fatal(err)
			}
			e.draft("# Charte v2", "")
			skip = len(e.mails())
			e.publish(2)
			got = e.charterMailsSince(skip)
			for _, u := range []*domain.User{e.admin, e.mentor, e.entrep} {
				if len(got[u.Email]) != 1 || !strings.Contains(got[u.Email][0].Text, "2") {
					t.Fatalf("%s got %v after v2; want one mail about v2", u.Email, got[u.Email])
				}
			}
			if len(got) != 3 {
				t.Fatalf("mails to %d people after v2; want 3", len(got))
			}
			// A member who accepted the current version gets no reminder.
			if _, _, err := e.accept(e.mentor, "203.0.113.5"); err != nil {
				t.Fatal(err)
			}
			e.exec(&e.alliance.ID, "DELETE FROM reminders_sent") // as if the week had passed
			skip = len(e.mails())
			if err := e.charters.RemindAll(e.ctx); err != nil {
				t.Fatal(err)
			}
			got = e.charterMailsSince(skip)
			if len(got[e.mentor.Email]) != 0 || len(got[e.admin.Email]) != 1 || len(got[e.entrep.Email]) != 1 || len(got) != 2 {
				t.Fatalf("reminders %v; want one to the admin and the entrepreneur, none to the mentor who accepted", got)
			}
		})
	}
}

func TestAcceptingRecordsVersionUserAddressAndTimeOnce(t *testing.T) {
	e := newCharterEnv(t, "mali-mentors", domain.French)

	// Nothing published yet, not even with a draft: a conflict.
	_, _, err := e.accept(e.mentor, "203.0.113.5")
	wantError(t, err, domain.CodeConflict, "error.charter.none_published")
	e.draft("# Charte", "")
	_, _, err = e.accept(e.mentor, "203.0.113.5")
	wantError(t, err, domain.CodeConflict, "error.charter.none_published")
	if n := e.countWhere("charter_acceptances", "1 = 1"); n != 0 {
		t.Fatalf("%d acceptances of no published version", n)
	}
	e.publish(1)

	before := time.Now().UTC().Add(-time.Second)
	v, recorded, err := e.accept(e.mentor, "203.0.113.5")
	after := time.Now().UTC().Add(time.Second)
	if err != nil || !recorded || v.Version != 1 {
		t.Fatalf("first acceptance: %v recorded=%v %+v", err, recorded, v)
	}
	v, recorded, err = e.accept(e.mentor, "192.0.2.99")
	if err != nil || recorded || v.Version != 1 {
		t.Fatalf("second acceptance: %v recorded=%v %+v; want recorded=false", err, recorded, v)
	}
	st, err := e.charters.Acceptances(e.ctx, e.caller(e.admin, e.alliance))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Accepted) != 1 {
		t.Fatalf("acceptances %+v; want one", st.Accepted)
	}
	a := st.Accepted[0]
	if a.Version != 1 || a.UserID != e.mentor.ID || a.Name != "Moussa" || a.IP != "203.0.113.5" ||
		a.AcceptedAt.Before(before) || a.AcceptedAt.After(after) {
		t.Fatalf("acceptance %+v; want v1 by Moussa from 203.0.113.5 between %v and %v", a, before, after)
	}
	if n := e.countWhere("charter_acceptances", "1 = 1"); n != 1 {
		t.Fatalf("%d acceptance rows; want 1", n)
	}
	if n := len(e.audit(e.alliance, domain.AuditCharterAccepted)); n != 1 {
		t.Fatalf("%d acceptance audit entries; want 1", n)
	}
	var pending []domain.ID
	for _, m := range st.Pending {
		pending = append(pending, m.UserID)
	}
	if want := []domain.ID{e.admin.ID, e.entrep.ID}; len(pending) != 2 || !slices.Contains(pending, want[0]) || !slices.Contains(pending, want[1]) {
		t.Fatalf("pending %v; want the admin and the entrepreneur (not the suspended member)", pending)
	}
}

func TestANewVersionMustBeAcceptedAgain(t *testing.T) {
	e := newCharterEnv(t, "mali-mentors", domain.French)
	has := func(u *domain.User) bool {
		t.Helper()
		ok, err := e.charters.HasAccepted(e.ctx, e.alliance.ID, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if has(e.mentor) {
		t.Fatal("accepted with nothing published")
	}
	e.draft("# Charte v1", "")
	e.publish(1)
	if has(e.mentor) {
		t.Fatal("accepted before accepting")
	}
	if _, _, err := e.accept(e.mentor, "203.0.113.5"); err != nil {
		t.Fatal(err)
	}
	if !has(e.mentor) || has(e.entrep) {
		t.Fatal("after the mentor accepts v1: want the mentor only")
	}
	e.draft("# Charte v2", "")
	if !has(e.mentor) {
		t.Fatal("a new draft undid the mentor's acceptance of the published version")
	}
	e.publish(2)
	if has(e.mentor) {
		t.Fatal("the mentor's acceptance of v1 counts for v2")
	}
	// Accepting takes the current version: v2, never the superseded v1.
	v, recorded, err := e.accept(e.mentor, "203.0.113.5")
	if err != nil || !recorded || v.Version != 2 {
		t.Fatalf("accept after v2: %v recorded=%v %+v", err, recorded, v)
	}
	if !has(e.mentor) {
		t.Fatal("not accepted after accepting v2")
	}
	if n := e.countWhere("charter_acceptances", "user_id = ?", e.mentor.ID); n != 2 {
		t.Fatalf("the mentor has %d acceptances; want v1 and v2 kept", n)
	}
}

// publishQuietly publishes a version through the store, as the import of
// a tenant folder does: no mail goes out.
func (e *charterEnv) publishQuietly(a *domain.Alliance, text string) {
	e.t.Helper()
	err := e.db.InTenant(e.ctx, a.ID, func(tx *store.Tx) error {
		now := time.Now().UTC()
		v := &domain.CharterVersion{Status: domain.CharterDraft, Bodies: bodies(text, ""), CreatedAt: now, UpdatedAt: now}
		if err := tx.InsertCharterVersion(e.ctx, a.ID, v); err != nil {
			return err
		}
		return tx.PublishCharter(e.ctx, a.ID, v.Version, now)
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

func TestWeeklyRemindersGoOncePerWeekToThoseWhoHaveNotAccepted(t *testing.T) {
	e := newCharterEnv(t, "mali-mentors", domain.French)
	e.publishQuietly(e.alliance, "# Charte importée")
	if _, _, err := e.accept(e.mentor, "203.0.113.5"); err != nil {
		t.Fatal(err)
	}
	// A second alliance, in English, with a charter nobody accepted, and a
	// third with none.
	kofi := e.signup("kofi@ghana.example.org", "Kofi", domain.English)
	ghana := e.createAlliance(kofi, "ghana-mentors", domain.English)
	e.publishQuietly(ghana, "# Charter")
	ama := e.signup("ama@none.example.org", "Ama", domain.French)
	e.createAlliance(ama, "sans-charte", domain.French)

	skip := len(e.mails())
	for range 2 {
		if err := e.charters.RemindAll(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	got := e.charterMailsSince(skip)
	want := map[string]string{
		e.admin.Email:  "Rappel\u202f: la charte de Alliance mali-mentors attend votre accord",
		e.entrep.Email: "Rappel\u202f: la charte de Alliance mali-mentors attend votre accord",
		kofi.Email:     "Reminder: the charter of Alliance ghana-mentors awaits your agreement",
	}
	for email, subject := range want {
		if len(got[email]) != 1 || got[email][0].Subject != subject {
			t.Errorf("%s got %+v; want one reminder %q", email, got[email], subject)
		}
	}
	for email := range got {
		if _, ok := want[email]; !ok {
			t.Errorf("%s got %d reminders; want none", email, len(got[email]))
		}
	}
	if n := e.countWhere("reminders_sent", "1 = 1"); n != 2 {
		t.Errorf("%d reminders recorded in the alliance; want 2", n)
	}

	// The next week, the pending ones are reminded again; publishing in
	// that week counts as its reminder.
	e.exec(&e.alliance.ID, "UPDATE reminders_sent SET key = key || '-last-week'")
	e.draft("# Charte v2", "")
	skip = len(e.mails())
	e.publish(2)
	if err := e.charters.RemindAll(e.ctx); err != nil {
		t.Fatal(err)
	}
	got = e.charterMailsSince(skip)
	for _, u := range []*domain.User{e.admin, e.mentor, e.entrep} {
		if len(got[u.Email]) != 1 || !strings.Contains(got[u.Email][0].Subject, "nouvelle version") {
			t.Errorf("%s got %+v after v2; want only the publication mail", u.Email, got[u.Email])
		}
	}
}

func TestTheDemoAlliancesCharterIsImportedAsPublished(t *testing.T) {
	e := newSvcEnv(t)
	tenants := &service.Tenants{DB: e.db}
	dir := os.DirFS("../../tenants/alliance-mali-mentors")
	a, _, err := tenants.Import(e.ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	charters := &service.Charters{DB: e.db, Catalog: e.catalog, BaseURL: svcBaseURL}
	cur, err := charters.Current(e.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Version != 1 || cur.Status != domain.CharterPublished || cur.PublishedAt == nil ||
		strings.TrimSpace(cur.Bodies[domain.French]) == "" || strings.TrimSpace(cur.Bodies[domain.English]) == "" {
		t.Fatalf("imported charter %+v; want v1 published in fr and en", cur)
	}
	// Importing again changes nothing.
	if _, _, err := tenants.Import(e.ctx, dir); err != nil {
		t.Fatal(err)
	}
	if n := countIn(e, a.ID, "charter_versions", "1 = 1"); n != 1 {
		t.Fatalf("%d versions after a second import; want 1", n)
	}

	// A history: v1 superseded, v2 published.
	raw, err := os.ReadFile("../../tenants/alliance-mali-mentors/alliance.json")
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(raw), `"alliance-mali-mentors"`, `"alliance-historique"`, 1)
	if other == string(raw) {
		t.Skip("alliance.json's slug is not as expected")
	}
	b, _, err := tenants.Import(e.ctx, fstest.MapFS{
		"alliance.json":     {Data: []byte(other)},
		"charter/v1.fr.md":  {Data: []byte("# Charte v1")},
		"charter/v2.fr.md":  {Data: []byte("# Charte v2")},
		"charter/v2.en.md":  {Data: []byte("# Charter v2")},
		"charter/v4.fr.md":  {Data: []byte("# not read: v3 is missing")},
		"charter/notes.txt": {Data: []byte("ignored")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range []int{1, 2} {
		v, err := charters.Version(e.ctx, service.Caller{Alliance: b}, n)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(v.Status))
	}
	if !slices.Equal(got, []string{"superseded", "published"}) {
		t.Fatalf("imported history %v; want v1 superseded, v2 published", got)
	}
	if n := countIn(e, b.ID, "charter_versions", "1 = 1"); n != 2 {
		t.Fatalf("%d versions; want 2", n)
	}
}
