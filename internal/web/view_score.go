package web

import (
	"strconv"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// Score shows a mean score out of 5 with one decimal, the way the page's
// language writes decimals: 4,5 in French, 4.5 in English.
func (v view) Score(mean float64) string {
	s := strconv.FormatFloat(mean, 'f', 1, 64)
	if v.Locale == domain.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// OutOfFive shows a screener's score from 1 to 5.
func (v view) OutOfFive(score int) string { return v.T("page.application.note_score", "score", score) }
