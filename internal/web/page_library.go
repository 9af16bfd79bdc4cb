package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// libraryPageSize is how many texts a page of the library shows.
const libraryPageSize = 50

// libraryBase is the address of the alliance's library.
func libraryBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/library" }

// libraryGroup is the texts of one kind among the results, in the order
// the service gives them (by kind, then title).
type libraryGroup struct {
	Kind  domain.ResourceKind
	Items []libraryItem
}

// libraryItem is one text of the results, with the start of its text.
type libraryItem struct {
	*domain.Resource
	Excerpt string
}

// tagChip is a tag to filter by, as a link that keeps the other filters.
type tagChip struct {
	Tag, Href string
	Current   bool
}

// librarySearchPage (GET /a/:slug/library) searches the library: words of the
// title, tags or text (accents optional), a kind, a language (the page's,
// unless the reader chose another or all) and a tag. An entrepreneur finds
// only the texts marked for entrepreneurs: the service filters. Above the
// results, the guide's current edition, and whether the reader
// acknowledged it.
func (s *Server) librarySearchPage(c *gin.Context) {
	caller := callerOf(c)
	q := libraryQueryOf(c)
	found, err := s.library.Search(c.Request.Context(), caller, q)
	if err != nil {
		s.failPage(c, err)
		return
	}
	banner, err := s.libraryGuideBanner(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	base := libraryBase(caller.Alliance)
	var chips []tagChip
	for _, tag := range found.Tags {
		other := tag
		if tag == q.Tag {
			other = "" // the current tag's chip takes it off
		}
		chips = append(chips, tagChip{Tag: tag, Href: base + libraryQueryString(q, other, 0), Current: tag == q.Tag})
	}
	more := ""
	if next := q.Offset + len(found.Items); next < found.Total {
		more = base + libraryQueryString(q, q.Tag, next)
	}
	s.renderSection(c, http.StatusOK, "library", "page.library.title", gin.H{
		"Query": q, "Groups": groupByKind(found.Items), "Total": found.Total, "Chips": chips, "More": more,
		"Kinds": domain.ResourceKinds, "Languages": domain.Locales, "Guide": banner,
		"CanWrite": s.can(c, authz.ObjLibrary, authz.ActWrite), "Deleted": c.Query("deleted") == "1",
		"Searching": q.Text != "" || q.Kind != "" || q.Tag != "",
	})
}

// libraryQueryOf reads the search of the address. An unknown kind or
// language is left out; no locale at all means the page's language, and
// an empty one every language.
func libraryQueryOf(c *gin.Context) service.LibraryQuery {
	q := service.LibraryQuery{Text: c.Query("q"), Kind: domain.ResourceKind(c.Query("kind")), Tag: c.Query("tag"), Limit: libraryPageSize}
	if !q.Kind.Valid() {
		q.Kind = ""
	}
	if loc, given := c.GetQuery("locale"); !given {
		q.Locale = localeOf(c)
	} else if domain.Locale(loc).Valid() {
		q.Locale = domain.Locale(loc)
	}
	if n, err := strconv.Atoi(c.Query("offset")); err == nil && n > 0 {
		q.Offset = n
	}
	return q
}

// groupByKind cuts the results into runs of one kind.
func groupByKind(items []*domain.Resource) []libraryGroup {
	var out []libraryGroup
	for _, r := range items {
		if len(out) == 0 || out[len(out)-1].Kind != r.Kind {
			out = append(out, libraryGroup{Kind: r.Kind})
		}
		g := &out[len(out)-1]
		// The list shows the title already: the excerpt need not repeat
		// the text's first heading.
		text := strings.TrimSpace(strings.TrimPrefix(plainExcerpt(r.Body, resourceExcerptRunes), r.Title))
		g.Items = append(g.Items, libraryItem{Resource: r, Excerpt: text})
	}
	return out
}

// libraryQueryString writes a search of the library as a query string,
// with another tag and offset. The language is always written: left out,
// it would mean the page's language rather than every language.
func libraryQueryString(q service.LibraryQuery, tag string, offset int) string {
	v := url.Values{"locale": {string(q.Locale)}}
	for name, value := range map[string]string{"q": q.Text, "kind": string(q.Kind), "tag": tag} {
		if value != "" {
			v.Set(name, value)
		}
	}
	if offset > 0 {
		v.Set("offset", strconv.Itoa(offset))
	}
	return "?" + v.Encode()
}
