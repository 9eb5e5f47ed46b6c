package awsapi

import (
	"context"
	"time"
)

// Clock is the time source of the rate limiter and of the clients that pace
// themselves with it: the wall clock in the provider and in discover, a
// simulated clock in benchmarks.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

type wallClock struct{}

// WallClock is the real time source.
func WallClock() Clock { return wallClock{} }

func (wallClock) Now() time.Time { return time.Now() }

func (wallClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
