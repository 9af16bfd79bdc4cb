package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// charterAPI is an alliance over the API: an admin, a mentor, an
// entrepreneur, and a signed-in user who is no member.
type charterAPI struct {
	*acctEnv
	slug                          string
	id                            domain.ID
	admin, mentor, entrep, outsid acctUser
}

func newCharterAPI(e *acctEnv, slug string, loc domain.Locale) *charterAPI {
	e.t.Helper()
	c := &charterAPI{acctEnv: e, slug: slug}
	c.admin = e.user("awa@"+slug+".example.org", "Awa", loc)
	c.id = e.alliance(c.admin, slug, loc)
	c.mentor = e.user("moussa@"+slug+".example.org", "Moussa", loc)
	e.join(c.admin, c.mentor, slug, domain.RoleMentor)
	c.entrep = e.user("fanta@"+slug+".example.org", "Fanta", loc)
	e.join(c.admin, c.entrep, slug, domain.RoleEntrepreneur)
	c.outsid = e.user("kofi@"+slug+".example.org", "Kofi", loc)
	return c
}

// path is the alliance's charter route with suffix.
func (c *charterAPI) path(suffix string) string {
	return "/api/v1/alliances/" + c.slug + "/charter" + suffix
}

// rowsOf counts the alliance's rows of table (the tenant named, for
// SQLite, which has no row-level security).
func (c *charterAPI) rowsOf(table string) int {
	c.t.Helper()
	var n int
	if err := c.inTx(&c.id, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT count(*) FROM ? WHERE tenant_id = ?", bun.Ident(table), c.id).Scan(c.ctx, &n)
	}); err != nil {
		c.t.Fatal(err)
	}
	return n
}

// draft posts a draft as the admin and gives it.
func (c *charterAPI) draft(body any) charterView {
	c.t.Helper()
	w := c.call("POST", c.path("/versions"), body, c.admin.Token)
	c.expect(w, http.StatusCreated, "draft")
	var v charterView
	c.decode(w, &v)
	if v.Status != domain.CharterDraft || v.Version < 1 {
		c.t.Fatalf("draft answer %s", w.Body)
	}
	return v
}

// publish publishes a version as the admin.
func (c *charterAPI) publish(version int) {
	c.t.Helper()
	w := c.call("POST", c.path("/versions/"+strconv.Itoa(version)+"/publish"), nil, c.admin.Token)
	c.expect(w, http.StatusOK, "publish")
	var v charterView
	c.decode(w, &v)
	if v.Status != domain.CharterPublished || v.Version != version || v.PublishedAt == nil {
		c.t.Fatalf("publish answer %s", w.Body)
	}
}

func TestAPICharterIsServedInTheCallersLanguage(t *testing.T) {
	c := newCharterAPI(newAcctEnv(t), "mali-mentors", domain.French)

	w := c.call("GET", c.path(""), nil, "", "Accept-Language", "en")
	c.expect(w, http.StatusNotFound, "charter before any")
	if p := c.problem(w); p.Type != "https://mentorat.org/problems/not_found" {
		t.Fatalf("problem %+v", p)
	}
	c.draft(map[string]any{"bodies": map[string]string{
		"fr": "# Charte\n\nNous **respectons** les entrepreneurs.",
		"en": "# Charter\n\nWe **respect** the entrepreneurs.",
	}})
	c.expect(c.call("GET", c.path(""), nil, ""), http.StatusNotFound, "charter with only a draft")
	c.publish(1)

	tests := []struct {
		name, query, lang, token string
		want                     domain.Locale
	}{
		{"anonymous, in English", "", "en-GB,en;q=0.9", "", domain.English},
		{"anonymous, in French", "", "fr", "", domain.French},
		{"no language: the alliance's", "", "", "", domain.French},
		{"a member, in English", "", "en", c.mentor.Token, domain.English},
		{"?locale=fr over Accept-Language en", "?locale=fr", "en", "", domain.French},
		{"?locale=en", "?locale=en", "", "", domain.English},
		{"an unknown ?locale is ignored", "?locale=de", "en", "", domain.English},
	}
	texts := map[domain.Locale][3]string{
		domain.French:  {"# Charte\n\nNous **respectons** les entrepreneurs.", "<h1>Charte</h1>", "<strong>respectons</strong>"},
		domain.English: {"# Charter\n\nWe **respect** the entrepreneurs.", "<h1>Charter</h1>", "<strong>respect</strong>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var h []string
			if tc.lang != "" {
				h = []string{"Accept-Language", tc.lang}
			}
			w := c.call("GET", c.path(tc.query), nil, tc.token, h...)
			c.expect(w, http.StatusOK, "charter")
			if got := c.keys(w.Body.Bytes()); !slices.Equal(got, []string{"body_html", "body_markdown", "locale", "locales", "published_at", "status", "updated_at", "version"}) {
				t.Fatalf("keys %v", got)
			}
			var v charterView
			c.decode(w, &v)
			want := texts[tc.want]
			if v.Locale != tc.want || v.BodyMarkdown != want[0] || !strings.Contains(v.BodyHTML, want[1]) || !strings.Contains(v.BodyHTML, want[2]) {
				t.Fatalf("charter %+v; want the %s text", v, tc.want)
			}
			if v.Version != 1 || v.Status != domain.CharterPublished || v.PublishedAt == nil ||
				!slices.Equal(v.Locales, []domain.Locale{domain.French, domain.English}) {
				t.Fatalf("charter %+v", v)
			}
		})
	}

	// A version in French only is served in French to whoever asks in
	// English.
	c.draft(map[string]any{"body_markdown": "# Charte v2", "locale": "fr"})
	c.publish(2)
	w = c.call("GET", c.path(""), nil, "", "Accept-Language", "en")
	c.expect(w, http.StatusOK, "v2")
	var v charterView
	c.decode(w, &v)
	if v.Version != 2 || v.Locale != domain.French || v.BodyMarkdown != "# Charte v2" || !slices.Equal(v.Locales, []domain.Locale{domain.French}) {
		t.Fatalf("v2 in English %+v; want the French text", v)
	}
}

// charterBadInputs are draft bodies the API refuses, with the status and,
// for a 422, the field and its message; otherwise a part of the detail.
var charterBadInputs = []struct {
	name   string
	body   string
	lang   string
	status int
	field  string
	msg    string
}{
	{"empty text", `{"body_markdown": ""}`, "en", 422, "bodies.fr", "This field is required."},
	{"empty text, in French", `{"body_markdown": ""}`, "fr", 422, "bodies.fr", "Ce champ est obligatoire."},
	{"blank text", `{"body_markdown": " \n\t ", "locale": "en"}`, "en", 422, "bodies.en", "This field is required."},
	{"no text at all", `{}`, "en", 422, "bodies", "This field is required."},
	{"no language", `{"bodies": {}}`, "en", 422, "bodies", "This field is required."},
	{"one empty language", `{"bodies": {"fr": "# Charte", "en": ""}}`, "en", 422, "bodies.en", "This field is required."},
	{"unknown locale", `{"body_markdown": "# Charta", "locale": "de"}`, "en", 422, "bodies", "Unknown language: choose fr or en."},
	{"unknown locale, in French", `{"bodies": {"de": "# Charta"}}`, "fr", 422, "bodies", "Langue inconnue\u202f: choisissez fr ou en."},
	{"300 KB text", `{"body_markdown": "` + strings.Repeat("a", 300_000) + `"}`, "en", 422, "bodies.fr", "This text is larger than the limit of 200 KB."},
	{"2 MB body", `{"body_markdown": "` + strings.Repeat("a", 2_000_000) + `"}`, "en", 413, "", "larger than the limit of 1048576 bytes"},
	{"invalid UTF-8", "{\"body_markdown\": \"# Charte \xff\xfe\"}", "en", 400, "", "not valid UTF-8"},
	{"malformed JSON", `{"body_markdown": `, "en", 400, "", "JSON"},
	{"unknown field", `{"text": "# Charte"}`, "en", 400, "", "JSON"},
	{"wrong type", `{"body_markdown": 5}`, "en", 400, "", "body_markdown"},
}

func TestAPICharterDraftAndEditRefuseBadInputAndWriteNothing(t *testing.T) {
	c := newCharterAPI(newAcctEnv(t), "mali-mentors", domain.French)
	c.draft(map[string]any{"body_markdown": "# Brouillon"})
	for _, route := range []struct{ method, path string }{{"POST", c.path("/versions")}, {"PATCH", c.path("/versions/1")}} {
		for _, tc := range charterBadInputs {
			t.Run(route.method+" "+tc.name, func(t *testing.T) {
				versions, audit := c.rowsOf("charter_versions"), c.rowsOf("audit_log")
				w := c.call(route.method, route.path, tc.body, c.admin.Token, "Accept-Language", tc.lang)
				c.expect(w, tc.status, tc.name)
				p := c.problem(w)
				if tc.field != "" {
					if got := p.fieldMessages(); got[tc.field] != tc.msg {
						t.Fatalf("field messages %v; want %s: %q", got, tc.field, tc.msg)
					}
				} else if !strings.Contains(p.Detail, tc.msg) {
					t.Fatalf("detail %q; want it to contain %q", p.Detail, tc.msg)
				}
				if w.Header().Get("Content-Language") != tc.lang {
					t.Fatalf("Content-Language %q; want %s", w.Header().Get("Content-Language"), tc.lang)
				}
				if n := c.rowsOf("charter_versions"); n != versions {
					t.Fatalf("%d versions after a refused request; want %d", n, versions)
				}
				if n := c.rowsOf("audit_log"); n != audit {
					t.Fatal("a refused request was audited")
				}
				w = c.call("GET", c.path("/versions/1"), nil, c.admin.Token)
				var v charterView
				c.decode(w, &v)
				if v.BodyMarkdown != "# Brouillon" || v.Status != domain.CharterDraft {
					t.Fatalf("the draft after a refused request: %+v", v)
				}
			})
		}
	}
}

func TestAPICharterTextOverTheLimitUnderALargerBodyLimitIs422(t *testing.T) {
	ts := startServer(t, 4<<20, acctBaseURL)
	e := &acctEnv{t: t, ctx: context.Background(), s: ts.Server, db: ts.db, mr: ts.mr}
	c := newCharterAPI(e, "mali-mentors", domain.French)
	w := c.call("POST", c.path("/versions"), `{"body_markdown": "`+strings.Repeat("a", 2_000_000)+`"}`, c.admin.Token, "Accept-Language", "en")
	c.expect(w, http.StatusUnprocessableEntity, "2 MB text under a 4 MiB body limit")
	if got := c.problem(w).fieldMessages()["bodies.fr"]; got != "This text is larger than the limit of 200 KB." {
		t.Fatalf("message %q", got)
	}
	if n := c.rowsOf("charter_versions"); n != 0 {
		t.Fatalf("%d versions written", n)
	}
}

func TestAPICharterAcceptIsRecordedOnceForTheCurrentVersion(t *testing.T) {
	c := newCharterAPI(newAcctEnv(t), "mali-mentors", domain.French)
	accept := func(u acctUser, remote string) *httptest.ResponseRecorder {
		return c.send(acctReq{method: "POST", path: c.path("/accept"), token: u.Token, remote: remote, header: map[string]string{"Accept-Language": "en"}})
	}
	w := accept(c.mentor, "")
	c.expect(w, http.StatusConflict, "accept before any publication")
	if p := c.problem(w); p.Detail != "The alliance has not published a charter yet." {
		t.Fatalf("detail %q", p.Detail)
	}
	c.draft(map[string]any{"body_markdown": "# Charte v1"})
	c.expect(accept(c.mentor, ""), http.StatusConflict, "accept a draft")
	c.publish(1)

	before := time.Now().UTC().Add(-time.Second)
	w = accept(c.mentor, "203.0.113.9:4000")
	c.expect(w, http.StatusCreated, "first acceptance")
	if w.Body.String() != `{"accepted":true,"version":1}` {
		t.Fatalf("answer %s", w.Body)
	}
	w = accept(c.mentor, "192.0.2.1:4000")
	c.expect(w, http.StatusOK, "second acceptance")
	if w.Body.String() != `{"accepted":true,"version":1}` {
		t.Fatalf("answer %s", w.Body)
	}
	if n := c.rowsOf("charter_acceptances"); n != 1 {
		t.Fatalf("%d acceptance rows; want 1", n)
	}

	type acceptances struct {
		Version  int `json:"version"`
		Accepted []struct {
			UserID     domain.ID `json:"user_id"`
			Name       string    `json:"name"`
			AcceptedAt time.Time `json:"accepted_at"`
			IP         string    `json:"ip"`
		} `json:"accepted"`
		Pending []struct {
			UserID domain.ID     `json:"user_id"`
			Name   string        `json:"name"`
			Roles  []domain.Role `json:"roles"`
		} `json:"pending"`
	}
	list := func(want int, wantPending ...domain.ID) acceptances {
		t.Helper()
		w := c.call("GET", c.path("/acceptances"), nil, c.admin.Token)
		c.expect(w, http.StatusOK, "acceptances")
		var out acceptances
		c.decode(w, &out)
		if out.Version != want {
			t.Fatalf("acceptances of v%d; want v%d", out.Version, want)
		}
		var pending []domain.ID
		for _, p := range out.Pending {
			pending = append(pending, p.UserID)
		}
		slices.SortFunc(pending, func(a, b domain.ID) int { return strings.Compare(a.String(), b.String()) })
		slices.SortFunc(wantPending, func(a, b domain.ID) int { return strings.Compare(a.String(), b.String()) })
		if !slices.Equal(pending, wantPending) {
			t.Fatalf("pending %+v; want %v", out.Pending, wantPending)
		}
		return out
	}
	got := list(1, c.admin.ID, c.entrep.ID)
	if len(got.Accepted) != 1 {
		t.Fatalf("accepted %+v", got.Accepted)
	}
	a := got.Accepted[0]
	if a.UserID != c.mentor.ID || a.Name != "Moussa" || a.IP != "203.0.113.9" ||
		a.AcceptedAt.Before(before.Truncate(time.Second)) || a.AcceptedAt.After(time.Now().Add(time.Second)) {
		t.Fatalf("acceptance %+v; want Moussa's, from 203.0.113.9, just now", a)
	}

	// v1 is done with: neither edited nor published again.
	for _, r := range []struct{ method, path string }{{"PATCH", c.path("/versions/1")}, {"POST", c.path("/versions/1/publish")}} {
		w := c.call(r.method, r.path, map[string]any{"body_markdown": "# Autre"}, c.admin.Token, "Accept-Language", "en")
		if r.method == "POST" {
			w = c.call(r.method, r.path, nil, c.admin.Token, "Accept-Language", "en")
		}
		c.expect(w, http.StatusConflict, r.method+" the published v1")
		if p := c.problem(w); !strings.HasPrefix(p.Detail, "Only a draft can be edited or published") {
			t.Fatalf("detail %q", p.Detail)
		}
	}

	// After v2, accepting records v2: the superseded v1 cannot be accepted
	// any more.
	c.draft(map[string]any{"body_markdown": "# Charte v2"})
	c.publish(2)
	if got := list(2, c.admin.ID, c.mentor.ID, c.entrep.ID); len(got.Accepted) != 0 {
		t.Fatalf("v2 accepted by %+v before anyone accepted it", got.Accepted)
	}
	w = accept(c.mentor, "203.0.113.9:4000")
	c.expect(w, http.StatusCreated, "acceptance of v2")
	if w.Body.String() != `{"accepted":true,"version":2}` {
		t.Fatalf("answer %s", w.Body)
	}
	if got := list(2, c.admin.ID, c.entrep.ID); len(got.Accepted) != 1 || got.Accepted[0].UserID != c.mentor.ID {
		t.Fatalf("accepted %+v", got.Accepted)
	}
	var versions []int
	if err := c.inTx(&c.id, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT version FROM charter_acceptances WHERE tenant_id = ? AND user_id = ? ORDER BY version", c.id, c.mentor.ID).Scan(c.ctx, &versions)
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(versions, []int{1, 2}) {
		t.Fatalf("the mentor accepted versions %v; want [1 2]", versions)
	}
}

func TestAPICharterNeverServesScript(t *testing.T) {
	c := newCharterAPI(newAcctEnv(t), "mali-mentors", domain.French)
	payloads := []string{
		`<script>alert(1)</script>`,
		`[x](javascript:alert(1))`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`[x](JaVaScRiPt:alert(1))`,
		`![x](x" onerror="alert(1))`,
		`<svg onload=alert(1)>`,
		`<iframe src="https://evil.example"></iframe>`,
		`<p style="background:url(javascript:alert(1))">x</p>`,
	}
	check := func(t *testing.T, w *httptest.ResponseRecorder, md string) {
		t.Helper()
		var v charterView
		c.decode(w, &v)
		if v.BodyMarkdown != md {
			t.Fatalf("body_markdown %q; want the text as written %q", v.BodyMarkdown, md)
		}
		low := strings.ToLower(v.BodyHTML)
		// Text such as "onerror=" may stay, escaped: only markup counts.
		if bad := testkit.UnsafeHTML(v.BodyHTML); bad != "" || strings.Contains(low, "<script") || strings.Contains(low, "<img") {
			t.Fatalf("body_html %q is unsafe: %s", v.BodyHTML, bad)
		}
	}
	for _, p := range payloads {
		t.Run(p, func(t *testing.T) {
			md := "# Charte\n\n" + p + "\n"
			w := c.call("POST", c.path("/versions"), map[string]any{"body_markdown": md}, c.admin.Token)
			c.expect(w, http.StatusCreated, "draft")
			check(t, w, md)
			var v charterView
			c.decode(w, &v)
			w = c.call("GET", c.path("/versions/"+strconv.Itoa(v.Version)), nil, c.admin.Token)
			c.expect(w, http.StatusOK, "version")
			check(t, w, md)
		})
	}
	all := "# Charte\n\n" + strings.Join(payloads, "\n\n") + "\n"
	v := c.draft(map[string]any{"body_markdown": all})
	c.publish(v.Version)
	w := c.call("GET", c.path(""), nil, "")
	c.expect(w, http.StatusOK, "published charter")
	check(t, w, all)
}

func TestAPICharterRoutesRefuseOtherRolesOutsidersAndVisitors(t *testing.T) {
	c := newCharterAPI(newAcctEnv(t), "mali-mentors", domain.French)
	c.draft(map[string]any{"body_markdown": "# Brouillon"})
	draft := map[string]any{"body_markdown": "# Autre"}
	routes := []struct {
		method, suffix string
		body           any
		manage         bool
	}{
		{"GET", "/versions", nil, true},
		{"POST", "/versions", draft, true},
		{"GET", "/versions/1", nil, true},
		{"PATCH", "/versions/1", draft, true},
		{"POST", "/versions/1/publish", nil, true},
		{"GET", "/acceptances", nil, true},
		{"POST", "/accept", nil, false},
	}
	callers := []struct {
		name   string
		token  string
		status int // on the routes that need charter:manage
		accept int // on /accept, with nothing published
	}{
		{"mentor", c.mentor.Token, http.StatusForbidden, http.StatusConflict},
		{"entrepreneur", c.entrep.Token, http.StatusForbidden, http.StatusConflict},
		{"non-member", c.outsid.Token, http.StatusNotFound, http.StatusNotFound},
		{"anonymous", "", http.StatusUnauthorized, http.StatusUnauthorized},
	}
	for _, who := range callers {
		for _, r := range routes {
			t.Run(who.name+" "+r.method+" "+r.suffix, func(t *testing.T) {
				want := who.status
				if !r.manage {
					want = who.accept
				}
				w := c.call(r.method, c.path(r.suffix), r.body, who.token)
				c.expect(w, want, who.name)
				c.problem(w)
			})
		}
	}
	if n := c.rowsOf("charter_versions"); n != 1 {
		t.Fatalf("%d versions after refused requests; want the one draft", n)
	}
	w := c.call("GET", c.path("/versions/1"), nil, c.admin.Token)
	c.expect(w, http.StatusOK, "the draft")
	var v charterView
	c.decode(w, &v)
	if v.Status != domain.CharterDraft || v.BodyMarkdown != "# Brouillon" {
		t.Fatalf("the draft after refused requests %+v", v)
	}
}
