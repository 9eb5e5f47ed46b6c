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
	"slices"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

const (
	// StackSetsPrincipal is the principal ActivateOrganizationsAccess enables.
	StackSetsPrincipal = "member.org.stacksets.cloudformation.amazonaws.com"
	// SecurityLakePrincipal is the principal Security Lake registers its
	// delegated administrator under.
	SecurityLakePrincipal = "securitylake.amazonaws.com"

	// DefaultPageSize is the page of the fakes' lists when a client asks
	// for none or more: small, so that the tests' lists cross pages.
	DefaultPageSize = 2
)

// Fault is an error response a fake returns instead of running an operation.
type Fault struct {
	Status  int
	Code    string
	Message string // default "injected <Code>"
}

// Throttle is the throttling fault both services return.
func Throttle(code string) Fault { return Fault{Status: http.StatusTooManyRequests, Code: code} }

// server holds what the fakes share: the organization, the service's
// signing name and protocol, call counts and queued faults.
type server struct {
	org      *fakeorg.Server
	srv      *httptest.Server
	name     string // SigV4 signing name
	protocol fakeaws.Protocol
	// delegable: a delegated administrator of the service may call it too,
	// not only the management account.
	delegable string

	mu     sync.Mutex
	calls  map[string]int
	faults map[string][]Fault
}

func newServer(org *fakeorg.Server, name string, protocol fakeaws.Protocol, h http.Handler) *server {
	s := &server{org: org, name: name, protocol: protocol, calls: map[string]int{}, faults: map[string][]Fault{}}
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

// begin counts a call to op and returns the fault to answer instead of
// running it, if any: a signature scoped to another Region or service
// (checked as AWS checks it), a caller that is neither the organization's
// management account nor, where the service allows it, its delegated
// administrator, or a queued fault.
func (s *server) begin(r *http.Request, op string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[op]++
	if e := fakeaws.CheckScope(r, s.protocol, s.org.Region(), s.name); e != nil {
		return Fault{Status: e.Status, Code: e.Code, Message: e.Message}, true
	}
	if caller := s.org.CallerAccountID(); caller != s.org.ManagementAccountID() &&
		(s.delegable == "" || !slices.Contains(s.org.DelegatedAdmins(s.delegable), caller)) {
		code := "AccessDeniedException"
		if s.protocol == fakeaws.Query {
			code = "AccessDenied"
		}
		return Fault{Status: http.StatusForbidden, Code: code, Message: fmt.Sprintf("User: arn:aws:iam::%s:user/caller "+
			"is not authorized to perform: %s:%s: only the organization's management account can", caller, s.name, op)}, true
	}
	if q := s.faults[op]; len(q) > 0 {
		s.faults[op] = q[1:]
		return q[0], true
	}
	return Fault{}, false
}

func (f Fault) message() string {
	if f.Message != "" {
		return f.Message
	}
	return fmt.Sprintf("injected %s", f.Code)
}
