package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// The daily pruning forgets what is old and keeps the rest: done outbox
// jobs after a week (pending and failed ones stay), Stripe events after a
// month.
func TestPruningForgetsOldRowsOnly(t *testing.T) {
	db := testkit.OpenDB(t)
	alliance := insertAlliance(t, db, "elagage")
	now := time.Now().UTC()
	old, recent := now.AddDate(0, 0, -40), now.AddDate(0, 0, -2)
	for _, row := range []struct {
		doneAt, failedAt any
	}{
		{old, nil},    // pruned
		{recent, nil}, // kept: done lately
		{nil, nil},    // kept: pending
		{nil, old},    // kept: failed, for someone to look at
		{now.Add(-time.Hour), nil},
	} {
		testkit.Exec(t, db, nil, `INSERT INTO outbox (id, alliance_id, task_type, payload, created_at, done_at, failed_at)
			VALUES (?, ?, 'mail:send', '{}', ?, ?, ?)`, domain.NewID(), alliance, old, row.doneAt, row.failedAt)
	}
	for i, received := range []time.Time{old, recent, now} {
		testkit.Exec(t, db, nil, `INSERT INTO stripe_events (event_id, event_type, alliance_id, created_at, received_at)
			VALUES (?, 'invoice.paid', ?, ?, ?)`, "evt_"+string(rune('a'+i)), alliance, received, received)
	}
	tests := []struct {
		name    string
		handler func(*store.DB) jobs.PeriodicHandler
		table   string
		want    int
	}{
		{"outbox", func(db *store.DB) jobs.PeriodicHandler { return jobs.PruneOutbox(db, testkit.Logger(t)) }, "outbox", 4},
		{"stripe events", func(db *store.DB) jobs.PeriodicHandler { return jobs.PruneStripeEvents(db, testkit.Logger(t)) }, "stripe_events", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // a second run finds nothing more
				if err := tt.handler(db)(context.Background()); err != nil {
					t.Fatal(err)
				}
				if n := testkit.Count(t, db, nil, tt.table); n != tt.want {
					t.Fatalf("%d rows left in %s, want %d", n, tt.table, tt.want)
				}
			}
		})
	}
}
