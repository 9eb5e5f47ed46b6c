// Package fakesso is an in-process fake of IAM Identity Center (sso-admin),
// the identity store, and Organizations' ListAccounts, for tests and
// benchmarks. It enforces Identity Center's quotas as AWS documents them
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html):
//
//   - "a collective throttle maximum of 20 transactions per second": more
//     than RequestsPerSecond sso-admin and identitystore calls within any
//     second get ThrottlingException ("Rate exceeded", the message CloudTrail
//     records for Identity Center throttles, terraform-provider-aws#25552);
//   - "a maximum rate of 10 outstanding async calls" for
//     CreateAccountAssignment: a create or delete while MaxOutstanding
//     operations are in progress gets ThrottlingException "There are too
//     many requests processing. Please try again later." AWS does not
//     document this answer; it is the one users report from
//     CreateAccountAssignment (aws-samples/aws-iam-identity-center-extensions#87).
//     Deletes count too, conservatively.
//
// An operation completes Latency after it was accepted, on the fake's Clock;
// with a SimClock, benchmarks run hours of simulated time without sleeping.
// The fake speaks the AWS JSON 1.1 protocol (X-Amz-Target
// SWBExternalService.<Op>, AWSIdentityStore.<Op>,
// AWSOrganizationsV20161128.ListAccounts), so the real aws-sdk-go-v2
// clients work against it unmodified.
package fakesso

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// Defaults of Options.
const (
	DefaultInstanceArn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
	DefaultIdentityStoreID   = "d-1111111111"
	DefaultRequestsPerSecond = 20
	DefaultMaxOutstanding    = 10
	// MaxPageSize is the largest MaxResults of the assignment list calls.
	MaxPageSize = 100
	// DefaultPageSize is the page the lists return when Options.PageSize
	// is zero: small, so that the tests' lists cross pages (AWS returns
	// NextToken whenever more results remain, whatever MaxResults).
	DefaultPageSize = 10
	// DefaultManagementAccountID is the organization's management account,
	// the account the requests come from unless SetCallerAccountID says
	// otherwise.
	DefaultManagementAccountID = "111111111111"
	// Region is the default Region requests must be signed for.
	Region = "us-east-1"
	// AnyOp, given to Calls, counts every operation.
	AnyOp = "*"
)

// Messages, worded as AWS words them.
const (
	MsgRateExceeded   = "Rate exceeded"
	MsgTooManyPending = "There are too many requests processing. Please try again later."
)

// Clock is the fake's time source.
type Clock interface{ Now() time.Time }

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

// SimClock is a simulated clock: time moves only when Sleep or Advance
// moves it. It satisfies awsapi.Clock (internal/awsapi), so a client and the
// fake can share it. Sleep is meant for a single sleeper (the client's
// pump): it advances the clock at once.
type SimClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewSimClock returns a simulated clock set to a fixed instant.
func NewSimClock() *SimClock {
	return &SimClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// Now is the simulated time.
func (c *SimClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *SimClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Sleep advances the clock by d, unless ctx is done.
func (c *SimClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}

// Options configure the fake. The zero value is one instance with no users,
// groups or accounts, operations that complete at once, and AWS's quotas.
type Options struct {
	InstanceArn     string
	IdentityStoreID string
	// Users and Groups are the principal IDs of the identity store.
	Users, Groups []string
	// Accounts are the organization's account IDs.
	Accounts []string
	// Latency is how long an assignment operation stays IN_PROGRESS.
	Latency time.Duration
	// RequestsPerSecond and MaxOutstanding are the quotas (defaults 20, 10).
	RequestsPerSecond int
	MaxOutstanding    int
	// PageSize is the default and largest page of the lists (default
	// DefaultPageSize, at most MaxPageSize).
	PageSize int
	// Region is the Region of the instance: requests must be signed for it
	// (default Region). A request whose SigV4 credential scope names another
	// Region, or another service than sso (sso-admin), identitystore or
	// organizations (ListAccounts), gets InvalidSignatureException.
	Region string
	// ManagementAccountID is the organization's management account
	// (default DefaultManagementAccountID) and DelegatedAdminAccountID the
	// account registered as Identity Center's delegated administrator, if
	// any: the two accounts whose calls to sso-admin AWS answers. Any other
	// caller (SetCallerAccountID) gets AccessDeniedException.
	ManagementAccountID, DelegatedAdminAccountID string
	// Consistency, when set, makes the lists and describes of assignments
	// and permission sets lag the writes by a few reads, seeded (see
	// fakeaws.Consistency). Nil: every read sees every write.
	Consistency *fakeaws.Consistency
	// Clock is the time source (default the wall clock).
	Clock Clock
	// Middleware, when set, wraps the fake's HTTP handler, for example with
	// a fault injector (package tests/faults).
	Middleware func(http.Handler) http.Handler
	// NoInstance makes ListInstances answer no instance: IAM Identity
	// Center is not enabled.
	NoInstance bool
	// GroupNames and UserNames are the display names of groups and the user
	// names of users, by ID, that GetGroupId, GetUserId and the Describe
	// calls answer with (default "group-" or "user-" and the ID's last four
	// characters).
	GroupNames, UserNames map[string]string
}

// Assignment is one account assignment.
type Assignment struct {
	PermissionSetArn, PrincipalType, PrincipalID, AccountID string
}

func (a Assignment) key() string {
	return a.PermissionSetArn + "|" + a.PrincipalType + "|" + a.PrincipalID + "|" + a.AccountID
}

type operation struct {
	id         string
	a          Assignment
	del        bool
	created    time.Time
	completeAt time.Time
	settled    bool
	failure    string
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	srv  *httptest.Server
	opts Options

	mu     sync.Mutex
	caller string
	lag    *fakeaws.Lag
	// seenAssignments and seenPermissionSets are what reads see: the
	// assignments and permission sets, lagging the writes under
	// Options.Consistency.
	seenAssignments    map[string]Assignment
	seenPermissionSets map[string]*PermissionSet
	users              map[string]bool
	groups             map[string]bool
	accounts           []string
	assignments        map[string]Assignment
	ops                map[string]*operation
	pending            []*operation // not yet settled, in completion order
	failAccount        map[string]string
	window             []time.Time // accepted quota-counted requests in the last second
	seq                int
	prov               provisioningState // provisioning.go

	permissionSets map[string]*PermissionSet
	psSeq          int
	groupNames     map[string]string
	userNames      map[string]string
	abac           []Attribute
	history        []Change
	ic             *identityCenterState  // identitycenter_write.go
	memberships    map[string]Membership // by membership ID (memberships.go)

	calls          map[string]int
	throttled      int
	pendingErrors  int
	maxOutstanding int
}

// New starts a fake. Call Close when done.
func New(opts Options) *Server {
	if opts.InstanceArn == "" {
		opts.InstanceArn = DefaultInstanceArn
	}
	if opts.IdentityStoreID == "" {
		opts.IdentityStoreID = DefaultIdentityStoreID
	}
	if opts.RequestsPerSecond <= 0 {
		opts.RequestsPerSecond = DefaultRequestsPerSecond
	}
	if opts.MaxOutstanding <= 0 {
		opts.MaxOutstanding = DefaultMaxOutstanding
	}
	if opts.PageSize <= 0 {
		opts.PageSize = DefaultPageSize
	}
	opts.PageSize = min(opts.PageSize, MaxPageSize)
	if opts.Region == "" {
		opts.Region = Region
	}
	if opts.ManagementAccountID == "" {
		opts.ManagementAccountID = DefaultManagementAccountID
	}
	if opts.Clock == nil {
		opts.Clock = wallClock{}
	}
	s := &Server{
		opts: opts, users: map[string]bool{}, groups: map[string]bool{},
		accounts:    append([]string{}, opts.Accounts...),
		assignments: map[string]Assignment{}, ops: map[string]*operation{},
		failAccount: map[string]string{}, calls: map[string]int{},
		permissionSets: map[string]*PermissionSet{}, groupNames: map[string]string{}, userNames: map[string]string{},
		caller: opts.ManagementAccountID, lag: fakeaws.NewLag(opts.Consistency),
		seenAssignments: map[string]Assignment{}, seenPermissionSets: map[string]*PermissionSet{},
	}
	sort.Strings(s.accounts)
	for _, u := range opts.Users {
		s.users[u] = true
	}
	for _, g := range opts.Groups {
		s.groups[g] = true
	}
	maps.Copy(s.groupNames, opts.GroupNames)
	maps.Copy(s.userNames, opts.UserNames)
	var h http.Handler = s
	if opts.Middleware != nil {
		h = opts.Middleware(s)
	}
	s.srv = httptest.NewServer(h)
	return s
}

// URL is the endpoint to configure clients with.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// InstanceArn is the fake's instance.
func (s *Server) InstanceArn() string { return s.opts.InstanceArn }

// PermissionSetArn returns the ARN of permission set n of the instance,
// adding the permission set (named "ps-<n>") when it does not exist yet:
// Identity Center refuses an assignment of a permission set that does not
// exist. AddPermissionSet numbers its permission sets from 1 up.
func (s *Server) PermissionSetArn(n int) string {
	arn := s.permissionSetArn(n)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.permissionSets[arn]; !ok {
		s.addPermissionSet(arn, &PermissionSet{Name: fmt.Sprintf("ps-%d", n), SessionDuration: "PT1H"})
	}
	return arn
}

func (s *Server) permissionSetArn(n int) string {
	return fmt.Sprintf("arn:aws:sso:::permissionSet/%s/ps-%016x", s.instanceID(), n)
}

// addPermissionSet makes ps exist, visible to reads when the lag lets them
// see it. Called with mu held.
func (s *Server) addPermissionSet(arn string, ps *PermissionSet) {
	s.permissionSets[arn] = ps
	s.lag.Write(func() { s.seenPermissionSets[arn] = ps })
}

// SetCallerAccountID changes the account later requests come from (see
// Options.ManagementAccountID).
func (s *Server) SetCallerAccountID(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.caller = id
}

// Settle makes every write visible to reads at once (see
// Options.Consistency).
func (s *Server) Settle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lag.Settle()
}

func (s *Server) instanceID() string {
	const prefix = "arn:aws:sso:::instance/"
	return s.opts.InstanceArn[len(prefix):]
}

// Put creates assignments out of band, at once (another tool, or the console).
func (s *Server) Put(as ...Assignment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Clock.Now()
	s.settle(now)
	for _, a := range as {
		s.put(a, now, "Put")
	}
}

// Remove deletes assignments out of band, at once.
func (s *Server) Remove(as ...Assignment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Clock.Now()
	s.settle(now)
	for _, a := range as {
		s.remove(a, now, "Remove")
	}
}

// Assignments returns the assignments that exist now, sorted.
func (s *Server) Assignments() []Assignment {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.opts.Clock.Now())
	out := make([]Assignment, 0, len(s.assignments))
	for _, a := range s.assignments {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	return out
}

// FailAccount makes every later create of an assignment in account end
// FAILED with reason, as AWS fails one when it cannot provision the
// permission set's role there.
func (s *Server) FailAccount(account, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if reason == "" {
		delete(s.failAccount, account)
		return
	}
	s.failAccount[account] = reason
}

// Calls is the number of calls to op (AnyOp: all), throttled ones included.
func (s *Server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if op == AnyOp {
		n := 0
		for _, c := range s.calls {
			n += c
		}
		return n
	}
	return s.calls[op]
}

// Throttled is the number of calls answered ThrottlingException, for the
// request rate or for outstanding operations.
func (s *Server) Throttled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.throttled + s.pendingErrors
}

// RateThrottled is the number of calls answered ThrottlingException for the
// request rate: the client sent more than RequestsPerSecond in a second.
func (s *Server) RateThrottled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.throttled
}

// OutstandingRefused is the number of creates and deletes answered
// ThrottlingException because MaxOutstanding operations were in progress.
func (s *Server) OutstandingRefused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pendingErrors
}

// MaxOutstandingSeen is the most operations that were in progress at once.
func (s *Server) MaxOutstandingSeen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxOutstanding
}

// Reset zeroes the call counters.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = map[string]int{}
	s.throttled, s.pendingErrors, s.maxOutstanding = 0, 0, 0
}

// settle completes the operations due by now. Called with mu held.
func (s *Server) settle(now time.Time) {
	n := 0
	for _, op := range s.pending {
		if op.completeAt.After(now) {
			break
		}
		n++
		op.settled = true
		switch {
		case op.del:
			s.remove(op.a, op.completeAt, OpDeleteAccountAssignment)
		case s.failAccount[op.a.AccountID] != "":
			op.failure = s.failAccount[op.a.AccountID]
		default:
			s.put(op.a, op.completeAt, OpCreateAccountAssignment)
		}
	}
	s.pending = s.pending[n:]
	s.settleProvisioning(now)
}

// admit applies the request-rate quota at now. Called with mu held.
func (s *Server) admit(now time.Time) bool {
	cut := now.Add(-time.Second)
	i := 0
	for i < len(s.window) && !s.window[i].After(cut) {
		i++
	}
	s.window = s.window[i:]
	if len(s.window) >= s.opts.RequestsPerSecond {
		s.throttled++
		return false
	}
	s.window = append(s.window, now)
	return true
}
