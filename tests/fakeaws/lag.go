package fakeaws

import "math/rand/v2"

// Consistency turns on eventual consistency in a fake: each write becomes
// visible to the fake's reads (lists, gets, describes) only after 1 to
// MaxLag more reads, the number drawn from Seed, as AWS Organizations and IAM
// Identity Center answer reads from replicas that a write reaches a moment
// later ("AWS Organizations ... is eventually consistent", the
// Organizations API reference; Identity Center's ConflictException "occurs
// when ... the previous write did not have time to propagate to the host
// serving the current request"). The writes themselves, and the checks a
// write makes (a duplicate, a missing resource), see every earlier write.
// Writes become visible in the order they were made, and once visible a
// write stays visible. The same seed and the same calls give the same lag.
type Consistency struct {
	Seed uint64
	// MaxLag is the most reads a write stays invisible to (default 3).
	MaxLag int
}

// Lag delays the visibility of writes by reads. A nil *Lag, or one made
// from a nil Consistency, is strongly consistent: writes are visible at
// once. It is not safe for concurrent use: a fake calls it under its own
// lock.
type Lag struct {
	rng   *rand.Rand
	max   int
	reads uint64
	queue []pendingWrite
}

type pendingWrite struct {
	due   uint64 // visible to reads after the due-th
	apply func()
}

// NewLag returns the lag c configures; nil when c is nil (no lag).
func NewLag(c *Consistency) *Lag {
	if c == nil {
		return nil
	}
	maxLag := c.MaxLag
	if maxLag <= 0 {
		maxLag = 3
	}
	return &Lag{rng: rand.New(rand.NewPCG(c.Seed, 0x6f7267747275737)), max: maxLag}
}

// Write makes a write visible later: apply (which changes the fake's
// visible copy of its state) runs after the next 1 to MaxLag reads, or at
// once without lag.
func (l *Lag) Write(apply func()) {
	if l == nil {
		apply()
		return
	}
	due := l.reads + 1 + uint64(l.rng.IntN(l.max))
	if n := len(l.queue); n > 0 && due < l.queue[n-1].due {
		due = l.queue[n-1].due // in order: never before an earlier write
	}
	l.queue = append(l.queue, pendingWrite{due: due, apply: apply})
}

// Read counts one read and makes visible the writes it is due to see. Call
// it before a read operation answers from the visible copy.
func (l *Lag) Read() {
	if l == nil {
		return
	}
	l.reads++
	n := 0
	for n < len(l.queue) && l.queue[n].due < l.reads {
		l.queue[n].apply()
		n++
	}
	l.queue = l.queue[n:]
}

// Pending is the number of writes not yet visible.
func (l *Lag) Pending() int {
	if l == nil {
		return 0
	}
	return len(l.queue)
}

// Settle makes every write visible at once, as the replicas have caught up
// after a while: for a test that changes state out of band and then wants
// a consistent starting point.
func (l *Lag) Settle() {
	if l == nil {
		return
	}
	for _, w := range l.queue {
		w.apply()
	}
	l.queue = nil
}
