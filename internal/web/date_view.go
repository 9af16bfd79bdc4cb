package web

import (
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// dateOf writes a day as the API does: YYYY-MM-DD.
func dateOf(t time.Time) string { return t.Format(time.DateOnly) }

// dateOrNil writes an optional day; nil stays nil.
func dateOrNil(t *time.Time) *string {
	if t == nil {
		return nil
	}
	d := dateOf(*t)
	return &d
}

// parseDate reads a day of a body written YYYY-MM-DD: empty is the zero
// time, which the services take as missing; anything else that is not a
// day is named as field.
func parseDate(p *domain.Problems, field, v string) time.Time {
	if strings.TrimSpace(v) == "" {
		return time.Time{}
	}
	t, ok := domain.ParseDay(v)
	if !ok {
		p.Add(field, "validation.date", nil)
	}
	return t
}
