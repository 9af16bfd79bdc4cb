package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type invitationRow struct {
	bun.BaseModel `bun:"table:invitations"`

	TenantID   domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID         domain.ID  `bun:"id,pk,type:uuid"`
	Email      string     `bun:"email"`
	Roles      string     `bun:"roles"`
	TokenHash  string     `bun:"token_hash"`
	InvitedBy  domain.ID  `bun:"invited_by,type:uuid"`
	CreatedAt  time.Time  `bun:"created_at"`
	ExpiresAt  time.Time  `bun:"expires_at"`
	AcceptedAt *time.Time `bun:"accepted_at"`
	AcceptedBy *domain.ID `bun:"accepted_by,type:uuid"`
}

func (r *invitationRow) domain() *domain.Invitation {
	return &domain.Invitation{
		ID: r.ID, AllianceID: r.TenantID, Email: r.Email, Roles: splitRoles(r.Roles), InvitedBy: r.InvitedBy,
		CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(), AcceptedAt: r.AcceptedAt, AcceptedBy: r.AcceptedBy,
	}
}

// InsertInvitation keeps an invitation with the hash of its link's token.
//
// SECURITY: alliance is the tenant the invitation belongs to.
func (t *Tx) InsertInvitation(ctx context.Context, alliance domain.ID, inv *domain.Invitation, tokenHash string) error {
	_, err := t.tx.NewInsert().Model(&invitationRow{
		TenantID: alliance, ID: inv.ID, Email: inv.Email, Roles: joinRoles(inv.Roles), TokenHash: tokenHash,
		InvitedBy: inv.InvitedBy, CreatedAt: inv.CreatedAt.UTC(), ExpiresAt: inv.ExpiresAt.UTC(),
	}).Exec(ctx)
	return classify(err)
}

// InvitationByToken finds an invitation of the alliance by its token's
// hash, accepted or not.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) InvitationByToken(ctx context.Context, alliance domain.ID, tokenHash string) (*domain.Invitation, error) {
	var r invitationRow
	if err := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND token_hash = ?", alliance, tokenHash).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// AcceptInvitation marks the invitation accepted by user, if it was not
// yet; conflict otherwise, so that a link works once even when two
// requests race.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) AcceptInvitation(ctx context.Context, alliance, id, user domain.ID, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*invitationRow)(nil)).
		Set("accepted_at = ?", at.UTC()).Set("accepted_by = ?", user).
		Where("tenant_id = ? AND id = ? AND accepted_at IS NULL", alliance, id).Exec(ctx)
	if err := affectedOne(res, err); domain.ErrorCode(err) == domain.CodeNotFound {
		return domain.E(domain.CodeConflict, "error.invitation.used", nil)
	} else if err != nil {
		return err
	}
	return nil
}

// PendingInvitations lists the alliance's invitations not yet accepted nor
// expired, newest first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) PendingInvitations(ctx context.Context, alliance domain.ID, now time.Time) ([]*domain.Invitation, error) {
	var rows []invitationRow
	err := t.tx.NewSelect().Model(&rows).
		Where("tenant_id = ? AND accepted_at IS NULL AND expires_at > ?", alliance, now.UTC()).
		Order("created_at DESC").Limit(200).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.Invitation, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}
