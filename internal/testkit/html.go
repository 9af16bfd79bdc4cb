package testkit

import (
	"strings"

	"golang.org/x/net/html"
)

// UnsafeHTML finds, in rendered HTML, an element, an attribute or a link
// that could run script or restyle the page; "" when there is none.
func UnsafeHTML(out string) string {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "object", "embed", "base", "meta", "form", "link", "svg", "math":
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				if bad := unsafeAttr(a); bad != "" {
					return bad
				}
			}
		}
	}
}

func unsafeAttr(a html.Attribute) string {
	key := strings.ToLower(a.Key)
	if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" {
		return "attribute " + key
	}
	if key == "href" || key == "src" || key == "action" {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		if i := strings.Index(v, ":"); i >= 0 && !strings.ContainsAny(v[:i], "/?#") {
			if scheme := v[:i]; scheme != "http" && scheme != "https" && scheme != "mailto" {
				return "link " + v
			}
		}
	}
	return ""
}
