package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// A client that leaves before its answer is no server error: the request
// ends with 499 and nothing is logged as an error.
func TestAClientThatLeavesIsNoServerError(t *testing.T) {
	log, buf := testkit.CaptureLog()
	s := startServerPaying(t, 1<<20, "", service.Payments{}, log)
	a := newCast(t, s.Server, "client-parti")
	for _, path := range []string{"/api/v1/alliances/" + a.slug, "/a/" + a.slug} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequest(http.MethodGet, path, nil).WithContext(ctx)
		req.Header.Set("Accept", "text/html")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != statusClientGone {
			t.Errorf("%s: status %d, want %d", path, w.Code, statusClientGone)
		}
	}
	for _, msg := range []string{"request failed", "page failed"} {
		if recs := buf.Records(msg); len(recs) != 0 {
			t.Errorf("%q logged for a client that left: %v", msg, recs)
		}
	}
}
