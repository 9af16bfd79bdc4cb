package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// communityAPI is an alliance's mentor community over the API: an admin, a
// coordinator, two mentors, an entrepreneur, and a signed-in user who is
// no member.
type communityAPI struct {
	*acctEnv
	slug                                  string
	id                                    domain.ID
	admin, coord, mentor, mentor2, entrep acctUser
	outsider                              acctUser
}

func newCommunityAPI(t *testing.T) *communityAPI {
	t.Helper()
	e := newAcctEnv(t)
	const slug = "dakar-mentors"
	c := &communityAPI{acctEnv: e, slug: slug}
	c.admin = e.user("awa@"+slug+".example.org", "Awa", domain.French)
	c.id = e.alliance(c.admin, slug, domain.French)
	for _, m := range []struct {
		u    *acctUser
		name string
		role domain.Role
	}{
		{&c.coord, "Binta", domain.RoleCoordinator},
		{&c.mentor, "Moussa", domain.RoleMentor},
		{&c.mentor2, "Ibrahim", domain.RoleMentor},
		{&c.entrep, "Fanta", domain.RoleEntrepreneur},
	} {
		*m.u = e.user(strings.ToLower(m.name)+"@"+slug+".example.org", m.name, domain.French)
		e.join(c.admin, *m.u, slug, m.role)
	}
	c.outsider = e.user("kofi@"+slug+".example.org", "Kofi", domain.English)
	return c
}

// path is the alliance's API route with suffix.
func (c *communityAPI) path(suffix string) string {
	return "/api/v1/alliances/" + c.slug + suffix
}

// in calls the API in the language loc.
func (c *communityAPI) in(loc domain.Locale, method, path string, body any, u acctUser) *httptest.ResponseRecorder {
	c.t.Helper()
	return c.call(method, path, body, u.Token, "Accept-Language", string(loc))
}

// message is the catalog's text of key in loc: what a translated answer
// must say.
func (c *communityAPI) message(loc domain.Locale, key string, args map[string]any) string {
	c.t.Helper()
	msg := c.s.catalog.T(loc, key, args)
	if msg == key || msg == "" {
		c.t.Fatalf("%s has no %s text", key, loc)
	}
	return msg
}

// expectField fails unless w is a 422 in loc that names field with the
// message of key.
func (c *communityAPI) expectField(t *testing.T, w *httptest.ResponseRecorder, loc domain.Locale, field, key string, args map[string]any) {
	t.Helper()
	c.expectProblem(t, w, http.StatusUnprocessableEntity, loc, "")
	want := c.message(loc, key, args)
	if got := c.problem(w).fieldMessages(); got[field] != want {
		t.Fatalf("field messages %v; want %s: %q", got, field, want)
	}
}

// expectProblem fails unless w is a problem of status in loc whose detail
// is the message of detailKey (any detail when empty).
func (c *communityAPI) expectProblem(t *testing.T, w *httptest.ResponseRecorder, status int, loc domain.Locale, detailKey string) {
	t.Helper()
	c.expect(w, status, "problem")
	p := c.problem(w)
	if lang := w.Header().Get("Content-Language"); lang != string(loc) {
		t.Fatalf("Content-Language %q; want %s", lang, loc)
	}
	if detailKey != "" && p.Detail != c.message(loc, detailKey, nil) {
		t.Fatalf("detail %q; want the %s text of %s", p.Detail, loc, detailKey)
	}
}

// counts counts the rows of tables as the alliance sees them, and of the
// outbox, where every mail waits.
func (c *communityAPI) counts(tables ...string) map[string]int {
	c.t.Helper()
	out := map[string]int{"outbox": testkit.Count(c.t, c.db, nil, "outbox")}
	for _, table := range append(tables, "audit_log") {
		out[table] = testkit.Count(c.t, c.db, &c.id, table)
	}
	return out
}

// unchanged fails when the counts differ from before.
func (c *communityAPI) unchanged(t *testing.T, before map[string]int, tables ...string) {
	t.Helper()
	after := c.counts(tables...)
	for table, n := range before {
		if after[table] != n {
			t.Fatalf("%s has %d rows after a refused request; want %d", table, after[table], n)
		}
	}
}

// bothLanguages are the languages every error is checked in.
var bothLanguages = []domain.Locale{domain.French, domain.English}
