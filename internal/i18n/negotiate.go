package i18n

import (
	"strconv"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// Negotiate picks the locale to answer in: the best supported language of
// an Accept-Language header, else the first valid fallback (the user's
// locale, then the alliance's default), else French.
func Negotiate(acceptLanguage string, fallbacks ...domain.Locale) domain.Locale {
	if loc, ok := FromAcceptLanguage(acceptLanguage); ok {
		return loc
	}
	for _, f := range fallbacks {
		if f.Valid() {
			return f
		}
	}
	return domain.French
}

// FromAcceptLanguage reads the supported language an Accept-Language header
// prefers most, by its q values; ok is false when it names none.
func FromAcceptLanguage(header string) (loc domain.Locale, ok bool) {
	best := -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			parsed, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = parsed
		}
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		cand := domain.Locale(primary)
		if cand.Valid() && q > 0 && q > best {
			loc, best, ok = cand, q, true
		}
	}
	return loc, ok
}
