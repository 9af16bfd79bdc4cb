package store

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// The bulk inserts below write many rows in one statement each, for
// generated data sets; the caller cuts its rows into batches. A use case
// writes with the one-row methods, which check what these take as given.

// InsertUsers adds users who all get the same password hash; a taken
// e-mail is a conflict.
//
// SECURITY: users are platform rows; sharing one hash suits generated
// accounts only, never people's.
func (t *Tx) InsertUsers(ctx context.Context, users []*domain.User, passwordHash string) error {
	if len(users) == 0 {
		return nil
	}
	rows := make([]userRow, len(users))
	for i, u := range users {
		rows[i] = userRow{ID: u.ID, Email: u.Email, Name: u.Name, Locale: string(u.Locale), PasswordHash: passwordHash,
			CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.CreatedAt.UTC()}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

type userAllianceRow struct {
	bun.BaseModel `bun:"table:user_alliances"`

	UserID     domain.ID `bun:"user_id,pk,type:uuid"`
	AllianceID domain.ID `bun:"alliance_id,pk,type:uuid"`
}

// InsertMembers adds memberships with their mentor profiles, and their
// lines in the users' lists of alliances; one that exists is a conflict.
//
// SECURITY: alliance is the tenant the memberships belong to.
func (t *Tx) InsertMembers(ctx context.Context, alliance domain.ID, members []*domain.Member) error {
	if len(members) == 0 {
		return nil
	}
	rows := make([]memberRow, len(members))
	links := make([]userAllianceRow, len(members))
	for i, m := range members {
		rows[i] = memberRow{TenantID: alliance, UserID: m.UserID, Roles: joinRoles(m.Roles), Status: string(m.Status),
			Capacity: m.Capacity, JoinedAt: m.JoinedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC(),
			City: m.Profile.City, Sectors: orEmpty(m.Profile.Sectors), Languages: orEmpty(m.Profile.Languages)}
		links[i] = userAllianceRow{UserID: m.UserID, AllianceID: alliance}
	}
	if _, err := t.tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return classify(err)
	}
	_, err := t.tx.NewInsert().Model(&links).Exec(ctx)
	return classify(err)
}

// InsertCohorts adds cohorts.
//
// SECURITY: alliance is the tenant the cohorts belong to.
func (t *Tx) InsertCohorts(ctx context.Context, alliance domain.ID, cohorts []*domain.Cohort) error {
	if len(cohorts) == 0 {
		return nil
	}
	rows := make([]cohortRow, len(cohorts))
	for i, c := range cohorts {
		rows[i] = *cohortRowOf(alliance, c)
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// InsertCharterVersions adds charter versions with the numbers and
// statuses they carry, for an alliance that has none yet: at most one of
// them may be published.
//
// SECURITY: alliance is the tenant the versions belong to.
func (t *Tx) InsertCharterVersions(ctx context.Context, alliance domain.ID, versions []*domain.CharterVersion) error {
	if len(versions) == 0 {
		return nil
	}
	rows := make([]charterRow, len(versions))
	for i, v := range versions {
		rows[i] = charterRow{TenantID: alliance, Version: v.Version, Status: string(v.Status), Bodies: v.Bodies,
			CreatedAt: v.CreatedAt.UTC(), UpdatedAt: v.UpdatedAt.UTC(), PublishedAt: utcOrNil(v.PublishedAt)}
		if v.CreatedBy != (domain.ID{}) {
			by := v.CreatedBy
			rows[i].CreatedBy = &by
		}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// InsertCharterAcceptances records acceptances of charter versions; a
// second acceptance of the same version by the same user is a conflict.
//
// SECURITY: alliance is the tenant the acceptances belong to.
func (t *Tx) InsertCharterAcceptances(ctx context.Context, alliance domain.ID, acceptances []domain.CharterAcceptance) error {
	if len(acceptances) == 0 {
		return nil
	}
	rows := make([]acceptanceRow, len(acceptances))
	for i, a := range acceptances {
		rows[i] = acceptanceRow{TenantID: alliance, Version: a.Version, UserID: a.UserID, AcceptedAt: a.AcceptedAt.UTC(), IP: a.IP}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}
