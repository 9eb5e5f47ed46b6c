package awsapi

import (
	"errors"
	"net"
	"net/url"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// The retryer's defaults: the most attempts of one call, counting the
// first, and the longest delay between two attempts.
const (
	DefaultMaxAttempts = 10
	DefaultMaxBackoff  = 20 * time.Second
)

// The retry rule of each API. Every client orgtrust builds retries with the
// AWS SDK's standard retryer (exponential backoff with jitter, throttling
// and 5xx responses retried), with these differences, each for the reason
// beside it.

// orgRetryableCodes are the Organizations error codes retried on top of the
// SDK's defaults (which already cover throttling such as
// TooManyRequestsException, and 5xx responses): a concurrent modification
// is another write of the organization, which finishes; ServiceException is
// Organizations' own 5xx.
var orgRetryableCodes = map[string]struct{}{
	"ConcurrentModificationException": {},
	"ServiceException":                {},
	"TooManyRequestsException":        {},
}

// ssoRetryableCodes are the Identity Center error codes retried on top of
// the SDK's defaults (which cover ThrottlingException). AWS's API reference
// says of ConflictException on CreateAccountAssignment and
// DeleteAccountAssignment: "A retry (with appropriate backoff logic) is the
// recommended response to this exception."
var ssoRetryableCodes = map[string]struct{}{
	"ConflictException":       {},
	"InternalServerException": {},
	"ThrottlingException":     {},
}

// securityLakeRetryableCodes are retried on top of the SDK's defaults: the
// Security Lake API reference says to retry ConflictException (a write that
// has not yet propagated) with backoff.
var securityLakeRetryableCodes = []string{"ConflictException"}

// OrganizationsRetryer is the retry rule of Organizations: the SDK's
// standard retryer extended to retry its concurrent-modification and
// service errors, without the client-side retry quota (Organizations writes
// are serialized by the write queue, and a burst of concurrent-modification
// errors caused by other tools must not exhaust the quota and fail the
// update), and without retrying an endpoint that cannot be connected to
// (see Unreachable).
func OrganizationsRetryer(maxAttempts int, maxBackoff time.Duration) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxBackoff
		o.RateLimiter = ratelimit.None
		o.Retryables = append(append([]retry.IsErrorRetryable{retry.IsErrorRetryableFunc(notUnreachable)},
			o.Retryables...), retry.RetryableErrorCode{Codes: orgRetryableCodes})
	})
}

// IdentityCenterRetryer is the retry rule of IAM Identity Center (sso-admin
// and the identity store): the SDK's standard retryer extended with its
// retryable codes, without the client-side retry quota: the rate limiter
// keeps calls under the service's quota, and the retry quota would turn a
// burst of throttles into a failed update.
func IdentityCenterRetryer(maxAttempts int, maxBackoff time.Duration) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxBackoff
		o.RateLimiter = ratelimit.None
		o.Retryables = append(append([]retry.IsErrorRetryable{}, o.Retryables...),
			retry.RetryableErrorCode{Codes: ssoRetryableCodes})
	})
}

// WithSecurityLakeRetries is the retry rule of Security Lake: r, the
// client's retryer, extended with its retryable codes.
func WithSecurityLakeRetries(r aws.Retryer) aws.Retryer {
	return retry.AddWithErrorCodes(r, securityLakeRetryableCodes...)
}

// notUnreachable answers false for an endpoint that cannot be connected to,
// and leaves every other error to the SDK's rules.
func notUnreachable(err error) aws.Ternary {
	if _, _, ok := Unreachable(err); ok {
		return aws.FalseTernary
	}
	return aws.UnknownTernary
}

// Unreachable reports whether err is a failure to open a connection to the
// endpoint that retrying will not fix, with the endpoint (scheme and host)
// and the cause.
//
// A connection that cannot be opened because nothing listens at the
// endpoint, or there is no route to it, is not retried (the SDK retries
// refused connections, for a local service still starting): the request
// never reached AWS, and a retry seconds later meets the same wrong
// endpoint or network, so the default budget of 10 attempts would only
// delay the error by about two minutes. Throttling, 5xx responses, dropped
// and reset connections and DNS errors that may be temporary keep the SDK's
// rules.
func Unreachable(err error) (endpoint, cause string, ok bool) {
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		return "", "", false
	}
	var dns *net.DNSError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		cause = "connection refused: nothing listens there"
	case errors.Is(err, syscall.ENETUNREACH):
		cause = "network is unreachable"
	case errors.Is(err, syscall.EHOSTUNREACH):
		cause = "no route to host"
	case errors.As(err, &dns) && dns.IsNotFound:
		cause = "no such host: " + dns.Name
	default:
		return "", "", false
	}
	if op.Addr != nil {
		endpoint = op.Addr.String()
	}
	var u *url.Error
	if errors.As(err, &u) {
		if parsed, perr := url.Parse(u.URL); perr == nil {
			endpoint = parsed.Scheme + "://" + parsed.Host
		}
	}
	return endpoint, cause, true
}
