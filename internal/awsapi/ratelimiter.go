package awsapi

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go/middleware"
)

// RateLimiter spaces calls evenly at a fixed rate: a token bucket of depth
// one, in integer time so that a simulated clock sees exact spacing. One
// limiter is shared by every Identity Center call of a process.
type RateLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

// NewRateLimiter returns a limiter of rps calls per second.
func NewRateLimiter(rps float64) *RateLimiter {
	return &RateLimiter{interval: time.Duration(float64(time.Second) / rps)}
}

// Take takes a token at now and returns 0, or returns how long until one is
// available without taking it.
func (l *RateLimiter) Take(now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Before(l.next) {
		return l.next.Sub(now)
	}
	l.next = now.Add(l.interval)
	return 0
}

// Wait blocks until it takes a token.
func (l *RateLimiter) Wait(ctx context.Context, clock Clock) error {
	for {
		d := l.Take(clock.Now())
		if d == 0 {
			return nil
		}
		if err := clock.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// prepaidKey marks a context whose call took its first token already.
type prepaidKey struct{}

// Prepaid returns ctx marked so that the first attempt of the call made
// with it takes no token: the caller took it already (the assignment
// client's pump takes it before dispatching). paid is set and the limiter
// clears it.
func Prepaid(ctx context.Context, paid *atomic.Bool) context.Context {
	return context.WithValue(ctx, prepaidKey{}, paid)
}

// Option is the API option that takes a token of l before every attempt of
// every call of a client, retries included, except the first attempt of a
// call made with a Prepaid context. Every Identity Center client of a
// process (sso-admin and the identity store, the provider's and discover's)
// takes it with one limiter, so that together they stay within the quota.
func (l *RateLimiter) Option(clock Clock) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("orgtrustRateLimit",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
				middleware.FinalizeOutput, middleware.Metadata, error,
			) {
				if paid, ok := ctx.Value(prepaidKey{}).(*atomic.Bool); ok && paid.Swap(false) {
					return next.HandleFinalize(ctx, in)
				}
				if err := l.Wait(ctx, clock); err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, err
				}
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}
