package main

import (
	"testing"
	"time"
)

func TestPercentileIsTheNearestRank(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1 // 1 ms to 100 ms
	}
	twenty := make([]int, 20)
	for i := range twenty {
		twenty[i] = 10 * (i + 1)
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 50, 7 * time.Millisecond},
		{"one, p99", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"median of five is the third", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p100 is the largest", ms(1, 2, 3, 4, 5), 100, 5 * time.Millisecond},
		{"p1 is the smallest", ms(1, 2, 3, 4, 5), 1, time.Millisecond},
		{"p95 of 100", ms(hundred...), 95, 95 * time.Millisecond},
		{"p99 of 100", ms(hundred...), 99, 99 * time.Millisecond},
		// 95 % of 20 is exactly 19: the 19th, not the 20th.
		{"p95 of 20 has no rounding error", ms(twenty...), 95, 190 * time.Millisecond},
		{"p99 of 20 is the largest", ms(twenty...), 99, 200 * time.Millisecond},
	}
	for _, tc := range tests {
		if got := percentile(tc.sorted, tc.p); got != tc.want {
			t.Errorf("%s: p%d = %s, want %s", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestTallyCountsRequestsAndErrorsByKind(t *testing.T) {
	a, b := newTally(), newTally()
	a.answered(200, time.Millisecond)
	a.answered(503, 2*time.Millisecond)
	b.answered(503, 3*time.Millisecond)
	b.answered(404, time.Millisecond)
	b.unanswered("timeout")
	a.merge(b)
	if a.requests() != 5 || a.errors() != 4 || len(a.latencies) != 4 {
		t.Fatalf("requests %d, errors %d, latencies %d; want 5, 4, 4", a.requests(), a.errors(), len(a.latencies))
	}
	if got, want := a.errorList(), "503×2 404×1 timeout×1"; got != want {
		t.Fatalf("errors %q, want %q", got, want)
	}
	if got := newTally().errorList(); got != "-" {
		t.Fatalf("no error listed as %q", got)
	}
}
