package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/mentorat/mentorat/internal/store"
)

// The periodic tasks.
const (
	// TypePruneOutbox is the daily task that deletes outbox jobs done long ago.
	TypePruneOutbox = "outbox:prune"
	// TypeCharterReminders is the weekly task that reminds members to
	// accept their alliance's current charter.
	TypeCharterReminders = "charter:remind"
	// TypeGuideReminders is the weekly task that reminds mentors to
	// acknowledge their alliance's current Mentor Guide edition.
	TypeGuideReminders = "guide:remind"
	// TypePeerReminders is the hourly task that reminds the invitees of a
	// peer session three days before it.
	TypePeerReminders = "peer:remind"
	// TypeJourneyReminders is the daily task of the mentorship journey:
	// session reminders, logs due, stalled mentorships, completions.
	TypeJourneyReminders = "journey:remind"
	// TypeBillingGraces is the hourly task that records the end of the
	// grace period of the alliances whose payment failed.
	TypeBillingGraces = "billing:graces"
	// TypePruneStripeEvents is the daily task that forgets the Stripe
	// events received long ago.
	TypePruneStripeEvents = "billing:prune_events"
)

// outboxKeep is how long a done job stays in the outbox.
const outboxKeep = 7 * 24 * time.Hour

// stripeEventsKeep is how long the id of a Stripe event stays known.
// Stripe retries a delivery for three days and the webhook refuses a
// signature older than five minutes, so a month is ample.
const stripeEventsKeep = 30 * 24 * time.Hour

// PruneOutbox is the handler of TypePruneOutbox.
func PruneOutbox(db *store.DB, log *slog.Logger) PeriodicHandler {
	return prune(db, log, "outbox pruned", func(ctx context.Context, tx *store.Tx) (int64, error) {
		return tx.PruneOutbox(ctx, time.Now().Add(-outboxKeep))
	})
}

// PruneStripeEvents is the handler of TypePruneStripeEvents.
func PruneStripeEvents(db *store.DB, log *slog.Logger) PeriodicHandler {
	return prune(db, log, "stripe events pruned", func(ctx context.Context, tx *store.Tx) (int64, error) {
		return tx.PruneStripeEvents(ctx, time.Now().Add(-stripeEventsKeep))
	})
}

// prune is a periodic handler that deletes old platform rows with del in
// one transaction and logs how many went, when any did.
func prune(db *store.DB, log *slog.Logger, what string, del func(context.Context, *store.Tx) (int64, error)) PeriodicHandler {
	return func(ctx context.Context) error {
		return db.InPlatform(ctx, func(tx *store.Tx) error {
			n, err := del(ctx, tx)
			if err == nil && n > 0 {
				log.Info(what, "rows", n)
			}
			return err
		})
	}
}

// Scheduler enqueues the periodic tasks. Every process that runs workers
// runs one; a task's Unique option keeps two schedulers from queueing the
// same run twice.
type Scheduler struct {
	s *asynq.Scheduler
}

// NewScheduler registers the product's periodic tasks on the queue.
func NewScheduler(q *Queue, log *slog.Logger) (*Scheduler, error) {
	s := asynq.NewScheduler(q.conn, &asynq.SchedulerOpts{
		Location: time.UTC, Logger: asynqLogger{log}, LogLevel: asynq.WarnLevel,
	})
	entries := []struct {
		spec string
		task string
	}{
		{"17 3 * * *", TypePruneOutbox},
		{"27 3 * * *", TypePruneStripeEvents},
		{"0 8 * * 1", TypeCharterReminders},
		{"5 8 * * 1", TypeGuideReminders},
		{"40 * * * *", TypePeerReminders},
		{"0 6 * * *", TypeJourneyReminders},
		{"41 * * * *", TypeBillingGraces},
	}
	for _, e := range entries {
		if _, err := s.Register(e.spec, asynq.NewTask(e.task, nil), asynq.Queue(q.Name), asynq.Unique(time.Hour)); err != nil {
			return nil, err
		}
	}
	return &Scheduler{s: s}, nil
}

// Start begins enqueueing.
func (s *Scheduler) Start() error { return s.s.Start() }

// Shutdown stops enqueueing.
func (s *Scheduler) Shutdown() { s.s.Shutdown() }
