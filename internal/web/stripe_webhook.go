package web

import (
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// stripeWebhook answers POST /api/v1/stripe/webhook, Stripe's calls. The
// signature is checked on the raw body; a bad one, or a body that is not
// an event, gets 400 and changes nothing. Any signed event gets 200 at
// once, so that Stripe stops sending it: the work is done by a job.
func (s *Server) stripeWebhook(c *gin.Context) {
	payload, err := io.ReadAll(c.Request.Body)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		s.fail(c, domain.E(domain.CodeTooLarge, "", map[string]any{"max": tooLarge.Limit}))
		return
	}
	if err != nil {
		s.fail(c, domain.E(domain.CodeMalformed, "error.malformed.unreadable", nil))
		return
	}
	r, err := s.billing.Receive(c.Request.Context(), payload, c.GetHeader("Stripe-Signature"))
	if err != nil {
		s.fail(c, err)
		return
	}
	attrs := []any{"request_id", requestID(c), "event", r.EventID, "type", r.Type, "outcome", r.Outcome, "api_version", r.APIVersion}
	if r.Alliance != (domain.ID{}) {
		attrs = append(attrs, "alliance_id", r.Alliance)
	}
	if !r.APIVersionMatches {
		// Its objects may be read wrongly: the endpoint's API version in
		// Stripe's dashboard must be the product's.
		s.log.Error("alert: stripe event in another API version", append(attrs, "alert", true)...)
	}
	level := slog.LevelInfo
	if r.Outcome == service.WebhookUnknownCustomer {
		level = slog.LevelWarn
	}
	s.log.Log(c.Request.Context(), level, "stripe event", attrs...)
	c.JSON(http.StatusOK, gin.H{"received": true})
}
