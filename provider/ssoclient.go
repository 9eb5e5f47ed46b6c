package provider

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/smithy-go/middleware"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// IAM Identity Center's quotas, which AWS does not raise: "IAM Identity
// Center APIs have a collective throttle maximum of 20 transactions per
// second (TPS). The CreateAccountAssignment has a maximum rate of 10
// outstanding async calls."
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html)
const (
	// IdentityCenterRequestsPerSecond is the collective request quota.
	IdentityCenterRequestsPerSecond = 20
	// MaxOutstandingAssignmentOps is the most assignment operations (creates
	// and deletes together) that this provider keeps outstanding at once.
	MaxOutstandingAssignmentOps = 10
)

// ssoRetryableCodes are the Identity Center error codes the SDK's standard
// retryer retries on top of its defaults (which cover ThrottlingException).
// AWS's API reference says of ConflictException on CreateAccountAssignment
// and DeleteAccountAssignment: "A retry (with appropriate backoff logic) is
// the recommended response to this exception."
var ssoRetryableCodes = map[string]struct{}{
	"ConflictException":       {},
	"InternalServerException": {},
	"ThrottlingException":     {},
}

func newSSORetryer(maxAttempts int, maxBackoff time.Duration) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxBackoff
		// The client-side rate limiter below keeps calls under the quota; the
		// retry quota would turn a burst of throttles into a failed update.
		o.RateLimiter = ratelimit.None
		o.Retryables = append(append([]retry.IsErrorRetryable{}, o.Retryables...),
			retry.RetryableErrorCode{Codes: ssoRetryableCodes})
	})
}

// Clock is the time source of the assignment client: the wall clock in the
// provider, a simulated clock in benchmarks.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

type wallClock struct{}

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

// RateLimiter spaces calls evenly at a fixed rate: a token bucket of depth
// one, in integer time so that a simulated clock sees exact spacing. One
// limiter is shared by every Identity Center call of a provider process.
type RateLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

// NewRateLimiter returns a limiter of rps calls per second.
func NewRateLimiter(rps float64) *RateLimiter {
	return &RateLimiter{interval: time.Duration(float64(time.Second) / rps)}
}

// take takes a token at now and returns 0, or returns how long until one is
// available without taking it.
func (l *RateLimiter) take(now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Before(l.next) {
		return l.next.Sub(now)
	}
	l.next = now.Add(l.interval)
	return 0
}

// wait blocks until it takes a token.
func (l *RateLimiter) wait(ctx context.Context, clock Clock) error {
	for {
		d := l.take(clock.Now())
		if d == 0 {
			return nil
		}
		if err := clock.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// countMiddleware counts every call (not its retries) into n.
func countMiddleware(n *atomic.Int64) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("orgtrustCount",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				n.Add(1)
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
}

// prepaidKey marks a context whose call took its first token already (the
// pump takes it before dispatching).
type prepaidKey struct{}

// limitMiddleware takes a token before every attempt of every call, retries
// included, except the first attempt of a call the pump prepaid.
func limitMiddleware(l *RateLimiter, clock Clock) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("orgtrustRateLimit",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
				middleware.FinalizeOutput, middleware.Metadata, error,
			) {
				if paid, ok := ctx.Value(prepaidKey{}).(*atomic.Bool); ok && paid.Swap(false) {
					return next.HandleFinalize(ctx, in)
				}
				if err := l.wait(ctx, clock); err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, err
				}
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}

// ssoAdminAPI is the subset of the ssoadmin client the provider uses.
type ssoAdminAPI interface {
	CreateAccountAssignment(context.Context, *ssoadmin.CreateAccountAssignmentInput, ...func(*ssoadmin.Options)) (*ssoadmin.CreateAccountAssignmentOutput, error)
	DeleteAccountAssignment(context.Context, *ssoadmin.DeleteAccountAssignmentInput, ...func(*ssoadmin.Options)) (*ssoadmin.DeleteAccountAssignmentOutput, error)
	DescribeAccountAssignmentCreationStatus(context.Context, *ssoadmin.DescribeAccountAssignmentCreationStatusInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeAccountAssignmentCreationStatusOutput, error)
	DescribeAccountAssignmentDeletionStatus(context.Context, *ssoadmin.DescribeAccountAssignmentDeletionStatusInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeAccountAssignmentDeletionStatusOutput, error)
	ListAccountAssignmentsForPrincipal(context.Context, *ssoadmin.ListAccountAssignmentsForPrincipalInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsForPrincipalOutput, error)
	ListAccountAssignments(context.Context, *ssoadmin.ListAccountAssignmentsInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsOutput, error)
	ListInstances(context.Context, *ssoadmin.ListInstancesInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListInstancesOutput, error)
	// The reads of undeclared access (accountassignments_undeclared.go).
	ListAccountsForProvisionedPermissionSet(context.Context, *ssoadmin.ListAccountsForProvisionedPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountsForProvisionedPermissionSetOutput, error)
	ListManagedPoliciesInPermissionSet(context.Context, *ssoadmin.ListManagedPoliciesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListManagedPoliciesInPermissionSetOutput, error)
	ListCustomerManagedPolicyReferencesInPermissionSet(context.Context, *ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetOutput, error)
}

// identityStoreAPI is the subset of the identitystore client the provider uses.
type identityStoreAPI interface {
	DescribeUser(context.Context, *identitystore.DescribeUserInput, ...func(*identitystore.Options)) (*identitystore.DescribeUserOutput, error)
	DescribeGroup(context.Context, *identitystore.DescribeGroupInput, ...func(*identitystore.Options)) (*identitystore.DescribeGroupOutput, error)
}

// accountsAPI is the Organizations call that lists the accounts.
type accountsAPI interface {
	ListAccounts(context.Context, *organizations.ListAccountsInput, ...func(*organizations.Options)) (*organizations.ListAccountsOutput, error)
}

// AssignmentClientOptions configure an AssignmentClient.
type AssignmentClientOptions struct {
	// Endpoint is a custom endpoint for ssoadmin and identitystore (an
	// emulator); OrganizationsEndpoint one for Organizations.
	Endpoint, OrganizationsEndpoint string
	// RequestsPerSecond is the rate of all Identity Center calls (default
	// IdentityCenterRequestsPerSecond).
	RequestsPerSecond float64
	// MaxOutstanding is the most assignment operations outstanding at once
	// (default MaxOutstandingAssignmentOps).
	MaxOutstanding int
	// Clock is the time source (default the wall clock).
	Clock Clock
	// MaxAttempts and MaxBackoff configure the SDK retryer (defaults 10, 20s).
	MaxAttempts int
	MaxBackoff  time.Duration
}

// AssignmentClient creates, deletes and reads IAM Identity Center account
// assignments within the service's quotas. It is safe for concurrent use:
// every resource of a provider process shares one client, and so one rate
// limiter and one budget of outstanding operations.
type AssignmentClient struct {
	sso   ssoAdminAPI
	ids   identityStoreAPI
	orgs  accountsAPI
	clock Clock
	lim   *RateLimiter
	slots chan struct{} // one token per outstanding operation, shared by all applies
	poll  *pollEstimator

	calls atomic.Int64

	accountsOnce sync.Once
	accounts     map[string]bool
	accountsErr  error
}

// NewAssignmentClient returns a client that calls AWS with cfg.
func NewAssignmentClient(cfg aws.Config, opts AssignmentClientOptions) *AssignmentClient {
	if opts.RequestsPerSecond <= 0 {
		opts.RequestsPerSecond = IdentityCenterRequestsPerSecond
	}
	if opts.MaxOutstanding <= 0 {
		opts.MaxOutstanding = MaxOutstandingAssignmentOps
	}
	if opts.Clock == nil {
		opts.Clock = wallClock{}
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = defaultMaxAttempts
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = defaultMaxBackoff * time.Second
	}
	c := &AssignmentClient{
		clock: opts.Clock,
		lim:   NewRateLimiter(opts.RequestsPerSecond),
		slots: make(chan struct{}, opts.MaxOutstanding),
		poll:  newPollEstimator(),
	}
	cfg = cfg.Copy()
	cfg.Retryer = func() aws.Retryer { return newSSORetryer(opts.MaxAttempts, opts.MaxBackoff) }
	count := countMiddleware(&c.calls)
	limit := limitMiddleware(c.lim, c.clock)
	c.sso = ssoadmin.NewFromConfig(cfg, func(o *ssoadmin.Options) {
		o.APIOptions = append(o.APIOptions, count, limit)
		if opts.Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.Endpoint)
		}
	})
	c.ids = identitystore.NewFromConfig(cfg, func(o *identitystore.Options) {
		o.APIOptions = append(o.APIOptions, count, limit)
		if opts.Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.Endpoint)
		}
	})
	c.orgs = organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		if opts.OrganizationsEndpoint != "" {
			o.BaseEndpoint = aws.String(opts.OrganizationsEndpoint)
		}
	})
	return c
}

// Calls is the number of Identity Center calls (ssoadmin and identitystore)
// the client has made, retries not counted.
func (c *AssignmentClient) Calls() int { return int(c.calls.Load()) }

// lazySSO builds the assignment client on first use, once per provider process.
type lazySSO struct {
	once   sync.Once
	client *AssignmentClient
	err    error
}

// assignments returns the shared assignment client of this provider process.
func (c *Config) assignments(ctx context.Context) (*AssignmentClient, error) {
	if c.sso == nil {
		return nil, fmt.Errorf("the orgtrust provider is not configured")
	}
	c.sso.once.Do(func() {
		maxAttempts, maxBackoff := c.retryLimits()
		cfg, err := c.awsConfig(ctx)
		if err != nil {
			c.sso.err = err
			return
		}
		opts := AssignmentClientOptions{MaxAttempts: maxAttempts, MaxBackoff: maxBackoff}
		if c.IdentityCenterEndpoint != nil {
			opts.Endpoint = *c.IdentityCenterEndpoint
		}
		if c.Endpoint != nil {
			opts.OrganizationsEndpoint = *c.Endpoint
		}
		if c.IdentityCenterRequestsPerSecond != nil {
			opts.RequestsPerSecond = *c.IdentityCenterRequestsPerSecond
		}
		c.sso.client = NewAssignmentClient(cfg, opts)
	})
	return c.sso.client, c.sso.err
}

func (c *Config) annotateIdentityCenter(a infer.Annotator) {
	a.Describe(&c.IdentityCenterEndpoint, "A custom endpoint URL for IAM Identity Center (sso-admin and "+
		"identitystore), for emulators and tests.")
	a.Describe(&c.IdentityCenterRequestsPerSecond, "The rate, in requests per second, of all the IAM Identity "+
		"Center calls of this provider process (AccountAssignments). Defaults to 20, the collective quota "+
		"that AWS does not raise; lower it when other tools call Identity Center at the same time. Values "+
		"above 20 are accepted only with identityCenterEndpoint (an emulator).")
}

func (c *Config) validateIdentityCenter() error {
	if r := c.IdentityCenterRequestsPerSecond; r != nil {
		switch {
		case *r <= 0:
			return fmt.Errorf("identityCenterRequestsPerSecond is %g; it must be above 0 (at most 20, "+
				"IAM Identity Center's collective quota)", *r)
		case *r > IdentityCenterRequestsPerSecond && c.IdentityCenterEndpoint == nil:
			return fmt.Errorf("identityCenterRequestsPerSecond is %g; IAM Identity Center allows at most 20 "+
				"requests per second and does not raise that quota: set 20 or less", *r)
		}
	}
	return nil
}

// RateLimitOption is the API option that takes a token of l before every
// attempt of every call of a client (retries included): for other Identity
// Center clients of this process, such as `orgtrust discover`'s, so that all
// of them stay within the collective quota together.
func RateLimitOption(l *RateLimiter, clock Clock) func(*middleware.Stack) error {
	return limitMiddleware(l, clock)
}

// NewIdentityCenterRetryer is the SDK's standard retryer as the assignment
// client configures it for Identity Center (its retryable codes, no retry
// quota), with the provider's default attempts and backoff.
func NewIdentityCenterRetryer() aws.Retryer {
	return newSSORetryer(defaultMaxAttempts, defaultMaxBackoff*time.Second)
}

// WallClock is the real time source.
func WallClock() Clock { return wallClock{} }
