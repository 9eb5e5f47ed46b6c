package fakesso

import (
	"sort"
	"time"
)

// Change is one assignment starting or ceasing to exist: what a watcher of
// the instance sees. A test that must prove nobody lost access, even for a
// moment, asserts that no assignment it cares about has a Change with
// Present false after its first Present true.
type Change struct {
	// At is the fake's time of the change: for an operation, the moment it
	// completed.
	At         time.Time
	Assignment Assignment
	// Present is true when the assignment came into existence, false when it
	// ceased to exist.
	Present bool
	// Cause is what changed it: OpCreateAccountAssignment,
	// OpDeleteAccountAssignment, or "Put" or "Remove" (out of band).
	Cause string
}

// History returns every change since the fake started, in the order of
// their times. Assignments that already existed and were created again, or
// that did not exist and were deleted again, are not changes.
func (s *Server) History() []Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.opts.Clock.Now())
	out := append([]Change{}, s.history...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// Absences returns, for each assignment of want, the changes that made it
// cease to exist after it first existed: empty when none of them was ever
// missing once created.
func (s *Server) Absences(want []Assignment) []Change {
	keys := make(map[string]bool, len(want))
	for _, a := range want {
		keys[a.key()] = true
	}
	existed := map[string]bool{}
	var out []Change
	for _, c := range s.History() {
		k := c.Assignment.key()
		if !keys[k] {
			continue
		}
		if c.Present {
			existed[k] = true
		} else if existed[k] {
			out = append(out, c)
		}
	}
	return out
}

// put makes a exist and records the change. Called with mu held.
func (s *Server) put(a Assignment, at time.Time, cause string) {
	s.assignmentSettled(a, false) // an assignment provisions its permission set to the account
	if _, ok := s.assignments[a.key()]; ok {
		return
	}
	s.assignments[a.key()] = a
	s.lag.Write(func() { s.seenAssignments[a.key()] = a })
	s.history = append(s.history, Change{At: at, Assignment: a, Present: true, Cause: cause})
}

// remove makes a cease to exist and records the change. Called with mu held.
func (s *Server) remove(a Assignment, at time.Time, cause string) {
	if _, ok := s.assignments[a.key()]; !ok {
		return
	}
	delete(s.assignments, a.key())
	s.lag.Write(func() { delete(s.seenAssignments, a.key()) })
	s.assignmentSettled(a, true)
	s.history = append(s.history, Change{At: at, Assignment: a, Present: false, Cause: cause})
}
