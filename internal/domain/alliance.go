package domain

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Alliance is a tenant: one mentor alliance with its own charter, members
// and mentee pipeline.
type Alliance struct {
	ID            ID
	Slug          string
	Name          string
	Country       string
	DefaultLocale Locale
	Settings      AllianceSettings
	About         map[Locale]string // a short presentation, per locale
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// AllianceSettings are the rhythm of an alliance's programme.
type AllianceSettings struct {
	SessionsPerMentorship int    `json:"sessions_per_mentorship"`
	Cadence               string `json:"cadence"`
	PeerCoaching          string `json:"peer_coaching"`
}

// Cadences an alliance may hold its mentoring sessions at.
var Cadences = []string{"weekly", "fortnightly", "monthly"}

// PeerCoachingCadences an alliance may hold peer coaching at.
var PeerCoachingCadences = []string{"monthly", "quarterly", "yearly"}

// DefaultAllianceSettings is the programme of the source approach: twelve
// monthly sessions and quarterly peer coaching.
func DefaultAllianceSettings() AllianceSettings {
	return AllianceSettings{SessionsPerMentorship: 12, Cadence: "monthly", PeerCoaching: "quarterly"}
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedSlugs are words an alliance cannot take, since they name parts of
// the product or could mislead its members.
var reservedSlugs = []string{
	"admin", "api", "app", "apply", "assets", "auth", "billing", "healthz",
	"help", "login", "logout", "me", "mentorat", "metrics", "new", "readyz",
	"root", "settings", "signup", "static", "stripe", "support", "system", "www",
}

// Validate checks an alliance's profile, recording every invalid field.
func (a *Alliance) Validate() error {
	var p Problems
	ValidateSlug(&p, "slug", a.Slug)
	ValidateText(&p, "name", a.Name, 2, 120)
	ValidateText(&p, "country", a.Country, 2, 80)
	if !a.DefaultLocale.Valid() {
		p.Add("default_locale", "validation.locale", nil)
	}
	a.Settings.validate(&p)
	for loc, text := range a.About {
		if !loc.Valid() {
			p.Add("about", "validation.locale", nil)
			continue
		}
		ValidateLongText(&p, "about."+string(loc), text, 2000)
	}
	return p.Err()
}

func (s AllianceSettings) validate(p *Problems) {
	if s.SessionsPerMentorship < 1 || s.SessionsPerMentorship > 52 {
		p.Add("settings.sessions_per_mentorship", "validation.range", map[string]any{"min": 1, "max": 52})
	}
	if !slices.Contains(Cadences, s.Cadence) {
		p.Add("settings.cadence", "validation.one_of", map[string]any{"values": strings.Join(Cadences, ", ")})
	}
	if !slices.Contains(PeerCoachingCadences, s.PeerCoaching) {
		p.Add("settings.peer_coaching", "validation.one_of", map[string]any{"values": strings.Join(PeerCoachingCadences, ", ")})
	}
}

// ValidateSlug checks an alliance slug: lowercase letters, digits and single
// hyphens, 3 to 40 characters, not a reserved word.
func ValidateSlug(p *Problems, field, slug string) {
	switch {
	case len(slug) < 3 || len(slug) > 40:
		p.Add(field, "validation.length", map[string]any{"min": 3, "max": 40})
	case !slugPattern.MatchString(slug):
		p.Add(field, "validation.slug", nil)
	case slices.Contains(reservedSlugs, slug):
		p.Add(field, "validation.slug_reserved", nil)
	}
}

// ValidateText checks a required line of text: valid UTF-8, no control
// characters, and a length in characters between min and max once trimmed.
func ValidateText(p *Problems, field, s string, min, max int) {
	if !utf8.ValidString(s) {
		p.Add(field, "validation.utf8", nil)
		return
	}
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	if n == 0 {
		p.Add(field, "validation.required", nil)
		return
	}
	if n < min || n > max {
		p.Add(field, "validation.length", map[string]any{"min": min, "max": max})
		return
	}
	if strings.ContainsFunc(s, isControl) {
		p.Add(field, "validation.control", nil)
	}
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f
}

// ValidateLongText checks an optional text of several lines: valid UTF-8,
// at most max characters, no control characters but line breaks and tabs.
func ValidateLongText(p *Problems, field, s string, max int) {
	switch {
	case !utf8.ValidString(s):
		p.Add(field, "validation.utf8", nil)
	case utf8.RuneCountInString(s) > max:
		p.Add(field, "validation.too_long", map[string]any{"max": max})
	case strings.ContainsFunc(s, func(r rune) bool { return isControl(r) && r != '\n' && r != '\r' && r != '\t' }):
		p.Add(field, "validation.control", nil)
	}
}

// AboutIn gives the alliance's presentation in loc, or in its default
// locale when it has none in loc.
func (a *Alliance) AboutIn(loc Locale) string {
	if text := a.About[loc]; text != "" {
		return text
	}
	return a.About[a.DefaultLocale]
}
