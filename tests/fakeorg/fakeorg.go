// Package fakeorg is an in-process fake of the AWS Organizations API for
// tests and benchmarks.
//
// It speaks the AWS JSON 1.1 wire protocol (POST /, X-Amz-Target
// "AWSOrganizationsV20161128.<Operation>", Content-Type
// application/x-amz-json-1.1), so the real aws-sdk-go-v2 Organizations client
// works against it unmodified: requests must be SigV4 signed, errors carry
// X-Amzn-ErrorType and a {"__type","Message"[,"Reason"]} body that the SDK
// decodes into its typed errors, and injected throttles or 5xx responses go
// through the SDK retryer.
//
// The fake models the trusted-access part of Organizations:
// EnableAWSServiceAccess, DisableAWSServiceAccess,
// ListAWSServiceAccessForOrganization, DescribeOrganization,
// RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator,
// ListDelegatedAdministrators and ListDelegatedServicesForAccount, and the
// structure's reads (tree.go): ListRoots, ListOrganizationalUnitsForParent,
// ListAccountsForParent and ListAccounts. Any other operation gets
// UnknownOperationException.
//
// Writes (enable, disable, register, deregister) hold the organization
// "being modified" for Options.WriteLatency. A second write arriving inside
// that window gets ConcurrentModificationException, as real Organizations
// does; ConcurrentModErrors counts these, which is how benchmarks prove that a
// client serializes its writes.
package fakeorg

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

const (
	// DefaultManagementAccountID is the management account used when
	// Options.ManagementAccountID is empty.
	DefaultManagementAccountID = "111111111111"
	// OrganizationID is the id of the fake organization.
	OrganizationID = "o-exampleorgid"
	// Region is the region AWSConfig configures.
	Region = "us-east-1"
	// AccessKeyID and SecretAccessKey are the static credentials AWSConfig
	// configures. The fake checks that requests are signed, not which key
	// signed them.
	AccessKeyID     = "AKIDFAKE"
	SecretAccessKey = "SECRETFAKE"

	// FeatureSetAll and FeatureSetConsolidatedBilling are the two
	// organization feature sets.
	FeatureSetAll                 = "ALL"
	FeatureSetConsolidatedBilling = "CONSOLIDATED_BILLING"

	// MaxPageSize is the largest MaxResults AWS accepts on the list
	// operations the fake implements (20 for each of them, Organizations
	// API reference).
	MaxPageSize = 20
	// DefaultPageSize is the page the list operations return when
	// Options.PageSize is zero: smaller than any MaxResults a client asks
	// for, so that every test with more than a handful of items crosses
	// pages, as AWS may ("Organizations might return fewer results than the
	// maximum even when there are more results available").
	DefaultPageSize = 4

	// AnyOp, given to Inject, queues faults returned by the next calls to
	// any operation. Given to Calls, it returns the total of all operations.
	AnyOp = "*"

	// StackSetsPrincipal is rejected by EnableAWSServiceAccess: AWS requires
	// trusted access for CloudFormation StackSets to be enabled from the
	// CloudFormation console or API, not through Organizations.
	StackSetsPrincipal = "stacksets.cloudformation.amazonaws.com"
)

// Operation names (the part of X-Amz-Target after the service prefix).
const (
	OpEnableAWSServiceAccess              = "EnableAWSServiceAccess"
	OpDisableAWSServiceAccess             = "DisableAWSServiceAccess"
	OpListAWSServiceAccessForOrganization = "ListAWSServiceAccessForOrganization"
	OpDescribeOrganization                = "DescribeOrganization"
	OpRegisterDelegatedAdministrator      = "RegisterDelegatedAdministrator"
	OpDeregisterDelegatedAdministrator    = "DeregisterDelegatedAdministrator"
	OpListDelegatedAdministrators         = "ListDelegatedAdministrators"
	OpListDelegatedServicesForAccount     = "ListDelegatedServicesForAccount"
)

var accountIDPattern = regexp.MustCompile(`^\d{12}$`)

// Options configures the fake organization. The zero value is a valid
// all-features organization whose caller is the management account.
type Options struct {
	// ManagementAccountID is the organization's management account
	// (default DefaultManagementAccountID).
	ManagementAccountID string
	// CallerAccountID is the account the requests are treated as coming
	// from (default: the management account). Writes from any other account
	// get AccessDeniedException; list operations from an account that is
	// neither the management account nor a delegated administrator do too.
	CallerAccountID string
	// FeatureSet is FeatureSetAll (default) or FeatureSetConsolidatedBilling.
	// Trusted access needs all features: under consolidated billing the
	// writes get ConstraintViolationException with reason
	// ORGANIZATION_NOT_IN_ALL_FEATURES_MODE.
	FeatureSet string
	// NotInOrganization makes every operation return
	// AWSOrganizationsNotInUseException.
	NotInOrganization bool
	// PageSize is the default and largest page the list operations return
	// (default DefaultPageSize, at most MaxPageSize). A smaller value than a
	// client's MaxResults forces pagination.
	PageSize int
	// Region is the Region requests must be signed for (default Region,
	// us-east-1, where Organizations' endpoint is): a request whose SigV4
	// credential scope names another Region, or another service than
	// "organizations", gets InvalidSignatureException, as AWS answers.
	Region string
	// Consistency, when set, makes the lists lag the writes by a few
	// reads, seeded (see fakeaws.Consistency). Nil: every read sees every
	// write.
	Consistency *fakeaws.Consistency
	// WriteLatency is how long a write holds the organization "being
	// modified". Writes overlapping that window get
	// ConcurrentModificationException.
	WriteLatency time.Duration
	// ExtraPrincipals are service principals EnableAWSServiceAccess
	// accepts on top of those AWS documents (a service newer than the
	// fake). Any other principal gets InvalidInputException with reason
	// UNRECOGNIZED_SERVICE_PRINCIPAL, as AWS answers.
	ExtraPrincipals []string
	// Middleware, when set, wraps the fake's HTTP handler, for example with
	// a fault injector (package tests/faults).
	Middleware func(http.Handler) http.Handler
}

// Fault is an error response the fake returns instead of running an
// operation; see Server.Inject.
type Fault struct {
	// Status is the HTTP status (400 when zero).
	Status int
	// Code is the error type, sent as X-Amzn-ErrorType and "__type".
	Code string
	// Message is the error message.
	Message string
	// Reason is sent as "Reason" when not empty (ConstraintViolationException
	// and InvalidInputException carry one).
	Reason string
}

// Throttle is the TooManyRequestsException AWS returns when a caller exceeds
// the request rate. The SDK's standard retryer retries it.
func Throttle() Fault {
	return Fault{
		Status:  400,
		Code:    "TooManyRequestsException",
		Message: "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.",
	}
}

// ConcurrentModification is the ConcurrentModificationException AWS returns
// when another request is modifying the organization. The SDK's standard
// retryer does not retry it.
func ConcurrentModification() Fault {
	return Fault{Status: 400, Code: "ConcurrentModificationException", Message: msgConcurrentModification}
}

// ServiceError is the ServiceException (HTTP 400) AWS returns for an internal
// service error. The SDK's standard retryer does not retry it.
func ServiceError() Fault {
	return Fault{Status: 400, Code: "ServiceException", Message: msgServiceException}
}

// InternalError is a ServiceException with HTTP status 500. The SDK's
// standard retryer retries it because of the status.
func InternalError() Fault {
	return Fault{Status: 500, Code: "ServiceException", Message: msgServiceException}
}

// Unavailable is an HTTP 503 ServiceUnavailableException. The SDK decodes it
// as a generic API error and its standard retryer retries it.
func Unavailable() Fault {
	return Fault{Status: 503, Code: "ServiceUnavailableException", Message: "Service is unavailable. Try again later."}
}

// Server is a running fake Organizations endpoint. All methods are safe for
// concurrent use.
type Server struct {
	srv       *httptest.Server
	closed    chan struct{}
	closeOnce sync.Once

	mu           sync.Mutex
	mgmt         string
	caller       string
	featureSet   string
	inOrg        bool
	pageSize     int
	writeLatency time.Duration
	created      time.Time // JoinedTimestamp of every account

	region   string
	known    map[string]bool              // principals EnableAWSServiceAccess accepts
	state    trust                        // what writes and their checks see
	view     trust                        // what reads see: state, lagging under Consistency
	lag      *fakeaws.Lag                 // nil: reads see every write at once
	busy     bool                         // a write is in progress
	ous      map[string]ou                // the OUs, by ID
	accounts map[string]account           // the member accounts, by ID
	tags     map[string]map[string]string // account -> key -> value (tags.go)

	faults              map[string][]Fault
	calls               map[string]int
	writeCalls          int
	concurrentModErrors int
	injectedFaults      int
	requestSeq          uint64
}

// New starts a fake Organizations endpoint. It panics when opts is invalid,
// naming the field, the value and the fix. Call Close when done.
func New(opts Options) *Server {
	if opts.ManagementAccountID == "" {
		opts.ManagementAccountID = DefaultManagementAccountID
	}
	if opts.CallerAccountID == "" {
		opts.CallerAccountID = opts.ManagementAccountID
	}
	if opts.FeatureSet == "" {
		opts.FeatureSet = FeatureSetAll
	}
	if opts.PageSize == 0 {
		opts.PageSize = DefaultPageSize
	}
	if opts.Region == "" {
		opts.Region = Region
	}
	if err := validateOptions(opts); err != nil {
		panic(fmt.Sprintf("fakeorg.New: %v", err))
	}
	s := &Server{
		closed:       make(chan struct{}),
		mgmt:         opts.ManagementAccountID,
		caller:       opts.CallerAccountID,
		featureSet:   opts.FeatureSet,
		inOrg:        !opts.NotInOrganization,
		pageSize:     opts.PageSize,
		writeLatency: opts.WriteLatency,
		created:      now(),
		region:       opts.Region,
		known:        map[string]bool{},
		state:        newTrust(),
		view:         newTrust(),
		lag:          fakeaws.NewLag(opts.Consistency),
		ous:          map[string]ou{},
		accounts:     map[string]account{},
		faults:       map[string][]Fault{},
		calls:        map[string]int{},
	}
	for p := range awsPrincipals {
		s.known[p] = true
	}
	for _, p := range opts.ExtraPrincipals {
		s.known[p] = true
	}
	var h http.Handler = s
	if opts.Middleware != nil {
		h = opts.Middleware(s)
	}
	s.srv = httptest.NewServer(h)
	return s
}

func validateOptions(opts Options) error {
	if !accountIDPattern.MatchString(opts.ManagementAccountID) {
		return fmt.Errorf("field Options.ManagementAccountID %q is not a 12-digit account id: use e.g. %q", opts.ManagementAccountID, DefaultManagementAccountID)
	}
	if !accountIDPattern.MatchString(opts.CallerAccountID) {
		return fmt.Errorf("field Options.CallerAccountID %q is not a 12-digit account id: use e.g. %q or leave it empty for the management account", opts.CallerAccountID, "222222222222")
	}
	if err := validateFeatureSet(opts.FeatureSet); err != nil {
		return fmt.Errorf("field Options.FeatureSet: %w", err)
	}
	if opts.PageSize < 1 || opts.PageSize > MaxPageSize {
		return fmt.Errorf("field Options.PageSize %d is out of range: use 1 to %d, or 0 for %d", opts.PageSize, MaxPageSize, DefaultPageSize)
	}
	if !fakeaws.ValidRegion(opts.Region) {
		return fmt.Errorf("field Options.Region %q is not an AWS Region name: use e.g. %q", opts.Region, Region)
	}
	if opts.WriteLatency < 0 {
		return fmt.Errorf("field Options.WriteLatency %s is negative: use 0 or a positive duration", opts.WriteLatency)
	}
	return nil
}

func validateFeatureSet(fs string) error {
	if fs != FeatureSetAll && fs != FeatureSetConsolidatedBilling {
		return fmt.Errorf("feature set %q is not valid: use %q or %q", fs, FeatureSetAll, FeatureSetConsolidatedBilling)
	}
	return nil
}

// URL is the endpoint URL, for BaseEndpoint or a provider's endpoint config.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server. A write sleeping through WriteLatency finishes at
// once. Close is idempotent.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.srv.Close()
	})
}

// AWSConfig returns a config for clients of the fake: region us-east-1,
// static credentials AccessKeyID/SecretAccessKey, BaseEndpoint URL. It reads
// nothing from the environment or shared config files. The retryer is left
// unset, so clients get the SDK's default standard retryer.
func (s *Server) AWSConfig(_ context.Context) aws.Config {
	return aws.Config{
		Region:       Region,
		Credentials:  aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(AccessKeyID, SecretAccessKey, "")),
		BaseEndpoint: aws.String(s.URL()),
		HTTPClient:   s.srv.Client(),
	}
}

// Inject queues faults returned, in order, by the next calls to op (an
// operation name such as OpEnableAWSServiceAccess, or AnyOp for any
// operation). Faults queued for the operation itself are used before AnyOp
// ones. A fault is returned after the request passed the signature check and
// before the operation runs, so it changes no state.
func (s *Server) Inject(op string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[op] = append(s.faults[op], faults...)
}

// Calls is the number of requests received for op, including failed and
// retried ones. Calls(AnyOp) is the total over all operations.
func (s *Server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if op == AnyOp {
		total := 0
		for _, n := range s.calls {
			total += n
		}
		return total
	}
	return s.calls[op]
}

// WriteCalls is the number of Enable/Disable/Register/Deregister requests
// received, including failed and retried ones.
func (s *Server) WriteCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeCalls
}

// ConcurrentModErrors is the number of ConcurrentModificationException
// responses caused by writes overlapping in time. Injected ones are not
// included; see InjectedFaults.
func (s *Server) ConcurrentModErrors() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.concurrentModErrors
}

// InjectedFaults is the number of injected faults returned so far.
func (s *Server) InjectedFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.injectedFaults
}

// Reset zeroes the counters (Calls, WriteCalls, ConcurrentModErrors,
// InjectedFaults). Organization state and queued faults are kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = map[string]int{}
	s.writeCalls = 0
	s.concurrentModErrors = 0
	s.injectedFaults = 0
}

// EnabledPrincipals returns a copy of the enabled service principals and
// their DateEnabled.
func (s *Server) EnabledPrincipals() map[string]time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]time.Time, len(s.state.enabled))
	for p, t := range s.state.enabled {
		out[p] = t
	}
	return out
}

// EnableOutOfBand enables trusted access for p as another tool would: no
// request is counted and the write lock is ignored. Enabling an enabled
// principal keeps its DateEnabled. Like every write, it lags under
// Options.Consistency.
func (s *Server) EnableOutOfBand(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := now()
	s.mutate(func(t *trust) { t.enable(p, at) })
}

// DisableOutOfBand disables trusted access for p as another tool would.
func (s *Server) DisableOutOfBand(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mutate(func(t *trust) { t.disable(p) })
}

// RegisterOutOfBand registers account as a delegated administrator for
// principal as another tool would, without the checks the API makes.
func (s *Server) RegisterOutOfBand(principal, account string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := now()
	s.mutate(func(t *trust) { t.register(principal, account, at) })
}

// DeregisterOutOfBand removes account as a delegated administrator for
// principal as another tool would.
func (s *Server) DeregisterOutOfBand(principal, account string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mutate(func(t *trust) { t.deregister(principal, account) })
}

// DelegatedAdmins returns the accounts registered as delegated
// administrators for principal, sorted.
func (s *Server) DelegatedAdmins(principal string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.state.delegated[principal])
}

// SetCallerAccountID changes the account later requests are treated as
// coming from. It panics when id is not a 12-digit account id.
func (s *Server) SetCallerAccountID(id string) {
	if !accountIDPattern.MatchString(id) {
		panic(fmt.Sprintf("fakeorg: SetCallerAccountID: account id %q is not 12 digits: use e.g. %q", id, "222222222222"))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.caller = id
}

// SetFeatureSet changes the organization's feature set. It panics when fs is
// not FeatureSetAll or FeatureSetConsolidatedBilling.
func (s *Server) SetFeatureSet(fs string) {
	if err := validateFeatureSet(fs); err != nil {
		panic(fmt.Sprintf("fakeorg: SetFeatureSet: %v", err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.featureSet = fs
}

// SetInOrganization changes whether the caller's account belongs to an
// organization; when false every operation returns
// AWSOrganizationsNotInUseException.
func (s *Server) SetInOrganization(in bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inOrg = in
}

// now is the current time at the millisecond precision the wire format
// carries, so that decoded timestamps equal the stored ones.
func now() time.Time { return time.UnixMilli(time.Now().UnixMilli()).UTC() }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
