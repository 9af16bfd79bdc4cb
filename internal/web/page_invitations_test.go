package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestInviteAndAcceptThroughThePages: an admin invites a mentor and reads
// the link once on the page that follows; the mentor signs up, accepts on
// the invitation's page and gets a mentor's pages, not an admin's; the
// link works once.
func TestInviteAndAcceptThroughThePages(t *testing.T) {
	s := newTestServer(t)
	admin := signUp(t, s, "awa@example.org")
	post(s, "/alliances/new", url.Values{"name": {"Alliance Sikasso"}, "slug": {"alliance-sikasso"}, "country": {"Mali"}}, admin)

	w := post(s, "/a/alliance-sikasso/invitations", url.Values{"email": {"moussa@example.org"}}, admin)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), `id="roles-error">Ce champ est obligatoire.`) {
		t.Fatalf("an invitation without a role: %d\n%s", w.Code, w.Body)
	}
	w = post(s, "/a/alliance-sikasso/invitations", url.Values{"email": {"moussa@example.org"}, "roles": {"mentor"}}, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/a/alliance-sikasso/invitations" {
		t.Fatalf("invite: %d\n%s", w.Code, w.Body)
	}
	var flash *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == invitedCookie {
			flash = c
		}
	}
	if flash == nil || !flash.HttpOnly || flash.Path != "/a/alliance-sikasso/invitations" {
		t.Fatalf("the link's cookie: %+v", flash)
	}
	page := do(s, http.MethodGet, "/a/alliance-sikasso/invitations", "", map[string]string{
		"Accept": "text/html", "Cookie": sessionCookie + "=" + admin + "; " + invitedCookie + "=" + flash.Value,
	})
	link := regexp.MustCompile(`id="invitation-link">[^<]*(/invitations/[A-Za-z0-9_-]+)<`).FindStringSubmatch(page.Body.String())
	if page.Code != http.StatusOK || link == nil || !strings.Contains(page.Body.String(), "moussa@example.org") {
		t.Fatalf("the page after inviting shows no link: %d\n%s", page.Code, page.Body)
	}
	path := link[1]

	// Signed out, the invitation offers to sign up with the address.
	w = get(s, path, "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Alliance Sikasso") ||
		!strings.Contains(w.Body.String(), "/signup?email=moussa%40example.org&amp;next="+url.QueryEscape(path)) {
		t.Fatalf("the invitation signed out: %d\n%s", w.Code, w.Body)
	}
	if w := post(s, path, nil, ""); w.Code != http.StatusUnauthorized {
		t.Errorf("accepting signed out: %d; want 401", w.Code)
	}
	form := signupForm("moussa@example.org")
	form.Set("next", path)
	w = post(s, "/signup", form, "")
	if w.Header().Get("Location") != path {
		t.Fatalf("sign-up from the invitation goes to %q; want back to it", w.Header().Get("Location"))
	}
	mentor := sessionSet(w).Value
	if w := get(s, path, mentor); !strings.Contains(w.Body.String(), `id="accept"`) {
		t.Fatalf("signed in, the invitation has no Accept button:\n%s", w.Body)
	}
	w = post(s, path, nil, mentor)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/a/alliance-sikasso" {
		t.Fatalf("accept: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	if w := get(s, path, mentor); w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "déjà été acceptée") {
		t.Errorf("a used invitation: %d\n%s", w.Code, w.Body)
	}

	// A mentor sees the members, not the admin's pages; a stranger sees
	// nothing.
	home := get(s, "/a/alliance-sikasso", mentor).Body.String()
	if !strings.Contains(home, `id="link-members"`) || strings.Contains(home, `id="link-settings"`) {
		t.Errorf("a mentor's links on the alliance page:\n%s", home)
	}
	if w := get(s, "/me", mentor); !strings.Contains(w.Body.String(), `href="/a/alliance-sikasso"`) {
		t.Error("the mentor's page does not list the alliance")
	}
	if w := get(s, "/a/alliance-sikasso/settings", mentor); w.Code != http.StatusForbidden {
		t.Errorf("a mentor on the settings: %d; want 403", w.Code)
	}
	stranger := signUp(t, s, "fatou@example.org")
	for _, p := range []string{"/a/alliance-sikasso/members", "/a/alliance-sikasso/mails", "/a/alliance-sikasso/audit"} {
		if w := get(s, p, stranger); w.Code != http.StatusNotFound {
			t.Errorf("a stranger on %s: %d; want 404", p, w.Code)
		}
	}
}
