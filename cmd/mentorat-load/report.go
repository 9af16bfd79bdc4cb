package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// report prints a line per path and one for all of them: requests, the
// rate, the latency percentiles and the errors by kind.
func report(w io.Writer, l load, tallies []*tally, took time.Duration) {
	fmt.Fprintf(w, "%d clients for %s on %s, keep-alive\n\n", l.clients, took.Round(time.Millisecond), l.base)
	width := len("path")
	for _, p := range l.paths {
		width = max(width, len(p))
	}
	fmt.Fprintf(w, "%-*s %9s %9s %9s %9s %9s %9s  %s\n", width, "path", "requests", "req/s", "p50", "p95", "p99", "max", "errors")
	all := newTally()
	for i, t := range tallies {
		reportLine(w, width, l.paths[i], t, took)
		all.merge(t)
	}
	if len(tallies) > 1 {
		reportLine(w, width, "all", all, took)
	}
}

func reportLine(w io.Writer, width int, name string, t *tally, took time.Duration) {
	sorted := slices.Clone(t.latencies)
	slices.Sort(sorted)
	var longest time.Duration
	if len(sorted) > 0 {
		longest = sorted[len(sorted)-1]
	}
	fmt.Fprintf(w, "%-*s %9d %9.1f %9s %9s %9s %9s  %s\n", width, name, t.requests(), float64(t.requests())/took.Seconds(),
		ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(longest), t.errorList())
}

// ms writes a latency in milliseconds, to the tenth.
func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
