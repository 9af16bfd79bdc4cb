package i18n_test

import (
	"testing"

	"github.com/mentorat/mentorat/internal/i18n"
)

func TestFillReplacesEachNameOnce(t *testing.T) {
	tests := []struct {
		name string
		text string
		args map[string]any
		want string
	}{
		{"no arguments", "Même ville : {city}", nil, "Même ville : {city}"},
		{"no name", "A accepté la charte", map[string]any{"city": "Kayes"}, "A accepté la charte"},
		{"one name", "Même ville : {city}", map[string]any{"city": "Ségou"}, "Même ville : Ségou"},
		{"a number", "{n} place(s) libre(s)", map[string]any{"n": 3}, "3 place(s) libre(s)"},
		{"twice", "{a}-{a}", map[string]any{"a": "x"}, "x-x"},
		{"unknown name stays", "{city} et {other}", map[string]any{"city": "Bamako"}, "Bamako et {other}"},
		{"a value is not read as a name", "{city}, {sector}", map[string]any{"city": "{sector}", "sector": "Agriculture"},
			"{sector}, Agriculture"},
		{"unclosed brace", "Ville : {city", map[string]any{"city": "Sikasso"}, "Ville : {city"},
		{"brace before a name", "{{city}}", map[string]any{"city": "Kayes"}, "{Kayes}"},
		{"empty name", "{} {city}", map[string]any{"city": "Kayes"}, "{} Kayes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := i18n.Fill(tt.text, tt.args); got != tt.want {
				t.Fatalf("Fill(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
