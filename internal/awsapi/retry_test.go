package awsapi

import (
	"errors"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
)

// TestRetryerRules checks each API's rule: its own codes are retried, the
// others' are not, throttling is retried everywhere, and a refused
// connection nowhere.
func TestRetryerRules(t *testing.T) {
	t.Parallel()
	code := func(c string) error { return &smithy.GenericAPIError{Code: c} }
	refused := &url.Error{Op: "Post", URL: "https://127.0.0.1:1/", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	for _, tc := range []struct {
		api   API
		err   error
		retry bool
	}{
		{Organizations, code("ConcurrentModificationException"), true},
		{Organizations, code("TooManyRequestsException"), true},
		{Organizations, code("ConflictException"), false},
		{IdentityCenter, code("ConflictException"), true},
		{IdentityCenter, code("ConcurrentModificationException"), false},
		{SecurityLake, code("ConflictException"), true},
		{Other, code("ConflictException"), false},
		{Other, code("ThrottlingException"), true},
		{Organizations, refused, false},
		{IdentityCenter, refused, false},
		{Other, refused, false},
	} {
		r := Retryer(tc.api, DefaultMaxAttempts, DefaultMaxBackoff)
		assert.Equal(t, tc.retry, r.IsErrorRetryable(tc.err), "api %d, error %v", tc.api, tc.err)
	}
}

// TestUnreachableNamesTheEndpoint checks that a refused connection is
// reported with its endpoint and cause, and a reset one is not.
func TestUnreachableNamesTheEndpoint(t *testing.T) {
	t.Parallel()
	refused := &url.Error{Op: "Post", URL: "https://127.0.0.1:1/path", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	endpoint, cause, ok := Unreachable(refused)
	assert.True(t, ok)
	assert.Equal(t, "https://127.0.0.1:1", endpoint)
	assert.Contains(t, cause, "connection refused")
	_, _, ok = Unreachable(&net.OpError{Op: "read", Err: errors.New("connection reset by peer")})
	assert.False(t, ok)
}
