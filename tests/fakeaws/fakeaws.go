// Package fakeaws holds what every fake AWS endpoint of the tests shares: the
// check of a request's SigV4 credential scope, as AWS makes it, and the
// eventual-consistency lag of reads behind writes.
package fakeaws

import (
	"fmt"
	"net/http"
	"regexp"
)

// scopePattern reads the Region and service of a SigV4 Authorization header:
// "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/organizations/aws4_request, ...".
var scopePattern = regexp.MustCompile(`^AWS4-HMAC-SHA256 Credential=[^/,]+/\d{8}/([^/,]*)/([^/,]*)/([^/,]*),`)

// regionPattern is the shape of an AWS Region name (us-east-1, eu-central-2,
// us-gov-west-1, cn-north-1, ap-southeast-7).
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$`)

// Scope returns the Region and signing name of a request's SigV4 credential
// scope; ok is false when the request is not SigV4 signed.
func Scope(r *http.Request) (region, service string, ok bool) {
	m := scopePattern.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// Protocol is how a service words an authentication error.
type Protocol int

const (
	// JSON services (AWS JSON 1.0/1.1 and REST-JSON: Organizations, Identity
	// Center, Security Lake, User Notifications, GuardDuty...) answer a
	// scope AWS refuses with InvalidSignatureException.
	JSON Protocol = iota
	// Query services (the AWS query protocol: CloudFormation, STS) answer it
	// with SignatureDoesNotMatch.
	Query
)

// AuthError is the error a fake answers instead of running a request whose
// signature AWS would refuse: HTTP 403 with AWS's code and message.
type AuthError struct {
	Status  int
	Code    string
	Message string
}

func (e *AuthError) Error() string { return e.Code + ": " + e.Message }

// CheckScope checks a request's SigV4 signature the way AWS front ends check
// it before any operation runs: the request must be signed
// (MissingAuthenticationTokenException otherwise), its credential scope must
// name a valid Region, the Region the endpoint serves when region is not
// empty, the service's signing name, and the aws4_request terminator. AWS
// answers a wrong scope with HTTP 403, code InvalidSignatureException (JSON
// protocols) or SignatureDoesNotMatch (query protocol), and the messages
// below, each problem in one message, as DynamoDB's or SageMaker's answers
// show ("Credential should be scoped to a valid region, not 'c'. Credential
// should be scoped to correct service: 'dynamodb'."). The fakes do not
// verify the signature itself: they hold no secret of the caller.
func CheckScope(r *http.Request, proto Protocol, region, service string) *AuthError {
	m := scopePattern.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return &AuthError{Status: http.StatusForbidden, Code: "MissingAuthenticationTokenException",
			Message: "Missing Authentication Token: the request must be signed with AWS Signature Version 4"}
	}
	code := "InvalidSignatureException"
	if proto == Query {
		code = "SignatureDoesNotMatch"
	}
	msg := ""
	if !regionPattern.MatchString(m[1]) || (region != "" && m[1] != region) {
		msg += fmt.Sprintf("Credential should be scoped to a valid region, not '%s'. ", m[1])
	}
	if m[2] != service {
		msg += fmt.Sprintf("Credential should be scoped to correct service: '%s'. ", service)
	}
	if m[3] != "aws4_request" {
		msg += fmt.Sprintf("Credential should be scoped with a valid terminator: 'aws4_request', not '%s'. ", m[3])
	}
	if msg == "" {
		return nil
	}
	return &AuthError{Status: http.StatusForbidden, Code: code, Message: msg[:len(msg)-1]}
}

// ValidRegion says whether name has the shape of an AWS Region name.
func ValidRegion(name string) bool { return regionPattern.MatchString(name) }
