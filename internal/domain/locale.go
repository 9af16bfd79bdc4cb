package domain

// Locale is a language the product speaks.
type Locale string

// The locales of the product; French first.
const (
	French  Locale = "fr"
	English Locale = "en"
)

// Locales lists every supported locale, the default first.
var Locales = []Locale{French, English}

// Valid tells whether l is a supported locale.
func (l Locale) Valid() bool {
	return l == French || l == English
}
