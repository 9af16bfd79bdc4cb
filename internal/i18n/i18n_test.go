package i18n_test

import (
	"testing"
	"testing/fstest"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
)

func TestNegotiate(t *testing.T) {
	tests := []struct {
		header    string
		fallbacks []domain.Locale
		want      domain.Locale
	}{
		{"", nil, domain.French},
		{"en", nil, domain.English},
		{"en-US,en;q=0.9,fr;q=0.8", nil, domain.English},
		{"fr-ML, en;q=0.5", nil, domain.French},
		{"fr;q=0.2, en;q=0.7", nil, domain.English},
		{"de, es;q=0.9", []domain.Locale{"", domain.English}, domain.English},
		{"de", []domain.Locale{domain.English, domain.French}, domain.English},
		{"en;q=0", []domain.Locale{domain.French}, domain.French},
		{"en;q=abc", nil, domain.French},
		{"*", []domain.Locale{domain.English}, domain.English},
	}
	for _, tc := range tests {
		if got := i18n.Negotiate(tc.header, tc.fallbacks...); got != tc.want {
			t.Errorf("Negotiate(%q, %v) = %s; want %s", tc.header, tc.fallbacks, got, tc.want)
		}
	}
}

func TestCatalogTranslatesWithArguments(t *testing.T) {
	fsys := fstest.MapFS{
		"fr.json": {Data: []byte(`{"greet": "Bonjour {name}, {n} séances"}`)},
		"en.json": {Data: []byte(`{"greet": "Hello {name}, {n} sessions"}`)},
	}
	c, err := i18n.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.T(domain.English, "greet", map[string]any{"name": "Awa", "n": 12}); got != "Hello Awa, 12 sessions" {
		t.Errorf("got %q", got)
	}
	if got := c.T("xx", "greet", map[string]any{"name": "Awa", "n": 12}); got != "Bonjour Awa, 12 séances" {
		t.Errorf("unknown locale should fall back to French, got %q", got)
	}
	if got := c.T(domain.French, "missing.key", nil); got != "missing.key" {
		t.Errorf("a missing key should show itself, got %q", got)
	}
}

func TestLoadRefusesCatalogsThatDiffer(t *testing.T) {
	fsys := fstest.MapFS{
		"fr.json": {Data: []byte(`{"a": "A", "b": "B"}`)},
		"en.json": {Data: []byte(`{"a": "A"}`)},
	}
	if _, err := i18n.Load(fsys); err == nil {
		t.Fatal("want an error naming en:b")
	}
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "en", "fr-FR,fr;q=0.9,en;q=0.8", "en;q=", ";;;,,", "x;q=1e309"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if got := i18n.Negotiate(header); !got.Valid() {
			t.Fatalf("Negotiate(%q) = %q, not a supported locale", header, got)
		}
	})
}
