package provider

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServiceWritesShareTheOrganizationsQueue runs the other services'
// organization-changing writes (StackSets activation, Security Lake
// registration) concurrently with TrustedServiceAccess's Organizations writes:
// no two ever overlap, and each counts as a write, so later reads of the
// enabled list sweep again.
func TestServiceWritesShareTheOrganizationsQueue(t *testing.T) {
	t.Parallel()
	c := newOrgClient(nil)
	var active, maxActive atomic.Int32
	call := func() error {
		n := active.Add(1)
		for {
			m := maxActive.Load()
			if n <= m || maxActive.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(time.Millisecond)
		active.Add(-1)
		return nil
	}
	// An Organizations write holds the queue only in its attempts: run call
	// as the one attempt of a middleware stack that carries the queue where
	// the SDK's client would put it, right after its retry middleware.
	orgsWrite := func(queue func(*organizations.Options)) error {
		var o organizations.Options
		queue(&o)
		stack := middleware.NewStack("write", func() interface{} { return nil })
		retry := middleware.FinalizeMiddlewareFunc("Retry", func(ctx context.Context, in middleware.FinalizeInput,
			next middleware.FinalizeHandler,
		) (middleware.FinalizeOutput, middleware.Metadata, error) {
			return next.HandleFinalize(ctx, in)
		})
		if err := stack.Finalize.Add(retry, middleware.After); err != nil {
			return err
		}
		for _, apply := range o.APIOptions {
			if err := apply(stack); err != nil {
				return err
			}
		}
		attempt := middleware.HandlerFunc(func(context.Context, interface{}) (interface{}, middleware.Metadata, error) {
			return nil, middleware.Metadata{}, call()
		})
		_, _, err := middleware.DecorateHandler(attempt, stack).Handle(context.Background(), struct{}{})
		return err
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, err := c.write(ctx, "organizations:EnableAWSServiceAccess", orgsWrite)
				assert.NoError(t, err)
			} else {
				assert.NoError(t, c.serviceWrite(ctx, "cloudformation:ActivateOrganizationsAccess", call))
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(1), maxActive.Load(), "writes overlapped")
	assert.Equal(t, uint64(20), c.writes, "every write is counted")
}

func TestServiceWriteErrorsNameTheFix(t *testing.T) {
	t.Parallel()
	c := newOrgClient(nil)
	denied := &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "no"}
	err := c.serviceWrite(context.Background(), "securitylake:RegisterDataLakeDelegatedAdministrator",
		func() error { return denied })
	require.ErrorContains(t, err, "calling securitylake:RegisterDataLakeDelegatedAdministrator was denied")
	require.ErrorContains(t, err, "management account")
	assert.True(t, errors.Is(err, denied), "the AWS error stays in the chain")
	assert.Zero(t, c.writes, "a failed write is not counted")

	other := &smithy.GenericAPIError{Code: "BadRequestException", Message: "bad"}
	err = c.serviceWrite(context.Background(), "cloudformation:ActivateOrganizationsAccess", func() error { return other })
	require.ErrorContains(t, err, "calling cloudformation:ActivateOrganizationsAccess: ")
}
