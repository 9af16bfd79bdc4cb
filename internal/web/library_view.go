package web

import (
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/markdown"
)

// resourceView is a text of the library in the API, whole: its Markdown as
// written and the same rendered and sanitized.
type resourceView struct {
	ID               domain.ID           `json:"id"`
	Slug             string              `json:"slug"`
	Kind             domain.ResourceKind `json:"kind"`
	Locale           domain.Locale       `json:"locale"`
	Title            string              `json:"title"`
	BodyMarkdown     string              `json:"body_markdown"`
	BodyHTML         string              `json:"body_html"`
	Tags             []string            `json:"tags"`
	ForEntrepreneurs bool                `json:"for_entrepreneurs"`
	CreatedAt        time.Time           `json:"created_at"`
	UpdatedAt        time.Time           `json:"updated_at"`
}

func resourceOf(r *domain.Resource) resourceView {
	return resourceView{ID: r.ID, Slug: r.Slug, Kind: r.Kind, Locale: r.Locale, Title: r.Title,
		BodyMarkdown: r.Body, BodyHTML: markdown.HTML(r.Body), Tags: tagsOf(r), ForEntrepreneurs: r.ForEntrepreneurs,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// resourceDetail is a text with its translations: the texts of the same
// slug in the other languages.
type resourceDetail struct {
	resourceView
	Translations []translationView `json:"translations"`
}

// translationView names a translation of a text.
type translationView struct {
	ID     domain.ID     `json:"id"`
	Locale domain.Locale `json:"locale"`
	Title  string        `json:"title"`
}

// resourceSummary is a text in a list of the library: an excerpt stands
// for its body.
type resourceSummary struct {
	ID               domain.ID           `json:"id"`
	Slug             string              `json:"slug"`
	Kind             domain.ResourceKind `json:"kind"`
	Locale           domain.Locale       `json:"locale"`
	Title            string              `json:"title"`
	Tags             []string            `json:"tags"`
	ForEntrepreneurs bool                `json:"for_entrepreneurs"`
	Excerpt          string              `json:"excerpt"`
	UpdatedAt        time.Time           `json:"updated_at"`
}

func resourceSummaryOf(r *domain.Resource) resourceSummary {
	return resourceSummary{ID: r.ID, Slug: r.Slug, Kind: r.Kind, Locale: r.Locale, Title: r.Title, Tags: tagsOf(r),
		ForEntrepreneurs: r.ForEntrepreneurs, Excerpt: plainExcerpt(r.Body, resourceExcerptRunes), UpdatedAt: r.UpdatedAt}
}

// libraryPage is a page of the library: the texts found, how many match in
// all, and the tags in use among the texts the caller may read, most used
// first.
type libraryPage struct {
	Items []resourceSummary `json:"items"`
	Total int               `json:"total"`
	Tags  []string          `json:"tags"`
}

func tagsOf(r *domain.Resource) []string {
	if r.Tags == nil {
		return []string{}
	}
	return r.Tags
}

// resourceExcerptRunes is about how long the excerpt of a text in a list of
// the library is, in characters.
const resourceExcerptRunes = 200

// excerptSource is how much of a text, in bytes, an excerpt is made from:
// its paragraphs up to the first blank line past this length.
const excerptSource = 4 * 1024

// blockTags part the words around them in an excerpt.
var blockTags = map[string]bool{"p": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "blockquote": true, "pre": true, "hr": true, "tr": true, "td": true, "th": true, "ul": true, "ol": true}

// plainExcerpt gives the start of a Markdown text as plain text: rendered,
// stripped of every tag and so of its Markdown syntax, its spaces
// collapsed, and cut after a whole word near max characters with an
// ellipsis.
func plainExcerpt(md string, max int) string {
	if len(md) > excerptSource {
		if i := strings.Index(md[excerptSource:], "\n\n"); i >= 0 {
			md = md[:excerptSource+i]
		}
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(markdown.HTML(md)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if name, _ := z.TagName(); blockTags[string(name)] {
				b.WriteByte(' ')
			}
		}
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut := string([]rune(text)[:max])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
