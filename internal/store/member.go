package store

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type memberRow struct {
	bun.BaseModel `bun:"table:members,alias:m"`

	TenantID  domain.ID `bun:"tenant_id,pk,type:uuid"`
	UserID    domain.ID `bun:"user_id,pk,type:uuid"`
	Roles     string    `bun:"roles"`
	Status    string    `bun:"status"`
	Capacity  int       `bun:"capacity"`
	JoinedAt  time.Time `bun:"joined_at"`
	UpdatedAt time.Time `bun:"updated_at"`
	City      string    `bun:"city"`
	Sectors   []string  `bun:"sectors"`
	Languages []string  `bun:"languages"`
	Name      string    `bun:"name,scanonly"`
	Email     string    `bun:"email,scanonly"`
}

func (r *memberRow) domain() *domain.Member {
	return &domain.Member{
		AllianceID: r.TenantID, UserID: r.UserID, Roles: splitRoles(r.Roles), Status: domain.MemberStatus(r.Status),
		Capacity: r.Capacity, JoinedAt: r.JoinedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Name: r.Name, Email: r.Email,
		Profile: domain.MentorProfile{City: r.City, Sectors: orEmpty(r.Sectors), Languages: orEmpty(r.Languages)},
	}
}

// orEmpty gives an empty list for nil, as a JSON column holds it.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func joinRoles(roles []domain.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func splitRoles(s string) []domain.Role {
	var out []domain.Role
	for _, r := range strings.Split(s, ",") {
		if r != "" {
			out = append(out, domain.Role(r))
		}
	}
	return out
}

// InsertMember adds a membership, and its line in the user's list of
// alliances; one that exists is a conflict.
//
// SECURITY: alliance is the tenant the membership belongs to.
func (t *Tx) InsertMember(ctx context.Context, alliance domain.ID, m *domain.Member) error {
	_, err := t.tx.NewInsert().Model(&memberRow{
		TenantID: alliance, UserID: m.UserID, Roles: joinRoles(m.Roles), Status: string(m.Status),
		Capacity: m.Capacity, JoinedAt: m.JoinedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC(),
		City: m.Profile.City, Sectors: orEmpty(m.Profile.Sectors), Languages: orEmpty(m.Profile.Languages),
	}).Exec(ctx)
	if err != nil {
		return classify(err)
	}
	_, err = t.tx.NewRaw("INSERT INTO user_alliances (user_id, alliance_id) VALUES (?, ?)", m.UserID, alliance).Exec(ctx)
	return classify(err)
}

// Member finds a user's membership in the alliance, with the user's name
// and e-mail; not found when there is none.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Member(ctx context.Context, alliance, user domain.ID) (*domain.Member, error) {
	var r memberRow
	err := t.tx.NewSelect().Model(&r).ColumnExpr("m.*, u.name, u.email").
		Join("JOIN users AS u ON u.id = m.user_id").
		Where("m.tenant_id = ? AND m.user_id = ?", alliance, user).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// MemberFilter narrows a members list.
type MemberFilter struct {
	Roles  []domain.Role         // members holding any of these; empty: all
	Status []domain.MemberStatus // empty: all
	After  *domain.ID            // the cursor: members after this user, by user id
	Limit  int
}

// Members lists the alliance's members by user id (UUIDv7: order of
// sign-up), with their names and e-mails.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Members(ctx context.Context, alliance domain.ID, f MemberFilter) ([]*domain.Member, error) {
	var rows []memberRow
	q := t.tx.NewSelect().Model(&rows).ColumnExpr("m.*, u.name, u.email").
		Join("JOIN users AS u ON u.id = m.user_id").
		Where("m.tenant_id = ?", alliance).OrderExpr("m.user_id").Limit(int64(f.Limit))
	if len(f.Roles) > 0 {
		q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			for _, r := range f.Roles {
				q = q.WhereOr("(',' || m.roles || ',') LIKE ?", "%,"+string(r)+",%")
			}
			return q
		})
	}
	if len(f.Status) > 0 {
		q = q.Where("m.status IN (?)", bun.In(f.Status))
	}
	if f.After != nil {
		q = q.Where("m.user_id > ?", *f.After)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.Member, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// UpdateMember saves a membership's roles, status and capacity.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateMember(ctx context.Context, alliance domain.ID, m *domain.Member) error {
	res, err := t.tx.NewUpdate().Model((*memberRow)(nil)).
		Set("roles = ?", joinRoles(m.Roles)).Set("status = ?", string(m.Status)).
		Set("capacity = ?", m.Capacity).Set("updated_at = ?", time.Now().UTC()).
		Where("tenant_id = ? AND user_id = ?", alliance, m.UserID).Exec(ctx)
	return affectedOne(res, err)
}

// CountActiveAdmins counts the alliance's active admins. On PostgreSQL it
// locks their rows until the transaction ends, so that two admins demoting
// each other at once cannot leave the alliance with none.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) CountActiveAdmins(ctx context.Context, alliance domain.ID) (int, error) {
	var ids []domain.ID
	q := t.tx.NewSelect().Model((*memberRow)(nil)).Column("user_id").
		Where("tenant_id = ? AND status = ?", alliance, string(domain.StatusActive)).
		Where("(',' || roles || ',') LIKE ?", "%,admin,%")
	if t.postgres {
		q = q.For("UPDATE")
	}
	err := q.Scan(ctx, &ids)
	return len(ids), classify(err)
}

// Memberships lists a user's memberships in every alliance, with each
// alliance. It reads across tenants, so on PostgreSQL it runs one small
// transaction per alliance the user belongs to.
func (db *DB) Memberships(ctx context.Context, user domain.ID) ([]*domain.Member, error) {
	var ids []domain.ID
	err := db.InPlatform(ctx, func(tx *Tx) error {
		return tx.tx.NewRaw("SELECT alliance_id FROM user_alliances WHERE user_id = ?", user).Scan(ctx, &ids)
	})
	if err != nil {
		return nil, err
	}
	var out []*domain.Member
	for _, id := range ids {
		err := db.InTenant(ctx, id, func(tx *Tx) error {
			m, err := tx.Member(ctx, id, user)
			if err == nil {
				out = append(out, m)
			}
			return err
		})
		if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
			return nil, err
		}
	}
	return out, nil
}

// UpdateMentorProfile saves what matching knows of a member: city,
// sectors and languages.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateMentorProfile(ctx context.Context, alliance, user domain.ID, p domain.MentorProfile) error {
	res, err := t.tx.NewUpdate().Model((*memberRow)(nil)).
		Set("city = ?", p.City).Set("sectors = ?", orEmpty(p.Sectors)).Set("languages = ?", orEmpty(p.Languages)).
		Set("updated_at = ?", time.Now().UTC()).
		Where("tenant_id = ? AND user_id = ?", alliance, user).Exec(ctx)
	return affectedOne(res, err)
}
