package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// CharterStatus is where a charter version stands: drafts are written,
// one version is published (the current one), and the ones before it are
// superseded but kept.
type CharterStatus string

// The statuses of a charter version.
const (
	CharterDraft      CharterStatus = "draft"
	CharterPublished  CharterStatus = "published"
	CharterSuperseded CharterStatus = "superseded"
)

// CharterMaxBytes bounds one language's text of a charter version.
const CharterMaxBytes = 200_000

// CharterVersion is one version of an alliance's founding text, in one or
// more languages.
type CharterVersion struct {
	AllianceID  ID
	Version     int
	Status      CharterStatus
	Bodies      map[Locale]string // Markdown, per language
	CreatedBy   ID
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PublishedAt *time.Time
}

// BodyIn gives the text in loc, or in the first language it has.
func (v *CharterVersion) BodyIn(loc, fallback Locale) (Locale, string) {
	for _, l := range []Locale{loc, fallback, French, English} {
		if b := v.Bodies[l]; b != "" {
			return l, b
		}
	}
	return loc, ""
}

// ValidateCharterBodies checks a version's texts: at least one language,
// known languages only, valid UTF-8, and none empty or over
// CharterMaxBytes.
func ValidateCharterBodies(bodies map[Locale]string) error {
	var p Problems
	if len(bodies) == 0 {
		p.Add("bodies", "validation.required", nil)
	}
	for loc, body := range bodies {
		field := "bodies." + string(loc)
		switch {
		case !loc.Valid():
			p.Add("bodies", "validation.locale", nil)
		case !utf8.ValidString(body):
			p.Add(field, "validation.utf8", nil)
		case len(body) > CharterMaxBytes:
			p.Add(field, "validation.too_large_text", map[string]any{"max": CharterMaxBytes / 1000})
		case strings.TrimSpace(body) == "":
			p.Add(field, "validation.required", nil)
		}
	}
	return p.Err()
}

// CharterAcceptance records that a member accepted a version: who, which,
// when and from which address. It is kept forever.
type CharterAcceptance struct {
	Version    int
	UserID     ID
	Name       string
	AcceptedAt time.Time
	IP         string
}
