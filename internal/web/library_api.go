package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// Bounds of a page of the library.
const (
	libraryMaxLimit  = 100
	libraryMaxOffset = 100_000
)

// libraryQuery reads ?q=&kind=&locale=&tag=&limit=&offset=, naming every
// bad parameter; an unknown kind or language is refused by the service.
func libraryQuery(c *gin.Context) (service.LibraryQuery, error) {
	q := service.LibraryQuery{Text: c.Query("q"), Kind: domain.ResourceKind(c.Query("kind")),
		Locale: domain.Locale(c.Query("locale")), Limit: 50}
	var p domain.Problems
	q.Tag = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(c.Query("tag"))), " ", "-")
	if !validTagQuery(q.Tag) {
		p.Add("tag", "validation.tag", map[string]any{"max": domain.ResourceTagMax})
	}
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > libraryMaxLimit {
			p.Add("limit", "validation.range", map[string]any{"min": 1, "max": libraryMaxLimit})
		}
		q.Limit = n
	}
	if v := c.Query("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > libraryMaxOffset {
			p.Add("offset", "validation.range", map[string]any{"min": 0, "max": libraryMaxOffset})
		}
		q.Offset = n
	}
	return q, p.Err()
}

// validTagQuery accepts no tag, or one that a text could carry: letters,
// digits and hyphens, not too long.
func validTagQuery(tag string) bool {
	if utf8.RuneCountInString(tag) > domain.ResourceTagMax {
		return false
	}
	for _, r := range tag {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

// resourceList answers GET /api/v1/alliances/{slug}/resources
// ?q=&kind=&locale=&tag=&limit=&offset= (library:read): the texts the
// caller may read that match, by kind then title, with an excerpt for
// each body; an entrepreneur finds only the texts marked for them.
func (s *Server) resourceList(c *gin.Context) {
	q, err := libraryQuery(c)
	var found *service.LibraryPage
	if err == nil {
		found, err = s.library.Search(c.Request.Context(), callerOf(c), q)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	out := libraryPage{Items: make([]resourceSummary, 0, len(found.Items)), Total: found.Total, Tags: found.Tags}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	for _, r := range found.Items {
		out.Items = append(out.Items, resourceSummaryOf(r))
	}
	c.JSON(http.StatusOK, out)
}

// resourceBody is what a writer sends for a text, to create it or to
// replace it whole.
type resourceBody struct {
	Kind             domain.ResourceKind `json:"kind"`
	Title            string              `json:"title"`
	BodyMarkdown     string              `json:"body_markdown"`
	Locale           domain.Locale       `json:"locale"`
	Tags             []string            `json:"tags"`
	ForEntrepreneurs bool                `json:"for_entrepreneurs"`
	Slug             string              `json:"slug"`
}

func (b resourceBody) input() domain.ResourceInput {
	return domain.ResourceInput{Slug: b.Slug, Kind: b.Kind, Locale: b.Locale, Title: b.Title, Body: b.BodyMarkdown,
		Tags: b.Tags, ForEntrepreneurs: b.ForEntrepreneurs}
}

// resourceCreate answers POST /api/v1/alliances/{slug}/resources
// (library:write) → 201 with the new text.
func (s *Server) resourceCreate(c *gin.Context) {
	var in resourceBody
	err := decodeJSON(c, &in)
	var r *domain.Resource
	if err == nil {
		r, err = s.library.Create(c.Request.Context(), callerOf(c), in.input())
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, resourceOf(r))
}

// resourceGet answers GET /api/v1/alliances/{slug}/resources/{id}
// (library:read): the text and its translations. A text the caller may not
// read is not found.
func (s *Server) resourceGet(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var r *domain.Resource
	var translations []*domain.Resource
	if err == nil {
		r, translations, err = s.library.Resource(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	out := resourceDetail{resourceView: resourceOf(r), Translations: make([]translationView, 0, len(translations))}
	for _, t := range translations {
		out.Translations = append(out.Translations, translationView{ID: t.ID, Locale: t.Locale, Title: t.Title})
	}
	c.JSON(http.StatusOK, out)
}

// resourceUpdate answers PATCH /api/v1/alliances/{slug}/resources/{id}
// (library:write): the body replaces the text whole, as POST makes one;
// only a slug left out keeps the text's own.
func (s *Server) resourceUpdate(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var in resourceBody
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var r *domain.Resource
	if err == nil {
		r, err = s.library.Update(c.Request.Context(), callerOf(c), id, in.input())
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, resourceOf(r))
}

// resourceDelete answers DELETE /api/v1/alliances/{slug}/resources/{id}
// (library:write) → 204; a case that a peer session discusses is kept
// (409).
func (s *Server) resourceDelete(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	if err == nil {
		err = s.library.Delete(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
