package provider

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// AssignmentClientOptions configure an AssignmentClient.
type AssignmentClientOptions struct {
	// Endpoint is a custom endpoint for ssoadmin and identitystore (an
	// emulator); OrganizationsEndpoint one for Organizations.
	Endpoint, OrganizationsEndpoint string
	// RequestsPerSecond is the rate of all Identity Center calls (default
	// IdentityCenterRequestsPerSecond).
	RequestsPerSecond float64
	// MaxOutstanding is the most assignment operations outstanding at once
	// (default awsapi.MaxOutstandingAssignmentOps).
	MaxOutstanding int
	// Clock is the time source (default the wall clock).
	Clock awsapi.Clock
	// MaxAttempts and MaxBackoff configure the SDK retryer (defaults 10, 20s).
	MaxAttempts int
	MaxBackoff  time.Duration
}

// AssignmentClient creates, deletes and reads IAM Identity Center account
// assignments within the service's quotas. It is safe for concurrent use:
// every resource of a provider process shares one client, and so one rate
// limiter and one budget of outstanding operations.
type AssignmentClient struct {
	sso   awsapi.Assignments
	ids   awsapi.PrincipalLookup
	orgs  awsapi.AccountLister
	clock awsapi.Clock
	lim   *awsapi.RateLimiter
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
		opts.RequestsPerSecond = awsapi.IdentityCenterRequestsPerSecond
	}
	if opts.MaxOutstanding <= 0 {
		opts.MaxOutstanding = awsapi.MaxOutstandingAssignmentOps
	}
	if opts.Clock == nil {
		opts.Clock = awsapi.WallClock()
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = awsapi.DefaultMaxAttempts
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = awsapi.DefaultMaxBackoff
	}
	c := &AssignmentClient{
		clock: opts.Clock,
		lim:   awsapi.NewRateLimiter(opts.RequestsPerSecond),
		slots: make(chan struct{}, opts.MaxOutstanding),
		poll:  newPollEstimator(),
	}
	count := countMiddleware(&c.calls)
	limit := c.lim.Option(c.clock)
	c.sso = ssoadmin.NewFromConfig(cfg, func(o *ssoadmin.Options) {
		o.Retryer = awsapi.Retryer(awsapi.IdentityCenter, opts.MaxAttempts, opts.MaxBackoff)
		o.APIOptions = append(o.APIOptions, count, limit)
		if opts.Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.Endpoint)
		}
	})
	c.ids = identitystore.NewFromConfig(cfg, func(o *identitystore.Options) {
		o.Retryer = awsapi.Retryer(awsapi.IdentityCenter, opts.MaxAttempts, opts.MaxBackoff)
		o.APIOptions = append(o.APIOptions, count, limit)
		if opts.Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.Endpoint)
		}
	})
	c.orgs = organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		o.Retryer = awsapi.Retryer(awsapi.Organizations, opts.MaxAttempts, opts.MaxBackoff)
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
		case *r > awsapi.IdentityCenterRequestsPerSecond && c.IdentityCenterEndpoint == nil:
			return fmt.Errorf("identityCenterRequestsPerSecond is %g; IAM Identity Center allows at most 20 "+
				"requests per second and does not raise that quota: set 20 or less", *r)
		}
	}
	return nil
}
