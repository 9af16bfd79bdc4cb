package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/mentorat/mentorat/internal/store"
)

// Relay moves outbox jobs into the queue. A job is moved again when it is
// still not done StaleAfter after it was queued (Redis lost it, or a worker
// died); the queue's task id, the job's own id, keeps a job that is still
// queued from being queued twice.
type Relay struct {
	DB         *store.DB
	Queue      *Queue
	Log        *slog.Logger
	Interval   time.Duration // how often to look for jobs when not woken
	StaleAfter time.Duration // how long a queued job may stay not done before it is queued again
	MaxRetry   int           // the attempts a job gets before it is archived
	Batch      int

	wake chan struct{}
}

// Wake makes the relay look for jobs now; it never blocks.
func (r *Relay) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run moves jobs until ctx ends. Its first pass queues every job not yet
// done, however recently it was queued: an embedded Redis starts empty, and
// a job still in a real one is refused by its task id.
func (r *Relay) Run(ctx context.Context) {
	ticker := time.NewTicker(r.Interval)
	defer ticker.Stop()
	staleBefore := time.Now()
	for {
		for {
			moved, err := r.move(ctx, staleBefore)
			if err != nil {
				if ctx.Err() == nil {
					r.Log.Warn("outbox relay", "err", err)
				}
				break
			}
			if moved < r.Batch {
				break
			}
		}
		staleBefore = time.Time{}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		case <-r.wake:
		}
	}
}

// NewRelay builds a relay with the product's defaults.
func NewRelay(db *store.DB, q *Queue, log *slog.Logger) *Relay {
	return &Relay{
		DB: db, Queue: q, Log: log,
		Interval: time.Second, StaleAfter: 10 * time.Minute, MaxRetry: 8, Batch: 100,
		wake: make(chan struct{}, 1),
	}
}

// MoveOnce queues one batch of pending jobs and reports how many it moved.
// A job that Redis refuses stays pending for the next pass.
func (r *Relay) MoveOnce(ctx context.Context) (int, error) {
	return r.move(ctx, time.Time{})
}

// move queues one batch of the jobs not done, never queued or queued
// before staleBefore (zero: StaleAfter ago).
func (r *Relay) move(ctx context.Context, staleBefore time.Time) (int, error) {
	if staleBefore.IsZero() {
		staleBefore = time.Now().Add(-r.StaleAfter)
	}
	var jobs []store.OutboxJob
	err := r.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		jobs, err = tx.PendingOutbox(ctx, staleBefore, r.Batch)
		return err
	})
	if err != nil {
		return 0, err
	}
	moved := 0
	for _, job := range jobs {
		task := asynq.NewTask(job.TaskType, []byte(job.ID.String()))
		_, err := r.Queue.client.EnqueueContext(ctx, task,
			asynq.TaskID(job.ID.String()), asynq.Queue(r.Queue.Name), asynq.MaxRetry(r.MaxRetry),
			asynq.Retention(24*time.Hour))
		if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
			return moved, err
		}
		err = r.DB.InPlatform(ctx, func(tx *store.Tx) error {
			return tx.MarkEnqueued(ctx, job.ID, time.Now())
		})
		if err != nil {
			return moved, err
		}
		moved++
	}
	return moved, nil
}
