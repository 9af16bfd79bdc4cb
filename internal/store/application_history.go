package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type applicationEventRow struct {
	bun.BaseModel `bun:"table:application_events,alias:ae"`

	TenantID      domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID            domain.ID  `bun:"id,pk,type:uuid"`
	ApplicationID domain.ID  `bun:"application_id,type:uuid"`
	FromStatus    string     `bun:"from_status"`
	ToStatus      string     `bun:"to_status"`
	ActorID       *domain.ID `bun:"actor_id,type:uuid"`
	ActorName     string     `bun:"actor_name"`
	Note          string     `bun:"note"`
	At            time.Time  `bun:"at"`
}

func eventRowOf(alliance, application domain.ID, e *domain.ApplicationEvent) applicationEventRow {
	return applicationEventRow{TenantID: alliance, ID: e.ID, ApplicationID: application, FromStatus: string(e.From),
		ToStatus: string(e.To), ActorID: e.ActorID, ActorName: e.ActorName, Note: e.Note, At: e.At.UTC()}
}

// InsertApplicationEvents records moves of applications, each given with
// its application's id.
//
// SECURITY: alliance is the tenant the moves belong to.
func (t *Tx) InsertApplicationEvents(ctx context.Context, alliance domain.ID, applications []domain.ID, events []*domain.ApplicationEvent) error {
	if len(events) == 0 {
		return nil
	}
	rows := make([]applicationEventRow, len(events))
	for i, e := range events {
		rows[i] = eventRowOf(alliance, applications[i], e)
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// ApplicationEvents lists an application's history, oldest first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) ApplicationEvents(ctx context.Context, alliance, application domain.ID) ([]*domain.ApplicationEvent, error) {
	var rows []applicationEventRow
	err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ? AND application_id = ?", alliance, application).
		Order("at", "id").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.ApplicationEvent, len(rows))
	for i, r := range rows {
		out[i] = &domain.ApplicationEvent{ID: r.ID, From: domain.ApplicationStatus(r.FromStatus), To: domain.ApplicationStatus(r.ToStatus),
			ActorID: r.ActorID, ActorName: r.ActorName, Note: r.Note, At: r.At.UTC()}
	}
	return out, nil
}

type applicationNoteRow struct {
	bun.BaseModel `bun:"table:application_notes,alias:an"`

	TenantID      domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID            domain.ID  `bun:"id,pk,type:uuid"`
	ApplicationID domain.ID  `bun:"application_id,type:uuid"`
	AuthorID      *domain.ID `bun:"author_id,type:uuid"`
	AuthorName    string     `bun:"author_name"`
	Text          string     `bun:"body"`
	Score         *int       `bun:"score"`
	CreatedAt     time.Time  `bun:"created_at"`
}

// InsertApplicationNote adds a screener's note, and its score to the
// application's mean.
//
// SECURITY: alliance is the tenant the note belongs to.
func (t *Tx) InsertApplicationNote(ctx context.Context, alliance, application domain.ID, n *domain.ApplicationNote) error {
	author := n.AuthorID
	_, err := t.tx.NewInsert().Model(&applicationNoteRow{TenantID: alliance, ID: n.ID, ApplicationID: application,
		AuthorID: &author, AuthorName: n.AuthorName, Text: n.Text, Score: n.Score, CreatedAt: n.CreatedAt.UTC()}).Exec(ctx)
	if err != nil || n.Score == nil {
		return classify(err)
	}
	return t.AddApplicationScore(ctx, alliance, application, *n.Score)
}

// ApplicationNotes lists an application's notes, oldest first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) ApplicationNotes(ctx context.Context, alliance, application domain.ID) ([]*domain.ApplicationNote, error) {
	var rows []applicationNoteRow
	err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ? AND application_id = ?", alliance, application).
		Order("created_at", "id").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.ApplicationNote, len(rows))
	for i, r := range rows {
		out[i] = &domain.ApplicationNote{ID: r.ID, AuthorName: r.AuthorName, Text: r.Text, Score: r.Score, CreatedAt: r.CreatedAt.UTC()}
		if r.AuthorID != nil {
			out[i].AuthorID = *r.AuthorID
		}
	}
	return out, nil
}
