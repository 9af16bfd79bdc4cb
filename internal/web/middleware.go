package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

const (
	keyRequestID = "mentorat.request_id"
	keyAlliance  = "mentorat.alliance"
)

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// withRequestID keeps the caller's X-Request-Id when it is sane, otherwise
// makes one, and echoes it in the answer.
func withRequestID(c *gin.Context) {
	id := c.GetHeader("X-Request-Id")
	if !requestIDPattern.MatchString(id) {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	}
	c.Set(keyRequestID, id)
	c.Header("X-Request-Id", id)
	c.Next()
}

func requestID(c *gin.Context) string { return c.GetString(keyRequestID) }

// logRequests writes one line per request and counts it in the metrics.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	elapsed := time.Since(start)
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	s.metrics.Requests.WithLabelValues(c.Request.Method, route, strconv.Itoa(status)).Inc()
	s.metrics.Latency.WithLabelValues(c.Request.Method, route).Observe(elapsed.Seconds())
	attrs := []any{
		"request_id", requestID(c), "method", c.Request.Method, "route", route,
		"path", redactSecrets(c), "status", status, "duration_ms", float64(elapsed.Microseconds()) / 1000,
		"bytes", c.Writer.Size(), "ip", c.ClientIP(),
	}
	if slug := c.GetString(keyAlliance); slug != "" {
		attrs = append(attrs, "alliance", slug)
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(c.Request.Context(), level, "request", attrs...)
}

// recoverPanics turns a panic into a 500 problem; the stack goes to the
// log, never to the client.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			s.log.Error("panic", "request_id", requestID(c), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			if !c.Writer.Written() {
				s.fail(c, domain.Internal(fmt.Errorf("panic: %v", r)))
			}
			c.Abort()
		}
	}()
	c.Next()
}

// contentSecurityPolicy allows the product's own scripts, styles and images
// only: no inline script, no framing, forms posted to the product alone.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	c.Next()
}

// limitBodies refuses bodies over the limit: at once when the length is
// declared, and while reading otherwise.
func (s *Server) limitBodies(c *gin.Context) {
	if c.Request.ContentLength > s.bodyLimit {
		s.fail(c, domain.E(domain.CodeTooLarge, "", map[string]any{"max": s.bodyLimit}))
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.bodyLimit)
	c.Next()
}

// crossOrigin refuses state-changing browser requests that come from
// another site (by Sec-Fetch-Site, or Origin against Host).
var crossOrigin = http.NewCrossOriginProtection()

// refuseCrossSite applies it to requests that a browser's cookie would
// authenticate; bearer requests carry their own credential and pass.
func (s *Server) refuseCrossSite(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		if err := crossOrigin.Check(c.Request); err != nil {
			s.failFor(c, domain.E(domain.CodeForbidden, "error.forbidden.cross_site", nil))
			return
		}
	}
	c.Next()
}

// redactSecrets gives the request's path with any token in it (reset and
// invitation links) hidden, so that the log never holds a working link.
func redactSecrets(c *gin.Context) string {
	path := c.Request.URL.Path
	if token := c.Param("token"); token != "" {
		path = strings.Replace(path, token, "[token]", 1)
	}
	return path
}
