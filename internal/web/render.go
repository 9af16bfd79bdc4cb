package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
)

// pages holds the parsed templates, one set per page, each with the layout.
type pages struct {
	catalog   *i18n.Catalog
	templates map[string]*template.Template
	assets    map[string]string // static file → its address with a content hash
}

// view is what every template receives.
type view struct {
	Locale domain.Locale
	Path   string // the page's own address with its query, for the language switch
	Title  string
	Data   any
	// User is the signed-in user, nil for a visitor; Alliances are their
	// active memberships, for the switcher of the header; Current is the
	// slug of the alliance the page is about, if any.
	User      *domain.User
	Alliances []navAlliance
	Current   string
	catalog   *i18n.Catalog
	assets    map[string]string
}

// Next is where the header's sign-in links come back to: this page, unless
// it is one of the sign-in pages themselves.
func (v view) Next() string { return nextOf(v.Path) }

// navAlliance is an alliance of the switcher.
type navAlliance struct{ Slug, Name string }

// When shows an instant in UTC, the way the page's language writes dates.
func (v view) When(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if v.Locale == domain.French {
		return t.UTC().Format("02/01/2006 15:04") + " UTC"
	}
	return t.UTC().Format("2006-01-02 15:04") + " UTC"
}

// RoleNames gives the roles in the page's language, joined by commas.
func (v view) RoleNames(roles []domain.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = v.T("role." + string(r))
	}
	return strings.Join(names, ", ")
}

// T translates a key in the page's language; args come as name, value pairs.
func (v view) T(key string, args ...any) string {
	var m map[string]any
	if len(args) > 1 {
		m = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			m[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return v.catalog.T(v.Locale, key, m)
}

// With is the view with other data, for a template that shows a part of
// the page's.
func (v view) With(data any) view {
	v.Data = data
	return v
}

// Asset gives the address of a static file, with its content hash so that
// browsers may keep it for a year.
func (v view) Asset(name string) string { return v.assets[name] }

// Locales lists the languages of the switch.
func (v view) Locales() []domain.Locale { return domain.Locales }

var templateFuncs = template.FuncMap{
	// paragraphs splits a plain text on blank lines.
	"paragraphs": func(s string) []string {
		var out []string
		for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	},
}

func loadPages(catalog *i18n.Catalog) (*pages, error) {
	p := &pages{catalog: catalog, templates: map[string]*template.Template{}, assets: map[string]string{}}
	names, err := fs.Glob(frontend.Templates, "pages/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		t, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(frontend.Templates, "layout.html", "partials.html", name)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		p.templates[strings.TrimSuffix(strings.TrimPrefix(name, "pages/"), ".html")] = t
	}
	err = fs.WalkDir(frontend.Static, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(frontend.Static, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		p.assets[path] = "/static/" + path + "?v=" + hex.EncodeToString(sum[:6])
		return nil
	})
	return p, err
}

// render writes the page name with its title and data, in the request's
// language.
func (s *Server) render(c *gin.Context, status int, name, title string, data any) {
	t, ok := s.pages.templates[name]
	if !ok {
		s.fail(c, domain.Internal(fmt.Errorf("no page template %q", name)))
		return
	}
	v := view{
		Locale: localeOf(c), Path: c.Request.URL.RequestURI(), Title: title, Data: data,
		Current: c.GetString(keyAlliance), catalog: s.catalog, assets: s.pages.assets,
	}
	if sess := sessionOf(c); sess != nil {
		v.User = sess.User
		v.Alliances = s.navAlliances(c, sess.User.ID)
		// A signed-in page shows personal data: no cache may keep it.
		c.Header("Cache-Control", "private, no-store")
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		s.fail(c, domain.Internal(fmt.Errorf("page %s: %w", name, err)))
		return
	}
	c.Header("Content-Language", string(v.Locale))
	c.Header("Vary", "Accept-Language, Cookie")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// navAlliances lists the user's active alliances for the header; the page
// still renders, without them, when they cannot be read.
func (s *Server) navAlliances(c *gin.Context, user domain.ID) []navAlliance {
	ms, err := s.accounts.Memberships(c.Request.Context(), user)
	if err != nil {
		s.log.Warn("header alliances", "request_id", requestID(c), "err", err)
		return nil
	}
	var out []navAlliance
	for _, m := range ms {
		if m.Member.Status == domain.StatusActive {
			out = append(out, navAlliance{Slug: m.Alliance.Slug, Name: m.Alliance.Name})
		}
	}
	return out
}

// static serves the files of frontend/static; an address that carries the
// content hash may be kept by the browser for a year.
func (s *Server) static(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	if _, ok := s.pages.assets[name]; !ok {
		s.notFound(c)
		return
	}
	if c.Query("v") != "" && s.pages.assets[name] == "/static/"+name+"?v="+c.Query("v") {
		c.Header("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Header("Cache-Control", "public, max-age=3600")
	}
	c.FileFromFS(name, http.FS(frontend.Static))
}
