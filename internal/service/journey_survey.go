package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// AnswerSurvey records the caller's end-of-mentorship survey, once the
// mentorship is over: the mentor or the entrepreneur, each their own.
func (s *Journey) AnswerSurvey(ctx context.Context, c Caller, id domain.ID, survey domain.EndSurvey) (*domain.EndSurvey, error) {
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		m, side, err := partyOf(ctx, tx, c, id)
		if err != nil {
			return err
		}
		if m.Status == domain.MentorshipActive {
			return domain.E(domain.CodeConflict, "error.survey.not_over", nil)
		}
		survey.MentorshipID, survey.RespondentID, survey.Side, survey.SubmittedAt = id, c.UserID, string(side), s.now()
		if side == SideMentor {
			survey.RevenueBand, survey.Employees = "", nil
		}
		if err := survey.Validate(); err != nil {
			return err
		}
		if err := tx.SaveEndSurvey(ctx, c.Alliance.ID, &survey); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditSurveyAnswered, id.String(), map[string]any{"side": side}))
	})
	if err != nil {
		return nil, err
	}
	return &survey, nil
}
