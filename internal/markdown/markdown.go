// Package markdown turns the Markdown that members write (the charter, the
// Mentor Guide, notes) into HTML that is safe to put in a page: goldmark
// renders it without raw HTML, and bluemonday then keeps only plain
// formatting, so no script, event handler, style or javascript: link ever
// reaches a page.
package markdown

import (
	"bytes"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var (
	renderer = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	policy   = func() *bluemonday.Policy {
		p := bluemonday.UGCPolicy()
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireNoFollowOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		return p
	}()
)

// HTML renders Markdown to sanitized HTML.
func HTML(md string) string {
	var buf bytes.Buffer
	if err := renderer.Convert([]byte(md), &buf); err != nil {
		// goldmark fails only on a failing writer; a bytes.Buffer does not.
		return policy.Sanitize(md)
	}
	return policy.Sanitize(buf.String())
}
