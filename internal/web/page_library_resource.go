package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/markdown"
)

// resourcePage (GET /a/:slug/library/:id) shows one text of the library:
// its title, kind and tags, its Markdown made HTML, the links to its
// translations, and to its writers the links to edit or delete it. A text
// the reader may not read is not found.
func (s *Server) resourcePage(c *gin.Context) {
	r, translations, ok := s.pageResource(c)
	if !ok {
		return
	}
	s.renderResource(c, http.StatusOK, r, translations, newForm(nil))
}

// pageResource loads the text of the path as the caller may read it, with
// its translations; an id that is not one of them gets the error page, and
// ok is false.
func (s *Server) pageResource(c *gin.Context) (*domain.Resource, []*domain.Resource, bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return nil, nil, false
	}
	r, translations, err := s.library.Resource(c.Request.Context(), callerOf(c), id)
	if err != nil {
		s.failPage(c, err)
		return nil, nil, false
	}
	return r, translations, true
}

// renderResource shows a text, with the delete form f (its problem when
// the deletion was refused).
func (s *Server) renderResource(c *gin.Context, status int, r *domain.Resource, translations []*domain.Resource, f *form) {
	canWrite := s.can(c, authz.ObjLibrary, authz.ActWrite)
	data := gin.H{
		"Resource": r, "Translations": translations, "CanWrite": canWrite, "Form": f, "Saved": c.Query("saved") == "1",
		//nolint:gosec // markdown.HTML gives sanitized HTML: no script, no handler, no unsafe URL.
		"Body": template.HTML(markdown.HTML(r.Body)),
	}
	if canWrite {
		data["Missing"] = missingTranslations(libraryBase(callerOf(c).Alliance), r, translations)
	}
	s.renderTitled(c, status, "library_resource", r.Title, data)
}

// translationLink is the address of the form of a text's translation into
// a language it lacks: the same slug, kind, tags and audience.
type translationLink struct {
	Locale domain.Locale
	Href   string
}

// missingTranslations offers a writer the languages a text still lacks,
// as links to the form of the library at base.
func missingTranslations(base string, r *domain.Resource, translations []*domain.Resource) []translationLink {
	var out []translationLink
	for _, l := range domain.Locales {
		if l == r.Locale || slices.ContainsFunc(translations, func(t *domain.Resource) bool { return t.Locale == l }) {
			continue
		}
		v := url.Values{"slug": {r.Slug}, "kind": {string(r.Kind)}, "locale": {string(l)}, "tags": {joinTags(r.Tags)}}
		if r.ForEntrepreneurs {
			v.Set("for_entrepreneurs", "1")
		}
		out = append(out, translationLink{Locale: l, Href: base + "/new?" + v.Encode()})
	}
	return out
}

// resourceDeleteSubmit (POST /a/:slug/library/:id/delete) deletes a text
// once its writer ticked the box that confirms it. A case that a peer
// session discusses is kept, and the page says why.
func (s *Server) resourceDeleteSubmit(c *gin.Context) {
	r, translations, ok := s.pageResource(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	var err error
	if f.V("confirm") != "yes" {
		var p domain.Problems
		p.Add("confirm", "page.library.delete.unconfirmed", nil)
		err = p.Err()
	} else {
		err = s.library.Delete(c.Request.Context(), caller, r.ID)
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderResource(c, status, r, translations, f)
		}
		return
	}
	seeOther(c, libraryBase(caller.Alliance)+"?deleted=1")
}
