package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/i18n"
)

func TestCatalogsHaveTheSameKeys(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Mismatches(); len(m) > 0 {
		t.Fatalf("keys missing in a language: %v", m)
	}
}

func TestEveryErrorCodeHasATitleAndDetail(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	for code := range statusOf {
		for _, part := range []string{"title", "detail"} {
			if key := "error." + string(code) + "." + part; !c.Has(key) {
				t.Errorf("catalog lacks %s", key)
			}
		}
	}
}

// messageKey finds the translation keys written as string literals in the
// Go code and in the templates.
var messageKey = regexp.MustCompile(`"((?:error|validation|home|alliance|layout|language|cadence|mail|role|page|nav)\.[a-z0-9_.]+[a-z0-9_])"`)

func TestEveryKeyUsedExistsInTheCatalogs(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	var missing []string
	check := func(name string, text string) {
		for _, m := range messageKey.FindAllStringSubmatch(text, -1) {
			key := m[1]
			// File names look like keys; prefixes completed at run time
			// ("error." + code) end with a dot and are not matched.
			if !c.Has(key) && !strings.HasSuffix(key, ".json") && !strings.HasSuffix(key, ".html") {
				missing = append(missing, name+": "+key)
			}
		}
	}
	err = filepath.WalkDir(filepath.Join(root, "internal"), func(path string, d fs.DirEntry, err error) error {
		// The audit actions look like keys but are data.
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.HasSuffix(path, filepath.Join("domain", "audit.go")) {
			return err
		}
		raw, err := os.ReadFile(path)
		check(path, string(raw))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(frontend.Templates, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(frontend.Templates, path)
		check(path, string(raw))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("keys used but not in the catalogs:\n%s", strings.Join(missing, "\n"))
	}
}
