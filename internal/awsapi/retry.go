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

// API names a service whose clients share one retry rule.
type API int

// The APIs orgtrust calls, by retry rule.
const (
	// Other is every API without a rule of its own: CloudFormation, User
	// Notifications, Service Catalog, STS and the services' own
	// delegated-administrator APIs (GuardDuty, Security Hub, ...).
	Other API = iota
	// Organizations is AWS Organizations.
	Organizations
	// IdentityCenter is IAM Identity Center: sso-admin and the identity
	// store.
	IdentityCenter
	// SecurityLake is Amazon Security Lake.
	SecurityLake
)

// retryableCodes are the error codes each API retries on top of the SDK's
// defaults (throttling, 5xx responses, and transient connection errors),
// with the reason for each.
var retryableCodes = map[API]map[string]struct{}{
	// A concurrent modification is another write of the organization, which
	// finishes; ServiceException is Organizations' own 5xx;
	// TooManyRequestsException is its throttling.
	Organizations: {
		"ConcurrentModificationException": {},
		"ServiceException":                {},
		"TooManyRequestsException":        {},
	},
	// AWS's API reference says of ConflictException on
	// CreateAccountAssignment and DeleteAccountAssignment: "A retry (with
	// appropriate backoff logic) is the recommended response to this
	// exception."
	IdentityCenter: {
		"ConflictException":       {},
		"InternalServerException": {},
		"ThrottlingException":     {},
	},
	// The Security Lake API reference says to retry ConflictException (a
	// write that has not yet propagated) with backoff.
	SecurityLake: {"ConflictException": {}},
}

// Retryer is the retry rule of api, the one every client of it uses, the
// provider's and discover's alike: the AWS SDK's standard retryer
// (exponential backoff with jitter, at most maxAttempts attempts and
// maxBackoff between two), with api's retryable codes, and two
// differences from the SDK's defaults for every API:
//   - no client-side retry quota: Organizations writes are serialized by
//     the write queue and Identity Center's calls paced by the rate
//     limiter, so a burst of concurrent-modification errors or throttles
//     caused by other tools must not exhaust the quota and fail the update
//     or the read;
//   - an endpoint that cannot be connected to is not retried (see
//     Unreachable).
func Retryer(api API, maxAttempts int, maxBackoff time.Duration) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxBackoff
		o.RateLimiter = ratelimit.None
		o.Retryables = append([]retry.IsErrorRetryable{retry.IsErrorRetryableFunc(notUnreachable)},
			o.Retryables...)
		if codes := retryableCodes[api]; len(codes) > 0 {
			o.Retryables = append(o.Retryables, retry.RetryableErrorCode{Codes: codes})
		}
	})
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
