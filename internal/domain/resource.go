package domain

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// ResourceKind is what kind of text a library resource is.
type ResourceKind string

// The kinds of resource of an alliance's library.
const (
	KindGuide     ResourceKind = "guide"      // a chapter of the Mentor Guide
	KindDosDonts  ResourceKind = "dos_donts"  // dos and don'ts
	KindExercise  ResourceKind = "exercise"   // a practical exercise
	KindCase      ResourceKind = "case"       // a real-life case, anonymous
	KindRoleModel ResourceKind = "role_model" // a role model, anonymous
)

// ResourceKinds lists every kind, in the order the library shows them.
var ResourceKinds = []ResourceKind{KindGuide, KindDosDonts, KindExercise, KindCase, KindRoleModel}

// Valid tells whether k is a known kind.
func (k ResourceKind) Valid() bool { return slices.Contains(ResourceKinds, k) }

// Limits of a resource.
const (
	ResourceMaxBytes    = 200_000 // its Markdown text
	ResourceTitleMax    = 200     // characters of its title
	ResourceMaxTags     = 12
	ResourceTagMax      = 40 // characters of one tag
	resourceSlugMaxRune = 80
)

// Resource is one text of an alliance's library, in one language. The
// translations of a text share its slug.
type Resource struct {
	AllianceID ID
	ID         ID
	Slug       string
	Kind       ResourceKind
	Locale     Locale
	Title      string
	Body       string // Markdown
	Tags       []string
	// ForEntrepreneurs marks a text entrepreneurs may read too; the others
	// are for the alliance's mentors and staff.
	ForEntrepreneurs bool
	CreatedBy        ID
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// ResourceInput is what a writer gives for a resource.
type ResourceInput struct {
	Slug             string // optional: made from the title when empty
	Kind             ResourceKind
	Locale           Locale
	Title            string
	Body             string
	Tags             []string
	ForEntrepreneurs bool
}

var tagPattern = regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$`)

// Normalize trims the title, lowercases and trims the tags and drops the
// repeated ones, and makes a slug from the title when there is none.
func (in *ResourceInput) Normalize() {
	in.Title = strings.TrimSpace(in.Title)
	in.Slug = strings.TrimSpace(in.Slug)
	if in.Slug == "" {
		in.Slug = Slugify(in.Title, resourceSlugMaxRune)
	}
	in.Tags = uniqueStrings(in.Tags, func(t string) string {
		return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(t)), " ", "-")
	})
}

// Validate checks a normalized input, naming every bad field.
func (in *ResourceInput) Validate() error {
	var p Problems
	if !in.Kind.Valid() {
		p.Add("kind", "validation.one_of", map[string]any{"values": ResourceKindList()})
	}
	if !in.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	ValidateText(&p, "title", in.Title, 1, ResourceTitleMax)
	switch {
	case len(in.Body) > ResourceMaxBytes:
		p.Add("body_markdown", "validation.too_large_text", map[string]any{"max": ResourceMaxBytes / 1000})
	case strings.TrimSpace(in.Body) == "":
		p.Add("body_markdown", "validation.required", nil)
	default:
		ValidateLongText(&p, "body_markdown", in.Body, ResourceMaxBytes)
	}
	if in.Slug == "" || len(in.Slug) > resourceSlugMaxRune || !slugPattern.MatchString(in.Slug) {
		p.Add("slug", "validation.slug", nil)
	}
	if len(in.Tags) > ResourceMaxTags {
		p.Add("tags", "validation.max_items", map[string]any{"max": ResourceMaxTags})
	}
	for _, t := range in.Tags {
		if len([]rune(t)) > ResourceTagMax || !tagPattern.MatchString(t) {
			p.Add("tags", "validation.tag", map[string]any{"max": ResourceTagMax})
			break
		}
	}
	return p.Err()
}

func ResourceKindList() string {
	names := make([]string, len(ResourceKinds))
	for i, k := range ResourceKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// SearchText is what a resource is found by: its title, tags and text,
// folded as FoldForSearch does.
func (r *Resource) SearchText() string {
	return FoldForSearch(r.Title + "\n" + strings.Join(r.Tags, " ") + "\n" + r.Body)
}
