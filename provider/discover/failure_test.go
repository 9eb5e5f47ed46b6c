package discover_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// fault is how a loopback server in front of the fake organization answers
// every call of one service (named by the SigV4 scope of the request): an
// HTTP status, headers and a body, as AWS would send them.
type fault struct {
	service string
	status  int
	header  map[string]string
	body    string
}

// jsonFault is the error of a JSON-protocol service (Organizations, the
// admin APIs): the code in X-Amzn-ErrorType and __type, the request ID in
// X-Amzn-RequestId.
func jsonFault(service string, status int, code, message, requestID string) fault {
	return fault{service: service, status: status,
		header: map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amzn-ErrorType": code,
			"X-Amzn-RequestId": requestID},
		body: fmt.Sprintf(`{"__type":%q,"message":%q}`, code, message)}
}

// faultyFront serves f for f.service and passes every other call to the
// fake organization; it counts the calls it answered with the fault.
func faultyFront(t *testing.T, o *fb.Org, f fault) (string, *atomic.Int64) {
	t.Helper()
	u, err := url.Parse(o.URL())
	require.NoError(t, err)
	pass := httputil.NewSingleHostReverseProxy(u)
	var faults atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, service, ok := fakeservices.Scope(r); !ok || service != f.service {
			pass.ServeHTTP(w, r)
			return
		}
		faults.Add(1)
		for k, v := range f.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(f.body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &faults
}

// closedPort returns the URL of a loopback port that nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return "http://" + addr
}

// quickRetries is the AWS SDK's standard retryer (3 attempts) without its
// back-off, so that a test of a failing endpoint does not wait for it.
func quickRetries() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) { o.MaxBackoff = time.Millisecond })
}

// TestDiscoverSaysWhatFailed points discover at endpoints that fail in each
// way AWS can fail a call, and checks the message: only an access-denied
// error names the deployer policy (and the action it lacks), only an error
// about the credentials says to refresh them, an endpoint that refuses the
// connection is named, and any other error names the action, the HTTP status,
// the error code and the request ID.
func TestDiscoverSaysWhatFailed(t *testing.T) {
	t.Parallel()
	const (
		policyHint      = "the role needs the read-only deployer policy"
		credentialsHint = "aws sso login"
	)
	tests := []struct {
		name  string
		fault fault
		// closed points every service at a closed port instead.
		closed  bool
		want    []string
		notWant []string
		input   bool // an InputError: a problem of discover's input
	}{
		{
			name: "500 from Organizations",
			fault: jsonFault("organizations", 500, "InternalFailure",
				"The request processing has failed because of an unknown error.", "req-500"),
			want: []string{"reading the organization (organizations:DescribeOrganization): failed: HTTP 500, " +
				"InternalFailure: The request processing has failed because of an unknown error., request ID " +
				"req-500, 3 attempts"},
			notWant: []string{policyHint, credentialsHint, "operation error"},
		},
		{
			name: "404 from a wrong endpoint",
			fault: fault{service: "organizations", status: 404,
				header: map[string]string{"Content-Type": "text/html", "X-Amzn-RequestId": "req-404"},
				body:   "<html><body>Not Found</body></html>"},
			want: []string{"reading the organization (organizations:DescribeOrganization): failed: HTTP 404, " +
				"deserialization failed", "request ID req-404"},
			notWant: []string{policyHint, credentialsHint},
		},
		{
			name: "access denied",
			fault: jsonFault("organizations", 400, "AccessDeniedException",
				"You don't have permissions to access this resource.", "req-denied"),
			want: []string{"reading the organization (organizations:DescribeOrganization): access denied (HTTP 400, " +
				"AccessDeniedException: You don't have permissions to access this resource., request ID " +
				"req-denied): " + policyHint +
				" (getDeployerPolicy with readOnly, identityCenter and serviceCatalog), which allows " +
				"organizations:DescribeOrganization"},
			notWant: []string{credentialsHint},
		},
		{
			name: "expired session token",
			fault: fault{service: "sts", status: 403, header: map[string]string{"Content-Type": "text/xml"},
				body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
					`<Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message>` +
					`</Error><RequestId>req-expired</RequestId></ErrorResponse>`},
			want: []string{"AWS did not accept the credentials for sts:GetCallerIdentity (HTTP 403, ExpiredToken: " +
				"The security token included in the request is expired, request ID req-expired): refresh them " +
				"(run `" + credentialsHint + "` for an IAM Identity Center profile) or check AWS_PROFILE"},
			notWant: []string{policyHint},
			input:   true,
		},
		{
			name:   "closed port",
			closed: true,
			want: []string{"could not reach http://127.0.0.1:", "for sts:GetCallerIdentity (",
				"connection refused", "3 attempts): check the network"},
			notWant: []string{policyHint, credentialsHint, "credentials do not work"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := newFake(t, fb.Options{})
			fb.Seed(o)
			cfg := o.AWSConfig(context.Background())
			cfg.Retryer = quickRetries
			var faults *atomic.Int64
			if tt.closed {
				cfg.BaseEndpoint = aws.String(closedPort(t))
			} else {
				var front string
				front, faults = faultyFront(t, o, tt.fault)
				cfg.BaseEndpoint = aws.String(front)
			}
			_, err := discover.Run(context.Background(), discover.Options{Config: cfg, RequestsPerSecond: 1000})
			require.Error(t, err)
			t.Log(err)
			for _, w := range tt.want {
				require.ErrorContains(t, err, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, err.Error(), w)
			}
			var in *components.InputError
			assert.Equal(t, tt.input, errors.As(err, &in), "an InputError only for a problem of discover's input")
			if faults != nil {
				assert.Positive(t, faults.Load(), "the fault was served")
			}
		})
	}
}

// TestDiscoverReportsWhatFailedPerRegion fails one service's administrator
// API with a 500: discover goes on, and the report says what failed, without
// the deployer policy's hint that an access-denied error gets.
func TestDiscoverReportsWhatFailedPerRegion(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	front, faults := faultyFront(t, o, jsonFault("guardduty", 500, "InternalServerErrorException",
		"Internal server error", "req-gd"))
	cfg := o.AWSConfig(context.Background())
	cfg.Retryer = quickRetries
	cfg.BaseEndpoint = aws.String(front)
	res, err := discover.Run(context.Background(), discover.Options{Config: cfg, RequestsPerSecond: 1000,
		Regions: []string{"us-east-1"}})
	require.NoError(t, err)
	assert.Positive(t, faults.Load())
	var why []string
	for _, p := range res.Inventory.Unreadable {
		why = append(why, p.What+": "+p.Why)
	}
	assert.Equal(t, []string{"Amazon GuardDuty's delegated administrator in us-east-1: it could not be read, so " +
		"it is left out of the configuration: guardduty:ListOrganizationAdminAccounts failed (HTTP 500, " +
		"InternalServerErrorException: Internal server error, request ID req-gd, 3 attempts)"}, why)
}
