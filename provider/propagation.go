package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// AWS Organizations and the services whose organization-wide switches the
// provider flips answer reads from replicas that a write reaches a moment
// later: a list right after EnableAWSServiceAccess may not show the
// principal yet, and one right after DisableAWSServiceAccess may still show
// it. terraform-provider-aws meets it by re-reading, after a create, until
// the new resource is found (tfresource.RetryWhenNewResourceNotFound with
// its propagationTimeout of 2 minutes, as internal/service/iam and
// internal/service/kms do), and after a delete until it is gone
// (tfresource.RetryUntilNotFound). The provider does the same after each of
// its writes: the create that reads back what it wrote, so that the refresh
// after an up sees it, and the delete that waits until the change shows, so
// that the create of a later up does not adopt what the delete removed.

// propagationTimeout bounds the wait for a write to show in the reads:
// terraform-provider-aws's propagationTimeout.
const propagationTimeout = 2 * time.Minute

// propagation is how the provider waits for its writes to show: reads
// spaced by the AWS SDK's exponential backoff with jitter, at most
// maxBackoff apart, for at most timeout.
type propagation struct {
	timeout, maxBackoff time.Duration
}

// defaultPropagation waits propagationTimeout, with the provider's default
// backoff.
var defaultPropagation = propagation{timeout: propagationTimeout, maxBackoff: awsapi.DefaultMaxBackoff}

// errNotPropagated is the error of a wait that timed out.
var errNotPropagated = errors.New("the change did not show in AWS's reads")

// wait calls shows until it reports true, an error, or the timeout: the
// first call at once, then after the SDK's backoff delays.
func (w propagation) wait(ctx context.Context, what string, shows func(ctx context.Context) (bool, error)) error {
	if w.timeout <= 0 {
		w.timeout = propagationTimeout
	}
	if w.maxBackoff <= 0 {
		w.maxBackoff = awsapi.DefaultMaxBackoff
	}
	backoff := retry.NewExponentialJitterBackoff(w.maxBackoff)
	deadline := time.Now().Add(w.timeout)
	for attempt := 1; ; attempt++ {
		ok, err := shows(ctx)
		if err != nil || ok {
			return err
		}
		delay, err := backoff.BackoffDelay(attempt, errNotPropagated)
		if err != nil {
			return err
		}
		if time.Now().Add(delay).After(deadline) {
			return fmt.Errorf("waiting %s for %s: %w", w.timeout, what, errNotPropagated)
		}
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// propagation is the configured wait: the retry settings' backoff.
func (c *Config) propagation() propagation {
	_, maxBackoff := c.retryLimits()
	return propagation{timeout: propagationTimeout, maxBackoff: maxBackoff}
}
