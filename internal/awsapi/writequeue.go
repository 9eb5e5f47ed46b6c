package awsapi

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/smithy-go/middleware"
)

// WriteQueue serializes the writes that change the organization:
// Organizations rejects concurrent changes (ConcurrentModificationException),
// so no two write attempts of a process are ever in flight together. One
// queue serves every such write of a provider process, Organizations' own
// and those of other services that change the organization (enabling
// trusted access through a service's API, registering its delegated
// administrator).
type WriteQueue struct {
	mu sync.Mutex
}

// PerAttempt is the Organizations client option that puts each attempt of
// one call, not the whole call, in the queue, right after the SDK's retry
// middleware: every attempt, with its signing, holds the queue while it is
// in flight, and none holds it while backing off, so a write backing off
// after throttling lets the others go.
func (q *WriteQueue) PerAttempt(o *organizations.Options) {
	o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
		return stack.Finalize.Insert(middleware.FinalizeMiddlewareFunc("orgtrustWriteQueue",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
				middleware.FinalizeOutput, middleware.Metadata, error,
			) {
				q.mu.Lock()
				defer q.mu.Unlock()
				return next.HandleFinalize(ctx, in)
			}), "Retry", middleware.After)
	})
}

// Run runs a whole call of another service's client, retries included, in
// the queue: those clients are not Organizations clients, so the call holds
// the queue from its first attempt to its last.
func (q *WriteQueue) Run(call func() error) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	return call()
}
