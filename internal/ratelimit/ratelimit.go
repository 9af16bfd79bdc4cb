// Package ratelimit counts attempts in Redis, so that every instance of the
// product sees the same counts: failed logins per account and per address,
// sign-ups and reset requests per address.
package ratelimit

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter counts attempts in fixed windows.
type Limiter struct {
	rdb redis.UniversalClient
}

// New builds a limiter on a Redis client.
func New(rdb redis.UniversalClient) *Limiter { return &Limiter{rdb: rdb} }

// Rule is a limit: at most Max attempts per Window.
type Rule struct {
	Max    int64
	Window time.Duration
}

const prefix = "mentorat:limit:"

// Blocked tells whether key has used up its attempts, and for how long it
// stays blocked.
func (l *Limiter) Blocked(ctx context.Context, key string, r Rule) (bool, time.Duration, error) {
	n, err := l.rdb.Get(ctx, prefix+key).Int64()
	if err == redis.Nil {
		return false, 0, nil
	}
	if err != nil {
		return false, 0, err
	}
	if n < r.Max {
		return false, 0, nil
	}
	ttl, err := l.rdb.TTL(ctx, prefix+key).Result()
	if err != nil || ttl <= 0 {
		ttl = r.Window
	}
	return true, ttl, nil
}

// Hit counts one attempt against key and tells whether it went over the
// limit, and for how long the key stays blocked.
func (l *Limiter) Hit(ctx context.Context, key string, r Rule) (bool, time.Duration, error) {
	pipe := l.rdb.TxPipeline()
	incr := pipe.Incr(ctx, prefix+key)
	pipe.ExpireNX(ctx, prefix+key, r.Window)
	ttl := pipe.TTL(ctx, prefix+key)
	if _, err := pipe.Exec(ctx); err != nil {
		return false, 0, err
	}
	if incr.Val() > r.Max {
		return true, max(ttl.Val(), time.Second), nil
	}
	return false, 0, nil
}

// Reset forgets the attempts of key (after a successful login).
func (l *Limiter) Reset(ctx context.Context, key string) error {
	return l.rdb.Del(ctx, prefix+key).Err()
}
