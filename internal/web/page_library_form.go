package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/markdown"
)

// resourceNewPage (GET /a/:slug/library/new) is the form of a new text,
// in the page's language unless the address names another; the address
// may also give the slug, kind, tags and audience, which the link to
// translate a text does.
func (s *Server) resourceNewPage(c *gin.Context) {
	f := newForm(url.Values{"locale": {string(localeOf(c))}})
	for _, name := range []string{"slug", "kind", "locale", "tags", "for_entrepreneurs"} {
		if v := c.Query(name); v != "" {
			f.Values.Set(name, v)
		}
	}
	s.renderResourceForm(c, http.StatusOK, nil, f, false)
}

// resourceNewSubmit (POST /a/:slug/library/new) previews a new text, or
// adds it to the library and shows it.
func (s *Server) resourceNewSubmit(c *gin.Context) {
	s.resourceFormSubmit(c, nil)
}

// resourceEditPage (GET /a/:slug/library/:id/edit) is the form of a text,
// filled with what it says now.
func (s *Server) resourceEditPage(c *gin.Context) {
	r, _, ok := s.pageResource(c)
	if !ok {
		return
	}
	f := newForm(url.Values{
		"slug": {r.Slug}, "kind": {string(r.Kind)}, "locale": {string(r.Locale)}, "title": {r.Title},
		"tags": {joinTags(r.Tags)}, "body_markdown": {r.Body},
	})
	if r.ForEntrepreneurs {
		f.Values.Set("for_entrepreneurs", "1")
	}
	s.renderResourceForm(c, http.StatusOK, r, f, false)
}

// resourceEditSubmit (POST /a/:slug/library/:id/edit) previews a text's
// new version, or saves it and shows it.
func (s *Server) resourceEditSubmit(c *gin.Context) {
	r, _, ok := s.pageResource(c)
	if !ok {
		return
	}
	s.resourceFormSubmit(c, r)
}

// resourceFormSubmit answers the form of a text (r, or a new one when r
// is nil): "preview" shows the text as readers will see it and saves
// nothing; "save" saves it and goes to its page. What was typed comes
// back with a message next to each field that is wrong.
func (s *Server) resourceFormSubmit(c *gin.Context, r *domain.Resource) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	in := resourceInputOf(f)
	caller := callerOf(c)
	preview := f.V("action") == "preview"
	var saved *domain.Resource
	var err error
	switch {
	case preview:
		checked := in
		if r != nil && strings.TrimSpace(checked.Slug) == "" {
			checked.Slug = r.Slug
		}
		checked.Normalize()
		err = checked.Validate()
	case r == nil:
		saved, err = s.library.Create(c.Request.Context(), caller, in)
	default:
		saved, err = s.library.Update(c.Request.Context(), caller, r.ID, in)
	}
	status := http.StatusOK
	if err != nil {
		if status, ok = s.formFailed(c, f, err); !ok {
			return
		}
		// A slug left empty is made from the title: while the title is
		// wrong, its own message says enough.
		if strings.TrimSpace(f.V("slug")) == "" && f.Err("title") != "" {
			delete(f.Errors, "slug")
		}
	}
	if preview || err != nil {
		s.renderResourceForm(c, status, r, f, preview)
		return
	}
	seeOther(c, libraryBase(caller.Alliance)+"/"+saved.ID.String()+"?saved=1")
}

// resourceInputOf reads the form of a text: its tags are separated by
// commas, and a browser sends a textarea's line breaks as CRLF.
func resourceInputOf(f *form) domain.ResourceInput {
	return domain.ResourceInput{
		Slug: f.V("slug"), Kind: domain.ResourceKind(f.V("kind")), Locale: domain.Locale(f.V("locale")),
		Title: f.V("title"), Body: strings.ReplaceAll(f.V("body_markdown"), "\r\n", "\n"),
		Tags: strings.Split(f.V("tags"), ","), ForEntrepreneurs: f.V("for_entrepreneurs") == "1",
	}
}

// joinTags writes tags as the form's field has them.
func joinTags(tags []string) string { return strings.Join(tags, ", ") }

// renderResourceForm shows the form of a text (r, or a new one when r is
// nil), with the preview of its Markdown when asked.
func (s *Server) renderResourceForm(c *gin.Context, status int, r *domain.Resource, f *form, preview bool) {
	data := gin.H{
		"Resource": r, "Form": f, "Kinds": domain.ResourceKinds, "Languages": domain.Locales, "Preview": preview,
		"MaxKB": domain.ResourceMaxBytes / 1000, "TitleMax": domain.ResourceTitleMax,
	}
	if preview {
		//nolint:gosec // markdown.HTML gives sanitized HTML: no script, no handler, no unsafe URL.
		data["Body"] = template.HTML(markdown.HTML(strings.ReplaceAll(f.V("body_markdown"), "\r\n", "\n")))
	}
	title := "page.library.form.new_title"
	if r != nil {
		title = "page.library.form.edit_title"
	}
	data["TitleKey"] = title
	s.renderSection(c, status, "library_form", title, data)
}
