package domain

import (
	"strings"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn/frequency"
)

// Password length bounds, in characters.
const (
	PasswordMinLength = 10
	PasswordMaxLength = 256
)

// commonPasswords are the 1,000 most common passwords of the zxcvbn
// frequency list, and some that French speakers (on AZERTY keyboards) use.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, pw := range frequency.FrequencyLists["passwords"][:1000] {
		m[pw] = true
	}
	for _, pw := range []string{"azertyuiop", "azertyuiop1", "motdepasse", "motdepasse1", "motdepasse123", "0123456789", "1234567890a", "bonjour123", "soleil1234", "qwertyuiop1"} {
		m[pw] = true
	}
	return m
}()

// ValidatePassword checks a new password: 10 to 256 characters, valid
// UTF-8, and not one of the most common passwords.
func ValidatePassword(p *Problems, field, pw string) {
	n := utf8.RuneCountInString(pw)
	switch {
	case !utf8.ValidString(pw):
		p.Add(field, "validation.utf8", nil)
	case n < PasswordMinLength:
		p.Add(field, "validation.password_short", map[string]any{"min": PasswordMinLength})
	case n > PasswordMaxLength:
		p.Add(field, "validation.too_long", map[string]any{"max": PasswordMaxLength})
	case commonPasswords[strings.ToLower(pw)]:
		p.Add(field, "validation.password_common", nil)
	}
}
