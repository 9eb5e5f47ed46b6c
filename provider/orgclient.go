package provider

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go"
)

// orgRetryableCodes are the Organizations error codes that the AWS SDK's standard
// retryer retries, on top of its defaults (which already cover throttling such
// as TooManyRequestsException, and 5xx responses).
var orgRetryableCodes = map[string]struct{}{
	"ConcurrentModificationException": {},
	"ServiceException":                {},
	"TooManyRequestsException":        {},
}

// newRetryer returns the AWS SDK's standard retryer, with exponential backoff
// and jitter, extended to retry Organizations' concurrent-modification and
// service errors. The client-side retry quota is turned off: Organizations
// writes are serialized by this provider, and a burst of concurrent-modification
// errors caused by other tools must not exhaust the quota and fail the update.
func newRetryer(maxAttempts int, maxBackoff time.Duration) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxBackoff
		o.RateLimiter = ratelimit.None
		o.Retryables = append(append([]retry.IsErrorRetryable{}, o.Retryables...),
			retry.RetryableErrorCode{Codes: orgRetryableCodes})
	})
}

// orgAPI is the subset of the Organizations client used by the provider.
type orgAPI interface {
	EnableAWSServiceAccess(context.Context, *organizations.EnableAWSServiceAccessInput, ...func(*organizations.Options)) (*organizations.EnableAWSServiceAccessOutput, error)
	DisableAWSServiceAccess(context.Context, *organizations.DisableAWSServiceAccessInput, ...func(*organizations.Options)) (*organizations.DisableAWSServiceAccessOutput, error)
	ListAWSServiceAccessForOrganization(context.Context, *organizations.ListAWSServiceAccessForOrganizationInput, ...func(*organizations.Options)) (*organizations.ListAWSServiceAccessForOrganizationOutput, error)
	DescribeOrganization(context.Context, *organizations.DescribeOrganizationInput, ...func(*organizations.Options)) (*organizations.DescribeOrganizationOutput, error)
}

// listTTL is how long one ListAWSServiceAccessForOrganization sweep answers
// reads. A provider process lives for one Pulumi operation, so this only lets
// the reads of one refresh or preview share a sweep.
const listTTL = 30 * time.Second

// orgClient wraps the Organizations client with the two disciplines that
// Organizations needs: every write from this provider process goes through
// one queue, and reads of the enabled list are shared.
type orgClient struct {
	api orgAPI

	// writeMu is the write queue: Organizations rejects concurrent changes to
	// the organization, so writes from this process never overlap.
	writeMu sync.Mutex

	listMu    sync.Mutex
	sweep     *listSweep // the newest sweep, in flight or done
	sweepTime time.Time
	writes    uint64 // successful writes so far; a sweep that starts later sees them all
	// lastDisable is the write count after this process's latest disable: a
	// sweep from before it may still list the disabled principal.
	lastDisable uint64

	// claims maps each principal that a create in this process enabled or
	// adopted to that create's claim ID: a delete in the same deployment of
	// another resource with the same principal must not disable it.
	claims map[string]string
}

// listSweep is one paginated ListAWSServiceAccessForOrganization sweep that any
// number of readers can wait on.
type listSweep struct {
	done    chan struct{}
	after   uint64 // the number of writes made before the sweep started
	enabled map[string]time.Time
	err     error
}

func newOrgClient(api orgAPI) *orgClient {
	return &orgClient{api: api}
}

// enabledPrincipals returns the principals enabled in the organization with the
// date each was enabled. Concurrent callers, and callers within listTTL of a
// sweep, share that sweep.
func (c *orgClient) enabledPrincipals(ctx context.Context) (map[string]time.Time, error) {
	return c.enabledPrincipalsAfter(ctx, 0)
}

// enabledPrincipalsAfter is enabledPrincipals from a sweep that started after
// the first `writes` writes of this process, so that it reflects them. Callers
// that need the same writes share one sweep.
func (c *orgClient) enabledPrincipalsAfter(ctx context.Context, writes uint64) (map[string]time.Time, error) {
	c.listMu.Lock()
	s := c.sweep
	stale := s == nil || s.after < writes ||
		(s.isDone() && (s.err != nil || time.Since(c.sweepTime) > listTTL))
	if stale {
		s = &listSweep{done: make(chan struct{}), after: c.writes}
		c.sweep, c.sweepTime = s, time.Now()
		go s.run(context.WithoutCancel(ctx), c.api)
	}
	c.listMu.Unlock()

	select {
	case <-s.done:
		return s.enabled, s.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *listSweep) isDone() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func (s *listSweep) run(ctx context.Context, api orgAPI) {
	defer close(s.done)
	enabled := map[string]time.Time{}
	pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(api,
		&organizations.ListAWSServiceAccessForOrganizationInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			s.err = explain(ctx, api, "organizations:ListAWSServiceAccessForOrganization", err)
			return
		}
		for _, e := range page.EnabledServicePrincipals {
			enabled[aws.ToString(e.ServicePrincipal)] = aws.ToTime(e.DateEnabled)
		}
	}
	s.enabled = enabled
}

// wrote counts a successful write, so that later reads sweep again.
func (c *orgClient) wrote() uint64 {
	c.listMu.Lock()
	defer c.listMu.Unlock()
	c.writes++
	return c.writes
}

// enable enables trusted access for principal through the write queue, and
// returns the date Organizations recorded and a new claim ID for the
// resource. A principal that is already enabled is adopted without a write.
func (c *orgClient) enable(ctx context.Context, principal string) (time.Time, string, error) {
	at, err := c.enableOrAdopt(ctx, principal)
	if err != nil {
		return time.Time{}, "", err
	}
	claim := rand.Text()
	c.listMu.Lock()
	if c.claims == nil {
		c.claims = map[string]string{}
	}
	c.claims[principal] = claim
	c.listMu.Unlock()
	return at, claim, nil
}

// claimOf returns the claim ID of the latest create of principal in this
// process.
func (c *orgClient) claimOf(principal string) (string, bool) {
	c.listMu.Lock()
	defer c.listMu.Unlock()
	claim, ok := c.claims[principal]
	return claim, ok
}

func (c *orgClient) enableOrAdopt(ctx context.Context, principal string) (time.Time, error) {
	// Adopt only on a sweep that saw this process's disables: an older one
	// may list a principal that is no longer enabled. Enables since then do
	// not matter: a principal missing from the list is enabled, idempotently.
	c.listMu.Lock()
	afterDisable := c.lastDisable
	c.listMu.Unlock()
	enabled, err := c.enabledPrincipalsAfter(ctx, afterDisable)
	if err != nil {
		return time.Time{}, err
	}
	if at, ok := enabled[principal]; ok {
		return at, nil
	}
	n, err := c.write(ctx, "organizations:EnableAWSServiceAccess", func() error {
		_, err := c.api.EnableAWSServiceAccess(ctx, &organizations.EnableAWSServiceAccessInput{
			ServicePrincipal: aws.String(principal),
		})
		return err
	})
	if err != nil {
		return time.Time{}, err
	}
	// Read the date back outside the write queue; creates that finish their
	// writes close together share this sweep.
	enabled, err = c.enabledPrincipalsAfter(ctx, n)
	if err != nil {
		return time.Time{}, err
	}
	at, ok := enabled[principal]
	if !ok {
		return time.Time{}, fmt.Errorf("%s was enabled but is missing from ListAWSServiceAccessForOrganization; "+
			"another tool may have disabled it at the same time", principal)
	}
	return at, nil
}

// disable disables trusted access for principal through the write queue. It
// relies on DisableAWSServiceAccess succeeding for a disabled principal.
func (c *orgClient) disable(ctx context.Context, principal string) error {
	n, err := c.write(ctx, "organizations:DisableAWSServiceAccess", func() error {
		_, err := c.api.DisableAWSServiceAccess(ctx, &organizations.DisableAWSServiceAccessInput{
			ServicePrincipal: aws.String(principal),
		})
		return err
	})
	if err != nil {
		return err
	}
	c.listMu.Lock()
	c.lastDisable = max(c.lastDisable, n)
	c.listMu.Unlock()
	return nil
}

// write runs one Organizations write through the write queue and returns the
// number of writes made so far.
func (c *orgClient) write(ctx context.Context, action string, call func() error) (uint64, error) {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	if err := call(); err != nil {
		return 0, explain(ctx, c.api, action, err)
	}
	return c.wrote(), nil
}

// explain turns Organizations errors into messages that name the fix. The
// original error stays in the chain.
func explain(ctx context.Context, api orgAPI, action string, err error) error {
	var (
		denied     *types.AccessDeniedException
		notInUse   *types.AWSOrganizationsNotInUseException
		constraint *types.ConstraintViolationException
		invalid    *types.InvalidInputException
	)
	switch {
	case errors.As(err, &denied):
		return fmt.Errorf("calling %s was denied: trusted access can be changed only with credentials of the "+
			"organization's management account, allowed to call %s; configure orgtrust with that account "+
			"(the profile or assumeRole provider settings): %w", action, action, err)
	case errors.As(err, &notInUse):
		return fmt.Errorf("calling %s: the account is not a member of an organization; run orgtrust with the "+
			"credentials of an organization's management account, or create an organization with "+
			"`aws organizations create-organization --feature-set ALL`: %w", action, err)
	case errors.As(err, &constraint):
		if featureSetNotAll(ctx, api) {
			return errNotAllFeatures(action, err)
		}
		return fmt.Errorf("calling %s violated an Organizations constraint (reason %s): %w",
			action, constraint.Reason, err)
	case errors.As(err, &invalid):
		if featureSetNotAll(ctx, api) {
			return errNotAllFeatures(action, err)
		}
		return fmt.Errorf("calling %s: Organizations rejected the input (reason %s): %w", action, invalid.Reason, err)
	}
	if op, ok := stsFailure(err); ok {
		return fmt.Errorf("calling %s: getting credentials failed at STS %s: when the provider's assumeRole "+
			"setting is used, check that assumeRole.roleArn is right, that the role's trust policy allows the "+
			"calling identity, and that assumeRole.externalId is what the trust policy requires: %w",
			action, op.OperationName, err)
	}
	return fmt.Errorf("calling %s: %w", action, err)
}

func errNotAllFeatures(action string, err error) error {
	return fmt.Errorf("calling %s: the organization has only consolidated billing features; trusted access "+
		"needs all features: run `aws organizations enable-all-features` in the management account and "+
		"have every invited member account approve it: %w", action, err)
}

// featureSetNotAll reports whether the organization is known to lack all
// features. It is best effort: any error answers false.
func featureSetNotAll(ctx context.Context, api orgAPI) bool {
	out, err := api.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil || out.Organization == nil {
		return false
	}
	return out.Organization.FeatureSet != types.OrganizationFeatureSetAll
}

// stsFailure finds, in err's chain, the STS call that failed while the SDK
// got credentials for an Organizations call (the outer OperationError is the
// Organizations call itself).
func stsFailure(err error) (*smithy.OperationError, bool) {
	for ; err != nil; err = errors.Unwrap(err) {
		if op, ok := err.(*smithy.OperationError); ok && op.ServiceID == "STS" {
			return op, true
		}
	}
	return nil, false
}
