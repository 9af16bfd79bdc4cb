// Package metrics holds the Prometheus collectors of one running product:
// HTTP requests and their latency, jobs processed and failed, and the outbox
// backlog. Each process builds its own registry; nothing is global.
package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics is the set of collectors of one process.
type Metrics struct {
	Registry      *prometheus.Registry
	Requests      *prometheus.CounterVec
	Latency       *prometheus.HistogramVec
	JobsProcessed *prometheus.CounterVec
	JobsFailed    *prometheus.CounterVec
}

// New builds the collectors and registers them with the Go runtime's and
// the process's own. backlog, when set, is read at each scrape to report the
// outbox rows not yet done.
func New(backlog func(context.Context) (int64, error)) *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mentorat_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"method", "route", "status"}),
		Latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "mentorat_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"method", "route"}),
		JobsProcessed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mentorat_jobs_processed_total", Help: "Background jobs that succeeded, by type.",
		}, []string{"type"}),
		JobsFailed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mentorat_jobs_failed_total", Help: "Background job attempts that failed, by type.",
		}, []string{"type"}),
	}
	m.Registry.MustRegister(m.Requests, m.Latency, m.JobsProcessed, m.JobsFailed,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if backlog != nil {
		m.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "mentorat_outbox_backlog", Help: "Outbox jobs neither done nor failed (-1 when the database cannot say).",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := backlog(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	return m
}
