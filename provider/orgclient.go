package provider

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// listTTL is how long one ListAWSServiceAccessForOrganization sweep answers
// reads. A provider process lives for one Pulumi operation, so this only lets
// the reads of one refresh or preview share a sweep.
const listTTL = 30 * time.Second

// orgClient wraps the Organizations client with the two disciplines that
// Organizations needs: every write from this provider process goes through
// one queue, and reads of the enabled list are shared.
type orgClient struct {
	api awsapi.TrustedAccess

	// queue is the write queue: Organizations rejects concurrent changes to
	// the organization, so no two write attempts of this process are ever in
	// flight together.
	queue awsapi.WriteQueue

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

	// sweeps counts the sweeps started, so that a wait for a write to show
	// can ask for a sweep newer than the one it read.
	sweeps uint64
	// propagation is how long and how often a write's read-back waits for
	// the write to show in the list.
	propagation propagation
}

// listSweep is one paginated ListAWSServiceAccessForOrganization sweep that any
// number of readers can wait on.
type listSweep struct {
	done    chan struct{}
	gen     uint64 // the sweep's number, from 1
	after   uint64 // the number of writes made before the sweep started
	enabled map[string]time.Time
	err     error
}

func newOrgClient(api awsapi.TrustedAccess) *orgClient {
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
	enabled, _, err := c.sweepAfter(ctx, writes, 0)
	return enabled, err
}

// sweepAfter is enabledPrincipalsAfter from a sweep newer than sweep number
// gen, and that sweep's number: a wait for a write to show reads again with
// the number of the sweep that did not show it.
func (c *orgClient) sweepAfter(ctx context.Context, writes, gen uint64) (map[string]time.Time, uint64, error) {
	c.listMu.Lock()
	s := c.sweep
	stale := s == nil || s.after < writes || s.gen <= gen ||
		(s.isDone() && (s.err != nil || time.Since(c.sweepTime) > listTTL))
	if stale {
		c.sweeps++
		s = &listSweep{done: make(chan struct{}), gen: c.sweeps, after: c.writes}
		c.sweep, c.sweepTime = s, time.Now()
		go s.run(context.WithoutCancel(ctx), c.api)
	}
	c.listMu.Unlock()

	select {
	case <-s.done:
		return s.enabled, s.gen, s.err
	case <-ctx.Done():
		return nil, 0, ctx.Err()
	}
}

// waitListed waits until a sweep after the first `writes` writes lists
// principal (listed true) or no longer lists it (listed false), and returns
// the sweep's answer: Organizations' list lags its writes.
func (c *orgClient) waitListed(ctx context.Context, principal string, writes uint64, listed bool) (
	map[string]time.Time, error,
) {
	var enabled map[string]time.Time
	var gen uint64
	what := principal + " to be listed by ListAWSServiceAccessForOrganization"
	if !listed {
		what = principal + " to be gone from ListAWSServiceAccessForOrganization"
	}
	err := c.propagation.wait(ctx, what, func(ctx context.Context) (bool, error) {
		var err error
		enabled, gen, err = c.sweepAfter(ctx, writes, gen)
		if err != nil {
			return false, err
		}
		_, ok := enabled[principal]
		return ok == listed, nil
	})
	return enabled, err
}

func (s *listSweep) isDone() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func (s *listSweep) run(ctx context.Context, api awsapi.TrustedAccess) {
	defer close(s.done)
	enabled := map[string]time.Time{}
	pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(api,
		&organizations.ListAWSServiceAccessForOrganizationInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			s.err = explain("organizations:ListAWSServiceAccessForOrganization", err)
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
	n, err := c.write(ctx, "organizations:EnableAWSServiceAccess", func(queue func(*organizations.Options)) error {
		_, err := c.api.EnableAWSServiceAccess(ctx, &organizations.EnableAWSServiceAccessInput{
			ServicePrincipal: aws.String(principal),
		}, queue)
		return err
	})
	if err != nil {
		return time.Time{}, err
	}
	// Read the date back outside the write queue; creates that finish their
	// writes close together share the sweeps. The list lags the write: read
	// until it shows the principal (propagation).
	enabled, err = c.waitListed(ctx, principal, n, true)
	if errors.Is(err, errNotPropagated) {
		return time.Time{}, fmt.Errorf("%s was enabled but is missing from ListAWSServiceAccessForOrganization; "+
			"another tool may have disabled it at the same time: %w", principal, err)
	}
	if err != nil {
		return time.Time{}, err
	}
	return enabled[principal], nil
}

// disable disables trusted access for principal through the write queue. It
// relies on DisableAWSServiceAccess succeeding for a disabled principal.
func (c *orgClient) disable(ctx context.Context, principal string) error {
	n, err := c.write(ctx, "organizations:DisableAWSServiceAccess", func(queue func(*organizations.Options)) error {
		_, err := c.api.DisableAWSServiceAccess(ctx, &organizations.DisableAWSServiceAccessInput{
			ServicePrincipal: aws.String(principal),
		}, queue)
		return err
	})
	if err != nil {
		return err
	}
	c.listMu.Lock()
	c.lastDisable = max(c.lastDisable, n)
	c.listMu.Unlock()
	// Wait until the list no longer shows it, so that a later read (this
	// deployment's, or the next one's adoption check) does not take the
	// lagging entry for trusted access that is still enabled.
	if _, err := c.waitListed(ctx, principal, n, false); err != nil {
		return fmt.Errorf("%s was disabled but is still listed by ListAWSServiceAccessForOrganization; "+
			"another tool may have enabled it at the same time: %w", principal, err)
	}
	return nil
}

// write runs one Organizations write through the write queue and returns the
// number of writes made so far. call must pass queue to the client: it puts
// each attempt of the call, not the whole call, in the queue, so that a write
// backing off after throttling lets the others go, while no two attempts are
// ever in flight together.
func (c *orgClient) write(ctx context.Context, action string, call func(queue func(*organizations.Options)) error,
) (uint64, error) {
	if err := call(c.queue.PerAttempt); err != nil {
		return 0, explain(action, err)
	}
	return c.wrote(), nil
}

// explain turns Organizations errors into messages that name the fix. The
// hints come from the error's type and its Reason field, never from a guess
// about the organization: the reasons are those of the Organizations API
// reference (ConstraintViolationException, InvalidInputException and
// AccessDeniedForDependencyException,
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_EnableAWSServiceAccess.html).
// The original error stays in the chain.
func explain(action string, err error) error {
	var (
		denied     *types.AccessDeniedException
		dependency *types.AccessDeniedForDependencyException
		notInUse   *types.AWSOrganizationsNotInUseException
		constraint *types.ConstraintViolationException
		invalid    *types.InvalidInputException
	)
	switch {
	case errors.As(err, &denied):
		return fmt.Errorf("calling %s was denied: trusted access can be changed only with credentials of the "+
			"organization's management account, allowed to call %s; configure orgtrust with that account "+
			"(the profile or assumeRole provider settings): %w", action, action, err)
	case errors.As(err, &dependency):
		if dependency.Reason == types.AccessDeniedForDependencyExceptionReasonAccessDeniedDuringCreateServiceLinkedRole {
			return fmt.Errorf("calling %s: Organizations could not create the service-linked role it needs "+
				"(reason %s): allow the calling identity iam:CreateServiceLinkedRole: %w", action, dependency.Reason, err)
		}
		return fmt.Errorf("calling %s: a call Organizations depends on was denied%s: %w",
			action, reasonSuffix(string(dependency.Reason)), err)
	case errors.As(err, &notInUse):
		return fmt.Errorf("calling %s: the account is not a member of an organization; run orgtrust with the "+
			"credentials of an organization's management account, or create an organization with "+
			"`aws organizations create-organization --feature-set ALL`: %w", action, err)
	case errors.As(err, &constraint):
		switch constraint.Reason {
		case types.ConstraintViolationExceptionReasonOrganizationNotInAllFeaturesMode:
			return fmt.Errorf("calling %s: the organization has only consolidated billing features (reason %s); "+
				"trusted access needs all features: run `aws organizations enable-all-features` in the "+
				"management account and have every invited member account approve it: %w",
				action, constraint.Reason, err)
		case types.ConstraintViolationExceptionReasonServiceAccessNotEnabled:
			return fmt.Errorf("calling %s: trusted access for the service is not enabled (reason %s); enable "+
				"it first, with a TrustedServiceAccess the call depends on: %w", action, constraint.Reason, err)
		}
		return fmt.Errorf("calling %s violated an Organizations constraint%s: %w",
			action, reasonSuffix(string(constraint.Reason)), err)
	case errors.As(err, &invalid):
		if invalid.Reason == types.InvalidInputExceptionReasonUnrecognizedServicePrincipal {
			return fmt.Errorf("calling %s: Organizations does not recognize the service principal (reason %s); "+
				"check its spelling against AWS's list of services that work with Organizations "+
				"(https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html). "+
				"allowUnknownPrincipal waives only orgtrust's catalog, not AWS's check: %w",
				action, invalid.Reason, err)
		}
		return fmt.Errorf("calling %s: Organizations rejected the input%s: %w",
			action, reasonSuffix(string(invalid.Reason)), err)
	}
	if op, ok := stsFailure(err); ok {
		return fmt.Errorf("calling %s: getting credentials failed at STS %s: when the provider's assumeRole "+
			"setting is used, check that assumeRole.roleArn is right, that the role's trust policy allows the "+
			"calling identity, and that assumeRole.externalId is what the trust policy requires: %w",
			action, op.OperationName, err)
	}
	if endpoint, cause, ok := awsapi.Unreachable(err); ok {
		return fmt.Errorf("calling %s: cannot connect to the Organizations endpoint %s (%s); check the provider's "+
			"endpoint and region settings and the network (proxy, firewall, DNS) between this machine and that "+
			"endpoint: %w", action, endpoint, cause, err)
	}
	return fmt.Errorf("calling %s: %w", action, err)
}

// reasonSuffix is " (reason R)", or "" when AWS gave no reason.
func reasonSuffix(reason string) string {
	if reason == "" {
		return ""
	}
	return " (reason " + reason + ")"
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
