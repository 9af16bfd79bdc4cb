package domain

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldForSearch lowercases s and takes the accents off its letters, so
// that "seance" finds "Séance" and "cote" finds "Côte": French readers on a
// phone keyboard often leave accents out.
func FoldForSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == '’':
			b.WriteRune('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SearchWords splits a query into the folded words a text must all
// contain, dropping repeated ones; at most 8 words count.
func SearchWords(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(FoldForSearch(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	}) {
		if len(out) == 8 {
			break
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// Slugify makes a slug of s: folded, lowercase ASCII letters and digits
// joined by single hyphens, at most max bytes.
func Slugify(s string, max int) string {
	var b strings.Builder
	hyphen := false
	for _, r := range FoldForSearch(s) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	out := b.String()
	if len(out) > max {
		out = strings.TrimRight(out[:max], "-")
	}
	return out
}
