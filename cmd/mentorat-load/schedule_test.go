package main

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRequestNIsDueAtNOverTheRate(t *testing.T) {
	start := time.Now()
	tests := []struct {
		rate float64
		n    int
		want time.Duration
	}{
		{200, 0, 0},
		{200, 1, 5 * time.Millisecond},
		{200, 60, 300 * time.Millisecond},
		{3, 1, 333333333 * time.Nanosecond},
		{0.5, 1, 2 * time.Second},
		{maxRate, maxRate * 3600, time.Hour},
	}
	for _, tc := range tests {
		s := schedule{start: start, rate: tc.rate}
		if got := s.due(tc.n).Sub(start); got != tc.want {
			t.Errorf("request %d at %g req/s: due after %s, want %s", tc.n, tc.rate, got, tc.want)
		}
	}
}

func TestAnOpenLoopSendsNoMoreThanItsSchedule(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		paths = append(paths, r.URL.Path)
		mu.Unlock()
	}))
	defer srv.Close()
	const rate, clients, duration = 200, 4, 300 * time.Millisecond
	before := time.Now()
	code, out, stderr := runLoad(t, "--url", srv.URL, "--clients", strconv.Itoa(clients), "--rate", strconv.Itoa(rate),
		"--duration", duration.String(), "--path", "/a", "--path", "/b", "--path", "/c")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	// Requests 0 to 59 are due before the end, 60 at it.
	if scheduled := int(rate * duration.Seconds()); len(arrivals) > scheduled || len(arrivals) < scheduled*9/10 {
		t.Errorf("%d requests, want about %d and never more", len(arrivals), scheduled)
	}
	// The k-th arrival is at least the k-th request, due k/rate after the start.
	slices.SortFunc(arrivals, func(a, b time.Time) int { return a.Compare(b) })
	for k, at := range arrivals {
		if due := time.Duration(k) * time.Second / rate; at.Sub(before) < due {
			t.Fatalf("arrival %d after %s, before its due time %s", k, at.Sub(before), due)
		}
	}
	for _, p := range []string{"/a", "/b", "/c"} {
		if n := strings.Count(strings.Join(paths, " "), p); n < len(paths)/3-1 || n > len(paths)/3+1 {
			t.Errorf("%s got %d of %d requests; want a third", p, n, len(paths))
		}
	}
	if heading := strings.SplitN(out, "\n", 2)[0]; !strings.HasPrefix(heading, "4 clients, 200 req/s scheduled, for ") ||
		!strings.HasSuffix(heading, ", keep-alive; latency from each request's scheduled time") {
		t.Errorf("heading %q", heading)
	}
}

func TestLatencyCountsFromTheScheduleWhenTheServerFallsBehind(t *testing.T) {
	const serverTakes = 50 * time.Millisecond
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { time.Sleep(serverTakes) }))
	defer srv.Close()
	// Two clients can answer 40 requests a second of the 200 scheduled.
	code, out, stderr := runLoad(t, "--url", srv.URL, "--clients", "2", "--rate", "200", "--duration", "300ms", "--path", "/")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[1], "behind schedule: ") ||
		!strings.HasSuffix(lines[1], " req/s answered of 200 scheduled — the server (or this machine) is saturated") {
		t.Fatalf("want a heading, behind schedule, a blank line, the columns and the path; got\n%s", out)
	}
	// path, requests, req/s, p50, p95, p99, max, errors
	fields := strings.Fields(lines[4])
	longest, err := time.ParseDuration(fields[6])
	if err != nil || longest < 3*serverTakes {
		t.Errorf("longest latency %s (%v); want it well beyond the server's %s, as requests wait their turn", fields[6], err, serverTakes)
	}
}
