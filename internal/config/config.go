// Package config reads Mentorat's settings from MENTORAT_* environment
// variables into one typed struct, with defaults and validation whose errors
// name the variable at fault.
package config

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting of the product.
type Config struct {
	Addr                string        // listen address of the web and API server
	DatabaseURL         string        // postgres://… or a SQLite file path
	MigrateDatabaseURL  string        // the schema owner's URL for migrations (default: DatabaseURL)
	RedisURL            string        // redis://…; empty means the embedded in-process Redis
	BaseURL             string        // the public address used in links that mails carry
	SMTPURL             string        // smtp://user:pass@host:port or smtps://…; empty: mails go to the log
	MailFrom            string        // the From address of mails
	StripeSecretKey     string        // empty: billing is off
	StripeWebhookSecret string        // the signing secret of Stripe's webhook endpoint
	StripeAPIBase       string        // another Stripe API address (stripe-mock in tests)
	StripePriceMonthly  string        // the Stripe price of the alliance plan paid monthly
	StripePriceYearly   string        // the Stripe price of the alliance plan paid yearly
	BillingGrace        time.Duration // how long an alliance keeps its plan after a failed payment
	BodyLimit           int64         // the largest request body accepted, in bytes
	ConnectTimeout      time.Duration // how long to retry the database and Redis at start
	ShutdownTimeout     time.Duration // how long in-flight requests and jobs get to finish
	LogLevel            string        // debug, info, warn or error
	LogFormat           string        // text or json
	Workers             int           // how many jobs run at once in one process
	TrustedProxies      []string      // proxies whose X-Forwarded-For names the client
}

// Var describes one environment variable: its name, default and meaning.
type Var struct {
	Name    string
	Default string
	Help    string
	set     func(c *Config, v string) error
}

// Vars lists every variable the product reads, in the order of --help.
var Vars = []Var{
	{"MENTORAT_ADDR", ":8080", "listen address of the web pages and the API", setAddr},
	{"MENTORAT_DATABASE_URL", "./mentorat.db", "postgres://user:pass@host/db, or a SQLite file path", setDatabaseURL(func(c *Config) *string { return &c.DatabaseURL })},
	{"MENTORAT_MIGRATE_DATABASE_URL", "", "the schema owner's URL, used for migrations (default: MENTORAT_DATABASE_URL)", setOptionalDatabaseURL},
	{"MENTORAT_REDIS_URL", "", "redis://host:port/db for the job queue (unset: an embedded in-process Redis)", setRedisURL},
	{"MENTORAT_BASE_URL", "http://localhost:8080", "the public address, used in links that mails carry", setBaseURL},
	{"MENTORAT_SMTP_URL", "", "smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (unset: mails go to the log and the admin's mail page)", setSMTPURL},
	{"MENTORAT_MAIL_FROM", "Mentorat <no-reply@mentorat.local>", "the From address of the mails sent", setMailFrom},
	{"MENTORAT_STRIPE_SECRET_KEY", "", "Stripe secret key (unset: billing is off)", func(c *Config, v string) error { c.StripeSecretKey = v; return nil }},
	{"MENTORAT_STRIPE_WEBHOOK_SECRET", "", "the signing secret of the Stripe webhook endpoint", func(c *Config, v string) error { c.StripeWebhookSecret = v; return nil }},
	{"MENTORAT_STRIPE_API_BASE", "", "another Stripe API address, such as a stripe-mock on loopback", setStripeAPIBase},
	{"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY", "", "the Stripe price id of the alliance plan paid monthly (required with a Stripe key)", stripePriceVar(func(c *Config) *string { return &c.StripePriceMonthly })},
	{"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY", "", "the Stripe price id of the alliance plan paid yearly (required with a Stripe key)", stripePriceVar(func(c *Config) *string { return &c.StripePriceYearly })},
	{"MENTORAT_BILLING_GRACE_DAYS", "7", "days an alliance keeps its paid plan after a failed payment, before it falls back to community (0-90)", setBillingGrace},
	{"MENTORAT_BODY_LIMIT", "1048576", "the largest request body accepted, in bytes", setBodyLimit},
	{"MENTORAT_CONNECT_TIMEOUT", "10s", "how long to keep trying the database and Redis at start", durationVar(func(c *Config) *time.Duration { return &c.ConnectTimeout })},
	{"MENTORAT_SHUTDOWN_TIMEOUT", "20s", "how long in-flight requests and jobs get to finish on SIGTERM", durationVar(func(c *Config) *time.Duration { return &c.ShutdownTimeout })},
	{"MENTORAT_LOG_LEVEL", "info", "debug, info, warn or error", setLogLevel},
	{"MENTORAT_LOG_FORMAT", "text", "text or json", setLogFormat},
	{"MENTORAT_WORKERS", "4", "how many background jobs one process runs at once (1-256)", setWorkers},
	{"MENTORAT_TRUSTED_PROXIES", "", "comma-separated addresses or CIDRs of the reverse proxies whose X-Forwarded-For to believe (unset: none)", setTrustedProxies},
}

// Load builds the configuration from the environment as getenv reports it,
// applying defaults. Its error is an *Error naming the variable at fault.
func Load(getenv func(string) string) (*Config, error) {
	c := &Config{}
	for _, v := range Vars {
		val := strings.TrimSpace(getenv(v.Name))
		if val == "" {
			val = v.Default
		}
		if err := v.set(c, val); err != nil {
			return nil, &Error{Var: v.Name, Problem: err.Error()}
		}
	}
	if c.MigrateDatabaseURL == "" {
		c.MigrateDatabaseURL = c.DatabaseURL
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Validate checks the settings against each other.
func (c *Config) Validate() error {
	if c.IsPostgres() != IsPostgresURL(c.MigrateDatabaseURL) {
		return &Error{Var: "MENTORAT_MIGRATE_DATABASE_URL", Problem: "must name the same kind of database as MENTORAT_DATABASE_URL"}
	}
	if c.StripeSecretKey == "" {
		return nil
	}
	for _, required := range []struct{ name, value string }{
		{"MENTORAT_STRIPE_WEBHOOK_SECRET", c.StripeWebhookSecret},
		{"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY", c.StripePriceMonthly},
		{"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY", c.StripePriceYearly},
	} {
		if required.value == "" {
			return &Error{Var: required.name, Problem: "required when MENTORAT_STRIPE_SECRET_KEY is set"}
		}
	}
	if c.StripePriceMonthly == c.StripePriceYearly {
		return &Error{Var: "MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY", Problem: "must differ from MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY"}
	}
	return nil
}

// BillingEnabled tells whether alliances pay through Stripe; without a
// key every alliance is on the community plan.
func (c *Config) BillingEnabled() bool { return c.StripeSecretKey != "" }

// IsPostgres tells whether the product runs on PostgreSQL rather than on
// the embedded SQLite file.
func (c *Config) IsPostgres() bool { return IsPostgresURL(c.DatabaseURL) }

// IsPostgresURL tells whether a database URL names PostgreSQL.
func IsPostgresURL(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

// Usage describes every variable with its default, for --help.
func Usage() string {
	var b strings.Builder
	b.WriteString("Environment variables:\n")
	for _, v := range Vars {
		def := v.Default
		if def == "" {
			def = "unset"
		}
		fmt.Fprintf(&b, "  %-38s %s\n  %-38s (default: %s)\n", v.Name, v.Help, "", def)
	}
	return b.String()
}

func setAddr(c *Config, v string) error {
	host, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("%q is not a listen address such as :8080 or 127.0.0.1:8080", v)
	}
	if host != "" && net.ParseIP(host) == nil && host != "localhost" {
		return fmt.Errorf("%q: the host must be an IP address or localhost", v)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q: the port must be a number from 0 to 65535", v)
	}
	c.Addr = v
	return nil
}

func setDatabaseURL(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		if err := checkDatabaseURL(v); err != nil {
			return err
		}
		*field(c) = v
		return nil
	}
}

func setOptionalDatabaseURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	return setDatabaseURL(func(c *Config) *string { return &c.MigrateDatabaseURL })(c, v)
}

func checkDatabaseURL(v string) error {
	if IsPostgresURL(v) {
		u, err := url.Parse(v)
		if err != nil || u.Host == "" {
			return fmt.Errorf("%q is not a valid postgres:// URL", redact(v))
		}
		if u.User == nil || u.User.Username() == "" {
			return fmt.Errorf("%q names no user", redact(v))
		}
		if strings.Trim(u.Path, "/") == "" {
			return fmt.Errorf("%q names no database", redact(v))
		}
		return nil
	}
	if strings.Contains(v, "://") {
		return fmt.Errorf("%q is neither a postgres:// URL nor a file path", redact(v))
	}
	return nil
}

func setRedisURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "" {
		return fmt.Errorf("%q is not a redis:// URL", redact(v))
	}
	if db := strings.Trim(u.Path, "/"); db != "" {
		if _, err := strconv.Atoi(db); err != nil {
			return fmt.Errorf("%q: the database must be a number", redact(v))
		}
	}
	c.RedisURL = v
	return nil
}

func setBaseURL(c *Config, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http:// or https:// address", v)
	}
	c.BaseURL = strings.TrimRight(v, "/")
	return nil
}

func setSMTPURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return fmt.Errorf("%q is not an smtp:// or smtps:// URL", redact(v))
	}
	c.SMTPURL = v
	return nil
}

func setMailFrom(c *Config, v string) error {
	if !strings.Contains(v, "@") {
		return fmt.Errorf("%q is not an e-mail address", v)
	}
	c.MailFrom = v
	return nil
}

func setStripeAPIBase(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http:// or https:// address", v)
	}
	c.StripeAPIBase = strings.TrimRight(v, "/")
	return nil
}

// stripeIDPattern is the shape of Stripe's ids, such as price_1Pg….
var stripeIDPattern = regexp.MustCompile(`^[A-Za-z0-9_]{3,255}$`)

func stripePriceVar(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		if v != "" && !stripeIDPattern.MatchString(v) {
			return fmt.Errorf("%q is not a Stripe price id such as price_1PgafmB7WZ01zgkW", v)
		}
		*field(c) = v
		return nil
	}
}

func setBillingGrace(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 90 {
		return fmt.Errorf("%q: must be a number of days from 0 to 90", v)
	}
	c.BillingGrace = time.Duration(n) * 24 * time.Hour
	return nil
}

func setBodyLimit(c *Config, v string) error {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1024 || n > 64<<20 {
		return fmt.Errorf("%q: must be a number of bytes from 1024 to 67108864", v)
	}
	c.BodyLimit = n
	return nil
}

func durationVar(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || d > time.Hour {
			return fmt.Errorf("%q: must be a duration such as 10s, greater than zero and at most 1h", v)
		}
		*field(c) = d
		return nil
	}
}

func setLogLevel(c *Config, v string) error {
	switch v {
	case "debug", "info", "warn", "error":
		c.LogLevel = v
		return nil
	}
	return fmt.Errorf("%q: must be debug, info, warn or error", v)
}

func setLogFormat(c *Config, v string) error {
	switch v {
	case "text", "json":
		c.LogFormat = v
		return nil
	}
	return fmt.Errorf("%q: must be text or json", v)
}

func setWorkers(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 256 {
		return fmt.Errorf("%q: must be a number from 1 to 256", v)
	}
	c.Workers = n
	return nil
}

func setTrustedProxies(c *Config, v string) error {
	c.TrustedProxies = nil
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				return fmt.Errorf("%q is not an IP address or CIDR", p)
			}
		}
		c.TrustedProxies = append(c.TrustedProxies, p)
	}
	return nil
}

// redact hides the password of a URL so that an error never prints it.
func redact(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.User == nil {
		if i := strings.LastIndex(v, "@"); i > 0 {
			return "…" + v[i:]
		}
		return v
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
