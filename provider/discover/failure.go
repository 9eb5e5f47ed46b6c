package discover

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// What a failed call to AWS says to the user: read from the AWS SDK's error
// types, not from their messages. Only an access-denied error gets the
// deployer policy's hint, naming the action it lacks; only an error about the
// credentials gets the hint to refresh them; an endpoint that cannot be
// reached is named; any other error names the service's action, the HTTP
// status, the error code and the request ID, which is what AWS Support asks
// for.

// accessDeniedCodes are the error codes of a call the caller's policies do
// not allow: AccessDeniedException (the JSON and REST services), AccessDenied
// (STS, IAM), NotAuthorized and UnauthorizedOperation (the common errors of
// https://docs.aws.amazon.com/organizations/latest/APIReference/CommonErrors.html
// and EC2), AuthorizationError (SNS) and AccessDeniedForDependencyException
// (Organizations: a permission the call needs on another service).
var accessDeniedCodes = map[string]bool{
	"AccessDeniedException": true, "AccessDenied": true, "NotAuthorized": true, "UnauthorizedOperation": true,
	"AuthorizationError": true, "AccessDeniedForDependencyException": true,
}

// credentialsCodes are the error codes of a request whose credentials AWS
// does not accept: an expired session (ExpiredToken from STS,
// ExpiredTokenException from the JSON services), an unknown or deleted access
// key (InvalidClientTokenId, UnrecognizedClientException, InvalidAccessKeyId),
// a signature made with the wrong secret (SignatureDoesNotMatch,
// InvalidSignatureException, IncompleteSignature), no credentials
// (MissingAuthenticationToken), or a clock too far off to sign
// (RequestExpired, RequestTimeTooSkewed; the SDK corrects a skew it sees and
// retries, so one that is left is reported).
var credentialsCodes = map[string]bool{
	"ExpiredToken": true, "ExpiredTokenException": true, "InvalidClientTokenId": true,
	"UnrecognizedClientException": true, "InvalidAccessKeyId": true, "SignatureDoesNotMatch": true,
	"InvalidSignatureException": true, "IncompleteSignature": true, "IncompleteSignatureException": true,
	"MissingAuthenticationToken": true, "MissingAuthenticationTokenException": true, "AuthFailure": true,
	"RequestExpired": true, "RequestTimeTooSkewed": true,
}

// failureKind says what kind of failure a call had.
type failureKind int

const (
	failedOther       failureKind = iota // an error of the service, or of the SDK
	failedAccess                         // the caller's policies do not allow the action
	failedCredentials                    // the credentials are missing, expired or not accepted
	failedNetwork                        // the endpoint could not be reached
)

// callError is the error of one call: its IAM action (service prefix and
// operation, as the call counter and the deployer policy name it) and the
// AWS SDK's error, which it wraps unchanged.
type callError struct {
	action string
	err    error
}

func (e *callError) Error() string { return e.err.Error() }
func (e *callError) Unwrap() error { return e.err }

// errorOption names the IAM action in the errors of a client's calls; prefix
// is the client's IAM service prefix. It runs first in the Initialize step,
// so it sees the error once the retryer has given up.
func errorOption(prefix string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("orgtrustDiscoverAction",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				out, md, err := next.HandleInitialize(ctx, in)
				if err != nil {
					err = &callError{action: prefix + ":" + middleware.GetOperationName(ctx), err: err}
				}
				return out, md, err
			}), middleware.Before)
	}
}

// failure is what a failed call says, read from its error.
type failure struct {
	kind     failureKind
	action   string // "organizations:ListRoots"
	endpoint string // the URL the request went to, for a network error
	status   int    // the HTTP status; 0 without a response
	code     string // the service's error code, such as "InternalFailure"
	message  string // the service's error message, or the SDK's error
	request  string // the request ID
	attempts int    // how many attempts the retryer made, when it gave up
}

// classify reads err, an error of a call of discover's clients. ok is false
// when err is not the error of a call.
func classify(err error) (f failure, ok bool) {
	var op *smithy.OperationError
	if !errors.As(err, &op) {
		return failure{}, false
	}
	f.action = op.ServiceID + ":" + op.OperationName
	var call *callError
	if errors.As(err, &call) {
		f.action = call.action
	}
	var attempts *retry.MaxAttemptsError
	if errors.As(err, &attempts) {
		f.attempts = attempts.Attempt
	}
	// The SDK wraps a request that got no response in a ResponseError of
	// status 0 too.
	var resp *awshttp.ResponseError
	if errors.As(err, &resp) && resp.Response != nil && resp.HTTPStatusCode() != 0 {
		f.status, f.request = resp.HTTPStatusCode(), resp.ServiceRequestID()
	}
	var api smithy.APIError
	var signing *v4.SigningError
	var send *smithyhttp.RequestSendError
	switch {
	case errors.As(err, &send):
		// The request was not sent, or got no response: the endpoint is
		// named by the URL the HTTP client tried, or the address it dialed.
		f.kind, f.message = failedNetwork, send.Err.Error()
		var urlErr *url.Error
		var netErr *net.OpError
		switch {
		case errors.As(send.Err, &urlErr):
			f.message = urlErr.Err.Error()
			if u, perr := url.Parse(urlErr.URL); perr == nil {
				f.endpoint = u.Scheme + "://" + u.Host
			}
		case errors.As(send.Err, &netErr) && netErr.Addr != nil:
			f.endpoint = netErr.Addr.String()
		}
	case errors.As(err, &api):
		f.code, f.message = api.ErrorCode(), api.ErrorMessage()
		switch {
		case accessDeniedCodes[f.code]:
			f.kind = failedAccess
		case credentialsCodes[f.code]:
			f.kind = failedCredentials
		}
	case errors.As(err, &signing):
		// The request could not be signed: the credentials could not be
		// retrieved (an expired SSO session, a profile without them).
		f.kind, f.message = failedCredentials, signing.Err.Error()
	default:
		// Something else of the SDK, such as a response it could not read:
		// its innermost message, without the wrappers' prefixes.
		inner := op.Err
		if attempts != nil {
			inner = attempts.Err
		}
		if f.status != 0 && resp.ResponseError.Err != nil {
			inner = resp.ResponseError.Err
		}
		f.message = inner.Error()
	}
	return f, true
}

// details are the facts of the failure, in parentheses: "HTTP 500,
// InternalFailure: message, request ID 1234, 3 attempts".
func (f failure) details() string {
	var parts []string
	if f.status != 0 {
		parts = append(parts, fmt.Sprintf("HTTP %d", f.status))
	}
	switch {
	case f.code != "" && f.message != "" && f.message != f.code:
		parts = append(parts, f.code+": "+f.message)
	case f.code != "":
		parts = append(parts, f.code)
	case f.message != "":
		parts = append(parts, f.message)
	}
	if f.request != "" {
		parts = append(parts, "request ID "+f.request)
	}
	if f.attempts > 1 {
		parts = append(parts, fmt.Sprintf("%d attempts", f.attempts))
	}
	return strings.Join(parts, ", ")
}

// String says what failed and, where the failure says it, what to do.
func (f failure) String() string { return f.say(true) }

// say is String; named says whether to name the action, which the words
// wrapped around the error may have done already.
func (f failure) say(named bool) string {
	action := func(preposition string) string {
		if !named {
			return ""
		}
		return " " + preposition + " " + f.action
	}
	switch f.kind {
	case failedAccess:
		return fmt.Sprintf("access denied%s (%s): the role needs the read-only deployer policy "+
			"(getDeployerPolicy with readOnly, identityCenter and serviceCatalog), which allows %s", action("to"),
			f.details(), f.action)
	case failedCredentials:
		return fmt.Sprintf("AWS did not accept the credentials%s (%s): refresh them (run `aws sso login` "+
			"for an IAM Identity Center profile) or check AWS_PROFILE, then run orgtrust discover again",
			action("for"), f.details())
	case failedNetwork:
		return fmt.Sprintf("could not reach %s%s (%s): check the network and any proxy, and "+
			"AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> if set", f.endpoint, action("for"), f.details())
	case failedOther:
	}
	if named {
		return fmt.Sprintf("%s failed (%s)", f.action, f.details())
	}
	return "failed: " + f.details()
}

// describe is err's message with the AWS SDK's own text of a failed call
// ("operation error Organizations: ListRoots, https response error ...")
// replaced by what failed, keeping what the caller wrapped around it.
func describe(err error) string {
	var op *smithy.OperationError
	f, ok := classify(err)
	if !ok || !errors.As(err, &op) {
		return err.Error()
	}
	msg := err.Error()
	raw := op.Error()
	before, _, found := strings.Cut(msg, raw)
	if !found {
		return msg + ": " + f.String()
	}
	return strings.Replace(msg, raw, f.say(!strings.Contains(before, "("+f.action+")")), 1)
}

// readError is an error that stopped the reads: its message says what
// failed (describe), and it wraps the error of the call.
type readError struct{ err error }

func (e *readError) Error() string { return describe(e.err) }
func (e *readError) Unwrap() error { return e.err }
