package service

import (
	"context"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Library is the use cases of an alliance's library of resources: the
// Mentor Guide's chapters, dos and don'ts, exercises, cases and role
// models. Admins and coordinators write; members read; entrepreneurs read
// only the texts marked for them.
type Library struct {
	DB *store.DB
}

// LibraryQuery is what a reader looks for: words of the title, tags or
// text, a kind, a language, a tag.
type LibraryQuery struct {
	Text   string
	Kind   domain.ResourceKind
	Locale domain.Locale
	Tag    string
	Limit  int
	Offset int
}

// Validate refuses an unknown kind or language.
func (q LibraryQuery) Validate() error {
	var p domain.Problems
	if q.Kind != "" && !q.Kind.Valid() {
		p.Add("kind", "validation.one_of", map[string]any{"values": domain.ResourceKindList()})
	}
	if q.Locale != "" && !q.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	return p.Err()
}

// LibraryPage is one page of the library: the texts found, how many in
// all, and the tags in use.
type LibraryPage struct {
	Items []*domain.Resource
	Total int
	Tags  []string
}

// readsEntrepreneurTextsOnly tells whether the caller sees only what is
// marked for entrepreneurs: an entrepreneur who holds no other role.
func readsEntrepreneurTextsOnly(c Caller) bool {
	if c.Member == nil {
		return true
	}
	for _, r := range c.Member.Roles {
		if r != domain.RoleEntrepreneur {
			return false
		}
	}
	return true
}

// Search lists the texts that match q and that the caller may read, by
// kind then title.
func (s *Library) Search(ctx context.Context, c Caller, q LibraryQuery) (*LibraryPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 50
	}
	onlyThem := readsEntrepreneurTextsOnly(c)
	out := &LibraryPage{}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out.Items, out.Total, err = tx.Resources(ctx, c.Alliance.ID, store.ResourceFilter{
			Words: domain.SearchWords(q.Text), Kind: q.Kind, Locale: q.Locale, Tag: q.Tag,
			ForEntrepreneurs: onlyThem, Limit: q.Limit, Offset: q.Offset, OrderByKindTitles: true,
		})
		if err != nil {
			return err
		}
		out.Tags, err = tx.ResourceTags(ctx, c.Alliance.ID, onlyThem)
		return err
	})
	return out, err
}

// Resource gives one text the caller may read, and its translations (the
// texts of the same slug in other languages) that they may read too. A
// text the caller may not read is not found.
func (s *Library) Resource(ctx context.Context, c Caller, id domain.ID) (*domain.Resource, []*domain.Resource, error) {
	var r *domain.Resource
	var translations []*domain.Resource
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if r, err = tx.Resource(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if !r.ForEntrepreneurs && readsEntrepreneurTextsOnly(c) {
			return domain.NotFound()
		}
		all, _, err := tx.Resources(ctx, c.Alliance.ID, store.ResourceFilter{Slug: r.Slug, WithoutBodies: true,
			ForEntrepreneurs: readsEntrepreneurTextsOnly(c)})
		for _, t := range all {
			if t.ID != r.ID {
				translations = append(translations, t)
			}
		}
		return err
	})
	return r, translations, err
}

// Create adds a text to the library; its slug (made from the title when
// not given) links it to its translations, and is taken at most once per
// language.
func (s *Library) Create(ctx context.Context, c Caller, in domain.ResourceInput) (*domain.Resource, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	r := &domain.Resource{AllianceID: c.Alliance.ID, ID: domain.NewID(), CreatedBy: c.UserID, CreatedAt: now}
	apply(r, in, now)
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if err := tx.InsertResource(ctx, c.Alliance.ID, r); err != nil {
			return slugTaken(err)
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditResourceCreated, r.ID.String(),
			map[string]any{"title": r.Title, "kind": r.Kind, "locale": r.Locale}))
	})
	return r, err
}

// Update replaces a text's fields.
// A text given no slug keeps its own, which links it to its translations.
func (s *Library) Update(ctx context.Context, c Caller, id domain.ID, in domain.ResourceInput) (*domain.Resource, error) {
	var r *domain.Resource
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if r, err = tx.Resource(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if strings.TrimSpace(in.Slug) == "" {
			in.Slug = r.Slug
		}
		in.Normalize()
		if err := in.Validate(); err != nil {
			return err
		}
		apply(r, in, time.Now().UTC())
		if err := tx.UpdateResource(ctx, c.Alliance.ID, r); err != nil {
			return slugTaken(err)
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditResourceUpdated, r.ID.String(),
			map[string]any{"title": r.Title}))
	})
	return r, err
}

// Delete removes a text from the library; a case that a peer session
// discusses stays, so that the session keeps its record.
func (s *Library) Delete(ctx context.Context, c Caller, id domain.ID) error {
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		r, err := tx.Resource(ctx, c.Alliance.ID, id)
		if err != nil {
			return err
		}
		n, err := tx.PeerSessionsAbout(ctx, c.Alliance.ID, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.E(domain.CodeConflict, "error.resource.in_use", map[string]any{"count": n})
		}
		if err := tx.DeleteResource(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditResourceDeleted, id.String(),
			map[string]any{"title": r.Title}))
	})
}

func apply(r *domain.Resource, in domain.ResourceInput, now time.Time) {
	r.Slug, r.Kind, r.Locale, r.Title, r.Body = in.Slug, in.Kind, in.Locale, in.Title, in.Body
	r.Tags, r.ForEntrepreneurs, r.UpdatedAt = in.Tags, in.ForEntrepreneurs, now
}

// slugTaken names the field of a uniqueness clash on a resource: its slug
// is taken in that language.
func slugTaken(err error) error {
	if domain.ErrorCode(err) != domain.CodeConflict {
		return err
	}
	return &domain.Error{Code: domain.CodeConflict, Key: "error.resource.slug_taken",
		Fields: []domain.FieldError{{Field: "slug", Key: "validation.slug_taken"}}, Cause: err}
}
