package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type endSurveyRow struct {
	bun.BaseModel `bun:"table:end_surveys,alias:es"`

	TenantID       domain.ID `bun:"tenant_id,pk,type:uuid"`
	MentorshipID   domain.ID `bun:"mentorship_id,pk,type:uuid"`
	RespondentID   domain.ID `bun:"respondent_id,pk,type:uuid"`
	Side           string    `bun:"side"`
	WouldRecommend bool      `bun:"would_recommend"`
	WhatChanged    string    `bun:"what_changed"`
	RevenueBand    string    `bun:"revenue_band"`
	Employees      *int      `bun:"employees"`
	SubmittedAt    time.Time `bun:"submitted_at"`
}

// SaveEndSurvey records one person's end-of-mentorship survey; answering
// again replaces the answer.
//
// SECURITY: alliance is the tenant the survey belongs to.
func (t *Tx) SaveEndSurvey(ctx context.Context, alliance domain.ID, s *domain.EndSurvey) error {
	_, err := t.tx.NewInsert().Model(&endSurveyRow{TenantID: alliance, MentorshipID: s.MentorshipID, RespondentID: s.RespondentID,
		Side: s.Side, WouldRecommend: s.WouldRecommend, WhatChanged: s.WhatChanged, RevenueBand: s.RevenueBand,
		Employees: s.Employees, SubmittedAt: s.SubmittedAt.UTC()}).
		On("CONFLICT (tenant_id, mentorship_id, respondent_id) DO UPDATE").
		Set("would_recommend = EXCLUDED.would_recommend, what_changed = EXCLUDED.what_changed, revenue_band = EXCLUDED.revenue_band").
		Set("employees = EXCLUDED.employees, submitted_at = EXCLUDED.submitted_at").Exec(ctx)
	return classify(err)
}

// EndSurveys lists the surveys of a mentorship.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) EndSurveys(ctx context.Context, alliance, mentorship domain.ID) ([]domain.EndSurvey, error) {
	var rows []endSurveyRow
	if err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ? AND mentorship_id = ?", alliance, mentorship).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]domain.EndSurvey, len(rows))
	for i, r := range rows {
		out[i] = domain.EndSurvey{MentorshipID: r.MentorshipID, RespondentID: r.RespondentID, Side: r.Side,
			WouldRecommend: r.WouldRecommend, WhatChanged: r.WhatChanged, RevenueBand: r.RevenueBand,
			Employees: r.Employees, SubmittedAt: r.SubmittedAt.UTC()}
	}
	return out, nil
}
