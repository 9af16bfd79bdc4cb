package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPIAlliances(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	w := e.call("POST", "/api/v1/alliances", map[string]any{"slug": "mali-mentors", "name": "Alliance des mentors du Mali", "country": "Mali", "default_locale": "fr"}, awa.Token)
	e.expect(w, http.StatusCreated, "create")
	var created allianceProfile
	e.decode(w, &created)
	if created.Slug != "mali-mentors" || created.Name != "Alliance des mentors du Mali" || created.DefaultLocale != domain.French ||
		created.Settings != domain.DefaultAllianceSettings() {
		t.Fatalf("created %+v", created)
	}
	a, _ := e.s.alliances.BySlug(e.ctx, "mali-mentors")

	// The public profile, to anyone.
	w = e.call("GET", "/api/v1/alliances/mali-mentors", nil, "")
	e.expect(w, http.StatusOK, "public profile")
	var profile allianceProfile
	e.decode(w, &profile)
	if profile.Name != created.Name || profile.Country != "Mali" || profile.DefaultLocale != domain.French {
		t.Fatalf("profile %+v", profile)
	}
	e.expect(e.call("GET", "/api/v1/alliances/no-such-alliance", nil, ""), http.StatusNotFound, "unknown slug")

	// Uniqueness and the slug rules.
	w = e.call("POST", "/api/v1/alliances", map[string]any{"slug": "mali-mentors", "name": "Autre", "country": "Mali"}, awa.Token)
	e.expect(w, http.StatusConflict, "taken slug")
	if msg := e.problem(w).fieldMessages()["slug"]; !strings.Contains(msg, "Déjà pris") {
		t.Fatalf("taken slug message %q", msg)
	}
	w = e.call("POST", "/api/v1/alliances", map[string]any{"slug": "admin", "name": "Autre", "country": "Mali"}, awa.Token)
	e.expect(w, http.StatusUnprocessableEntity, "reserved slug")
	if msg := e.problem(w).fieldMessages()["slug"]; !strings.Contains(msg, "réservé") {
		t.Fatalf("reserved slug message %q", msg)
	}
	e.expect(e.call("POST", "/api/v1/alliances", map[string]any{"slug": "another-one", "name": "Autre", "country": "Mali"}, ""), http.StatusUnauthorized, "anonymous create")

	// PATCH by the admin.
	w = e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{
		"name": "Mentors du Sahel", "country": "Burkina Faso", "default_locale": "en",
		"settings": map[string]any{"sessions_per_mentorship": 24, "cadence": "fortnightly", "peer_coaching": "monthly"},
	}, awa.Token)
	e.expect(w, http.StatusOK, "patch")
	w = e.call("GET", "/api/v1/alliances/mali-mentors", nil, "")
	e.decode(w, &profile)
	want := allianceProfile{Slug: "mali-mentors", Name: "Mentors du Sahel", Country: "Burkina Faso", DefaultLocale: domain.English,
		Settings: domain.AllianceSettings{SessionsPerMentorship: 24, Cadence: "fortnightly", PeerCoaching: "monthly"}}
	if profile.Slug != want.Slug || profile.Name != want.Name || profile.Country != want.Country || profile.DefaultLocale != want.DefaultLocale || profile.Settings != want.Settings {
		t.Fatalf("after the patch: %+v; want %+v", profile, want)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/audit?action=alliance.updated", nil, awa.Token)
	e.expect(w, http.StatusOK, "audit")
	var audit page[auditView]
	e.decode(w, &audit)
	if len(audit.Items) != 1 || audit.Items[0].ActorID == nil || *audit.Items[0].ActorID != awa.ID || audit.Items[0].Details["name"] != "Mentors du Sahel" {
		t.Fatalf("audit %s", w.Body)
	}

	// Others may not.
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	before := e.rows(a.ID)
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, moussa.Token), http.StatusNotFound, "patch by a non-member")
	if after := e.rows(a.ID); !maps.Equal(before, after) {
		t.Fatalf("a refused patch wrote: %v → %v", before, after)
	}
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	before = e.rows(a.ID)
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, moussa.Token), http.StatusForbidden, "patch by a mentor")
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, ""), http.StatusUnauthorized, "anonymous patch")
	if after := e.rows(a.ID); !maps.Equal(before, after) {
		t.Fatalf("refused patches wrote: %v → %v", before, after)
	}
	if got, _ := e.s.alliances.BySlug(e.ctx, "mali-mentors"); got.Name != "Mentors du Sahel" {
		t.Fatalf("name %q after refused patches", got.Name)
	}
}

func TestAPIInvitations(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa Traoré", domain.English) // the alliance's language wins
	a := e.alliance(awa, "mali-mentors", domain.French)
	w := e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "moussa@example.org", "roles": []string{"mentor", "coordinator"}}, awa.Token)
	e.expect(w, http.StatusCreated, "invite")
	var inv invitationView
	e.decode(w, &inv)
	if inv.Email != "moussa@example.org" || !slices.Equal(inv.Roles, []domain.Role{domain.RoleCoordinator, domain.RoleMentor}) ||
		!strings.HasPrefix(inv.Link, acctBaseURL+"/invitations/") || inv.ExpiresAt.Sub(inv.CreatedAt) != domain.InvitationLifetime {
		t.Fatalf("invitation %s", w.Body)
	}
	token := strings.TrimPrefix(inv.Link, acctBaseURL+"/invitations/")
	mails := e.mails()
	if len(mails) != 1 || mails[0].To != "moussa@example.org" || mails[0].Subject != "Awa Traoré vous invite à rejoindre Alliance mali-mentors" ||
		!strings.Contains(mails[0].Text, inv.Link) || !strings.Contains(mails[0].Text, "coordinateur, mentor") {
		t.Fatalf("mails %+v; want one in French with the link", mails)
	}

	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.expect(e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, ""), http.StatusUnauthorized, "accept anonymously")
	w = e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, moussa.Token)
	e.expect(w, http.StatusOK, "accept")
	var accepted struct {
		Alliance struct{ Slug, Name string } `json:"alliance"`
		Roles    []domain.Role               `json:"roles"`
		Status   string                      `json:"status"`
	}
	e.decode(w, &accepted)
	if accepted.Alliance.Slug != "mali-mentors" || !slices.Equal(accepted.Roles, inv.Roles) || accepted.Status != "active" {
		t.Fatalf("accepted %s", w.Body)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members/"+moussa.ID.String(), nil, moussa.Token)
	e.expect(w, http.StatusOK, "own membership")
	var m memberView
	e.decode(w, &m)
	if !slices.Equal(m.Roles, inv.Roles) || m.Status != domain.StatusActive || m.Capacity != 3 || m.Email != "moussa@example.org" {
		t.Fatalf("member %s", w.Body)
	}

	// Used, expired, garbage.
	w = e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, moussa.Token)
	e.expect(w, http.StatusConflict, "reuse")
	if p := e.problem(w); !strings.Contains(p.Detail, "déjà été acceptée") {
		t.Fatalf("reuse: %+v", p)
	}
	fatou := e.user("fatou@example.org", "Fatou", domain.French)
	late := e.invite(awa, "mali-mentors", "fatou@example.org", domain.RoleEntrepreneur)
	e.exec(&a, "UPDATE invitations SET expires_at = ? WHERE token_hash = ?", acctPast(time.Minute), auth.Hash(late))
	before := e.rows(a)
	w = e.call("POST", "/api/v1/invitations/"+late+"/accept", nil, fatou.Token)
	e.expect(w, http.StatusConflict, "expired")
	if p := e.problem(w); !strings.Contains(p.Detail, "a expiré") {
		t.Fatalf("expired: %+v", p)
	}
	w = e.call("POST", "/api/v1/invitations/"+late+"/accept", nil, fatou.Token, "Accept-Language", "en")
	if p := e.problem(w); !strings.Contains(p.Detail, "has expired") {
		t.Fatalf("expired in English: %+v", p)
	}
	for _, garbage := range []string{"garbage", auth.NewToken(), auth.NewScopedToken(a), auth.NewScopedToken(domain.NewID())} {
		w = e.call("POST", "/api/v1/invitations/"+garbage+"/accept", nil, fatou.Token)
		e.expect(w, http.StatusNotFound, "garbage "+garbage)
		if p := e.problem(w); !strings.Contains(p.Detail, "Cette invitation n’existe pas") {
			t.Fatalf("garbage: %+v", p)
		}
	}
	if after := e.rows(a); !maps.Equal(before, after) {
		t.Fatalf("refused acceptances wrote: %v → %v", before, after)
	}

	// A coordinator may not invite.
	w = e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "x@example.org", "roles": []string{"admin"}}, moussa.Token)
	e.expect(w, http.StatusForbidden, "a coordinator invites")
	if after := e.rows(a); !maps.Equal(before, after) {
		t.Fatalf("a refused invitation wrote: %v → %v", before, after)
	}
	// Pending invitations, for the admin.
	w = e.call("GET", "/api/v1/alliances/mali-mentors/invitations", nil, awa.Token)
	var pending page[invitationView]
	e.decode(w, &pending)
	if len(pending.Items) != 0 {
		t.Fatalf("pending %s; want none (one accepted, one expired)", w.Body)
	}
}

func TestAPIMembers(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	a := e.alliance(awa, "mali-mentors", domain.French)
	member := func(u acctUser) string { return "/api/v1/alliances/mali-mentors/members/" + u.ID.String() }

	// The last admin.
	for _, body := range []map[string]any{{"roles": []string{"mentor"}}, {"status": "suspended"}, {"status": "left"}} {
		before := e.rows(a)
		w := e.call("PATCH", member(awa), body, awa.Token)
		e.expect(w, http.StatusConflict, fmt.Sprintf("last admin %v", body))
		if p := e.problem(w); !strings.Contains(p.Detail, "au moins un administrateur actif") {
			t.Fatalf("last admin: %+v", p)
		}
		if after := e.rows(a); !maps.Equal(before, after) {
			t.Fatalf("a refused change wrote: %v → %v", before, after)
		}
	}
	w := e.call("PATCH", member(awa), map[string]any{"roles": []string{"mentor"}}, awa.Token, "Accept-Language", "en")
	if p := e.problem(w); !strings.Contains(p.Detail, "at least one active admin") {
		t.Fatalf("last admin in English: %+v", p)
	}
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleAdmin)
	w = e.call("PATCH", member(awa), map[string]any{"roles": []string{"mentor"}}, awa.Token)
	e.expect(w, http.StatusOK, "demote with another admin")
	var m memberView
	e.decode(w, &m)
	if !slices.Equal(m.Roles, []domain.Role{domain.RoleMentor}) {
		t.Fatalf("after the demotion %s", w.Body)
	}
	e.expect(e.call("PATCH", member(moussa), map[string]any{"status": "suspended"}, moussa.Token), http.StatusConflict, "the new last admin")
	// Awa, now a mentor, may not manage members.
	e.expect(e.call("PATCH", member(moussa), map[string]any{"capacity": 9}, awa.Token), http.StatusForbidden, "a mentor manages")

	// Capacity.
	w = e.call("GET", member(awa), nil, moussa.Token)
	e.decode(w, &m)
	if m.Capacity != 3 {
		t.Fatalf("capacity %d; want 3 by default", m.Capacity)
	}
	w = e.call("PATCH", member(awa), map[string]any{"capacity": 5}, moussa.Token)
	e.expect(w, http.StatusOK, "capacity")
	w = e.call("GET", member(awa), nil, moussa.Token)
	e.decode(w, &m)
	if m.Capacity != 5 {
		t.Fatalf("capacity %d; want 5", m.Capacity)
	}

	// A suspended member's token.
	e.expect(e.call("PATCH", member(awa), map[string]any{"status": "suspended"}, moussa.Token), http.StatusOK, "suspend")
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members", nil, awa.Token)
	e.expect(w, http.StatusForbidden, "suspended member lists members")
	if p := e.problem(w); !strings.Contains(p.Detail, "Votre adhésion à cette alliance est suspendue") {
		t.Fatalf("suspended: %+v", p)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members", nil, awa.Token, "Accept-Language", "en")
	if p := e.problem(w); w.Code != 403 || !strings.Contains(p.Detail, "is suspended") {
		t.Fatalf("suspended in English: %d %+v", w.Code, p)
	}
	for _, r := range []struct{ method, path string }{
		{"GET", member(moussa)}, {"GET", "/api/v1/alliances/mali-mentors/audit"}, {"PATCH", "/api/v1/alliances/mali-mentors"},
	} {
		before := e.rows(a)
		e.expect(e.call(r.method, r.path, map[string]any{}, awa.Token), http.StatusForbidden, "suspended: "+r.method+" "+r.path)
		if after := e.rows(a); !maps.Equal(before, after) {
			t.Fatalf("a suspended member's request wrote: %v → %v", before, after)
		}
	}
	// The public profile stays public; the account itself still works.
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors", nil, awa.Token), http.StatusOK, "public profile")
	w = e.call("GET", "/api/v1/me", nil, awa.Token)
	e.expect(w, http.StatusOK, "me")
	if !strings.Contains(w.Body.String(), `"status":"suspended"`) {
		t.Fatalf("me %s; want the membership suspended", w.Body)
	}
}

func TestAPIAuditLogAndItsExport(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	e.expect(e.call("POST", "/api/v1/auth/login", map[string]any{"email": "awa@example.org", "password": "wrong"}, ""), http.StatusUnauthorized, "a failed login")
	var events []string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT action FROM account_events WHERE user_id = ? ORDER BY created_at, id", awa.ID).Scan(e.ctx, &events)
	}); err != nil || !slices.Equal(events, []string{domain.AuditSignup, domain.AuditLoginFailed}) {
		t.Fatalf("account events %v (%v)", events, err)
	}

	e.alliance(awa, "mali-mentors", domain.French)
	moussa := e.user("moussa@example.org", "Moussa, \"le sage\"", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	member := "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String()
	e.expect(e.call("PATCH", member, map[string]any{"roles": []string{"mentor", "coordinator"}}, awa.Token), http.StatusOK, "roles")
	e.expect(e.call("PATCH", member, map[string]any{"status": "suspended"}, awa.Token), http.StatusOK, "status")
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"settings": map[string]any{"sessions_per_mentorship": 10, "cadence": "monthly", "peer_coaching": "yearly"}}, awa.Token), http.StatusOK, "settings")
	rule := map[string]any{"role": "coordinator", "object": "audit", "action": "read"}
	e.expect(e.call("POST", "/api/v1/alliances/mali-mentors/policies", rule, awa.Token), http.StatusCreated, "add a policy")
	e.expect(e.call("DELETE", "/api/v1/alliances/mali-mentors/policies", rule, awa.Token), http.StatusNoContent, "remove a policy")

	list := func(query string) []auditView {
		w := e.call("GET", "/api/v1/alliances/mali-mentors/audit"+query, nil, awa.Token)
		e.expect(w, http.StatusOK, "audit"+query)
		var p page[auditView]
		e.decode(w, &p)
		return p.Items
	}
	var actions []string
	all := list("?limit=200")
	for _, entry := range all {
		actions = append(actions, entry.Action)
		if entry.ActorID == nil || entry.ActorName == "" || entry.IP == "" || entry.At.IsZero() {
			t.Errorf("entry %+v lacks who, from where or when", entry)
		}
	}
	slices.Reverse(actions)
	want := []string{"alliance.created", "invitation.sent", "invitation.accepted", "member.changed", "member.changed", "alliance.updated", "policy.added", "policy.removed"}
	if !slices.Equal(actions, want) {
		t.Fatalf("audit %v;\nwant %v", actions, want)
	}
	members := list("?action=member.")
	if len(members) != 2 || members[0].Details["status_to"] != "suspended" || members[0].Target != moussa.ID.String() {
		t.Fatalf("member entries %+v", members)
	}
	if got := list("?action=policy.added"); len(got) != 1 || got[0].Target != "coordinator" {
		t.Fatalf("policy entries %+v", got)
	}
	// Pages follow the cursor without loss or overlap.
	first := e.call("GET", "/api/v1/alliances/mali-mentors/audit?limit=5", nil, awa.Token)
	var p1 page[auditView]
	e.decode(first, &p1)
	if len(p1.Items) != 5 || p1.NextCursor == nil {
		t.Fatalf("first page %s", first.Body)
	}
	p2 := list("?limit=5&cursor=" + *p1.NextCursor)
	if len(p2) != 3 || p2[0].ID != all[5].ID {
		t.Fatalf("second page %+v", p2)
	}

	// The CSV export: a header and one record per entry.
	w := e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv", nil, awa.Token)
	e.expect(w, http.StatusOK, "export")
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("content type %q", ct)
	}
	records, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, w.Body)
	}
	if len(records) != 1+len(all) || !slices.Equal(records[0], []string{"at", "actor_id", "actor_name", "action", "target", "details", "ip"}) {
		t.Fatalf("%d records, header %v; want a header and %d lines", len(records), records[0], len(all))
	}
	for i, r := range records[1:] {
		if r[3] != all[i].Action || r[1] != all[i].ActorID.String() {
			t.Fatalf("line %d %v; want entry %+v", i+1, r, all[i])
		}
	}
	filtered, _ := csv.NewReader(strings.NewReader(e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv?action=member.", nil, awa.Token).Body.String())).ReadAll()
	if len(filtered) != 3 {
		t.Fatalf("filtered export: %d records; want a header and 2", len(filtered))
	}

	// Only admins read it.
	fatou := e.user("fatou@example.org", "Fatou", domain.French)
	e.join(awa, fatou, "mali-mentors", domain.RoleCoordinator)
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors/audit", nil, fatou.Token), http.StatusForbidden, "a coordinator reads the audit")
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv", nil, fatou.Token), http.StatusForbidden, "a coordinator exports the audit")
}

func TestAPIBadInputIsRefusedClearlyAndWritesNothing(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	a := e.alliance(awa, "mali-mentors", domain.French)
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	long := strings.Repeat("é", 10_000)
	signup := func(email, password, name string) string {
		raw, _ := json.Marshal(map[string]string{"email": email, "password": password, "name": name})
		return string(raw)
	}
	const fr, en = "fr", "en"
	tests := []struct {
		name, method, path, body string
		token                    string
		lang                     string
		status                   int
		field                    string // the field whose message must hold want; empty: the detail
		want                     string
	}{
		{"signup: invalid e-mail", "POST", "/api/v1/auth/signup", signup("awa@", acctPassword, "Awa"), "", fr, 422, "email", "Saisissez une adresse e-mail valide"},
		{"signup: invalid e-mail, English", "POST", "/api/v1/auth/signup", signup("awa@", acctPassword, "Awa"), "", en, 422, "email", "Enter a valid e-mail address"},
		{"signup: e-mail with a display name", "POST", "/api/v1/auth/signup", signup("Awa <awa2@example.org>", acctPassword, "Awa"), "", fr, 422, "email", "adresse e-mail valide"},
		{"signup: taken e-mail", "POST", "/api/v1/auth/signup", signup("AWA@example.org", acctPassword, "Awa"), "", fr, 409, "email", "déjà un compte"},
		{"signup: empty name", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, ""), "", fr, 422, "name", "Ce champ est obligatoire."},
		{"signup: empty name, English", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, ""), "", en, 422, "name", "This field is required."},
		{"signup: 10,000-character name", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, long), "", fr, 422, "name", "entre 1 et 120 caractères"},
		{"signup: 10,000-character name, English", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, long), "", en, 422, "name", "between 1 and 120 characters"},
		{"signup: invalid UTF-8", "POST", "/api/v1/auth/signup", "{\"email\":\"new@example.org\",\"password\":\"" + acctPassword + "\",\"name\":\"Awa \xff\"}", "", fr, 400, "", "UTF-8 valide"},
		{"signup: invalid UTF-8, English", "POST", "/api/v1/auth/signup", "{\"email\":\"new@example.org\",\"password\":\"" + acctPassword + "\",\"name\":\"Awa \xff\"}", "", en, 400, "", "not valid UTF-8"},
		{"signup: common password", "POST", "/api/v1/auth/signup", signup("new@example.org", "1234567890", "Awa"), "", fr, 422, "password", "trop courant"},
		{"signup: short password", "POST", "/api/v1/auth/signup", signup("new@example.org", "court", "Awa"), "", fr, 422, "password", "au moins 10 caractères"},
		{"signup: unknown field", "POST", "/api/v1/auth/signup", `{"email":"new@example.org","password":"` + acctPassword + `","name":"Awa","admin":true}`, "", fr, 400, "", "JSON valide"},
		{"login: invalid UTF-8", "POST", "/api/v1/auth/login", "{\"email\":\"awa@example.org\",\"password\":\"\xff\"}", "", fr, 400, "", "UTF-8"},
		{"alliance: slug in capitals", "POST", "/api/v1/alliances", `{"slug":"Mali-Sud","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "lettres minuscules"},
		{"alliance: slug in capitals, English", "POST", "/api/v1/alliances", `{"slug":"Mali-Sud","name":"Mali Sud","country":"Mali"}`, "awa", en, 422, "slug", "lowercase letters"},
		{"alliance: slug with a slash", "POST", "/api/v1/alliances", `{"slug":"mali/sud","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "lettres minuscules"},
		{"alliance: slug too short", "POST", "/api/v1/alliances", `{"slug":"ml","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "entre 3 et 40 caractères"},
		{"alliance: reserved slug", "POST", "/api/v1/alliances", `{"slug":"billing","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "réservé"},
		{"alliance: empty name", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"","country":"Mali"}`, "awa", fr, 422, "name", "obligatoire"},
		{"alliance: 10,000-character name", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"` + long + `","country":"Mali"}`, "awa", fr, 422, "name", "entre 2 et 120 caractères"},
		{"alliance: unknown locale", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"Mali Sud","country":"Mali","default_locale":"de"}`, "awa", fr, 422, "default_locale", "Langue inconnue"},
		{"alliance: invalid UTF-8", "POST", "/api/v1/alliances", "{\"slug\":\"mali-sud\",\"name\":\"Mali \xff\xfe\",\"country\":\"Mali\"}", "awa", fr, 400, "", "UTF-8"},
		{"alliance: negative sessions", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"Mali Sud","country":"Mali","settings":{"sessions_per_mentorship":-3,"cadence":"monthly","peer_coaching":"yearly"}}`, "awa", fr, 422, "settings.sessions_per_mentorship", "entre 1 et 52"},
		{"patch alliance: empty name", "PATCH", "/api/v1/alliances/mali-mentors", `{"name":""}`, "awa", fr, 422, "name", "obligatoire"},
		{"patch alliance: 10,000-character name", "PATCH", "/api/v1/alliances/mali-mentors", `{"name":"` + long + `"}`, "awa", en, 422, "name", "between 2 and 120 characters"},
		{"patch alliance: unknown cadence", "PATCH", "/api/v1/alliances/mali-mentors", `{"settings":{"sessions_per_mentorship":12,"cadence":"daily","peer_coaching":"yearly"}}`, "awa", fr, 422, "settings.cadence", "Valeur inconnue"},
		{"invitation: unknown role", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":["mentor","king"]}`, "awa", fr, 422, "roles", "choisissez parmi admin, coordinator, mentor, entrepreneur, observer"},
		{"invitation: unknown role, English", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":["Admin"]}`, "awa", en, 422, "roles", "choose one of admin, coordinator"},
		{"invitation: no role", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":[]}`, "awa", fr, 422, "roles", "obligatoire"},
		{"invitation: invalid e-mail", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@","roles":["mentor"]}`, "awa", fr, 422, "email", "adresse e-mail valide"},
		{"invitation: roles not a list", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":"admin"}`, "awa", fr, 400, "", "roles"},
		{"invitation: invalid UTF-8", "POST", "/api/v1/alliances/mali-mentors/invitations", "{\"email\":\"new@example.org\",\"roles\":[\"ment\xffor\"]}", "awa", fr, 400, "", "UTF-8"},
		{"member: negative capacity", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"capacity":-1}`, "awa", fr, 422, "capacity", "entre 0 et 50"},
		{"member: unknown role", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"roles":["king"]}`, "awa", fr, 422, "roles", "Valeur inconnue"},
		{"member: unknown status", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"status":"banned"}`, "awa", en, 422, "status", "Unknown value"},
		{"member: not a member", "PATCH", "/api/v1/alliances/mali-mentors/members/" + domain.NewID().String(), `{"capacity":4}`, "awa", fr, 404, "", "n’existe pas"},
		{"member: not an id", "PATCH", "/api/v1/alliances/mali-mentors/members/12", `{"capacity":4}`, "awa", fr, 404, "", "n’existe pas"},
	}
	tokens := map[string]string{"awa": awa.Token}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.rows(a)
			w := e.send(acctReq{method: tc.method, path: tc.path, body: tc.body, token: tokens[tc.token], header: map[string]string{"Accept-Language": tc.lang}})
			if w.Code != tc.status {
				t.Fatalf("status %d; want %d (%s)", w.Code, tc.status, w.Body)
			}
			p := e.problem(w)
			if lang := w.Header().Get("Content-Language"); lang != tc.lang {
				t.Errorf("Content-Language %q; want %q", lang, tc.lang)
			}
			got := p.Detail
			if tc.field != "" {
				got = p.fieldMessages()[tc.field]
			}
			if !strings.Contains(got, tc.want) {
				t.Fatalf("message %q; want it to say %q (problem %+v)", got, tc.want, p)
			}
			if tc.status == 422 && len(p.Errors) == 0 {
				t.Fatal("422 without field errors")
			}
			if after := e.rows(a); !maps.Equal(before, after) {
				t.Fatalf("rows %v → %v: a refused request wrote", before, after)
			}
		})
	}

	// Every invalid field at once.
	w := e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "nope", "roles": []string{"king"}}, awa.Token)
	if p := e.problem(w); w.Code != 422 || len(p.fieldMessages()) != 2 {
		t.Fatalf("two bad fields: %d %+v", w.Code, p)
	}
	w = e.call("POST", "/api/v1/auth/signup", map[string]any{"email": "x", "password": "y", "name": "", "locale": "de"}, "")
	if p := e.problem(w); w.Code != 422 || len(p.fieldMessages()) != 4 {
		t.Fatalf("four bad fields: %d %+v", w.Code, p)
	}
}
