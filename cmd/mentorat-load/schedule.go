package main

import (
	"context"
	"net/http"
	"time"
)

// schedule is an open loop's timetable: request n (n = 0, 1, 2…) is due
// at start + n/rate, whether or not the earlier ones have been answered.
type schedule struct {
	start time.Time
	rate  float64 // requests per second over all the clients
}

// due gives when request n is due.
func (s schedule) due(n int) time.Time {
	return s.start.Add(time.Duration(float64(n) * float64(time.Second) / s.rate))
}

// openLoop sends client i's share of the scheduled requests: i,
// i+clients, i+2·clients…, each on path n modulo the paths. A request is
// sent when it is due or, if the previous answer comes later, as soon as
// it does; its latency counts from its due time, so that a server falling
// behind shows in the percentiles. No request due at or after the end is
// sent, nor any once the end has passed or ctx has ended.
func (l load) openLoop(ctx context.Context, client *http.Client, i int, s schedule, end time.Time, tallies []*tally) {
	for n := i; ; n += l.clients {
		due := s.due(n)
		if !due.Before(end) || !sleepUntil(ctx, due) || !time.Now().Before(end) {
			return
		}
		j := n % len(l.paths)
		l.get(ctx, client, l.paths[j], tallies[j], due)
	}
}

// sleepUntil waits until t, or not at all when t has passed; false when
// ctx ended first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	wait := time.Until(t)
	if wait <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
