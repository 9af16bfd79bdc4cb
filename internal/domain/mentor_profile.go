package domain

import (
	"regexp"
	"slices"
	"strings"
)

// MentorProfile is what matching knows of a mentor: where they work, the
// sectors they know, and the languages they mentor in.
type MentorProfile struct {
	City      string   `json:"city"`
	Sectors   []string `json:"sectors"`   // of Sectors
	Languages []string `json:"languages"` // ISO 639-1 codes, e.g. fr, en, bm
}

var languagePattern = regexp.MustCompile(`^[a-z]{2,3}$`)

// Normalize trims the city, lowercases the languages, and drops repeats.
func (m *MentorProfile) Normalize() {
	m.City = strings.TrimSpace(m.City)
	m.Sectors = uniqueStrings(m.Sectors, strings.TrimSpace)
	m.Languages = uniqueStrings(m.Languages, func(s string) string { return strings.ToLower(strings.TrimSpace(s)) })
}

func uniqueStrings(in []string, clean func(string) string) []string {
	out := []string{}
	for _, s := range in {
		if s = clean(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Validate checks a normalized profile.
func (m *MentorProfile) Validate() error {
	var p Problems
	if m.City != "" {
		ValidateText(&p, "city", m.City, 2, cityMax)
	}
	for _, s := range m.Sectors {
		if !slices.Contains(Sectors, s) {
			p.Add("sectors", "validation.one_of", map[string]any{"values": strings.Join(Sectors, ", ")})
			break
		}
	}
	if len(m.Languages) > 10 {
		p.Add("languages", "validation.max_items", map[string]any{"max": 10})
	}
	for _, l := range m.Languages {
		if !languagePattern.MatchString(l) {
			p.Add("languages", "validation.language_code", nil)
			break
		}
	}
	return p.Err()
}
