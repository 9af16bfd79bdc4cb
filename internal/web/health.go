package web

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Check tells whether one dependency (the database, the queue) answers.
type Check func(ctx context.Context) error

// healthz answers as long as the process serves requests.
func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz checks every dependency, in parallel and within two seconds, and
// answers 503 naming the ones that fail.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	type result struct {
		name string
		err  error
	}
	results := make(chan result, len(s.checks))
	for name, check := range s.checks {
		go func() { results <- result{name, check(ctx)} }()
	}
	checks := map[string]string{}
	var failing []string
	for range s.checks {
		r := <-results
		if r.err != nil {
			checks[r.name] = "unavailable"
			failing = append(failing, r.name)
			s.log.Warn("readiness check failed", "check", r.name, "err", r.err)
		} else {
			checks[r.name] = "ok"
		}
	}
	sort.Strings(failing)
	if len(failing) > 0 {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "checks": checks, "failing": failing})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "checks": checks})
}

// metricsHandler serves the Prometheus metrics of the process.
func (s *Server) metricsHandler() gin.HandlerFunc {
	h := promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{})
	return gin.WrapH(h)
}
