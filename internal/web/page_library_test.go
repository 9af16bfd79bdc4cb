package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/testkit"
)

// savedResource posts a text's form with "save" as the session's person,
// and gives the path of the text's page.
func savedResource(t *testing.T, s *Server, path string, form url.Values, session string) string {
	t.Helper()
	form.Set("action", "save")
	w := post(s, path, form, session)
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasSuffix(loc, "?saved=1") {
		t.Fatalf("save %s: %d to %q\n%s", path, w.Code, loc, w.Body)
	}
	return strings.TrimSuffix(loc, "?saved=1")
}

// partOf is the part of a page from the first start to the next end,
// which the page must have.
func partOf(t *testing.T, body, start, end string) string {
	t.Helper()
	i := strings.Index(body, start)
	if i < 0 {
		t.Fatalf("the page has no %s:\n%s", start, body)
	}
	part, _, _ := strings.Cut(body[i:], end)
	return part
}

// TestLibraryThroughThePages: a coordinator writes a text for mentors
// through the form (a form with mistakes comes back with a message next
// to each field and what was typed), previews it (nothing saved), saves
// it, and adds its English translation under the same slug. A search
// without accents finds it; the filters by kind, language and tag narrow
// the list. An entrepreneur never sees it, in the list or by its address,
// but reads the case marked for them. A script in a text never reaches a
// page. The writer edits and then deletes it once the box is ticked; the
// case a peer session discusses is kept.
func TestLibraryThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-bibliotheque")
	base := "/a/alliance-bibliotheque/library"
	coordinator := pageSession(t, s, c, callerCoordinator)
	entrepreneur := pageSession(t, s, c, callerEntrepreneur)
	mentor := pageSession(t, s, c, callerMentor)

	w := get(s, base, coordinator)
	expectPage(t, "the library of a writer", w, w.Body.String(), http.StatusOK, `id="new-resource"`, `id="link-library" aria-current="page"`,
		"Le cas de la boulangerie", `id="guide-banner"`, `id="guide-readers"`, `id="library-search"`)

	w = get(s, base+"/new", coordinator)
	expectPage(t, "the new text's form", w, w.Body.String(), http.StatusOK, `name="title"`, `name="kind"`, `name="locale"`, `name="tags"`,
		`name="for_entrepreneurs"`, `name="body_markdown"`, `name="slug"`, `id="preview"`, `id="save"`, `<option value="fr" selected>`)

	// Mistakes: each comes back next to its field, with what was typed.
	w = post(s, base+"/new", url.Values{"title": {" "}, "kind": {"poem"}, "locale": {"fr"}, "tags": {"Pas bon!, écoute"},
		"body_markdown": {""}, "action": {"save"}}, coordinator)
	expectPage(t, "a text with mistakes", w, w.Body.String(), http.StatusUnprocessableEntity, `id="title-error">Ce champ est obligatoire.`,
		`id="kind-error">Valeur inconnue`, `id="body_markdown-error">Ce champ est obligatoire.`, `id="tags-error">`, `value="Pas bon!, écoute"`, `aria-invalid="true"`)
	if strings.Contains(w.Body.String(), `id="slug-error"`) {
		t.Error("a slug left empty is wrong while the title is missing")
	}

	body := "# Séance d’écoute\n\nLe mentor écoute **d’abord**.\n\n- Poser une question ouverte\n- Se taire\n\n" +
		"<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n\n[piège](javascript:alert(3))"
	text := url.Values{"title": {"Séance d’écoute"}, "kind": {"exercise"}, "locale": {"fr"}, "tags": {"Écoute, première séance"},
		"body_markdown": {body}}
	preview := url.Values{"action": {"preview"}}
	for k, v := range text {
		preview[k] = v
	}
	w = post(s, base+"/new", preview, coordinator)
	page := w.Body.String()
	expectPage(t, "the preview", w, page, http.StatusOK, `id="preview-body"`, "<strong>d’abord</strong>", "<li>Se taire</li>", `id="preview-notice"`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="preview-body"`, "</article>")); bad != "" {
		t.Errorf("the preview lets through %s", bad)
	}
	if got := get(s, base+"?q=ecoute", coordinator).Body.String(); strings.Contains(got, "Séance d’écoute</a>") {
		t.Fatal("a preview saved the text")
	}

	frPath := savedResource(t, s, base+"/new", text, coordinator)
	w = get(s, frPath+"?saved=1", coordinator)
	page = w.Body.String()
	expectPage(t, "the saved text", w, page, http.StatusOK, `id="saved"`, `<h1 lang="fr" id="resource-title">Séance d’écoute</h1>`,
		"Exercice", `href="/a/alliance-bibliotheque/library?tag=%c3%a9coute"`, "première-séance", `id="edit"`, `id="delete-form"`, `id="translate-en"`,
		"Pour les mentors et l’équipe")
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="resource-body"`, "</article>")); bad != "" {
		t.Errorf("the text's page lets through %s", bad)
	}
	slug := regexp.MustCompile(`href="[^"]*/library/new\?[^"]*slug=([a-z0-9-]+)`).FindStringSubmatch(page)
	if slug == nil || slug[1] != "seance-d-ecoute" {
		t.Fatalf("the translation link names the slug %v", slug)
	}

	// The English translation shares the slug: each page links the other.
	enPath := savedResource(t, s, base+"/new", url.Values{"title": {"Listening session"}, "kind": {"exercise"}, "locale": {"en"},
		"tags": {"listening"}, "body_markdown": {"# Listening session\n\nThe mentor listens first."}, "slug": {slug[1]}}, coordinator)
	w = get(s, frPath, coordinator)
	expectPage(t, "the French text with its translation", w, w.Body.String(), http.StatusOK, `href="`+enPath+`" hreflang="en"`, "Lire en anglais")
	if strings.Contains(w.Body.String(), `id="translate-en"`) {
		t.Error("a text with its English translation still offers to translate it")
	}

	// Searching: without accents, by kind, language and tag.
	for _, tc := range []struct {
		query       string
		has, hasNot []string
	}{
		{"?q=seance+ecoute", []string{"Séance d’écoute</a>"}, []string{"Le cas de la boulangerie", "Listening session"}},
		{"?q=SEANCE&locale=", []string{"Séance d’écoute</a>"}, nil},
		{"?q=listens&locale=", []string{"Listening session</a>"}, []string{"Séance d’écoute</a>"}},
		{"?kind=case", []string{"Le cas de la boulangerie", `id="kind-case"`}, []string{"Séance d’écoute</a>"}},
		{"?tag=%C3%A9coute", []string{"Séance d’écoute</a>", `aria-current="true"`}, []string{"Le cas de la boulangerie"}},
		{"?locale=en", []string{"Listening session</a>"}, []string{"Séance d’écoute</a>"}},
		{"?q=introuvable", []string{`id="no-results"`, "0 texte(s) trouvé(s)."}, nil},
	} {
		w := get(s, base+tc.query, coordinator)
		expectPage(t, "the search "+tc.query, w, w.Body.String(), http.StatusOK, tc.has...)
		for _, no := range tc.hasNot {
			if strings.Contains(w.Body.String(), no) {
				t.Errorf("the search %s finds %q", tc.query, no)
			}
		}
	}
	w = get(s, base+"?q=seance", coordinator)
	expectPage(t, "the excerpt", w, w.Body.String(), http.StatusOK, `<span class="excerpt" lang="fr">Le mentor écoute d’abord.`)

	// An entrepreneur reads what is marked for them, and nothing else.
	w = get(s, base, entrepreneur)
	page = w.Body.String()
	expectPage(t, "the library of an entrepreneur", w, page, http.StatusOK, "Le cas de la boulangerie")
	for _, no := range []string{"Séance d’écoute", `id="new-resource"`, `id="guide-banner"`, "écoute</a>"} {
		if strings.Contains(page, no) {
			t.Errorf("the entrepreneur's library shows %q", no)
		}
	}
	if w := get(s, base+"?q=seance", entrepreneur); strings.Contains(w.Body.String(), "Séance d’écoute") {
		t.Error("an entrepreneur's search finds a text for mentors")
	}
	if w := get(s, frPath, entrepreneur); w.Code != http.StatusNotFound {
		t.Errorf("an entrepreneur opening a text for mentors: %d; want 404", w.Code)
	}
	w = get(s, base+"/"+c.objects["library"].String(), entrepreneur)
	expectPage(t, "the case for entrepreneurs", w, w.Body.String(), http.StatusOK, "Une boulangerie de alliance-bibliotheque")
	if strings.Contains(w.Body.String(), `id="writer-actions"`) {
		t.Error("an entrepreneur is offered to edit a text")
	}

	// A mentor reads everything and writes nothing.
	w = get(s, frPath, mentor)
	expectPage(t, "a text read by a mentor", w, w.Body.String(), http.StatusOK, "<li>Se taire</li>")
	if strings.Contains(w.Body.String(), `id="writer-actions"`) {
		t.Error("a mentor is offered to edit a text")
	}

	// Editing: a mistake comes back with what was typed, then it saves.
	w = get(s, frPath+"/edit", coordinator)
	expectPage(t, "the edit form", w, w.Body.String(), http.StatusOK, `value="Séance d’écoute"`, `value="écoute, première-séance"`, `value="seance-d-ecoute"`)
	edit := url.Values{"title": {"Séance d’écoute active"}, "kind": {"exercise"}, "locale": {"fr"}, "tags": {"écoute!"}, "body_markdown": {body},
		"slug": {slug[1]}, "for_entrepreneurs": {"1"}, "action": {"save"}}
	w = post(s, frPath+"/edit", edit, coordinator)
	expectPage(t, "an edit with a bad tag", w, w.Body.String(), http.StatusUnprocessableEntity, `id="tags-error">`, `value="Séance d’écoute active"`,
		`name="for_entrepreneurs" value="1" id="for-entrepreneurs" checked`)
	edit.Set("tags", "écoute")
	if got := savedResource(t, s, frPath+"/edit", edit, coordinator); got != frPath {
		t.Fatalf("the edited text went to %s", got)
	}
	w = get(s, frPath, entrepreneur)
	expectPage(t, "the text once marked for entrepreneurs", w, w.Body.String(), http.StatusOK, "Séance d’écoute active")

	// Deleting: only once the box is ticked; the case a session discusses
	// stays.
	w = post(s, frPath+"/delete", url.Values{}, coordinator)
	expectPage(t, "a deletion not confirmed", w, w.Body.String(), http.StatusUnprocessableEntity, `id="confirm-error">Cochez la case`)
	w = post(s, base+"/"+c.objects["library"].String()+"/delete", url.Values{"confirm": {"yes"}}, coordinator)
	expectPage(t, "deleting the case a session discusses", w, w.Body.String(), http.StatusConflict, `id="form-problem">Ce texte est le cas discuté`)
	w = post(s, frPath+"/delete", url.Values{"confirm": {"yes"}}, coordinator)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"?deleted=1" {
		t.Fatalf("delete: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	if w := get(s, frPath, coordinator); w.Code != http.StatusNotFound {
		t.Errorf("a deleted text: %d; want 404", w.Code)
	}
	w = get(s, base+"?deleted=1", coordinator)
	expectPage(t, "the library after deleting", w, w.Body.String(), http.StatusOK, `id="deleted"`)
}

// TestGuideEditionsThroughThePages: a mentor acknowledges the guide's
// current edition from the library and is thanked; the writers see who
// did and which active mentors have not, and publish a new edition, after
// which the mentor is asked again. A note too short comes back next to
// its field.
func TestGuideEditionsThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-guide")
	base := "/a/alliance-guide"
	admin := pageSession(t, s, c, callerAdmin)
	mentor := pageSession(t, s, c, callerMentor)
	observer := pageSession(t, s, c, callerObserver)

	w := get(s, base+"/library", mentor)
	expectPage(t, "the guide to acknowledge", w, w.Body.String(), http.StatusOK, `id="acknowledge"`, "Guide du mentor, édition 1", "Première édition du guide")
	if strings.Contains(w.Body.String(), `id="guide-readers"`) {
		t.Error("a mentor is offered the writers' page of the guide")
	}
	if w := get(s, base+"/library", observer); strings.Contains(w.Body.String(), `id="guide-banner"`) {
		t.Error("an observer, who does not acknowledge the guide, gets its banner")
	}

	w = get(s, base+"/guide", admin)
	expectPage(t, "the guide's readers before", w, w.Body.String(), http.StatusOK, `id="none-acknowledged"`, `id="pending"`, "Mentor of alliance-guide", `id="edition-1"`)

	w = post(s, base+"/guide/acknowledge", nil, mentor)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"/library?acknowledged=1" {
		t.Fatalf("acknowledge: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"/library?acknowledged=1", mentor)
	expectPage(t, "the guide acknowledged", w, w.Body.String(), http.StatusOK, `id="guide-acknowledged"`, "Merci\u202f! C’est noté.",
		"Vous avez pris connaissance de l’édition 1 le")
	if strings.Contains(w.Body.String(), `id="acknowledge"`) {
		t.Error("once acknowledged, the library still offers to acknowledge the guide")
	}

	w = get(s, base+"/guide", admin)
	body := w.Body.String()
	expectPage(t, "the guide's readers after", w, body, http.StatusOK, `id="acknowledged"`, `id="none-pending"`)
	if acknowledged := partOf(t, body, `id="acknowledged"`, "</table>"); !strings.Contains(acknowledged, "Mentor of alliance-guide") {
		t.Errorf("those who acknowledged:\n%s", acknowledged)
	}

	w = post(s, base+"/guide/editions", url.Values{"note": {"x"}}, admin)
	expectPage(t, "a note too short", w, w.Body.String(), http.StatusUnprocessableEntity, `id="note-error">Ce champ doit compter entre 3 et 2000 caractères.`, ">x</textarea>")
	w = post(s, base+"/guide/editions", url.Values{"note": {"Deux nouveaux cas"}}, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"/guide?published=2" {
		t.Fatalf("publish: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"/guide?published=2", admin)
	expectPage(t, "the second edition", w, w.Body.String(), http.StatusOK, `id="published"`, "Édition en cours\u202f: 2", `id="edition-2"`, "Deux nouveaux cas")

	w = get(s, base+"/library", mentor)
	expectPage(t, "the second edition to acknowledge", w, w.Body.String(), http.StatusOK, `id="acknowledge"`, "Guide du mentor, édition 2")
}
