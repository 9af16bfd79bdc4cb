package e2e

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
	"github.com/mentorat/mentorat/tenants"
)

const demoPath = "/a/alliance-mali-mentors"

// startDemo starts the whole product with the demo alliance loaded.
func startDemo(t *testing.T) *testapp.RunningApp {
	t.Helper()
	return testapp.StartApp(t, testapp.AppSetup{
		Options: app.Options{Web: true, Workers: true, Migrate: true, Demo: true},
	})
}

// copyText gives what a page should say: the product's own messages and
// the demo alliance's about text, read from where the product reads them,
// so that a change of wording does not break the journey.
type copyText struct {
	t       testing.TB
	catalog *i18n.Catalog
	about   map[domain.Locale]string
}

func loadCopy(t testing.TB) copyText {
	t.Helper()
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatalf("load the catalog: %v", err)
	}
	raw, err := fs.ReadFile(tenants.Demo, "alliance.json")
	if err != nil {
		t.Fatalf("read the demo alliance: %v", err)
	}
	var profile struct {
		About map[domain.Locale]string `json:"about"`
	}
	if err := json.Unmarshal(raw, &profile); err != nil {
		t.Fatalf("decode the demo alliance: %v", err)
	}
	return copyText{t: t, catalog: catalog, about: profile.About}
}

// msg is a message of the catalog, which must have the key.
func (c copyText) msg(loc domain.Locale, key string) string {
	c.t.Helper()
	if !c.catalog.Has(key) {
		c.t.Fatalf("the catalog has no message %q", key)
	}
	return squash(c.catalog.T(loc, key, nil))
}

// aboutSentence is the first sentence of the alliance's about text's
// second paragraph (the one that tells how the programme runs).
func (c copyText) aboutSentence(loc domain.Locale) string {
	c.t.Helper()
	paragraphs := strings.Split(c.about[loc], "\n\n")
	if len(paragraphs) < 2 {
		c.t.Fatalf("the demo alliance's %s about text has fewer than two paragraphs", loc)
	}
	sentence, _, _ := strings.Cut(paragraphs[1], ". ")
	return squash(sentence)
}

// TestPublicPageInFrenchThenEnglish: a person whose phone asks for French
// opens the demo alliance's page, reads it in French, switches to English
// with the link in the header, then back to French.
func TestPublicPageInFrenchThenEnglish(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	text := loadCopy(t)
	ctx := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, ctx, "fr-FR,fr;q=0.9")
	tr := watchTraffic(t, ctx)

	resp := open(t, ctx, srv.URL+demoPath)
	if resp.Status != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200", demoPath, resp.Status)
	}
	checkFrench := func(when string) {
		t.Helper()
		if got := pageLanguage(t, ctx); got != "fr" {
			t.Errorf("%s: <html lang=%q>, want fr", when, got)
		}
		if got := visibleText(t, ctx, "#alliance-name"); got != "Alliance Mali Mentors" {
			t.Errorf("%s: the heading says %q, want Alliance Mali Mentors", when, got)
		}
		about := visibleText(t, ctx, "#about")
		if want := text.aboutSentence(domain.French); !strings.Contains(about, want) {
			t.Errorf("%s: the about text lacks %q; it says %q", when, want, about)
		}
		if en := text.aboutSentence(domain.English); strings.Contains(about, en) {
			t.Errorf("%s: the about text is in English: %q", when, about)
		}
		if got, want := visibleText(t, ctx, "main h2"), text.msg(domain.French, "alliance.programme.title"); got != want {
			t.Errorf("%s: the programme heading says %q, want %q", when, got, want)
		}
		if got, want := visibleText(t, ctx, "#programme"), text.msg(domain.French, "alliance.programme.lead"); !strings.Contains(got, want) {
			t.Errorf("%s: the programme lacks %q; it says %q", when, want, got)
		}
		if got, want := visibleText(t, ctx, "#lang-en"), "English"; got != want {
			t.Errorf("%s: the language switch offers %q, want %q", when, got, want)
		}
		checkNoHorizontalScroll(t, ctx)
		checkTapTargets(t, ctx, "header a, .button")
	}
	checkFrench("first visit")
	screenshot(t, ctx, "fr")

	resp = follow(t, ctx, "#lang-en")
	if resp.Status != http.StatusOK {
		t.Fatalf("after the switch to English: status %d, want 200", resp.Status)
	}
	if got := run(t, ctx, "read the address", chromedp.Location()); got != srv.URL+demoPath {
		t.Errorf("the switch to English led to %s, want back to %s", got, srv.URL+demoPath)
	}
	if got := pageLanguage(t, ctx); got != "en" {
		t.Errorf("after the switch: <html lang=%q>, want en", got)
	}
	if got := visibleText(t, ctx, "#alliance-name"); got != "Alliance Mali Mentors" {
		t.Errorf("after the switch: the heading says %q", got)
	}
	about := visibleText(t, ctx, "#about")
	if want := text.aboutSentence(domain.English); !strings.Contains(about, want) {
		t.Errorf("after the switch: the about text lacks %q; it says %q", want, about)
	}
	if got, want := visibleText(t, ctx, "main h2"), text.msg(domain.English, "alliance.programme.title"); got != want {
		t.Errorf("after the switch: the programme heading says %q, want %q", got, want)
	}
	if got, want := visibleText(t, ctx, "#programme"), text.msg(domain.English, "alliance.programme.lead"); !strings.Contains(got, want) {
		t.Errorf("after the switch: the programme lacks %q; it says %q", want, got)
	}
	if got, want := visibleText(t, ctx, "footer"), text.msg(domain.English, "layout.footer"); got != want {
		t.Errorf("after the switch: the footer says %q, want %q", got, want)
	}
	if got := visibleText(t, ctx, "#lang-fr"); got != "Français" {
		t.Errorf("after the switch: the language switch offers %q, want Français", got)
	}
	checkNoHorizontalScroll(t, ctx)
	screenshot(t, ctx, "en")

	// The choice sticks: the home page is in English too, although the
	// browser still asks for French.
	open(t, ctx, srv.URL+"/")
	if got := pageLanguage(t, ctx); got != "en" {
		t.Errorf("home page after choosing English: <html lang=%q>, want en", got)
	}
	if got, want := visibleText(t, ctx, "main h1"), text.msg(domain.English, "home.heading"); got != want {
		t.Errorf("home page after choosing English: heading %q, want %q", got, want)
	}
	follow(t, ctx, ".button")
	if got := pageLanguage(t, ctx); got != "en" {
		t.Errorf("demo alliance from the home page: <html lang=%q>, want en", got)
	}

	resp = follow(t, ctx, "#lang-fr")
	if resp.Status != http.StatusOK {
		t.Fatalf("after the switch back to French: status %d, want 200", resp.Status)
	}
	checkFrench("back in French")

	if tr.count() < 8 {
		t.Errorf("saw only %d requests; is the traffic being recorded?", tr.count())
	}
	tr.check(t, srv.URL)
}

// TestErrorPageInBrowser: an unknown alliance gives the translated
// not-found page, as HTML with status 404, in French.
func TestErrorPageInBrowser(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	text := loadCopy(t)
	ctx := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, ctx, "fr-FR,fr;q=0.9")
	tr := watchTraffic(t, ctx)

	resp := open(t, ctx, srv.URL+"/a/does-not-exist")
	if resp.Status != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.Status)
	}
	if !strings.HasPrefix(resp.MimeType, "text/html") {
		t.Errorf("the browser got %q, want an HTML page", resp.MimeType)
	}
	if got := pageLanguage(t, ctx); got != "fr" {
		t.Errorf("<html lang=%q>, want fr", got)
	}
	if got, want := visibleText(t, ctx, "main h1"), text.msg(domain.French, "error.not_found.title"); got != want {
		t.Errorf("the heading says %q, want %q", got, want)
	}
	if got, want := visibleText(t, ctx, "main .lead"), text.msg(domain.French, "error.not_found.detail"); got != want {
		t.Errorf("the page says %q, want %q", got, want)
	}
	if got := visibleText(t, ctx, "main .eyebrow"); got != "404" {
		t.Errorf("the page shows the status %q, want 404", got)
	}
	if got, want := run(t, ctx, "read the title", chromedp.Title()), text.msg(domain.French, "error.not_found.title"); !strings.HasPrefix(got, want) {
		t.Errorf("the window title is %q, want it to start with %q", got, want)
	}
	checkNoHorizontalScroll(t, ctx)
	checkTapTargets(t, ctx, "header a, main a")
	screenshot(t, ctx, "fr")

	// The way out works.
	follow(t, ctx, "main a[href='/']")
	if got, want := visibleText(t, ctx, "main h1"), text.msg(domain.French, "home.heading"); got != want {
		t.Errorf("back home: the heading says %q, want %q", got, want)
	}
	// The document's own 404 is what the page is about; nothing else may fail.
	tr.check(t, srv.URL, "status of 404")
}
