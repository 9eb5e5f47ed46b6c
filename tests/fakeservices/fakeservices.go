// Package fakeservices fakes the APIs of the services, other than
// Organizations, whose organization-wide switches the orgtrust provider
// calls: CloudFormation StackSets' organizations access and Amazon Security
// Lake's delegated administrator. Each fake speaks its service's wire
// protocol, so the real aws-sdk-go-v2 clients work against it unmodified, and
// keeps its state in a fakeorg.Server, as the real services keep theirs in
// Organizations: activating StackSets enables its principal there, and
// registering Security Lake's administrator enables securitylake.amazonaws.com
// and registers the account there. Drift made with fakeorg's out-of-band
// helpers shows through the fakes' reads.
package fakeservices

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

const (
	// StackSetsPrincipal is the principal ActivateOrganizationsAccess enables.
	StackSetsPrincipal = "member.org.stacksets.cloudformation.amazonaws.com"
	// SecurityLakePrincipal is the principal Security Lake registers its
	// delegated administrator under.
	SecurityLakePrincipal = "securitylake.amazonaws.com"

	authPrefix = "AWS4-HMAC-SHA256 Credential="
)

// Fault is an error response a fake returns instead of running an operation.
type Fault struct {
	Status int
	Code   string
}

// Throttle is the throttling fault both services return.
func Throttle(code string) Fault { return Fault{Status: http.StatusTooManyRequests, Code: code} }

// server holds what both fakes share: the organization, call counts and
// queued faults.
type server struct {
	org *fakeorg.Server
	srv *httptest.Server

	mu     sync.Mutex
	calls  map[string]int
	faults map[string][]Fault
}

func newServer(org *fakeorg.Server, h http.Handler) *server {
	s := &server{org: org, calls: map[string]int{}, faults: map[string][]Fault{}}
	s.srv = httptest.NewServer(h)
	return s
}

// URL is the endpoint to configure the client with.
func (s *server) URL() string { return s.srv.URL }

// Close stops the server.
func (s *server) Close() { s.srv.Close() }

// Calls returns how many requests op received, faults included.
func (s *server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

// Inject queues faults returned by the next calls to op.
func (s *server) Inject(op string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[op] = append(s.faults[op], faults...)
}

// begin counts a call to op and returns a queued fault for it, if any.
func (s *server) begin(r *http.Request, op string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[op]++
	if !strings.HasPrefix(r.Header.Get("Authorization"), authPrefix) {
		return Fault{Status: http.StatusForbidden, Code: "MissingAuthenticationTokenException"}, true
	}
	if q := s.faults[op]; len(q) > 0 {
		s.faults[op] = q[1:]
		return q[0], true
	}
	return Fault{}, false
}

func (f Fault) message() string { return fmt.Sprintf("injected %s", f.Code) }
