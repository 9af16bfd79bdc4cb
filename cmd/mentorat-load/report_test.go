package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestTheHeadingSaysTheLoopAndWhetherItKeptUp(t *testing.T) {
	answers := func(n int) *tally {
		t := newTally()
		for range n {
			t.answered(200, time.Millisecond)
		}
		return t
	}
	base := load{base: "http://127.0.0.1:8080", paths: []string{"/"}, clients: 50, duration: 20 * time.Second}
	open := base
	open.rate = 400
	tests := []struct {
		name    string
		l       load
		answers int
		took    time.Duration
		want    []string
	}{
		{"closed loop", base, 100, 20*time.Second + time.Millisecond, []string{
			"50 clients for 20.001s on http://127.0.0.1:8080, keep-alive", ""}},
		{"open loop on schedule", open, 8000, 20*time.Second + time.Millisecond, []string{
			"50 clients, 400 req/s scheduled, for 20.001s on http://127.0.0.1:8080, keep-alive; latency from each request's scheduled time", ""}},
		{"open loop with a slow last answer", open, 8000, 25 * time.Second, []string{
			"50 clients, 400 req/s scheduled, for 25s on http://127.0.0.1:8080, keep-alive; latency from each request's scheduled time", ""}},
		{"open loop behind", open, 6248, 20*time.Second + time.Millisecond, []string{
			"50 clients, 400 req/s scheduled, for 20.001s on http://127.0.0.1:8080, keep-alive; latency from each request's scheduled time",
			"behind schedule: 312.4 req/s answered of 400 scheduled — the server (or this machine) is saturated", ""}},
		{"open loop interrupted on schedule", open, 2000, 5 * time.Second, []string{
			"50 clients, 400 req/s scheduled, for 5s on http://127.0.0.1:8080, keep-alive; latency from each request's scheduled time", ""}},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		report(&out, tc.l, []*tally{answers(tc.answers)}, tc.took)
		lines := strings.Split(out.String(), "\n")
		if got := lines[:min(len(tc.want), len(lines))]; strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: heading\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
