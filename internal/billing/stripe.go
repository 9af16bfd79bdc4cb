// Package billing speaks to Stripe for the product: it creates customers,
// checkout and customer portal sessions through stripe-go, and checks and
// reads the events Stripe sends to the webhook. What it reads comes out in
// the domain's words; no other package sees stripe-go.
package billing

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"

	"github.com/mentorat/mentorat/internal/domain"
)

// Config is what the product needs to bill through Stripe.
type Config struct {
	SecretKey     string
	WebhookSecret string
	// APIBase is another address for Stripe's API, such as a stripe-mock
	// on loopback; empty means Stripe's own.
	APIBase string
	// Prices are the Stripe price ids of the paid plans.
	Prices map[domain.PaidPlan]string
}

// Stripe is the product's client of one Stripe account. Each has its own
// stripe-go client, so that two of them (two tests) never share settings.
type Stripe struct {
	api           *client.API
	webhookSecret string
	prices        map[domain.PaidPlan]string
}

// requestTimeout bounds one call to Stripe, retries included.
const requestTimeout = 30 * time.Second

// New builds the client of the account that cfg names. Stripe's own log
// lines go to log.
func New(cfg Config, log *slog.Logger) *Stripe {
	backend := &stripe.BackendConfig{
		HTTPClient:    &http.Client{Timeout: requestTimeout},
		LeveledLogger: stripeLogger{log},
	}
	if cfg.APIBase != "" {
		backend.URL = stripe.String(cfg.APIBase)
	}
	uploads := &stripe.BackendConfig{HTTPClient: backend.HTTPClient, LeveledLogger: backend.LeveledLogger}
	return &Stripe{
		api: client.New(cfg.SecretKey, &stripe.Backends{
			API:     stripe.GetBackendWithConfig(stripe.APIBackend, backend),
			Uploads: stripe.GetBackendWithConfig(stripe.UploadsBackend, uploads),
		}),
		webhookSecret: cfg.WebhookSecret,
		prices:        cfg.Prices,
	}
}

// planOfPrice gives the paid plan of a Stripe price, or "" for a price the
// configuration does not name.
func (s *Stripe) planOfPrice(price string) domain.PaidPlan {
	for plan, id := range s.prices {
		if id == price {
			return plan
		}
	}
	return ""
}

// stripeLogger writes stripe-go's messages to the product's log.
type stripeLogger struct{ log *slog.Logger }

func (l stripeLogger) Debugf(format string, v ...any) {
	l.log.Debug(fmt.Sprintf(format, v...), "component", "stripe")
}
func (l stripeLogger) Infof(format string, v ...any) {
	l.log.Info(fmt.Sprintf(format, v...), "component", "stripe")
}
func (l stripeLogger) Warnf(format string, v ...any) {
	l.log.Warn(fmt.Sprintf(format, v...), "component", "stripe")
}
func (l stripeLogger) Errorf(format string, v ...any) {
	l.log.Error(fmt.Sprintf(format, v...), "component", "stripe")
}
