package domain

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a person with a login. One user may belong to several alliances.
type User struct {
	ID        ID
	Email     string
	Name      string
	Locale    Locale
	CreatedAt time.Time
}

// Signup is what a person gives to open an account.
type Signup struct {
	Email    string
	Password string
	Name     string
	Locale   Locale
}

// Validate checks every field of a sign-up, normalizing the e-mail.
func (s *Signup) Validate() error {
	var p Problems
	s.Email = NormalizeEmail(s.Email)
	ValidateEmail(&p, "email", s.Email)
	ValidateText(&p, "name", s.Name, 1, 120)
	ValidatePassword(&p, "password", s.Password)
	if s.Locale == "" {
		s.Locale = French
	}
	if !s.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	return p.Err()
}

// NormalizeEmail trims an address and lowercases it, so that one person
// has one account whatever the case they type.
func NormalizeEmail(email string) string {
	email = strings.TrimSpace(email)
	if !utf8.ValidString(email) {
		return email // left for ValidateEmail to refuse, not turned into U+FFFD
	}
	return strings.ToLower(email)
}

// ValidateEmail checks a bare e-mail address (no display name).
func ValidateEmail(p *Problems, field, email string) {
	if email == "" {
		p.Add(field, "validation.required", nil)
		return
	}
	if !utf8.ValidString(email) || len(email) > 254 {
		p.Add(field, "validation.email", nil)
		return
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || !strings.Contains(email[strings.LastIndex(email, "@"):], ".") {
		p.Add(field, "validation.email", nil)
	}
}
