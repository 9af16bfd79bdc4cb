package service

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// productActor is who the audit trail names for what the product does of
// its own accord.
var productActor = Actor{Name: "Mentorat"}

// EndGraces is the hourly periodic task that records, once per unpaid
// invoice, that its grace period is over and the alliance is back on the
// community plan. The plan itself falls back the moment the grace ends,
// since it is computed at each read; this task puts the change in the
// audit trail.
func (s *Billing) EndGraces(ctx context.Context) error {
	if !s.Enabled() {
		return nil
	}
	var alliances []domain.ID
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		alliances, err = tx.AlliancesWithCustomers(ctx)
		return err
	})
	if err != nil {
		return err
	}
	for _, alliance := range alliances {
		if err := s.endGraces(ctx, alliance, time.Now()); err != nil {
			return fmt.Errorf("billing graces of %s: %w", alliance, err)
		}
	}
	return nil
}

// endGraces records the graces of one alliance that are over at now.
func (s *Billing) endGraces(ctx context.Context, alliance domain.ID, now time.Time) error {
	return s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		acct, err := tx.BillingAccount(ctx, alliance)
		if err != nil {
			return err
		}
		for _, inv := range acct.GracesOver(now, s.Grace) {
			inv.GraceEndedAt = &now
			if err := tx.SaveInvoice(ctx, alliance, inv); err != nil {
				return err
			}
			err := tx.InsertAudit(ctx, alliance, productActor.audit(domain.AuditBillingGraceEnded, inv.ID, map[string]any{
				"subscription": inv.SubscriptionID, "failed_at": inv.FailedAt.Format(time.RFC3339), "plan": acct.Plan(now, s.Grace),
			}))
			if err != nil {
				return err
			}
		}
		return nil
	})
}
