// Command mentorat-load drives GET endpoints of a Mentorat running on this
// machine with many concurrent clients, each on a kept-alive connection
// and with a bearer token, then reports for each path and overall the
// requests, the errors by status, the throughput and the latency
// percentiles (p50, p95, p99, max). It drives nothing but the loopback
// interface.
//
// Without --rate each client sends its next request as soon as the
// previous one is answered (a closed loop), which measures the throughput
// at saturation. With --rate R the requests are due on a fixed schedule,
// R a second over all the clients (an open loop), and each latency counts
// from the request's due time, which measures how fast the server answers
// that traffic, falling behind included.
//
//	mentorat-load --url http://127.0.0.1:8080 --token T --clients 50 --duration 20s [--rate 400] \
//	    --slug gen-1-1 --path '/api/v1/alliances/{slug}/members?limit=50' [--path …]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses, as mentorat's.
const (
	exitOK      = 0
	exitFailure = 1 // no request was answered
	exitUsage   = 2 // the command line is wrong
)

// Bounds of the flags.
const (
	maxClients  = 10_000
	maxDuration = time.Hour
	maxRate     = 100_000 // requests per second
)

// run executes one command line and gives the exit status; errors reach
// stderr as one line.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	l, err := parse(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "mentorat-load:", err)
		return exitUsage
	}
	tallies, took := drive(ctx, l)
	report(stdout, l, tallies, took)
	answered := 0
	for _, t := range tallies {
		answered += len(t.latencies)
	}
	if answered == 0 {
		fmt.Fprintln(stderr, "mentorat-load: no request was answered; is Mentorat running at", l.base+"?")
		return exitFailure
	}
	return exitOK
}

// pathList is the repeatable --path flag.
type pathList []string

func (p *pathList) String() string { return strings.Join(*p, " ") }

func (p *pathList) Set(v string) error {
	if !strings.HasPrefix(v, "/") {
		return fmt.Errorf("%q: a path starts with /", v)
	}
	*p = append(*p, v)
	return nil
}

const synopsis = "mentorat-load --url http://127.0.0.1:8080 --token T --clients N --duration D [--rate R] [--slug S] --path P [--path P …]"

// parse reads the command line into a load; --help prints the flags and
// gives flag.ErrHelp.
func parse(args []string, stdout io.Writer) (load, error) {
	fs := flag.NewFlagSet("mentorat-load", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	target := fs.String("url", "http://127.0.0.1:8080", "the Mentorat to drive: 127.0.0.1, ::1 or localhost only")
	token := fs.String("token", "", "the bearer token sent with every request (from POST /api/v1/auth/login); empty: none")
	clients := fs.Int("clients", 50, fmt.Sprintf("how many clients send requests at once, 1 to %d", maxClients))
	duration := fs.Duration("duration", 20*time.Second, "how long to drive, at most 1h")
	rate := fs.Float64("rate", 0, fmt.Sprintf("requests a second over all the clients, at most %d, due on a fixed schedule, "+
		"each latency counted from its due time; 0: each client sends its next request once answered", maxRate))
	slug := fs.String("slug", "", "the alliance slug that {slug} stands for in the paths")
	var paths pathList
	fs.Var(&paths, "path", "a path to GET, with its query; repeat for several (required)")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, "Usage: %s\n\nFlags:\n", synopsis)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return load{}, err
	}
	if err != nil {
		return load{}, err
	}
	if fs.NArg() > 0 {
		return load{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	u, err := checkTarget(*target)
	if err != nil {
		return load{}, fmt.Errorf("--url: %w", err)
	}
	switch {
	case len(paths) == 0:
		return load{}, fmt.Errorf("--path: give at least one; usage: %s", synopsis)
	case *clients < 1 || *clients > maxClients:
		return load{}, fmt.Errorf("--clients: give a number from 1 to %d", maxClients)
	case *duration <= 0 || *duration > maxDuration:
		return load{}, fmt.Errorf("--duration: give a duration such as 20s, at most %s", maxDuration)
	case !(*rate >= 0 && *rate <= maxRate): // refuses NaN as well
		return load{}, fmt.Errorf("--rate: give requests a second from 0 (each client sends its next once answered) to %d", maxRate)
	}
	for i, p := range paths {
		if strings.Contains(p, "{slug}") {
			if *slug == "" {
				return load{}, fmt.Errorf("--slug: %s has {slug} but no --slug was given", p)
			}
			paths[i] = strings.ReplaceAll(p, "{slug}", *slug)
		}
	}
	return load{base: strings.TrimSuffix(u.String(), "/"), token: *token, paths: paths, clients: *clients, duration: *duration,
		rate: *rate}, nil
}
