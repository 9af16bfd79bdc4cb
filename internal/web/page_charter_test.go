package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// pageSession logs the cast's person who in through the login form and
// gives the session cookie's value.
func pageSession(t *testing.T, s *Server, c *cast, who string) string {
	t.Helper()
	w := post(s, "/login", url.Values{"email": {c.users[who].email}, "password": {castPassword}}, "")
	ck := sessionSet(w)
	if w.Code != http.StatusSeeOther || ck == nil || ck.Value == "" {
		t.Fatalf("login of %s: %d\n%s", who, w.Code, w.Body)
	}
	return ck.Value
}

// scriptTag is any script element, whatever its case.
var scriptTag = regexp.MustCompile(`(?i)<script`)

// expectPage checks an answer's status and that its body has each of the
// strings.
func expectPage(t *testing.T, what string, w interface {
	Result() *http.Response
}, body string, status int, has ...string) {
	t.Helper()
	if got := w.Result().StatusCode; got != status {
		t.Fatalf("%s: status %d; want %d\n%s", what, got, status, body)
	}
	for _, h := range has {
		if !strings.Contains(body, h) {
			t.Errorf("%s: the page lacks %q\n%s", what, h, body)
		}
	}
}

// TestCharterThroughThePages: an admin drafts the charter through the
// form (an empty or too large text is refused next to its field, with
// what was typed kept), previews it (nothing saved), saves it and
// publishes it; a script in the text never reaches a page. A mentor
// accepts it through the form and sees that they did; the admin sees who
// accepted. A second version changes a line, and the diff shows it
// removed and added. A mentor cannot open the editor.
func TestCharterThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-charte")
	base := "/a/alliance-charte/charter"
	admin := pageSession(t, s, c, callerAdmin)
	mentor := pageSession(t, s, c, callerMentor)

	w := get(s, base, "")
	expectPage(t, "the charter before any", w, w.Body.String(), http.StatusOK, `id="no-charter"`)

	w = get(s, base+"/versions/new", admin)
	expectPage(t, "the new draft's editor", w, w.Body.String(), http.StatusOK, `name="bodies.fr"`, `name="bodies.en"`, `id="preview"`, `id="save"`)
	if strings.Contains(w.Body.String(), `id="publish"`) {
		t.Error("an unsaved draft offers to publish")
	}

	// Both texts empty: each field says so.
	w = post(s, base+"/versions/new", url.Values{"bodies.fr": {"  "}, "bodies.en": {""}, "action": {"save"}}, admin)
	expectPage(t, "an empty draft", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="bodies-fr-error">Ce champ est obligatoire.`, `id="bodies-en-error">Ce champ est obligatoire.`, `aria-invalid="true"`)
	// Too large: the message is next to the field, and the text kept.
	big := "# Trop long\n" + strings.Repeat("a", 200_001)
	w = post(s, base+"/versions/new", url.Values{"bodies.fr": {big}, "bodies.en": {"# Charter"}, "action": {"save"}}, admin)
	expectPage(t, "a draft too large", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="bodies-fr-error">Ce texte dépasse la taille maximale de 200 Ko.`, big[:200], "# Charter")

	fr1 := "# Charte\n\nNous nous engageons à :\n\n- Respecter les entrepreneurs\n- Garder le secret\n\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>"
	en1 := "# Charter\n\nWe commit to:\n\n- Respect the entrepreneurs\n- Keep secrets"
	w = post(s, base+"/versions/new", url.Values{"bodies.fr": {fr1}, "bodies.en": {en1}, "action": {"preview"}}, admin)
	body := w.Body.String()
	expectPage(t, "the preview", w, body, http.StatusOK, `id="preview-fr"`, `id="preview-en"`, "<li>Respecter les entrepreneurs</li>",
		"<li>Respect the entrepreneurs</li>", "&lt;script&gt;alert(1)&lt;/script&gt;")
	if scriptTag.MatchString(body) || strings.Contains(body, "onerror") && !strings.Contains(body, "onerror=alert(2)&gt;") {
		t.Errorf("the preview lets a script through:\n%s", body)
	}
	if vs, err := s.charters.Versions(t.Context(), c.admin); err != nil || len(vs) != 0 {
		t.Fatalf("after a preview, %d versions (%v); want none saved", len(vs), err)
	}

	w = post(s, base+"/versions/new", url.Values{"bodies.fr": {fr1}, "bodies.en": {en1}, "action": {"save"}}, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"/versions/1?saved=1" {
		t.Fatalf("save: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"/versions/1?saved=1", admin)
	body = w.Body.String()
	expectPage(t, "the saved draft", w, body, http.StatusOK, `id="saved"`, `id="publish"`, `action="/a/alliance-charte/charter/versions/1/publish"`, "Brouillon")
	if scriptTag.MatchString(body) {
		t.Errorf("the draft's page has a script element:\n%s", body)
	}

	// A mentor sees none of the admin's pages.
	for _, p := range []string{"/versions", "/versions/new", "/versions/1", "/diff?from=1&to=1", "/acceptances"} {
		if w := get(s, base+p, mentor); w.Code != http.StatusForbidden {
			t.Errorf("a mentor on %s: %d; want 403", p, w.Code)
		}
	}
	if w := post(s, base+"/versions/1/publish", nil, mentor); w.Code != http.StatusForbidden {
		t.Errorf("a mentor publishing: %d; want 403", w.Code)
	}

	w = post(s, base+"/versions/1/publish", nil, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"/versions?published=1" {
		t.Fatalf("publish: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"/versions?published=1", admin)
	expectPage(t, "the versions after publishing", w, w.Body.String(), http.StatusOK, `id="published"`, `id="version-1"`, "En vigueur")

	// Anyone reads it, in French, with the English one offered.
	w = get(s, base, "")
	body = w.Body.String()
	expectPage(t, "the published charter", w, body, http.StatusOK, `id="charter-meta">Version 1, publiée le`, "<li>Garder le secret</li>",
		`href="/a/alliance-charte/charter?locale=en"`, `id="charter-sign-in"`)
	if scriptTag.MatchString(body) {
		t.Errorf("the charter's page has a script element:\n%s", body)
	}
	w = get(s, base+"?locale=en", "")
	expectPage(t, "the charter in English", w, w.Body.String(), http.StatusOK, "<li>Keep secrets</li>", `lang="en" id="charter-body"`)

	// The mentor accepts it.
	w = get(s, "/a/alliance-charte", mentor)
	expectPage(t, "the alliance page of a mentor", w, w.Body.String(), http.StatusOK, `id="link-charter"`)
	w = get(s, base, mentor)
	expectPage(t, "the charter to accept", w, w.Body.String(), http.StatusOK, `id="accept"`, `id="charter-pending"`, `id="link-charter" aria-current="page"`)
	w = post(s, base+"/accept", nil, mentor)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"?accepted=1" {
		t.Fatalf("accept: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"?accepted=1", mentor)
	body = w.Body.String()
	expectPage(t, "the charter accepted", w, body, http.StatusOK, `id="charter-accepted"`, "Merci\u202f!", "Vous avez accepté la version 1 le")
	if strings.Contains(body, `id="accept"`) {
		t.Error("once accepted, the charter still offers to accept it")
	}
	if ok, err := s.charters.HasAccepted(t.Context(), c.alliance.ID, c.userID(callerMentor)); err != nil || !ok {
		t.Errorf("the mentor's acceptance is not recorded: %v %v", ok, err)
	}

	// The admin sees who has and has not accepted.
	w = get(s, base+"/acceptances", admin)
	body = w.Body.String()
	expectPage(t, "the acceptances", w, body, http.StatusOK, `id="accepted"`, "Mentor of alliance-charte", `id="pending"`, "Coordinator of alliance-charte")
	accepted, _, _ := strings.Cut(body[strings.Index(body, `id="accepted"`):], `id="pending"`)
	if strings.Contains(accepted, "Coordinator of") || !strings.Contains(accepted, "<code>") {
		t.Errorf("the accepted list:\n%s", accepted)
	}

	// A published version is read-only.
	w = get(s, base+"/versions/1", admin)
	expectPage(t, "a published version", w, w.Body.String(), http.StatusOK, `id="read-only"`, "<li>Garder le secret</li>")
	if strings.Contains(w.Body.String(), "<textarea") {
		t.Error("a published version is offered for editing")
	}
	if w := post(s, base+"/versions/1", url.Values{"bodies.fr": {"x"}, "action": {"save"}}, admin); w.Code != http.StatusConflict {
		t.Errorf("saving a published version: %d; want 409", w.Code)
	}

	// A second version, started from the first, changes a line.
	w = get(s, base+"/versions/new", admin)
	expectPage(t, "a new draft from the current one", w, w.Body.String(), http.StatusOK, "- Respecter les entrepreneurs", `id="draft-from"`)
	fr2 := strings.Replace(fr1, "- Garder le secret", "- Écouter avant de conseiller", 1)
	w = post(s, base+"/versions/new", url.Values{"bodies.fr": {fr2}, "bodies.en": {en1}, "action": {"save"}}, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"/versions/2?saved=1" {
		t.Fatalf("save v2: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	if w := post(s, base+"/versions/2/publish", nil, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("publish v2: %d\n%s", w.Code, w.Body)
	}
	w = get(s, base+"/versions", admin)
	expectPage(t, "the history", w, w.Body.String(), http.StatusOK, "Remplacée", `id="compare-form"`, `<option value="1" selected>`, `<option value="2" selected>`)

	w = get(s, base+"/diff?from=1&to=2", admin)
	body = w.Body.String()
	expectPage(t, "the diff", w, body, http.StatusOK, `id="diff-fr"`, `<del>- Garder le secret</del>`, `<ins>- Écouter avant de conseiller</ins>`,
		`aria-hidden="true">+</span>`, `aria-hidden="true">−</span>`, `id="diff-same-en"`, "Lignes ajoutées\u202f: 1 · lignes supprimées\u202f: 1")
	if scriptTag.MatchString(body) {
		t.Errorf("the diff has a script element:\n%s", body)
	}
	if w := get(s, base+"/diff?from=1&to=9", admin); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), `id="form-problem"`) {
		t.Errorf("a diff with an unknown version: %d", w.Code)
	}

	// The mentor is asked to accept version 2.
	w = get(s, base, mentor)
	expectPage(t, "the charter's second version", w, w.Body.String(), http.StatusOK, `id="accept"`, "Version 2")
}
