package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// People lists every mentorship that matches f with its entrepreneur by
// name and contact, for the admins' export: never a note of any kind,
// neither the mentor's private notes nor the shared ones. The export is
// audited, since it names people.
func (s *Reports) People(ctx context.Context, c Caller, f store.ReportFilter) ([]store.PersonRow, error) {
	var rows []store.PersonRow
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if rows, err = tx.PeopleRows(ctx, c.Alliance.ID, f); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditPeopleExported, c.Alliance.Slug,
			map[string]any{"rows": len(rows)}))
	})
	return rows, err
}
