package config_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	c, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DatabaseURL != "./mentorat.db" || c.MigrateDatabaseURL != c.DatabaseURL ||
		c.RedisURL != "" || c.BodyLimit != 1<<20 || c.ConnectTimeout != 10*time.Second || c.IsPostgres() {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestEveryVariableRefusesABadValue(t *testing.T) {
	tests := []struct {
		name, value string
	}{
		{"MENTORAT_ADDR", "8080"},
		{"MENTORAT_ADDR", "example.org:80"},
		{"MENTORAT_ADDR", ":99999"},
		{"MENTORAT_DATABASE_URL", "mysql://root@localhost/db"},
		{"MENTORAT_DATABASE_URL", "postgres://localhost/db"},
		{"MENTORAT_DATABASE_URL", "postgres://user@localhost"},
		{"MENTORAT_MIGRATE_DATABASE_URL", "postgres://owner@localhost/db"}, // SQLite app, PostgreSQL owner
		{"MENTORAT_REDIS_URL", "localhost:6379"},
		{"MENTORAT_REDIS_URL", "redis://localhost:6379/zero"},
		{"MENTORAT_BASE_URL", "mentorat.example.org"},
		{"MENTORAT_SMTP_URL", "mail.example.org:25"},
		{"MENTORAT_MAIL_FROM", "nobody"},
		{"MENTORAT_STRIPE_SECRET_KEY", "sk_test_123"}, // without its webhook secret
		{"MENTORAT_STRIPE_API_BASE", "localhost:12111"},
		{"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY", "the monthly price"},
		{"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY", "price/yearly"},
		{"MENTORAT_BILLING_GRACE_DAYS", "a week"},
		{"MENTORAT_BILLING_GRACE_DAYS", "-1"},
		{"MENTORAT_BILLING_GRACE_DAYS", "91"},
		{"MENTORAT_BODY_LIMIT", "1kb"},
		{"MENTORAT_BODY_LIMIT", "10"},
		{"MENTORAT_CONNECT_TIMEOUT", "ten"},
		{"MENTORAT_CONNECT_TIMEOUT", "-1s"},
		{"MENTORAT_SHUTDOWN_TIMEOUT", "3h"},
		{"MENTORAT_LOG_LEVEL", "loud"},
		{"MENTORAT_LOG_FORMAT", "xml"},
		{"MENTORAT_WORKERS", "0"},
		{"MENTORAT_TRUSTED_PROXIES", "10.0.0.0/8, proxy.local"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.name] = true
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			_, err := config.Load(env(map[string]string{tc.name: tc.value}))
			var cfgErr *config.Error
			if !errors.As(err, &cfgErr) {
				t.Fatalf("want a *config.Error, got %v", err)
			}
			want := tc.name
			if tc.name == "MENTORAT_STRIPE_SECRET_KEY" {
				want = "MENTORAT_STRIPE_WEBHOOK_SECRET"
			}
			if cfgErr.Var != want || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q should name %s on one line", err, want)
			}
		})
	}
	for _, v := range config.Vars {
		if !seen[v.Name] && v.Name != "MENTORAT_STRIPE_WEBHOOK_SECRET" {
			t.Errorf("no bad-value case for %s", v.Name)
		}
	}
}

// TestStripeKeyNeedsItsCompanions: with a Stripe key, billing is on and
// needs the webhook's secret and both prices; the error names the first
// one missing. Without a key, billing is off whatever else is set.
func TestStripeKeyNeedsItsCompanions(t *testing.T) {
	complete := map[string]string{
		"MENTORAT_STRIPE_SECRET_KEY":             "sk_test_123",
		"MENTORAT_STRIPE_WEBHOOK_SECRET":         "whsec_123",
		"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY": "price_monthly",
		"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY":  "price_yearly",
	}
	tests := []struct {
		name    string
		change  map[string]string
		wantVar string
	}{
		{"complete", nil, ""},
		{"no webhook secret", map[string]string{"MENTORAT_STRIPE_WEBHOOK_SECRET": ""}, "MENTORAT_STRIPE_WEBHOOK_SECRET"},
		{"no monthly price", map[string]string{"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY": ""}, "MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY"},
		{"no yearly price", map[string]string{"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY": ""}, "MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY"},
		{"one price for both", map[string]string{"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY": "price_monthly"}, "MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY"},
		{"no key: billing off", map[string]string{"MENTORAT_STRIPE_SECRET_KEY": "", "MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY": ""}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{}
			for k, v := range complete {
				vars[k] = v
			}
			for k, v := range tc.change {
				vars[k] = v
			}
			c, err := config.Load(env(vars))
			if tc.wantVar == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if c.BillingEnabled() != (vars["MENTORAT_STRIPE_SECRET_KEY"] != "") || c.BillingGrace != 7*24*time.Hour {
					t.Fatalf("billing enabled %v, grace %s", c.BillingEnabled(), c.BillingGrace)
				}
				return
			}
			var cfgErr *config.Error
			if !errors.As(err, &cfgErr) || cfgErr.Var != tc.wantVar || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v; want one line naming %s", err, tc.wantVar)
			}
		})
	}
}

func TestPasswordsNeverAppearInErrors(t *testing.T) {
	_, err := config.Load(env(map[string]string{"MENTORAT_DATABASE_URL": "postgres://app:s3cret@localhost"}))
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("error %v must not carry the password", err)
	}
	_, err = config.Load(env(map[string]string{"MENTORAT_REDIS_URL": "redis://:hunter2@localhost:6379/x"}))
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error %v must not carry the password", err)
	}
}

func TestUsageListsEveryVariable(t *testing.T) {
	u := config.Usage()
	for _, v := range config.Vars {
		if !strings.Contains(u, v.Name) {
			t.Errorf("usage lacks %s", v.Name)
		}
	}
}
