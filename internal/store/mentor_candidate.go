package store

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
)

// mentorCandidateRow is an active mentor with what matching weighs
// besides the profile: the mentorships under way and the charter.
type mentorCandidateRow struct {
	memberRow `bun:",extend"`

	Active          int  `bun:"active,scanonly"`
	CharterAccepted bool `bun:"charter_accepted,scanonly"`
}

// MentorCandidates lists the alliance's active mentors, by user id, each
// with their active mentorships and whether they accepted the published
// charter: everything ranking needs, in one statement.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) MentorCandidates(ctx context.Context, alliance domain.ID) ([]domain.MentorCandidate, error) {
	var rows []mentorCandidateRow
	err := t.tx.NewSelect().Model(&rows).ColumnExpr("m.*, u.name, u.email").
		ColumnExpr(`(SELECT COUNT(*) FROM mentorships AS ms
			WHERE ms.tenant_id = m.tenant_id AND ms.mentor_id = m.user_id AND ms.status = ?) AS active`,
			string(domain.MentorshipActive)).
		ColumnExpr(`EXISTS (SELECT 1 FROM charter_acceptances AS ca
			JOIN charter_versions AS cv ON cv.tenant_id = ca.tenant_id AND cv.version = ca.version
			WHERE ca.tenant_id = m.tenant_id AND ca.user_id = m.user_id AND cv.status = ?) AS charter_accepted`,
			string(domain.CharterPublished)).
		Join("JOIN users AS u ON u.id = m.user_id").
		Where("m.tenant_id = ? AND m.status = ?", alliance, string(domain.StatusActive)).
		Where("(',' || m.roles || ',') LIKE ?", "%,"+string(domain.RoleMentor)+",%").
		OrderExpr("m.user_id").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]domain.MentorCandidate, len(rows))
	for i := range rows {
		m := rows[i].domain()
		out[i] = domain.MentorCandidate{Member: m, Profile: m.Profile, Active: rows[i].Active, CharterAccepted: rows[i].CharterAccepted}
	}
	return out, nil
}

// MentorPoolVersion gives the alliance's mentor pool version: a counter
// the database's triggers move with every change to what matching weighs
// (members, mentorships, the charter's versions and acceptances, members'
// names and e-mails); 0 before the first.
//
// SECURITY: alliance is the tenant of the transaction.
func (t *Tx) MentorPoolVersion(ctx context.Context, alliance domain.ID) (int64, error) {
	var versions []int64
	err := t.tx.NewRaw("SELECT version FROM mentor_pool_versions WHERE alliance_id = ?", alliance).Scan(ctx, &versions)
	if err != nil || len(versions) == 0 {
		return 0, classify(err)
	}
	return versions[0], nil
}
