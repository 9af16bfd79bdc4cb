// These tests prove the outbox promises: a rolled-back transaction queues
// nothing, a job written while Redis is away is delivered when it returns,
// a failing job is retried with backoff and then archived and marked
// failed, a job handed back at shutdown runs again with one effect, and a
// mail is kept once in the alliance's mail log.
package jobs_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/metrics"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// rig is a database, a queue and the parts that move jobs, for one test.
type rig struct {
	t        *testing.T
	db       *store.DB
	queue    *jobs.Queue
	relay    *jobs.Relay
	worker   *jobs.Worker
	log      *slog.Logger
	alliance domain.ID
}

// newRig opens a fresh database with one alliance and a queue on redisURL
// (empty: the test Redis, or an embedded one).
func newRig(t *testing.T, redisURL string) *rig {
	t.Helper()
	ctx := context.Background()
	db := testkit.OpenDB(t)
	if redisURL == "" {
		redisURL = testkit.RedisURL()
	}
	q, err := jobs.OpenQueue(ctx, redisURL, testkit.QueueName(), 5*time.Second)
	if err != nil {
		t.Fatalf("queue: %v", err)
	}
	t.Cleanup(q.Close)
	r := &rig{t: t, db: db, queue: q, log: testkit.Logger(t), alliance: insertAlliance(t, db, "alliance-test")}
	r.relay = jobs.NewRelay(db, q, r.log)
	r.relay.Interval = 50 * time.Millisecond
	db.OnOutbox(r.relay.Wake)
	return r
}

// start runs the worker (with handlers added by register) and the relay
// until the test ends.
func (r *rig) start(opts jobs.WorkerOptions, register func(w *jobs.Worker)) {
	r.t.Helper()
	if opts.Concurrency == 0 {
		opts.Concurrency = 2
	}
	if opts.ShutdownTimeout == 0 {
		opts.ShutdownTimeout = 2 * time.Second
	}
	opts.PollInterval = 200 * time.Millisecond
	r.worker = jobs.NewWorker(r.db, r.queue, r.log, metrics.New(nil), opts)
	register(r.worker)
	if err := r.worker.Start(); err != nil {
		r.t.Fatalf("start worker: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.relay.Run(ctx) }()
	r.t.Cleanup(func() {
		cancel()
		<-done
		r.worker.Shutdown()
	})
}

func insertAlliance(t *testing.T, db *store.DB, slug string) domain.ID {
	t.Helper()
	now := time.Now().UTC()
	a := &domain.Alliance{
		ID: domain.NewID(), Slug: slug, Name: "Alliance " + slug, Country: "Mali",
		DefaultLocale: domain.French, Settings: domain.DefaultAllianceSettings(), CreatedAt: now, UpdatedAt: now,
	}
	err := db.InPlatform(context.Background(), func(tx *store.Tx) error { return tx.InsertAlliance(context.Background(), a) })
	if err != nil {
		t.Fatalf("insert alliance: %v", err)
	}
	return a.ID
}

// enqueue writes one job of taskType for the rig's alliance.
func (r *rig) enqueue(taskType string, payload any) domain.ID {
	r.t.Helper()
	var id domain.ID
	err := r.db.InTenant(context.Background(), r.alliance, func(tx *store.Tx) error {
		var err error
		id, err = tx.Enqueue(context.Background(), taskType, payload)
		return err
	})
	if err != nil {
		r.t.Fatalf("enqueue: %v", err)
	}
	return id
}

func (r *rig) job(id domain.ID) *store.OutboxJob {
	r.t.Helper()
	var job *store.OutboxJob
	err := r.db.InPlatform(context.Background(), func(tx *store.Tx) error {
		var err error
		job, err = tx.OutboxJobByID(context.Background(), id)
		return err
	})
	if err != nil {
		r.t.Fatalf("read job %s: %v", id, err)
	}
	return job
}

func (r *rig) mails() []store.MailLogEntry {
	r.t.Helper()
	var out []store.MailLogEntry
	err := r.db.InTenant(context.Background(), r.alliance, func(tx *store.Tx) error {
		var err error
		out, err = tx.MailLog(context.Background(), r.alliance, 100)
		return err
	})
	if err != nil {
		r.t.Fatalf("read mail log: %v", err)
	}
	return out
}

// eventually waits up to d for cond, failing the test with what otherwise.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// countingSender records the mails it is asked to send.
type countingSender struct {
	mu   sync.Mutex
	sent []mail.Message
}

func (s *countingSender) Send(_ context.Context, m mail.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, m)
	return nil
}

func (s *countingSender) Transport() string { return "log" }

func (s *countingSender) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sent)
}

func TestRolledBackTransactionEnqueuesNothing(t *testing.T) {
	r := newRig(t, "")
	errAbort := errors.New("the use case fails after writing its job")
	err := r.db.InTenant(context.Background(), r.alliance, func(tx *store.Tx) error {
		if err := jobs.EnqueueMail(context.Background(), tx, mail.Message{To: "a@example.org", Subject: "s", Text: "t"}); err != nil {
			return err
		}
		return errAbort
	})
	if err == nil {
		t.Fatal("the transaction should have failed")
	}
	moved, err := r.relay.MoveOnce(context.Background())
	if err != nil || moved != 0 {
		t.Fatalf("relay moved %d jobs (err %v); want 0", moved, err)
	}
	info, err := r.queue.Inspector().GetQueueInfo(r.queue.Name)
	if err == nil && info.Size != 0 {
		t.Fatalf("queue holds %d tasks; want none", info.Size)
	}
}

func TestMailIsDeliveredAndLoggedOnce(t *testing.T) {
	r := newRig(t, "")
	sender := &countingSender{}
	r.start(jobs.WorkerOptions{}, func(w *jobs.Worker) { w.Handle(jobs.TypeSendMail, jobs.SendMail(r.db, sender)) })
	msg := mail.Message{To: "awa@example.org", Subject: "Bienvenue", Text: "Bonjour Awa"}
	id := r.enqueue(jobs.TypeSendMail, msg)
	eventually(t, 10*time.Second, "the mail was not logged", func() bool { return len(r.mails()) == 1 })
	if job := r.job(id); job.DoneAt == nil {
		t.Fatal("the job is not marked done")
	}
	// asynq delivers at least once: the same job arriving again has no
	// second effect.
	if err := jobs.SendMail(r.db, sender)(context.Background(), r.job(id)); err != nil {
		t.Fatalf("second delivery: %v", err)
	}
	if got := r.mails(); len(got) != 1 || got[0].Subject != "Bienvenue" || got[0].To != "awa@example.org" {
		t.Fatalf("mail log = %+v; want the one mail", got)
	}
	if sender.count() != 1 {
		t.Fatalf("sent %d times; want once", sender.count())
	}
}

func TestJobWrittenWhileRedisIsDownIsDeliveredWhenItReturns(t *testing.T) {
	target := testkit.RedisURL()
	targetAddr := ""
	if target == "" {
		m := miniredis.RunT(t)
		targetAddr = m.Addr()
	} else {
		targetAddr = "127.0.0.1:6379"
	}
	proxy := testkit.NewProxy(t, targetAddr)
	r := newRig(t, "redis://"+proxy.Addr+"/0")
	sender := &countingSender{}
	r.start(jobs.WorkerOptions{}, func(w *jobs.Worker) { w.Handle(jobs.TypeSendMail, jobs.SendMail(r.db, sender)) })

	proxy.Stop()
	id := r.enqueue(jobs.TypeSendMail, mail.Message{To: "issa@example.org", Subject: "Rappel", Text: "Séance demain"})
	time.Sleep(500 * time.Millisecond)
	if job := r.job(id); job.EnqueuedAt != nil || job.DoneAt != nil {
		t.Fatalf("with Redis down the job should stay pending: %+v", job)
	}
	if err := proxy.Start(); err != nil {
		t.Fatalf("restart proxy: %v", err)
	}
	eventually(t, 20*time.Second, "the job was not delivered after Redis came back", func() bool { return r.job(id).DoneAt != nil })
	if sender.count() != 1 || len(r.mails()) != 1 {
		t.Fatalf("sent %d, logged %d; want 1 and 1", sender.count(), len(r.mails()))
	}
}

func TestFailingJobIsRetriedWithBackoffThenArchived(t *testing.T) {
	r := newRig(t, "")
	r.relay.MaxRetry = 2
	var attempts atomic.Int32
	var delays []int
	var mu sync.Mutex
	r.start(jobs.WorkerOptions{RetryDelay: func(n int) time.Duration {
		mu.Lock()
		delays = append(delays, n)
		mu.Unlock()
		return time.Duration(n+1) * 100 * time.Millisecond
	}}, func(w *jobs.Worker) {
		w.Handle("test:fails", func(context.Context, *store.OutboxJob) error {
			attempts.Add(1)
			return errors.New("the mail server refused the message")
		})
	})
	id := r.enqueue("test:fails", map[string]string{"x": "y"})
	eventually(t, 30*time.Second, "the job was not marked failed", func() bool { return r.job(id).FailedAt != nil })
	job := r.job(id)
	if attempts.Load() != 3 || job.Attempts != 3 {
		t.Fatalf("attempts: handler %d, recorded %d; want 3 (1 + 2 retries)", attempts.Load(), job.Attempts)
	}
	if job.LastError != "the mail server refused the message" || job.DoneAt != nil {
		t.Fatalf("job after failure: %+v", job)
	}
	mu.Lock()
	if len(delays) != 2 || delays[0] != 0 || delays[1] != 1 {
		t.Fatalf("backoff asked for retries %v; want [0 1]", delays)
	}
	mu.Unlock()
	archived, err := r.queue.Inspector().ListArchivedTasks(r.queue.Name)
	if err != nil || len(archived) != 1 || archived[0].ID != id.String() {
		t.Fatalf("archived tasks %v (err %v); want the job", archived, err)
	}
	// A failed job is not queued again by the relay.
	if moved, err := r.relay.MoveOnce(context.Background()); err != nil || moved != 0 {
		t.Fatalf("relay moved %d (err %v) after failure; want 0", moved, err)
	}
}

func TestJobHandedBackAtShutdownRunsAgainWithOneEffect(t *testing.T) {
	r := newRig(t, "")
	started := make(chan struct{}, 1)
	var runs atomic.Int32
	handler := func(ctx context.Context, job *store.OutboxJob) error {
		if runs.Add(1) == 1 {
			started <- struct{}{}
			<-ctx.Done() // the first worker is stopped mid-task
			return ctx.Err()
		}
		return r.db.InTenant(ctx, r.alliance, func(tx *store.Tx) error {
			if err := tx.InsertMailLog(ctx, r.alliance, &store.MailLogEntry{
				ID: domain.NewID(), OutboxID: job.ID, To: "x@example.org", Subject: "effect",
				BodyText: "once", Transport: "log", CreatedAt: time.Now().UTC(),
			}); err != nil {
				return err
			}
			return tx.MarkDone(ctx, job.ID, time.Now())
		})
	}
	first := jobs.NewWorker(r.db, r.queue, r.log, metrics.New(nil), jobs.WorkerOptions{
		Concurrency: 1, ShutdownTimeout: 300 * time.Millisecond, PollInterval: 200 * time.Millisecond,
	})
	first.Handle("test:slow", handler)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	id := r.enqueue("test:slow", nil)
	if _, err := r.relay.MoveOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(15 * time.Second):
		t.Fatal("the first worker never started the job")
	}
	first.Shutdown()
	if r.job(id).DoneAt != nil {
		t.Fatal("the interrupted job must not be done")
	}
	r.start(jobs.WorkerOptions{RetryDelay: func(int) time.Duration { return 0 }}, func(w *jobs.Worker) { w.Handle("test:slow", handler) })
	eventually(t, 20*time.Second, "the handed-back job did not run again", func() bool { return r.job(id).DoneAt != nil })
	if n := len(r.mails()); n != 1 {
		t.Fatalf("effect happened %d times; want once", n)
	}
}
