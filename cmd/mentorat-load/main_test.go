package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func runLoad(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestALoadRunReportsEachPathAndAll(t *testing.T) {
	var unauthorized atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer secret" {
			unauthorized.Add(1)
		}
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(`{"items":[]}`))
	}))
	defer srv.Close()
	code, out, stderr := runLoad(t, "--url", srv.URL, "--token", "secret", "--clients", "4", "--duration", "300ms",
		"--slug", "gen-1-1", "--path", "/api/v1/alliances/{slug}/members", "--path", "/missing")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("want a heading, a blank line, the columns, two paths and all; got\n%s", out)
	}
	if !strings.HasPrefix(lines[3], "/api/v1/alliances/gen-1-1/members ") || !strings.HasSuffix(lines[3], "  -") {
		t.Errorf("first path: %q", lines[3])
	}
	if !strings.HasPrefix(lines[4], "/missing ") || !strings.Contains(lines[4], " 404×") {
		t.Errorf("second path: %q", lines[4])
	}
	if !strings.HasPrefix(lines[5], "all ") || !strings.Contains(lines[5], " 404×") {
		t.Errorf("overall: %q", lines[5])
	}
	if unauthorized.Load() > 0 {
		t.Errorf("%d requests without the bearer token", unauthorized.Load())
	}
}

func TestABadCommandLineStopsWithOneLine(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--url", "http://192.0.2.10:8080", "--path", "/"}, "--url:"},
		{[]string{"--path", "/", "--clients", "0"}, "--clients:"},
		{[]string{"--path", "/", "--duration", "0s"}, "--duration:"},
		{[]string{"--path", "/", "--rate", "-1"}, "--rate:"},
		{[]string{"--path", "/", "--rate", "100001"}, "--rate:"},
		{[]string{"--path", "/", "--rate", "NaN"}, "--rate:"},
		{[]string{"--path", "/", "--rate", "fast"}, "-rate"},
		{[]string{}, "--path:"},
		{[]string{"--path", "http://192.0.2.10/"}, "a path starts with /"},
		{[]string{"--path", "/api/v1/alliances/{slug}"}, "--slug:"},
		{[]string{"--fast"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		code, _, stderr := runLoad(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestTheRateChoosesTheLoop(t *testing.T) {
	tests := []struct {
		args []string
		want float64
	}{
		{[]string{"--path", "/"}, 0},
		{[]string{"--path", "/", "--rate", "0"}, 0},
		{[]string{"--path", "/", "--rate", "250.5"}, 250.5},
		{[]string{"--path", "/", "--rate", "100000"}, maxRate},
	}
	for _, tc := range tests {
		l, err := parse(tc.args, io.Discard)
		if err != nil || l.rate != tc.want {
			t.Errorf("%v: rate %g, error %v; want %g", tc.args, l.rate, err, tc.want)
		}
	}
}

func TestHelpDocumentsTheRate(t *testing.T) {
	code, out, _ := runLoad(t, "--help")
	if code != exitOK || !strings.Contains(out, "[--rate R]") || !strings.Contains(out, "-rate float") {
		t.Fatalf("exit %d, help:\n%s", code, out)
	}
}

func TestNoAnswerAtAllIsAFailure(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	code, out, stderr := runLoad(t, "--url", url, "--clients", "2", "--duration", "100ms", "--path", "/")
	if code != exitFailure || !strings.Contains(stderr, "no request was answered") || !strings.Contains(out, "refused×") {
		t.Fatalf("exit %d, out %q, err %q", code, out, stderr)
	}
}
