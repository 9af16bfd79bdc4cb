package web

import (
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// Day shows a date the way the page's language writes it: 01/02/2027 in
// French, 2027-02-01 in English.
func (v view) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if v.Locale == domain.French {
		return t.UTC().Format("02/01/2006")
	}
	return t.UTC().Format(time.DateOnly)
}
