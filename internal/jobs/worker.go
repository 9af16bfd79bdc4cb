package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/hibiken/asynq"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/metrics"
	"github.com/mentorat/mentorat/internal/store"
)

// Handler does one outbox job. A handler whose effect lives in the database
// writes it and calls MarkDone in one transaction, so that a retried job
// does not repeat it; otherwise the worker marks the job done after the
// handler returns nil.
type Handler func(ctx context.Context, job *store.OutboxJob) error

// PeriodicHandler does one run of a periodic task.
type PeriodicHandler func(ctx context.Context) error

// Worker runs jobs from the queue.
type Worker struct {
	db      *store.DB
	queue   *Queue
	log     *slog.Logger
	metrics *metrics.Metrics
	mux     *asynq.ServeMux
	server  *asynq.Server
}

// WorkerOptions tune a worker.
type WorkerOptions struct {
	Concurrency     int
	ShutdownTimeout time.Duration
	// RetryDelay is the wait before attempt n+1; nil means exponential
	// backoff from 10 s to 1 h with jitter.
	RetryDelay func(n int) time.Duration
	// PollInterval is how often retried tasks whose delay has passed are
	// moved back to the queue; zero means asynq's 5 s.
	PollInterval time.Duration
}

// NewWorker builds a worker on the queue; register handlers before Start.
func NewWorker(db *store.DB, q *Queue, log *slog.Logger, m *metrics.Metrics, opts WorkerOptions) *Worker {
	w := &Worker{db: db, queue: q, log: log, metrics: m, mux: asynq.NewServeMux()}
	delay := opts.RetryDelay
	if delay == nil {
		delay = backoff
	}
	w.server = asynq.NewServer(q.conn, asynq.Config{
		Concurrency:              opts.Concurrency,
		Queues:                   map[string]int{q.Name: 1},
		DelayedTaskCheckInterval: opts.PollInterval,
		ShutdownTimeout:          opts.ShutdownTimeout,
		RetryDelayFunc:           func(n int, _ error, _ *asynq.Task) time.Duration { return delay(n) },
		Logger:                   asynqLogger{log},
		LogLevel:                 asynq.WarnLevel,
		ErrorHandler: asynq.ErrorHandlerFunc(func(_ context.Context, t *asynq.Task, err error) {
			m.JobsFailed.WithLabelValues(t.Type()).Inc()
		}),
	})
	return w
}

func backoff(n int) time.Duration {
	d := 10 * time.Second << min(n, 9)
	d = min(d, time.Hour)
	return d/2 + rand.N(d/2+1)
}

// Handle registers the handler of an outbox task type. The worker loads the
// job, skips one already done, records each failure on it, and marks it
// failed for good once asynq archives it.
func (w *Worker) Handle(taskType string, h Handler) {
	w.mux.HandleFunc(taskType, func(ctx context.Context, t *asynq.Task) error {
		id, err := domain.ParseID(string(t.Payload()))
		if err != nil {
			return fmt.Errorf("outbox id %q: %w", t.Payload(), asynq.SkipRetry)
		}
		var job *store.OutboxJob
		err = w.db.InPlatform(ctx, func(tx *store.Tx) error {
			job, err = tx.OutboxJobByID(ctx, id)
			return err
		})
		if domain.ErrorCode(err) == domain.CodeNotFound {
			w.log.Warn("job no longer in the outbox", "type", taskType, "id", id)
			return nil
		}
		if err != nil {
			return err
		}
		if job.DoneAt != nil {
			return nil
		}
		if err := h(ctx, job); err != nil {
			w.recordFailure(ctx, job, err)
			return err
		}
		err = w.db.InPlatform(ctx, func(tx *store.Tx) error { return tx.MarkDone(ctx, id, time.Now()) })
		if err == nil {
			w.metrics.JobsProcessed.WithLabelValues(taskType).Inc()
		}
		return err
	})
}

// HandlePeriodic registers the handler of a periodic task type.
func (w *Worker) HandlePeriodic(taskType string, h PeriodicHandler) {
	w.mux.HandleFunc(taskType, func(ctx context.Context, _ *asynq.Task) error {
		if err := h(ctx); err != nil {
			return err
		}
		w.metrics.JobsProcessed.WithLabelValues(taskType).Inc()
		return nil
	})
}

func (w *Worker) recordFailure(ctx context.Context, job *store.OutboxJob, cause error) {
	retried, _ := asynq.GetRetryCount(ctx)
	maxRetry, _ := asynq.GetMaxRetry(ctx)
	final := retried >= maxRetry || errors.Is(cause, asynq.SkipRetry)
	w.log.Warn("job failed", "type", job.TaskType, "id", job.ID, "attempt", retried+1, "final", final, "err", cause)
	err := w.db.InPlatform(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		return tx.RecordFailure(ctx, job.ID, cause.Error(), final, time.Now())
	})
	if err != nil {
		w.log.Error("record job failure", "id", job.ID, "err", err)
	}
}

// Start begins taking jobs from the queue.
func (w *Worker) Start() error { return w.server.Start(w.mux) }

// Shutdown stops taking jobs and waits for running ones up to the shutdown
// timeout; the ones still running then go back to the queue.
func (w *Worker) Shutdown() { w.server.Shutdown() }

// asynqLogger writes asynq's messages to the product's log.
type asynqLogger struct{ log *slog.Logger }

func (l asynqLogger) Debug(args ...any) { l.log.Debug(fmt.Sprint(args...), "component", "asynq") }
func (l asynqLogger) Info(args ...any)  { l.log.Info(fmt.Sprint(args...), "component", "asynq") }
func (l asynqLogger) Warn(args ...any)  { l.log.Warn(fmt.Sprint(args...), "component", "asynq") }
func (l asynqLogger) Error(args ...any) { l.log.Error(fmt.Sprint(args...), "component", "asynq") }
func (l asynqLogger) Fatal(args ...any) {
	l.log.Error(fmt.Sprint(args...), "component", "asynq", "fatal", true)
}
