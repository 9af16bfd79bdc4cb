package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// OutboxJob is a job written in the same transaction as the data that calls
// for it, kept until its handler has done it. The relay moves it into the
// queue; a job neither done nor queued is moved again.
type OutboxJob struct {
	bun.BaseModel `bun:"table:outbox"`

	ID         domain.ID  `bun:"id,pk,type:uuid"`
	AllianceID *domain.ID `bun:"alliance_id,type:uuid"`
	TaskType   string     `bun:"task_type"`
	Payload    string     `bun:"payload"`
	CreatedAt  time.Time  `bun:"created_at"`
	EnqueuedAt *time.Time `bun:"enqueued_at"`
	DoneAt     *time.Time `bun:"done_at"`
	FailedAt   *time.Time `bun:"failed_at"`
	Attempts   int        `bun:"attempts"`
	LastError  string     `bun:"last_error"`
}

// Enqueue writes a job of taskType with payload encoded as JSON, for the
// transaction's alliance; the job runs only if the transaction commits.
func (t *Tx) Enqueue(ctx context.Context, taskType string, payload any) (domain.ID, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return domain.ID{}, domain.Internal(fmt.Errorf("outbox payload of %s: %w", taskType, err))
	}
	job := &OutboxJob{ID: domain.NewID(), TaskType: taskType, Payload: string(raw), CreatedAt: time.Now().UTC()}
	if t.tenant != (domain.ID{}) {
		tenant := t.tenant
		job.AllianceID = &tenant
	}
	if _, err := t.tx.NewInsert().Model(job).Exec(ctx); err != nil {
		return domain.ID{}, classify(err)
	}
	t.wroteOutbox = true
	return job.ID, nil
}

// PendingOutbox lists up to limit jobs, oldest first, that are neither done
// nor failed and were never queued or were queued before staleBefore.
func (t *Tx) PendingOutbox(ctx context.Context, staleBefore time.Time, limit int) ([]OutboxJob, error) {
	var jobs []OutboxJob
	err := t.tx.NewSelect().Model(&jobs).
		Where("done_at IS NULL AND failed_at IS NULL").
		Where("(enqueued_at IS NULL OR enqueued_at < ?)", staleBefore.UTC()).
		Order("created_at").Limit(int64(limit)).Scan(ctx)
	return jobs, classify(err)
}

// MarkEnqueued records that the job was put in the queue at.
func (t *Tx) MarkEnqueued(ctx context.Context, id domain.ID, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*OutboxJob)(nil)).Set("enqueued_at = ?", at.UTC()).Where("id = ?", id).Exec(ctx)
	return classify(err)
}

// OutboxJobByID reads one job; not found when it was pruned or never was.
func (t *Tx) OutboxJobByID(ctx context.Context, id domain.ID) (*OutboxJob, error) {
	var job OutboxJob
	if err := t.tx.NewSelect().Model(&job).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return &job, nil
}

// MarkDone records that the job's effect happened; its handler calls this in
// the same transaction as the effect when the effect is in the database.
func (t *Tx) MarkDone(ctx context.Context, id domain.ID, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*OutboxJob)(nil)).
		Set("done_at = ?", at.UTC()).Set("attempts = attempts + 1").Set("last_error = ''").
		Where("id = ?", id).Exec(ctx)
	return classify(err)
}

// MarkDoneOnce marks the job done unless it already is, and tells whether
// this call did. A handler calls it first in the transaction of its
// effect: a second run of the job, even at the same time (on PostgreSQL
// the row stays locked until the first commits), then does nothing.
func (t *Tx) MarkDoneOnce(ctx context.Context, id domain.ID, at time.Time) (bool, error) {
	res, err := t.tx.NewUpdate().Model((*OutboxJob)(nil)).
		Set("done_at = ?", at.UTC()).Set("attempts = attempts + 1").Set("last_error = ''").
		Where("id = ? AND done_at IS NULL", id).Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RecordFailure counts a failed attempt with its error; final marks the job
// failed for good, so that it is not queued again.
func (t *Tx) RecordFailure(ctx context.Context, id domain.ID, errText string, final bool, at time.Time) error {
	q := t.tx.NewUpdate().Model((*OutboxJob)(nil)).
		Set("attempts = attempts + 1").Set("last_error = ?", truncate(errText, 2000)).
		Where("id = ?", id)
	if final {
		q = q.Set("failed_at = ?", at.UTC())
	}
	_, err := q.Exec(ctx)
	return classify(err)
}

// OutboxBacklog counts the jobs not yet done nor failed.
func (t *Tx) OutboxBacklog(ctx context.Context) (int64, error) {
	n, err := t.tx.NewSelect().Model((*OutboxJob)(nil)).Where("done_at IS NULL AND failed_at IS NULL").Count(ctx)
	return n, classify(err)
}

// PruneOutbox deletes the jobs done before a time, and reports how many.
func (t *Tx) PruneOutbox(ctx context.Context, doneBefore time.Time) (int64, error) {
	res, err := t.tx.NewDelete().Model((*OutboxJob)(nil)).Where("done_at < ?", doneBefore.UTC()).Exec(ctx)
	if err != nil {
		return 0, classify(err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// FailedOutbox lists the jobs of an alliance that failed for good, newest
// first, for its administrators.
//
// SECURITY: alliance scopes the list to one alliance's jobs.
func (t *Tx) FailedOutbox(ctx context.Context, alliance domain.ID, limit int) ([]OutboxJob, error) {
	var jobs []OutboxJob
	err := t.tx.NewSelect().Model(&jobs).
		Where("alliance_id = ? AND failed_at IS NOT NULL", alliance).
		Order("failed_at DESC").Limit(int64(limit)).Scan(ctx)
	return jobs, classify(err)
}
