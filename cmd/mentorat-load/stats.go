package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// tally is what came back from one path: the latency of every answer,
// the answers outside 2xx by status, and the requests that got no answer
// by cause.
type tally struct {
	latencies []time.Duration
	badStatus map[int]int
	noAnswer  map[string]int
}

func newTally() *tally { return &tally{badStatus: map[int]int{}, noAnswer: map[string]int{}} }

// answered records an answer with its status and how long it took.
func (t *tally) answered(status int, took time.Duration) {
	t.latencies = append(t.latencies, took)
	if status < 200 || status > 299 {
		t.badStatus[status]++
	}
}

// unanswered records a request that got no answer, and why.
func (t *tally) unanswered(cause string) { t.noAnswer[cause]++ }

// merge adds o's records to t's.
func (t *tally) merge(o *tally) {
	t.latencies = append(t.latencies, o.latencies...)
	for status, n := range o.badStatus {
		t.badStatus[status] += n
	}
	for cause, n := range o.noAnswer {
		t.noAnswer[cause] += n
	}
}

// requests is how many requests were made, answered or not.
func (t *tally) requests() int { return len(t.latencies) + sum(t.noAnswer) }

// errors is how many requests failed: a status outside 2xx, or no answer.
func (t *tally) errors() int { return sum(t.badStatus) + sum(t.noAnswer) }

func sum[K comparable](m map[K]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// errorList names the failures, the most frequent first, e.g.
// "503×4 timeout×1"; "-" when there are none.
func (t *tally) errorList() string {
	type kind struct {
		name string
		n    int
	}
	var kinds []kind
	for status, n := range t.badStatus {
		kinds = append(kinds, kind{fmt.Sprint(status), n})
	}
	for cause, n := range t.noAnswer {
		kinds = append(kinds, kind{cause, n})
	}
	if len(kinds) == 0 {
		return "-"
	}
	slices.SortFunc(kinds, func(a, b kind) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.name, b.name)
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s×%d", k.name, k.n)
	}
	return strings.Join(parts, " ")
}

// percentile gives the nearest-rank p-th percentile (p from 1 to 100) of
// latencies sorted from the shortest: the shortest latency that at least
// p percent of them do not exceed. Zero when there are none.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ⌈p·n/100⌉, in whole numbers
	return sorted[max(rank, 1)-1]
}
