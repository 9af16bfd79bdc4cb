// Package i18n translates the product's messages. The catalogs are flat JSON
// files, one per language, in frontend/locales; a message may name its
// arguments as {name}.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// Catalog holds the messages of every supported language.
type Catalog struct {
	messages map[domain.Locale]map[string]string
}

// Load reads one catalog per supported locale from fsys (files fr.json,
// en.json, …). Every locale must have exactly the same keys.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{messages: map[domain.Locale]map[string]string{}}
	for _, loc := range domain.Locales {
		raw, err := fs.ReadFile(fsys, string(loc)+".json")
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s.json: %w", loc, err)
		}
		c.messages[loc] = m
	}
	if missing := c.Mismatches(); len(missing) > 0 {
		return nil, fmt.Errorf("i18n: keys missing in a language: %s", strings.Join(missing, ", "))
	}
	return c, nil
}

// Mismatches lists, as "locale:key", every key that one language has and
// another lacks.
func (c *Catalog) Mismatches() []string {
	var out []string
	for _, a := range domain.Locales {
		for key := range c.messages[a] {
			for _, b := range domain.Locales {
				if _, ok := c.messages[b][key]; !ok {
					out = append(out, string(b)+":"+key)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// Keys lists every key of the catalog, sorted.
func (c *Catalog) Keys() []string {
	return slices.Sorted(maps.Keys(c.messages[domain.French]))
}

// Has tells whether key is a message of the catalog.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[domain.French][key]
	return ok
}

// T translates key into loc, replacing each {name} with its argument. An
// unknown key is returned as it is, so that a gap shows rather than hides.
func (c *Catalog) T(loc domain.Locale, key string, args map[string]any) string {
	if !loc.Valid() {
		loc = domain.French
	}
	msg, ok := c.messages[loc][key]
	if !ok {
		return key
	}
	return Fill(msg, args)
}

// Fill replaces each {name} of text with its argument; a name without an
// argument stays as it is. It reads text once, so an argument's value is
// never read again as a name.
func Fill(text string, args map[string]any) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16*len(args))
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		length := strings.IndexByte(text[open:], '}')
		if length < 0 {
			break
		}
		v, ok := args[text[open+1:open+length]]
		if !ok {
			b.WriteString(text[:open+1])
			text = text[open+1:]
			continue
		}
		b.WriteString(text[:open])
		if s, isText := v.(string); isText {
			b.WriteString(s)
		} else {
			fmt.Fprint(&b, v)
		}
		text = text[open+length+1:]
	}
	b.WriteString(text)
	return b.String()
}
