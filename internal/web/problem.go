package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// statusOf is the one table from domain error codes to HTTP status.
var statusOf = map[domain.Code]int{
	domain.CodeInvalid:          http.StatusUnprocessableEntity,
	domain.CodeMalformed:        http.StatusBadRequest,
	domain.CodeTooLarge:         http.StatusRequestEntityTooLarge,
	domain.CodeNotFound:         http.StatusNotFound,
	domain.CodeConflict:         http.StatusConflict,
	domain.CodeLimitReached:     http.StatusConflict,
	domain.CodeUnauthenticated:  http.StatusUnauthorized,
	domain.CodeForbidden:        http.StatusForbidden,
	domain.CodeRateLimited:      http.StatusTooManyRequests,
	domain.CodeMethodNotAllowed: http.StatusMethodNotAllowed,
	domain.CodeUnavailable:      http.StatusServiceUnavailable,
	domain.CodeInternal:         http.StatusInternalServerError,
}

// problem is an RFC 9457 problem detail.
type problem struct {
	Type    string         `json:"type"`
	Title   string         `json:"title"`
	Status  int            `json:"status"`
	Detail  string         `json:"detail"`
	Errors  []fieldProblem `json:"errors,omitempty"`
	Allowed []string       `json:"allowed,omitempty"`
	// Link is the page where the person can lift the error.
	Link string `json:"link,omitempty"`
}

type fieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// fail answers err as problem+json in the caller's language and stops the
// request. Internal causes are logged with the request id, never sent.
func (s *Server) fail(c *gin.Context, err error) {
	if clientGone(c) {
		return
	}
	de := domain.AsError(err)
	status := statusOf[de.Code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if de.Cause != nil {
		level := slog.LevelWarn
		if status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(c.Request.Context(), level, "request failed", "request_id", requestID(c), "code", de.Code, "err", de.Cause)
	}
	_ = c.Error(errors.New(string(de.Code)))
	loc := localeOf(c)
	detailKey := de.Key
	if detailKey == "" || !s.catalog.Has(detailKey) {
		detailKey = "error." + string(de.Code) + ".detail"
	}
	p := problem{
		Type:    "https://mentorat.org/problems/" + string(de.Code),
		Title:   s.catalog.T(loc, "error."+string(de.Code)+".title", nil),
		Status:  status,
		Detail:  s.catalog.T(loc, detailKey, de.Args),
		Allowed: de.Allowed,
		Link:    de.Link,
	}
	for _, f := range de.Fields {
		p.Errors = append(p.Errors, fieldProblem{Field: f.Field, Message: s.catalog.T(loc, f.Key, f.Args)})
	}
	if secs, ok := de.Args["seconds"]; ok && de.Code == domain.CodeRateLimited {
		c.Header("Retry-After", fmt.Sprint(secs))
	}
	c.Header("Content-Type", "application/problem+json; charset=utf-8")
	c.Header("Content-Language", string(loc))
	c.AbortWithStatusJSON(status, p)
}
