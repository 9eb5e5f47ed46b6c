package fakeorg

import "time"

// trust is the trusted-access state of the organization: the enabled
// principals and the delegated administrators. The fake keeps two copies:
// the state every write and check sees, and the view the list operations
// answer from, which lags the writes under Options.Consistency.
type trust struct {
	enabled   map[string]time.Time            // principal -> DateEnabled
	delegated map[string]map[string]time.Time // principal -> account -> DelegationEnabledDate
}

func newTrust() trust {
	return trust{enabled: map[string]time.Time{}, delegated: map[string]map[string]time.Time{}}
}

// enable enables p at at; an enabled principal keeps its date.
func (t *trust) enable(p string, at time.Time) {
	if _, ok := t.enabled[p]; !ok {
		t.enabled[p] = at
	}
}

func (t *trust) disable(p string) { delete(t.enabled, p) }

// register makes account an administrator for p since at; a registered one
// keeps its date.
func (t *trust) register(p, account string, at time.Time) {
	if t.delegated[p] == nil {
		t.delegated[p] = map[string]time.Time{}
	}
	if _, ok := t.delegated[p][account]; !ok {
		t.delegated[p][account] = at
	}
}

func (t *trust) deregister(p, account string) {
	admins := t.delegated[p]
	delete(admins, account)
	if len(admins) == 0 {
		delete(t.delegated, p)
	}
}

func (t *trust) isAdmin(account string) bool {
	for _, admins := range t.delegated {
		if _, ok := admins[account]; ok {
			return true
		}
	}
	return false
}

// mutate applies one write to the state now, and to the view when the lag
// lets reads see it. Called with mu held.
func (s *Server) mutate(write func(t *trust)) {
	write(&s.state)
	s.lag.Write(func() { write(&s.view) })
}

// read counts one read for the lag and returns the view it answers from.
// Called with mu held.
func (s *Server) read() *trust {
	s.lag.Read()
	return &s.view
}

// ReadEnabledPrincipals is what a read of the enabled principals through an
// AWS API sees now: it counts as one read under Options.Consistency, and
// lags the writes as the fake's own list does. The fakes of the services
// that keep their state in Organizations (tests/fakeservices) answer their
// reads with it.
func (s *Server) ReadEnabledPrincipals() map[string]time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.read()
	out := make(map[string]time.Time, len(v.enabled))
	for p, t := range v.enabled {
		out[p] = t
	}
	return out
}

// ReadDelegatedAdmins is what a read of principal's delegated
// administrators through an AWS API sees now (see ReadEnabledPrincipals),
// sorted.
func (s *Server) ReadDelegatedAdmins(principal string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.read().delegated[principal])
}

// Settle makes every write visible to reads at once (see
// Options.Consistency).
func (s *Server) Settle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lag.Settle()
}
