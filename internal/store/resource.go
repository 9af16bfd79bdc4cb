package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type resourceRow struct {
	bun.BaseModel `bun:"table:resources,alias:r"`

	TenantID         domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID               domain.ID  `bun:"id,pk,type:uuid"`
	Slug             string     `bun:"slug"`
	Kind             string     `bun:"kind"`
	Locale           string     `bun:"locale"`
	Title            string     `bun:"title"`
	Body             string     `bun:"body"`
	Tags             []string   `bun:"tags"`
	ForEntrepreneurs bool       `bun:"for_entrepreneurs"`
	SearchText       string     `bun:"search_text"`
	CreatedBy        *domain.ID `bun:"created_by,type:uuid"`
	CreatedAt        time.Time  `bun:"created_at"`
	UpdatedAt        time.Time  `bun:"updated_at"`
}

func resourceRowOf(alliance domain.ID, r *domain.Resource) *resourceRow {
	row := &resourceRow{TenantID: alliance, ID: r.ID, Slug: r.Slug, Kind: string(r.Kind), Locale: string(r.Locale),
		Title: r.Title, Body: r.Body, Tags: r.Tags, ForEntrepreneurs: r.ForEntrepreneurs, SearchText: r.SearchText(),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if row.Tags == nil {
		row.Tags = []string{}
	}
	if r.CreatedBy != (domain.ID{}) {
		by := r.CreatedBy
		row.CreatedBy = &by
	}
	return row
}

func (r *resourceRow) domain() *domain.Resource {
	out := &domain.Resource{AllianceID: r.TenantID, ID: r.ID, Slug: r.Slug, Kind: domain.ResourceKind(r.Kind),
		Locale: domain.Locale(r.Locale), Title: r.Title, Body: r.Body, Tags: r.Tags, ForEntrepreneurs: r.ForEntrepreneurs,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.CreatedBy != nil {
		out.CreatedBy = *r.CreatedBy
	}
	return out
}

// InsertResource adds a text to the library; a slug already used in that
// language is a conflict.
//
// SECURITY: alliance is the tenant the resource belongs to.
func (t *Tx) InsertResource(ctx context.Context, alliance domain.ID, r *domain.Resource) error {
	_, err := t.tx.NewInsert().Model(resourceRowOf(alliance, r)).Exec(ctx)
	return classify(err)
}

// UpdateResource replaces a text's fields (all but its id, author and
// creation time).
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateResource(ctx context.Context, alliance domain.ID, r *domain.Resource) error {
	res, err := t.tx.NewUpdate().Model(resourceRowOf(alliance, r)).
		Column("slug", "kind", "locale", "title", "body", "tags", "for_entrepreneurs", "search_text", "updated_at").
		WherePK().Exec(ctx)
	return affectedOne(res, err)
}

// DeleteResource removes a text from the library.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) DeleteResource(ctx context.Context, alliance, id domain.ID) error {
	res, err := t.tx.NewDelete().Model((*resourceRow)(nil)).
		Where("tenant_id = ? AND id = ?", alliance, id).Exec(ctx)
	return affectedOne(res, err)
}

// Resource finds one text of the library.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Resource(ctx context.Context, alliance, id domain.ID) (*domain.Resource, error) {
	var r resourceRow
	if err := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND id = ?", alliance, id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// ResourceFilter narrows the library: every word must appear in the
// title, tags or text (folded, see domain.FoldForSearch).
type ResourceFilter struct {
	Words             []string
	Kind              domain.ResourceKind
	Locale            domain.Locale
	Tag               string
	Slug              string
	ForEntrepreneurs  bool // only the texts marked for entrepreneurs
	Limit, Offset     int
	WithoutBodies     bool
	OrderByKindTitles bool // else newest first
}

// Resources lists the library's texts that match f, and how many match in
// all.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Resources(ctx context.Context, alliance domain.ID, f ResourceFilter) ([]*domain.Resource, int, error) {
	var rows []resourceRow
	q := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance)
	for _, w := range f.Words {
		q = q.Where("search_text LIKE ?", "%"+w+"%")
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", string(f.Kind))
	}
	if f.Locale != "" {
		q = q.Where("locale = ?", string(f.Locale))
	}
	if f.Tag != "" {
		// Tags hold letters, digits and hyphens only: the quoted tag in the
		// JSON text is exact.
		q = q.Where("CAST(tags AS TEXT) LIKE ?", `%"`+f.Tag+`"%`)
	}
	if f.Slug != "" {
		q = q.Where("slug = ?", f.Slug)
	}
	if f.ForEntrepreneurs {
		q = q.Where("for_entrepreneurs = ?", true)
	}
	if f.WithoutBodies {
		q = q.ExcludeColumn("body", "search_text")
	}
	if f.OrderByKindTitles {
		q = q.OrderExpr("CASE kind WHEN 'guide' THEN 1 WHEN 'dos_donts' THEN 2 WHEN 'exercise' THEN 3 WHEN 'case' THEN 4 ELSE 5 END").
			Order("title", "id")
	} else {
		q = q.Order("updated_at DESC", "id")
	}
	if f.Limit > 0 {
		q = q.Limit(int64(f.Limit)).Offset(int64(f.Offset))
	}
	total, err := q.ScanAndCount(ctx)
	if err != nil {
		return nil, 0, classify(err)
	}
	out := make([]*domain.Resource, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, int(total), nil
}

// ResourceTags lists the tags used in the library, most used first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) ResourceTags(ctx context.Context, alliance domain.ID, forEntrepreneurs bool) ([]string, error) {
	var rows []resourceRow
	q := t.tx.NewSelect().Model(&rows).Column("tags").Where("tenant_id = ?", alliance)
	if forEntrepreneurs {
		q = q.Where("for_entrepreneurs = ?", true)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return mostUsed(rows), nil
}

func mostUsed(rows []resourceRow) []string {
	count := map[string]int{}
	var tags []string
	for _, r := range rows {
		for _, tag := range r.Tags {
			if count[tag] == 0 {
				tags = append(tags, tag)
			}
			count[tag]++
		}
	}
	slices.SortFunc(tags, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	return tags
}

// PeerSessionsAbout counts the peer sessions that discuss a resource.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) PeerSessionsAbout(ctx context.Context, alliance, resource domain.ID) (int, error) {
	n, err := t.tx.NewSelect().Model((*peerSessionRow)(nil)).
		Where("tenant_id = ? AND case_resource_id = ?", alliance, resource).Count(ctx)
	return int(n), classify(err)
}
