// Package web serves Mentorat over HTTP with gin: the JSON API under
// /api/v1, the server-rendered pages, and the platform endpoints (health,
// readiness, metrics). Handlers call the services only; errors leave as
// problem+json through one mapping table.
package web

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/metrics"
	"github.com/mentorat/mentorat/internal/service"
)

// Deps are what the web server needs from the rest of the product.
type Deps struct {
	Log       *slog.Logger
	Catalog   *i18n.Catalog
	Metrics   *metrics.Metrics
	BodyLimit int64
	// Checks are the readiness checks by name ("database", "queue").
	Checks   map[string]Check
	Services *service.Set
	Enforcer *authz.Enforcer
	// SecureCookies marks cookies Secure: the product is served over TLS.
	SecureCookies bool
	// PlatformOnly serves health, readiness and metrics alone: the
	// process of a worker.
	PlatformOnly bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client; no other caller can choose the address it is counted as.
	TrustedProxies []string
}

// Server is the HTTP face of the product.
type Server struct {
	log           *slog.Logger
	catalog       *i18n.Catalog
	metrics       *metrics.Metrics
	bodyLimit     int64
	checks        map[string]Check
	alliances     *service.Alliances
	accounts      *service.Accounts
	members       *service.Members
	invitations   *service.Invitations
	records       *service.Records
	policies      *service.Policies
	charters      *service.Charters
	library       *service.Library
	guide         *service.Guide
	peers         *service.PeerSessions
	billing       *service.Billing
	cohorts       *service.Cohorts
	applications  *service.Applications
	messages      *service.Messages
	matching      *service.Matching
	mentorships   *service.Mentorships
	journey       *service.Journey
	reports       *service.Reports
	enforcer      *authz.Enforcer
	secureCookies bool
	pages         *pages
	router        *gin.Engine
	access        map[string]access
}

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	p, err := loadPages(d.Catalog)
	if err != nil {
		return nil, err
	}
	s := &Server{
		log: d.Log, catalog: d.Catalog, metrics: d.Metrics, bodyLimit: d.BodyLimit,
		checks: d.Checks, alliances: d.Services.Alliances, accounts: d.Services.Accounts, members: d.Services.Members,
		invitations: d.Services.Invitations, records: d.Services.Records, policies: d.Services.Policies,
		charters: d.Services.Charters, library: d.Services.Library, guide: d.Services.Guide, peers: d.Services.Peers,
		billing: d.Services.Billing, cohorts: d.Services.Cohorts, applications: d.Services.Applications,
		messages: d.Services.Messages, matching: d.Services.Matching, mentorships: d.Services.Mentorships,
		journey: d.Services.Journey, reports: d.Services.Reports,
		enforcer: d.Enforcer, secureCookies: d.SecureCookies,
		pages: p, access: map[string]access{},
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(d.TrustedProxies); err != nil {
		return nil, err
	}
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	r.RedirectTrailingSlash = false
	r.RedirectFixedPath = false
	r.Use(withRequestID, s.logRequests, s.recoverPanics, securityHeaders, negotiateLocale, s.limitBodies,
		s.refuseCrossSite, s.authenticate)
	r.NoRoute(s.notFound)
	r.NoMethod(func(c *gin.Context) { s.fail(c, domain.E(domain.CodeMethodNotAllowed, "", nil)) })
	s.router = r
	if d.PlatformOnly {
		s.platformRoutes()
	} else {
		s.routes()
	}
	return s, nil
}

// Handler gives the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.router }

// Routes lists every route of the router as method and path, for the tests
// that hold the router against the OpenAPI document and the permissions.
func (s *Server) Routes() gin.RoutesInfo { return s.router.Routes() }
