package web

import (
	"net/http"
	"strings"
	"testing"
)

func FuzzDecodeJSON(f *testing.F) {
	s := newTestServer(f)
	for _, seed := range []string{`{"name":"Awa","count":3}`, `{`, `[]`, `{"count":1e400}`, "\xff", `{"name":"a"}{}`, ``} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		w := do(s, "POST", "/test/echo", body, nil)
		switch w.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", w.Code, body)
		}
		if w.Code != http.StatusOK && !strings.HasPrefix(w.Header().Get("Content-Type"), "application/problem+json") {
			t.Fatalf("error without problem+json for %q", body)
		}
	})
}
