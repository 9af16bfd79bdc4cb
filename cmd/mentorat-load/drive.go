package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

// load is one run: where, as whom, which paths, with how many clients,
// for how long and at what rate.
type load struct {
	base     string // the target's URL, without a trailing slash
	token    string // the bearer token; empty: none sent
	paths    []string
	clients  int
	duration time.Duration
	// rate is the requests per second over all the clients, sent on a
	// schedule (an open loop); 0: each client sends its next request once
	// the previous one is answered (a closed loop).
	rate float64
}

// Timeouts of the load's HTTP client.
const (
	connectTimeout = 5 * time.Second
	requestTimeout = 30 * time.Second
	// pauseAfterNoAnswer keeps a client from spinning when the server is
	// down.
	pauseAfterNoAnswer = 10 * time.Millisecond
)

// newClient gives an HTTP client that keeps a connection alive for each
// load client, follows no redirect (another host could be behind one),
// and connects to loopback addresses only.
func newClient(clients int) *http.Client {
	dialer := &net.Dialer{Timeout: connectTimeout, Control: dialLoopbackOnly}
	return &http.Client{
		Timeout: requestTimeout,
		Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConns: clients, MaxIdleConnsPerHost: clients,
			IdleConnTimeout: time.Minute},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// drive runs the clients until the run's duration has passed, in a closed
// loop or, with a rate, an open one, and gives a tally per path, in the
// paths' order, and how long the run took. Requests under way at the end
// are awaited and counted rather than cut, so that the server sees no
// client vanish; ctx ending (an interrupt) cuts them.
func drive(ctx context.Context, l load) ([]*tally, time.Duration) {
	client := newClient(l.clients)
	defer client.CloseIdleConnections()
	perClient := make([][]*tally, l.clients)
	var wg sync.WaitGroup
	started := time.Now()
	end := started.Add(l.duration)
	for i := range l.clients {
		tallies := make([]*tally, len(l.paths))
		for j := range tallies {
			tallies[j] = newTally()
		}
		perClient[i] = tallies
		wg.Go(func() {
			if l.rate > 0 {
				l.openLoop(ctx, client, i, schedule{start: started, rate: l.rate}, end, tallies)
			} else {
				l.closedLoop(ctx, client, i, end, tallies)
			}
		})
	}
	wg.Wait()
	took := time.Since(started)
	out := make([]*tally, len(l.paths))
	for j := range out {
		out[j] = newTally()
		for _, tallies := range perClient {
			out[j].merge(tallies[j])
		}
	}
	return out, took
}

// closedLoop has client i send requests one after the other, each as soon
// as the previous one is answered, going round the paths from the i-th,
// until the end or ctx ends. Its latencies count from each sending.
func (l load) closedLoop(ctx context.Context, client *http.Client, i int, end time.Time, tallies []*tally) {
	for k := i; ctx.Err() == nil && time.Now().Before(end); k++ {
		j := k % len(l.paths)
		l.get(ctx, client, l.paths[j], tallies[j], time.Now())
	}
}

// get makes one request and records how it went, with its latency counted
// from since; a request an interrupt cuts short is not counted.
func (l load) get(ctx context.Context, client *http.Client, path string, t *tally, since time.Time) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.base+path, nil)
	if err != nil {
		t.unanswered("bad request")
		return
	}
	if l.token != "" {
		req.Header.Set("Authorization", "Bearer "+l.token)
	}
	resp, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	took := time.Since(since)
	switch {
	case ctx.Err() != nil:
	case err != nil:
		t.unanswered(causeOf(err))
		select {
		case <-ctx.Done():
		case <-time.After(pauseAfterNoAnswer):
		}
	default:
		t.answered(resp.StatusCode, took)
	}
}

// causeOf names why a request got no answer, in a word.
func causeOf(err error) string {
	var netErr net.Error
	switch {
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "reset"
	case errors.Is(err, errNotLoopback):
		return "not loopback"
	default:
		return "transport"
	}
}
