package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// libraryTables are the tables a request on the library could write.
var libraryTables = []string{"resources"}

// text posts a text as the coordinator and gives it.
func (c *communityAPI) text(body map[string]any) resourceView {
	c.t.Helper()
	w := c.call("POST", c.path("/resources"), body, c.coord.Token)
	c.expect(w, http.StatusCreated, "create a text")
	var v resourceView
	c.decode(w, &v)
	return v
}

// search lists the library as u with query, and gives the page.
func (c *communityAPI) search(u acctUser, query url.Values) libraryPage {
	c.t.Helper()
	w := c.call("GET", c.path("/resources?"+query.Encode()), nil, u.Token)
	c.expect(w, http.StatusOK, "search "+query.Encode())
	var p libraryPage
	c.decode(w, &p)
	return p
}

func titlesOf(p libraryPage) []string {
	out := []string{}
	for _, r := range p.Items {
		out = append(out, r.Title)
	}
	return out
}

func TestAPILibraryCreatesReadsReplacesAndDeletesATextWithItsTranslations(t *testing.T) {
	c := newCommunityAPI(t)
	md := "# Écouter\n\nLe mentor **écoute** avant de parler.\n\n<script>alert(1)</script>"
	w := c.call("POST", c.path("/resources"), map[string]any{"kind": "guide", "title": "  Écouter d’abord ", "body_markdown": md,
		"locale": "fr", "tags": []string{"Écoute", "posture", "écoute"}, "for_entrepreneurs": true}, c.admin.Token)
	c.expect(w, http.StatusCreated, "create")
	if got := c.keys(w.Body.Bytes()); !slices.Equal(got, []string{"body_html", "body_markdown", "created_at", "for_entrepreneurs",
		"id", "kind", "locale", "slug", "tags", "title", "updated_at"}) {
		t.Fatalf("keys %v", got)
	}
	var fr resourceView
	c.decode(w, &fr)
	if fr.Slug != "ecouter-d-abord" || fr.Title != "Écouter d’abord" || fr.Kind != domain.KindGuide || fr.Locale != domain.French ||
		!slices.Equal(fr.Tags, []string{"écoute", "posture"}) || !fr.ForEntrepreneurs || fr.BodyMarkdown != md {
		t.Fatalf("created %+v", fr)
	}
	if !strings.Contains(fr.BodyHTML, "<strong>écoute</strong>") || testkit.UnsafeHTML(fr.BodyHTML) != "" || strings.Contains(fr.BodyHTML, "<script") {
		t.Fatalf("body_html %q", fr.BodyHTML)
	}
	en := c.text(map[string]any{"kind": "guide", "title": "Listen first", "body_markdown": "# Listen", "locale": "en", "slug": fr.Slug})

	w = c.call("GET", c.path("/resources/"+fr.ID.String()), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "get")
	var got resourceDetail
	c.decode(w, &got)
	if got.ID != fr.ID || got.BodyMarkdown != md || len(got.Translations) != 1 ||
		got.Translations[0] != (translationView{ID: en.ID, Locale: domain.English, Title: "Listen first"}) {
		t.Fatalf("get %+v", got)
	}

	// A replacement without a slug keeps the text's own; tags and the mark
	// for entrepreneurs left out are none and false.
	w = c.call("PATCH", c.path("/resources/"+fr.ID.String()), map[string]any{"kind": "dos_donts", "title": "Écouter, toujours",
		"body_markdown": "Écouter.", "locale": "fr"}, c.coord.Token)
	c.expect(w, http.StatusOK, "replace")
	var replaced resourceView
	c.decode(w, &replaced)
	if replaced.Slug != fr.Slug || replaced.Kind != domain.KindDosDonts || replaced.Title != "Écouter, toujours" ||
		len(replaced.Tags) != 0 || replaced.Tags == nil || replaced.ForEntrepreneurs || replaced.UpdatedAt.Before(fr.UpdatedAt) {
		t.Fatalf("replaced %+v", replaced)
	}

	// The slug is taken once per language.
	for _, loc := range bothLanguages {
		before := c.counts(libraryTables...)
		w = c.in(loc, "POST", c.path("/resources"), map[string]any{"kind": "guide", "title": "Encore", "body_markdown": "x",
			"locale": "fr", "slug": fr.Slug}, c.admin)
		c.expectProblem(t, w, http.StatusConflict, loc, "error.resource.slug_taken")
		if msg := c.problem(w).fieldMessages()["slug"]; msg != c.message(loc, "validation.slug_taken", nil) {
			t.Fatalf("slug message %q", msg)
		}
		c.unchanged(t, before, libraryTables...)
	}

	c.expect(c.call("DELETE", c.path("/resources/"+en.ID.String()), nil, c.admin.Token), http.StatusNoContent, "delete")
	c.expect(c.call("GET", c.path("/resources/"+en.ID.String()), nil, c.admin.Token), http.StatusNotFound, "deleted")
	for _, path := range []string{"/resources/" + en.ID.String(), "/resources/" + uuid.NewString(), "/resources/not-a-uuid"} {
		for _, method := range []string{"GET", "PATCH", "DELETE"} {
			w := c.call(method, c.path(path), map[string]any{"kind": "guide", "title": "T", "body_markdown": "x", "locale": "fr"}, c.admin.Token)
			c.expect(w, http.StatusNotFound, method+" "+path)
		}
	}
	if n := testkit.Count(t, c.db, &c.id, "resources"); n != 1 {
		t.Fatalf("%d texts; want 1", n)
	}
}

// resourceBadInputs are texts the API refuses: the status and, for a 422,
// the field and the message's key and arguments; otherwise a part of the
// English detail.
var resourceBadInputs = []struct {
	name   string
	body   string
	status int
	field  string
	key    string
	args   map[string]any
}{
	{"unknown locale", `{"kind":"guide","title":"Titre","body_markdown":"Texte","locale":"de"}`, 422, "locale", "validation.locale", nil},
	{"no locale", `{"kind":"guide","title":"Titre","body_markdown":"Texte"}`, 422, "locale", "validation.locale", nil},
	{"unknown kind", `{"kind":"poem","title":"Titre","body_markdown":"Texte","locale":"fr"}`, 422, "kind", "validation.one_of",
		map[string]any{"values": "guide, dos_donts, exercise, case, role_model"}},
	{"empty body", `{"kind":"guide","title":"Titre","body_markdown":"","locale":"fr"}`, 422, "body_markdown", "validation.required", nil},
	{"blank body", `{"kind":"guide","title":"Titre","body_markdown":" \n\t ","locale":"fr"}`, 422, "body_markdown", "validation.required", nil},
	{"300 KB body", `{"kind":"guide","title":"Titre","body_markdown":"` + strings.Repeat("a", 300_000) + `","locale":"fr"}`, 422,
		"body_markdown", "validation.too_large_text", map[string]any{"max": 200}},
	{"empty title", `{"kind":"guide","title":"  ","body_markdown":"Texte","locale":"fr"}`, 422, "title", "validation.required", nil},
	{"bad tag", `{"kind":"guide","title":"Titre","body_markdown":"Texte","locale":"fr","tags":["a_b"]}`, 422, "tags", "validation.tag",
		map[string]any{"max": 40}},
	{"bad slug", `{"kind":"guide","title":"Titre","body_markdown":"Texte","locale":"fr","slug":"Pas Bon"}`, 422, "slug", "validation.slug", nil},
	{"2 MB body", `{"kind":"guide","body_markdown":"` + strings.Repeat("a", 2_000_000) + `"}`, 413, "", "", nil},
	{"malformed JSON", `{"kind":`, 400, "", "", nil},
	{"unknown field", `{"kind":"guide","text":"Texte"}`, 400, "", "", nil},
	{"wrong type", `{"kind":"guide","tags":"a"}`, 400, "", "", nil},
}

func TestAPILibraryRefusesBadTextsInBothLanguagesAndWritesNothing(t *testing.T) {
	c := newCommunityAPI(t)
	kept := c.text(map[string]any{"kind": "case", "title": "Le cas", "body_markdown": "# Le cas", "locale": "fr"})
	for _, route := range []struct{ method, path string }{{"POST", c.path("/resources")}, {"PATCH", c.path("/resources/" + kept.ID.String())}} {
		for _, tc := range resourceBadInputs {
			for _, loc := range bothLanguages {
				t.Run(route.method+" "+tc.name+" "+string(loc), func(t *testing.T) {
					before := c.counts(libraryTables...)
					w := c.in(loc, route.method, route.path, tc.body, c.coord)
					if tc.field != "" {
						c.expectField(t, w, loc, tc.field, tc.key, tc.args)
					} else {
						c.expectProblem(t, w, tc.status, loc, "")
					}
					c.unchanged(t, before, libraryTables...)
					w = c.call("GET", c.path("/resources/"+kept.ID.String()), nil, c.coord.Token)
					var v resourceView
					c.decode(w, &v)
					if v.Title != "Le cas" || v.BodyMarkdown != "# Le cas" || v.Kind != domain.KindCase {
						t.Fatalf("the text after a refused request: %+v", v)
					}
				})
			}
		}
	}
}

func TestAPILibrarySearchFoldsAccentsAndFiltersByKindLocaleAndTag(t *testing.T) {
	c := newCommunityAPI(t)
	c.text(map[string]any{"kind": "guide", "title": "Séance de lancement", "body_markdown": "La première rencontre.", "locale": "fr",
		"tags": []string{"démarrage"}})
	c.text(map[string]any{"kind": "exercise", "title": "Préparer une séance", "body_markdown": "Trois questions.", "locale": "fr",
		"tags": []string{"préparation", "démarrage"}})
	c.text(map[string]any{"kind": "guide", "title": "First session", "body_markdown": "The first séance, in English.", "locale": "en",
		"tags": []string{"kick-off"}})
	c.text(map[string]any{"kind": "case", "title": "La boulangerie", "body_markdown": "Un four en panne.", "locale": "fr"})

	tests := []struct {
		name  string
		query url.Values
		want  []string
	}{
		{"everything, by kind then title", url.Values{}, []string{"First session", "Séance de lancement", "Préparer une séance", "La boulangerie"}},
		{"without accents", url.Values{"q": {"seance"}}, []string{"First session", "Séance de lancement", "Préparer une séance"}},
		{"in capitals with accents", url.Values{"q": {"SÉANCE"}}, []string{"First session", "Séance de lancement", "Préparer une séance"}},
		{"every word must match", url.Values{"q": {"seance lancement"}}, []string{"Séance de lancement"}},
		{"a word of the text", url.Values{"q": {"four"}}, []string{"La boulangerie"}},
		{"nothing", url.Values{"q": {"girafe"}}, []string{}},
		{"kind", url.Values{"kind": {"exercise"}}, []string{"Préparer une séance"}},
		{"locale", url.Values{"locale": {"en"}}, []string{"First session"}},
		{"tag", url.Values{"tag": {"démarrage"}}, []string{"Séance de lancement", "Préparer une séance"}},
		{"tag in capitals", url.Values{"tag": {"Démarrage"}}, []string{"Séance de lancement", "Préparer une séance"}},
		{"tag and words", url.Values{"tag": {"démarrage"}, "q": {"questions"}}, []string{"Préparer une séance"}},
		{"a tag nobody carries", url.Values{"tag": {"demarrage"}}, []string{}},
		{"locale and words", url.Values{"locale": {"fr"}, "q": {"seance"}}, []string{"Séance de lancement", "Préparer une séance"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := c.search(c.mentor, tc.query)
			if got := titlesOf(p); !slices.Equal(got, tc.want) || p.Total != len(tc.want) {
				t.Fatalf("found %v (total %d); want %v", got, p.Total, tc.want)
			}
			// The most used tag comes first.
			if len(p.Tags) != 3 || p.Tags[0] != "démarrage" || !slices.Equal(sorted(p.Tags), []string{"démarrage", "kick-off", "préparation"}) {
				t.Fatalf("tags %v; want démarrage, then kick-off and préparation", p.Tags)
			}
		})
	}

	t.Run("pages", func(t *testing.T) {
		var all []string
		for offset := "0"; ; {
			p := c.search(c.mentor, url.Values{"limit": {"3"}, "offset": {offset}})
			if p.Total != 4 {
				t.Fatalf("total %d", p.Total)
			}
			all = append(all, titlesOf(p)...)
			if len(p.Items) < 3 {
				break
			}
			offset = "3"
		}
		if !slices.Equal(all, []string{"First session", "Séance de lancement", "Préparer une séance", "La boulangerie"}) {
			t.Fatalf("pages %v", all)
		}
	})

	bad := []struct {
		query url.Values
		field string
		key   string
		args  map[string]any
	}{
		{url.Values{"kind": {"poem"}}, "kind", "validation.one_of", map[string]any{"values": domain.ResourceKindList()}},
		{url.Values{"locale": {"de"}}, "locale", "validation.locale", nil},
		{url.Values{"tag": {"a%b"}}, "tag", "validation.tag", map[string]any{"max": 40}},
		{url.Values{"tag": {strings.Repeat("a", 41)}}, "tag", "validation.tag", map[string]any{"max": 40}},
		{url.Values{"limit": {"0"}}, "limit", "validation.range", map[string]any{"min": 1, "max": 100}},
		{url.Values{"limit": {"101"}}, "limit", "validation.range", map[string]any{"min": 1, "max": 100}},
		{url.Values{"limit": {"ten"}}, "limit", "validation.range", map[string]any{"min": 1, "max": 100}},
		{url.Values{"offset": {"-1"}}, "offset", "validation.range", map[string]any{"min": 0, "max": 100_000}},
	}
	for _, tc := range bad {
		for _, loc := range bothLanguages {
			t.Run("refused "+tc.query.Encode()+" "+string(loc), func(t *testing.T) {
				c.expectField(t, c.in(loc, "GET", c.path("/resources?"+tc.query.Encode()), nil, c.mentor), loc, tc.field, tc.key, tc.args)
			})
		}
	}
}

func TestAPILibraryListsAnExcerptInPlainTextInsteadOfTheBody(t *testing.T) {
	c := newCommunityAPI(t)
	long := strings.Repeat("Le mentor pose des questions ouvertes et laisse l’entrepreneur chercher. ", 10)
	c.text(map[string]any{"kind": "guide", "title": "Poser des questions", "locale": "fr", "body_markdown": "# Questions\n\n" +
		"Une **bonne** question, _ouverte_, avec [un lien](https://example.org) et `du code` :\n\n- première\n- seconde\n\n> " + long})
	c.text(map[string]any{"kind": "guide", "title": "Court", "locale": "fr", "body_markdown": "Tout *court*."})

	w := c.call("GET", c.path("/resources"), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "list")
	var raw struct {
		Items []map[string]any `json:"items"`
	}
	c.decode(w, &raw)
	for _, item := range raw.Items {
		if _, ok := item["body_markdown"]; ok {
			t.Fatalf("a list item carries the whole body: %v", item)
		}
	}
	p := c.search(c.mentor, url.Values{})
	byTitle := map[string]string{}
	for _, r := range p.Items {
		byTitle[r.Title] = r.Excerpt
	}
	if got := byTitle["Court"]; got != "Tout court." {
		t.Fatalf("short excerpt %q", got)
	}
	got := byTitle["Poser des questions"]
	if !strings.HasPrefix(got, "Questions Une bonne question, ouverte, avec un lien et du code : première seconde Le mentor pose") ||
		!strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > resourceExcerptRunes+1 || utf8.RuneCountInString(got) < resourceExcerptRunes/2 {
		t.Fatalf("excerpt %q", got)
	}
	for _, syntax := range []string{"**", "#", "](", "`", "_", "> ", "- "} {
		if strings.Contains(got, syntax) {
			t.Fatalf("excerpt %q holds Markdown %q", got, syntax)
		}
	}
}

func TestAPILibraryShowsEntrepreneursOnlyTheTextsMarkedForThem(t *testing.T) {
	c := newCommunityAPI(t)
	open := c.text(map[string]any{"kind": "dos_donts", "title": "Préparer sa séance", "body_markdown": "Venir avec ses questions.",
		"locale": "fr", "tags": []string{"séance"}, "for_entrepreneurs": true})
	hidden := c.text(map[string]any{"kind": "case", "title": "Séance difficile", "body_markdown": "Un mentor en difficulté.",
		"locale": "fr", "tags": []string{"confidentiel"}})
	// The English translation of the open text is for mentors only.
	c.text(map[string]any{"kind": "dos_donts", "title": "Preparing a session", "body_markdown": "Bring questions.", "locale": "en",
		"slug": open.Slug})

	p := c.search(c.entrep, url.Values{"q": {"seance"}})
	if got := titlesOf(p); !slices.Equal(got, []string{"Préparer sa séance"}) || p.Total != 1 || !slices.Equal(p.Tags, []string{"séance"}) {
		t.Fatalf("the entrepreneur finds %v (total %d, tags %v)", got, p.Total, p.Tags)
	}
	if p := c.search(c.entrep, url.Values{"tag": {"confidentiel"}}); len(p.Items) != 0 || p.Total != 0 {
		t.Fatalf("the entrepreneur finds %v by its tag", titlesOf(p))
	}
	if p := c.search(c.mentor, url.Values{"q": {"seance"}}); len(p.Items) != 2 {
		t.Fatalf("the mentor finds %v", titlesOf(p))
	}

	nobody := c.call("GET", c.path("/resources/"+uuid.NewString()), nil, c.entrep.Token)
	w := c.call("GET", c.path("/resources/"+hidden.ID.String()), nil, c.entrep.Token)
	c.expect(w, http.StatusNotFound, "the entrepreneur reads a text for mentors")
	if got, want := c.problem(w), c.problem(nobody); got.Type != want.Type || got.Title != want.Title || got.Detail != want.Detail {
		t.Fatalf("a text for mentors %s; a text that does not exist %s", w.Body, nobody.Body)
	}
	w = c.call("GET", c.path("/resources/"+open.ID.String()), nil, c.entrep.Token)
	c.expect(w, http.StatusOK, "the entrepreneur reads a text for them")
	var got resourceDetail
	c.decode(w, &got)
	if len(got.Translations) != 0 {
		t.Fatalf("the entrepreneur sees translations meant for mentors: %+v", got.Translations)
	}
	c.expect(c.call("GET", c.path("/resources/"+hidden.ID.String()), nil, c.mentor.Token), http.StatusOK, "the mentor reads it")
	c.expect(c.call("GET", c.path("/resources/"+hidden.ID.String()), nil, c.outsider.Token), http.StatusNotFound, "a non-member")

	// Writing is for admins and coordinators.
	for _, u := range []acctUser{c.mentor, c.entrep} {
		before := c.counts(libraryTables...)
		for _, r := range []struct{ method, path string }{{"POST", "/resources"}, {"PATCH", "/resources/" + open.ID.String()},
			{"DELETE", "/resources/" + open.ID.String()}} {
			w := c.in(domain.English, r.method, c.path(r.path), map[string]any{"kind": "guide", "title": "T", "body_markdown": "x", "locale": "fr"}, u)
			c.expectProblem(t, w, http.StatusForbidden, domain.English, "error.forbidden.detail")
		}
		c.unchanged(t, before, libraryTables...)
	}
}
