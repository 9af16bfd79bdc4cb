// Package app assembles the product from its configuration: database,
// queue, services, web server and workers, and runs them until told to
// stop, then shuts them down in order.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/billing"
	"github.com/mentorat/mentorat/internal/config"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/metrics"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/web"
	"github.com/mentorat/mentorat/tenants"
)

// Options choose what one process runs.
type Options struct {
	Web     bool // serve the pages and the API
	Workers bool // run the background workers, the relay and the scheduler (alone: serving only health, readiness and metrics)
	Migrate bool // apply pending migrations at start
	Demo    bool // load the demo alliance when the database has none
	// Queue names the asynq queue; empty means "mentorat". Tests use their
	// own so that they can share one Redis.
	Queue string
}

// App is the running product.
type App struct {
	cfg      *config.Config
	log      *slog.Logger
	opts     Options
	DB       *store.DB
	Queue    *jobs.Queue
	Metrics  *metrics.Metrics
	listener net.Listener
	server   *http.Server
	relay    *jobs.Relay
	worker   *jobs.Worker
	sched    *jobs.Scheduler
	closers  []func() error
	catalog  *i18n.Catalog
	enforcer *authz.Enforcer
	services *service.Set
}

// New opens what the product needs and builds it; nothing runs yet. Its
// errors are one clear line; a *config.Error means the settings are at
// fault.
func New(ctx context.Context, cfg *config.Config, log *slog.Logger, opts Options) (*App, error) {
	a := &App{cfg: cfg, log: log, opts: opts}
	if err := a.build(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func (a *App) build(ctx context.Context) (err error) {
	cfg, opts, log := a.cfg, a.opts, a.log
	// A worker listens too, for its health, readiness and metrics.
	if opts.Web || opts.Workers {
		l, err := net.Listen("tcp", cfg.Addr)
		if err != nil {
			return &config.Error{Var: "MENTORAT_ADDR", Problem: fmt.Sprintf("cannot listen on %s: %v", cfg.Addr, unwrapSyscall(err))}
		}
		a.listener = l
	}
	if err := a.openDatabase(ctx); err != nil {
		return err
	}
	queueName := opts.Queue
	if queueName == "" {
		queueName = "mentorat"
	}
	a.Queue, err = jobs.OpenQueue(ctx, cfg.RedisURL, queueName, cfg.ConnectTimeout)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	a.Metrics = metrics.New(func(ctx context.Context) (n int64, err error) {
		err = a.DB.InPlatform(ctx, func(tx *store.Tx) error {
			n, err = tx.OutboxBacklog(ctx)
			return err
		})
		return n, err
	})
	if opts.Demo {
		account, err := (&service.Tenants{DB: a.DB}).ImportDemoIfEmpty(ctx, tenants.Demo)
		if err != nil {
			return fmt.Errorf("load the demo alliance: %w", err)
		}
		if account != nil {
			log.Warn("demo alliance loaded; sign in as its admin (shown once)",
				"slug", "alliance-mali-mentors", "email", account.Email, "password", account.Password)
		}
	}
	if err := a.buildServices(ctx); err != nil {
		return err
	}
	if opts.Workers {
		if err := a.buildWorkers(); err != nil {
			return err
		}
	}
	if opts.Web || opts.Workers {
		if err := a.buildWeb(); err != nil {
			return err
		}
	}
	return nil
}

// openDatabase migrates as the owner when asked (and creates the app's
// role), then connects as the app and refuses a role that could see
// through row-level security.
func (a *App) openDatabase(ctx context.Context) error {
	cfg := a.cfg
	ownerMigrates := cfg.MigrateDatabaseURL != cfg.DatabaseURL
	if a.opts.Migrate && (ownerMigrates || !cfg.IsPostgres()) {
		owner, err := store.Open(ctx, cfg.MigrateDatabaseURL, cfg.ConnectTimeout)
		if err != nil {
			return fmt.Errorf("database (MENTORAT_MIGRATE_DATABASE_URL): %w", err)
		}
		applied, err := owner.MigrateUp(ctx)
		if err == nil {
			err = owner.EnsureAppRole(ctx, cfg.DatabaseURL)
		}
		if ownerMigrates {
			_ = owner.Close()
		} else {
			a.DB = owner
		}
		if err != nil {
			return err
		}
		if len(applied) > 0 {
			a.log.Info("migrations applied", "migrations", applied)
		}
	}
	if a.DB == nil {
		db, err := store.Open(ctx, cfg.DatabaseURL, cfg.ConnectTimeout)
		if err != nil {
			return fmt.Errorf("database (MENTORAT_DATABASE_URL): %w", err)
		}
		a.DB = db
	}
	if err := a.DB.CheckAppRole(ctx); err != nil {
		return &config.Error{Var: "MENTORAT_DATABASE_URL", Problem: err.Error() +
			"; connect the app as a restricted role and give the schema owner's URL in MENTORAT_MIGRATE_DATABASE_URL (see infra/README.md)"}
	}
	pending, err := a.DB.PendingMigrations(ctx)
	if err != nil {
		return &config.Error{Var: "MENTORAT_MIGRATE_DATABASE_URL", Problem: "the database is not migrated (" + err.Error() +
			"); run `mentorat migrate up` with the schema owner's URL in MENTORAT_MIGRATE_DATABASE_URL"}
	}
	if pending > 0 {
		return &config.Error{Var: "MENTORAT_MIGRATE_DATABASE_URL", Problem: fmt.Sprintf(
			"%d migrations are pending; run `mentorat migrate up` with the schema owner's URL in MENTORAT_MIGRATE_DATABASE_URL", pending)}
	}
	return nil
}

func (a *App) buildWorkers() error {
	var sender mail.Sender = mail.LogSender{Log: a.log}
	if a.cfg.SMTPURL != "" {
		smtp, err := mail.NewSMTPSender(a.cfg.SMTPURL, a.cfg.MailFrom)
		if err != nil {
			return &config.Error{Var: "MENTORAT_SMTP_URL", Problem: err.Error()}
		}
		sender = smtp
	}
	a.worker = jobs.NewWorker(a.DB, a.Queue, a.log, a.Metrics, jobs.WorkerOptions{
		Concurrency: a.cfg.Workers, ShutdownTimeout: a.cfg.ShutdownTimeout,
	})
	a.worker.Handle(jobs.TypeSendMail, jobs.SendMail(a.DB, sender))
	a.worker.HandlePeriodic(jobs.TypePruneOutbox, jobs.PruneOutbox(a.DB, a.log))
	a.worker.HandlePeriodic(jobs.TypePruneStripeEvents, jobs.PruneStripeEvents(a.DB, a.log))
	a.worker.HandlePeriodic(jobs.TypeCharterReminders, a.services.Charters.RemindAll)
	a.worker.HandlePeriodic(jobs.TypeGuideReminders, a.services.Guide.RemindAll)
	a.worker.HandlePeriodic(jobs.TypeJourneyReminders, func(ctx context.Context) error {
		n, err := a.services.Journey.RemindAll(ctx)
		a.log.Info("journey reminders", "sessions_soon", n.SessionsSoon, "logs_due", n.LogsDue, "stale", n.Stale, "completed", n.Completed)
		return err
	})
	a.worker.HandlePeriodic(jobs.TypePeerReminders, func(ctx context.Context) error {
		n, err := a.services.Peers.RemindAll(ctx)
		if n > 0 {
			a.log.Info("peer session reminders sent", "mails", n)
		}
		return err
	})
	a.worker.Handle(jobs.TypeStripeEvent, a.services.Billing.ApplyEvent)
	a.worker.HandlePeriodic(jobs.TypeBillingGraces, a.services.Billing.EndGraces)
	a.relay = jobs.NewRelay(a.DB, a.Queue, a.log)
	a.DB.OnOutbox(a.relay.Wake)
	sched, err := jobs.NewScheduler(a.Queue, a.log)
	if err != nil {
		return err
	}
	a.sched = sched
	return nil
}

// buildServices loads the message catalogs and the role permissions and
// builds the use cases that the web server and the workers share.
func (a *App) buildServices(ctx context.Context) error {
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		return err
	}
	enforcer, err := authz.New(ctx, a.DB.Bun())
	if err != nil {
		return fmt.Errorf("load the role permissions: %w", err)
	}
	rdb := a.Queue.RedisClient()
	a.closers = append(a.closers, rdb.Close)
	a.catalog, a.enforcer = catalog, enforcer
	a.services = service.NewSet(a.DB, catalog, ratelimit.New(rdb), enforcer, a.cfg.BaseURL, a.payments())
	return nil
}

// payments is how alliances pay: through the configured Stripe account,
// or, without a key, not at all.
func (a *App) payments() service.Payments {
	pay := service.Payments{Grace: a.cfg.BillingGrace}
	if a.cfg.BillingEnabled() {
		pay.Stripe = billing.New(billing.Config{
			SecretKey: a.cfg.StripeSecretKey, WebhookSecret: a.cfg.StripeWebhookSecret, APIBase: a.cfg.StripeAPIBase,
			Prices: map[domain.PaidPlan]string{
				domain.PaidAllianceMonthly: a.cfg.StripePriceMonthly,
				domain.PaidAllianceYearly:  a.cfg.StripePriceYearly,
			},
		}, a.log)
	}
	return pay
}

func (a *App) buildWeb() error {
	srv, err := web.New(web.Deps{
		Log: a.log, Catalog: a.catalog, Metrics: a.Metrics, BodyLimit: a.cfg.BodyLimit,
		Checks: map[string]web.Check{
			"database": a.DB.Ping,
			"queue":    func(context.Context) error { return a.Queue.Ping() },
		},
		Services:       a.services,
		Enforcer:       a.enforcer,
		PlatformOnly:   !a.opts.Web,
		SecureCookies:  strings.HasPrefix(a.cfg.BaseURL, "https://"),
		TrustedProxies: a.cfg.TrustedProxies,
	})
	if err != nil {
		return err
	}
	a.server = &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	return nil
}

// Addr is the address the web server listens on, once New has returned.
func (a *App) Addr() string {
	if a.listener == nil {
		return ""
	}
	return a.listener.Addr().String()
}

// Run serves and works until ctx ends, then shuts down: the web server
// stops taking requests and lets in-flight ones finish, the workers hand
// back what they cannot finish in time, and the relay stops.
func (a *App) Run(ctx context.Context) error {
	relayCtx, stopRelay := context.WithCancel(context.WithoutCancel(ctx))
	relayDone := make(chan struct{})
	if a.worker != nil {
		if err := a.worker.Start(); err != nil {
			stopRelay()
			return fmt.Errorf("start the workers: %w", err)
		}
		if err := a.sched.Start(); err != nil {
			stopRelay()
			return fmt.Errorf("start the scheduler: %w", err)
		}
		go func() { defer close(relayDone); a.relay.Run(relayCtx) }()
	} else {
		close(relayDone)
	}
	serveErr := make(chan error, 1)
	if a.server != nil {
		go func() { serveErr <- a.server.Serve(a.listener) }()
		a.log.Info("Mentorat is listening", "url", "http://"+displayAddr(a.listener.Addr()))
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	}
	a.log.Info("shutting down")
	if a.server != nil {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownTimeout)
		if e := a.server.Shutdown(shutdownCtx); e != nil {
			a.log.Warn("web server shutdown", "err", e)
		}
		cancel()
	}
	if a.worker != nil {
		a.sched.Shutdown()
		a.worker.Shutdown()
	}
	stopRelay()
	<-relayDone
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Close releases the database and the queue.
func (a *App) Close() {
	if a.listener != nil && a.server == nil {
		_ = a.listener.Close()
	}
	for _, closeFn := range a.closers {
		_ = closeFn()
	}
	if a.Queue != nil {
		a.Queue.Close()
	}
	if a.DB != nil {
		_ = a.DB.Close()
	}
}
