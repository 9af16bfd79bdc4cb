// Package jobs runs the product's background work on asynq: the outbox
// relay that moves jobs written in a use case's transaction into the queue,
// the workers that do them exactly once in effect, and the periodic tasks.
package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Queue is the connection to the Redis that holds the asynq queue: a real
// one, or an in-process miniredis for the embedded default.
type Queue struct {
	// Name is the asynq queue the product's jobs go to.
	Name      string
	conn      asynq.RedisConnOpt
	client    *asynq.Client
	inspector *asynq.Inspector
	embedded  *miniredis.Miniredis
}

// OpenQueue connects to redisURL, or starts an embedded Redis on a loopback
// port when it is empty, and retries until Redis answers or timeout passes.
func OpenQueue(ctx context.Context, redisURL, name string, timeout time.Duration) (*Queue, error) {
	q := &Queue{Name: name}
	if redisURL == "" {
		m := miniredis.NewMiniRedis()
		if err := m.StartAddr("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("start the embedded Redis: %w", err)
		}
		q.embedded = m
		q.conn = asynq.RedisClientOpt{Addr: m.Addr()}
	} else {
		conn, err := asynq.ParseRedisURI(redisURL)
		if err != nil {
			return nil, fmt.Errorf("MENTORAT_REDIS_URL: %w", err)
		}
		q.conn = conn
	}
	q.client = asynq.NewClient(q.conn)
	q.inspector = asynq.NewInspector(q.conn)
	deadline := time.Now().Add(timeout)
	for {
		err := q.client.Ping()
		if err == nil {
			return q, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			q.Close()
			return nil, fmt.Errorf("Redis does not answer: %w", err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// Ping checks that Redis answers.
func (q *Queue) Ping() error { return q.client.Ping() }

// Inspector gives asynq's view of the queue: pending, retried and archived
// tasks.
func (q *Queue) Inspector() *asynq.Inspector { return q.inspector }

// Embedded is the in-process Redis, or nil when a real one is used.
func (q *Queue) Embedded() *miniredis.Miniredis { return q.embedded }

// Close releases the connections and stops the embedded Redis.
func (q *Queue) Close() {
	_ = q.client.Close()
	_ = q.inspector.Close()
	if q.embedded != nil {
		q.embedded.Close()
	}
}

// RedisClient gives a client of the queue's Redis, for other counters that
// every instance must share (rate limits). The caller closes it.
func (q *Queue) RedisClient() redis.UniversalClient {
	return q.conn.MakeRedisClient().(redis.UniversalClient)
}
