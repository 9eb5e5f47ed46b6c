package provider

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// maxInFlight is the most HTTP calls a pump has in flight at once. At 20
// requests per second and round trips under half a second, a handful is
// enough to use the whole quota.
const maxInFlight = 10

// pumpCall is one API call a pump makes at or after due. do runs on its own
// goroutine and returns a continuation that the pump runs on its own
// goroutine, in order, so that the continuations can share state without
// locks and enqueue follow-up calls.
type pumpCall struct {
	due   time.Time
	do    func(ctx context.Context) func()
	local func() // instead of do: runs on the pump at due, with no call and no token
}

// pump runs calls within the shared rate limiter. Time passes only on the
// pump's clock, and only while no call is in flight, so under a simulated
// clock a call takes no simulated time and a run is exactly reproducible.
type pump struct {
	clock   awsapi.Clock
	lim     *awsapi.RateLimiter
	queue   []pumpCall
	results chan func()
}

func newPump(clock awsapi.Clock, lim *awsapi.RateLimiter) *pump {
	return &pump{clock: clock, lim: lim, results: make(chan func(), maxInFlight)}
}

// at enqueues do to run at due.
func (p *pump) at(due time.Time, do func(ctx context.Context) func()) {
	p.queue = append(p.queue, pumpCall{due: due, do: do})
}

// after runs k on the pump at due, without a call.
func (p *pump) after(due time.Time, k func()) {
	p.queue = append(p.queue, pumpCall{due: due, local: k})
}

// now enqueues do to run as soon as the rate allows.
func (p *pump) now(do func(ctx context.Context) func()) { p.at(time.Time{}, do) }

// run makes every enqueued call, and those their continuations enqueue,
// until none is left.
func (p *pump) run(ctx context.Context) error {
	inFlight := 0
	for {
		now := p.clock.Now()
		var wake time.Time
		for inFlight < maxInFlight {
			i := p.earliest()
			if i < 0 {
				break
			}
			if p.queue[i].due.After(now) {
				wake = p.queue[i].due
				break
			}
			c := p.queue[i]
			if c.local != nil {
				p.queue = append(p.queue[:i], p.queue[i+1:]...)
				c.local()
				continue
			}
			if d := p.lim.Take(now); d > 0 {
				wake = now.Add(d)
				break
			}
			p.queue = append(p.queue[:i], p.queue[i+1:]...)
			inFlight++
			paid := &atomic.Bool{}
			paid.Store(true)
			callCtx := awsapi.Prepaid(ctx, paid)
			go func() { p.results <- c.do(callCtx) }()
		}
		if inFlight == 0 && len(p.queue) == 0 {
			return nil
		}
		switch {
		case inFlight > 0 && (inFlight >= maxInFlight || wake.IsZero()):
			select {
			case k := <-p.results:
				inFlight--
				k()
			case <-ctx.Done():
				return ctx.Err()
			}
		case inFlight > 0:
			// Wait for a result or the next due call, whichever comes first.
			// Under a simulated clock the timer is a formality: results come
			// first, and time moves only once nothing is in flight.
			t := time.NewTimer(wake.Sub(now))
			select {
			case k := <-p.results:
				inFlight--
				k()
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			}
			t.Stop()
		default:
			if err := p.clock.Sleep(ctx, wake.Sub(now)); err != nil {
				return err
			}
		}
	}
}

// earliest is the index of the call due first, or -1.
func (p *pump) earliest() int {
	best := -1
	for i, c := range p.queue {
		if best < 0 || c.due.Before(p.queue[best].due) {
			best = i
		}
	}
	return best
}

// pollEstimator learns how long assignment operations take, to poll each one
// about when it completes: polls too early cost calls against the quota,
// polls too late cost time. It keeps the longest age seen in progress (lo)
// and the shortest seen complete (hi), and probes between them.
type pollEstimator struct {
	mu     sync.Mutex
	lo, hi time.Duration // hi == 0: no operation seen complete yet
}

const (
	initialPoll = time.Second
	minPoll     = 50 * time.Millisecond
)

func newPollEstimator() *pollEstimator { return &pollEstimator{} }

// first is the age of an operation's first poll.
func (e *pollEstimator) first() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case e.hi == 0:
		return max(initialPoll, e.lo+e.lo/2)
	case e.hi-e.lo <= e.hi/50:
		return e.hi
	default:
		return (e.lo + e.hi) / 2
	}
}

// next is the delay before polling again an operation still in progress at age.
func (e *pollEstimator) next(age time.Duration) time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.hi > age {
		return e.hi - age
	}
	return max(minPoll, age/2)
}

func (e *pollEstimator) inProgress(age time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.lo = max(e.lo, age)
	if e.hi != 0 && e.lo >= e.hi {
		e.hi = 0 // operations got slower: learn again
	}
}

func (e *pollEstimator) done(age time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.hi == 0 || age < e.hi {
		e.hi = age
	}
	if e.lo >= e.hi {
		e.lo = e.hi / 2
	}
}
