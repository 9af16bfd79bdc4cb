package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// guideIndex is the guide/index.json file of an alliance folder: the note
// of the guide's first edition and the library's texts, each in one or
// more languages.
type guideIndex struct {
	EditionNote map[domain.Locale]string `json:"edition_note"`
	Resources   []struct {
		Slug     string                   `json:"slug"`
		Kind     domain.ResourceKind      `json:"kind"`
		Tags     []string                 `json:"tags"`
		Audience string                   `json:"audience"` // "all" or "mentors"
		Title    map[domain.Locale]string `json:"title"`
		Files    map[domain.Locale]string `json:"files"`
	} `json:"resources"`
}

// importGuide loads guide/index.json and its Markdown files into the
// alliance's library: a text whose slug and language are already there is
// left as the alliance made it. The guide's first edition is published
// when the alliance has none.
func (s *Tenants) importGuide(ctx context.Context, a *domain.Alliance, fsys fs.FS) error {
	raw, err := fs.ReadFile(fsys, "guide/index.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var idx guideIndex
	if err := json.Unmarshal(raw, &idx); err != nil {
		return fmt.Errorf("guide/index.json: %w", err)
	}
	var inputs []domain.ResourceInput
	for _, r := range idx.Resources {
		if r.Audience != "all" && r.Audience != "mentors" {
			return fmt.Errorf("guide/index.json: %s: audience must be all or mentors", r.Slug)
		}
		for _, loc := range domain.Locales {
			file, ok := r.Files[loc]
			if !ok {
				continue
			}
			body, err := fs.ReadFile(fsys, path.Join("guide", file))
			if err != nil {
				return err
			}
			in := domain.ResourceInput{Slug: r.Slug, Kind: r.Kind, Locale: loc, Title: r.Title[loc],
				Body: withoutTitle(string(body)), Tags: r.Tags, ForEntrepreneurs: r.Audience == "all"}
			in.Normalize()
			if err := in.Validate(); err != nil {
				return fmt.Errorf("guide/%s: %w", file, err)
			}
			inputs = append(inputs, in)
		}
	}
	return s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		now := time.Now().UTC()
		for _, in := range inputs {
			found, _, err := tx.Resources(ctx, a.ID, store.ResourceFilter{Slug: in.Slug, Locale: in.Locale, WithoutBodies: true})
			if err != nil {
				return err
			}
			if len(found) > 0 {
				continue
			}
			r := &domain.Resource{ID: domain.NewID(), CreatedAt: now}
			apply(r, in, now)
			if err := tx.InsertResource(ctx, a.ID, r); err != nil {
				return err
			}
		}
		_, err := tx.CurrentGuideEdition(ctx, a.ID)
		if domain.ErrorCode(err) != domain.CodeNotFound {
			return err
		}
		note := idx.EditionNote[a.DefaultLocale]
		if note == "" {
			return errors.New("guide/index.json: edition_note has no text in the alliance's language")
		}
		return tx.InsertGuideEdition(ctx, a.ID, &domain.GuideEdition{Note: note, PublishedAt: now})
	})
}

// withoutTitle drops a Markdown file's first line when it is a level-one
// heading: the page shows the title apart.
func withoutTitle(md string) string {
	if strings.HasPrefix(md, "# ") {
		if i := strings.IndexByte(md, '\n'); i >= 0 {
			return strings.TrimLeft(md[i+1:], "\r\n")
		}
	}
	return md
}
