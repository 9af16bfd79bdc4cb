package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// behindShare is the share of an open loop's rate below which the run is
// reported as behind schedule.
const behindShare = 0.95

// report prints how the run went, then a line per path and one for all of
// them: requests, the rate, the latency percentiles and the errors by
// kind.
func report(w io.Writer, l load, tallies []*tally, took time.Duration) {
	all := newTally()
	for _, t := range tallies {
		all.merge(t)
	}
	heading(w, l, all, took)
	width := len("path")
	for _, p := range l.paths {
		width = max(width, len(p))
	}
	fmt.Fprintf(w, "%-*s %9s %9s %9s %9s %9s %9s  %s\n", width, "path", "requests", "req/s", "p50", "p95", "p99", "max", "errors")
	for i, t := range tallies {
		reportLine(w, width, l.paths[i], t, took)
	}
	if len(tallies) > 1 {
		reportLine(w, width, "all", all, took)
	}
}

// heading says how the run was driven and, when an open loop's answers
// fell short of its rate, that it was behind schedule; then a blank line.
// The rate achieved is the answers a second over the scheduled span: the
// duration, or less when interrupted, but not the wait for the last
// answers, which were sent in time.
func heading(w io.Writer, l load, all *tally, took time.Duration) {
	if l.rate == 0 {
		fmt.Fprintf(w, "%d clients for %s on %s, keep-alive\n\n", l.clients, took.Round(time.Millisecond), l.base)
		return
	}
	rate := strconv.FormatFloat(l.rate, 'f', -1, 64)
	fmt.Fprintf(w, "%d clients, %s req/s scheduled, for %s on %s, keep-alive; latency from each request's scheduled time\n",
		l.clients, rate, took.Round(time.Millisecond), l.base)
	if achieved := float64(len(all.latencies)) / min(took, l.duration).Seconds(); achieved < behindShare*l.rate {
		fmt.Fprintf(w, "behind schedule: %.1f req/s answered of %s scheduled — the server (or this machine) is saturated\n",
			achieved, rate)
	}
	fmt.Fprintln(w)
}

// reportLine prints the table's line for one tally, under name.
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
