package tests

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"

	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// The per-resource create model of the benchmark: what `pulumi up` of one
// pulumi-aws AccountAssignment per assignment does against Identity Center,
// on the fake's simulated clock. Each resource's create is
// terraform-provider-aws's resourceAccountAssignmentCreate
// (internal/service/ssoadmin/account_assignment.go): ListAccountAssignments
// to refuse a duplicate, CreateAccountAssignment, then
// DescribeAccountAssignmentCreationStatus after a Delay of 10 s and every
// 5 s, then 10 s (helper/retry StateChangeConf, MinTimeout 5 s, waits
// doubling from 200 ms, bounded below by MinTimeout and above by 10 s),
// and a Read (ListAccountAssignments). Calls that the AWS SDK's standard
// retryer retries (throttles, 5xx answers, broken connections) are retried
// with its backoff (exponential with jitter, at most 20 s), at most 25
// times (pulumi-aws's default maxRetries). The engine runs
// perResourceParallel resource operations at once; no client-side rate
// limit paces them.

// perResourceParallel is `pulumi up`'s default parallelism on this machine:
// four per CPU (pkg/cmd/pulumi/operations/up.go defaultParallel,
// pulumi/pulumi#14989).
func perResourceParallel() int { return 4 * runtime.GOMAXPROCS(0) }

// Waits of pulumi-aws's AccountAssignment create.
const (
	prCreateDelay  = 10 * time.Second
	prMinTimeout   = 5 * time.Second
	prMaxPollWait  = 10 * time.Second
	prMaxRetries   = 25
	prSDKMaxBackof = 20 * time.Second
)

// perResourceResult is what the per-resource creates did.
type perResourceResult struct {
	calls, throttled, failed int
	simulated                time.Duration
	// firstFailure is the first resource's error, when one failed.
	firstFailure error
}

type prStep int

const (
	prFind prStep = iota
	prCreate
	prDescribe
	prRead
)

// prOp is one resource's create in progress on one of the engine's workers.
type prOp struct {
	a       provider.Assignment
	step    prStep
	reqID   string
	retries int
	wait    time.Duration // the last poll wait
	at      time.Time     // when it runs next
	index   int
}

type prQueue []*prOp

func (q prQueue) Len() int           { return len(q) }
func (q prQueue) Less(i, j int) bool { return q[i].at.Before(q[j].at) }
func (q prQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i]; q[i].index, q[j].index = i, j }
func (q *prQueue) Push(x any)        { op := x.(*prOp); op.index = len(*q); *q = append(*q, op) }
func (q *prQueue) Pop() any          { old := *q; op := old[len(old)-1]; *q = old[:len(old)-1]; return op }
func (q *prQueue) schedule(op *prOp) { heap.Push(q, op) }
func (q *prQueue) next() *prOp       { return heap.Pop(q).(*prOp) }
func (q prQueue) empty() bool        { return len(q) == 0 }

// perResourceCreate creates set one resource at a time, parallel at once,
// against fake, whose clock is clock, and returns the calls, throttled
// answers and simulated time it took.
func perResourceCreate(b testing.TB, fake *fakesso.Server, clock *fakesso.SimClock, set []provider.Assignment,
	parallel int,
) perResourceResult {
	b.Helper()
	ctx := context.Background()
	sso := ssoadmin.NewFromConfig(fakeAWSConfig(), func(o *ssoadmin.Options) {
		o.BaseEndpoint = aws.String(fake.URL())
		o.RetryMaxAttempts = 1 // retried below, on the simulated clock
	})
	backoff := retry.NewExponentialJitterBackoff(prSDKMaxBackof)
	// The standard retryer's own test: throttles, 5xx answers and broken
	// connections.
	retryable := retry.NewStandard().IsErrorRetryable
	instance := aws.String(fake.InstanceArn())
	fake.Reset()
	start := clock.Now()
	var q prQueue
	nextAssignment := 0
	take := func(at time.Time) {
		if nextAssignment < len(set) {
			q.schedule(&prOp{a: set[nextAssignment], at: at})
			nextAssignment++
		}
	}
	for range parallel {
		take(start)
	}
	res := perResourceResult{}
	end := start
	for !q.empty() {
		op := q.next()
		if d := op.at.Sub(clock.Now()); d > 0 {
			clock.Advance(d)
		}
		now := clock.Now()
		a := op.a
		var err error
		failed := false // the operation FAILED: not retried
		switch op.step {
		case prFind, prRead:
			_, err = sso.ListAccountAssignments(ctx, &ssoadmin.ListAccountAssignmentsInput{
				InstanceArn: instance, AccountId: aws.String(a.AccountID), PermissionSetArn: aws.String(a.PermissionSetArn),
			})
		case prCreate:
			var out *ssoadmin.CreateAccountAssignmentOutput
			out, err = sso.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
				InstanceArn: instance, PermissionSetArn: aws.String(a.PermissionSetArn),
				PrincipalId: aws.String(a.PrincipalID), PrincipalType: ssotypes.PrincipalType(a.PrincipalType),
				TargetId: aws.String(a.AccountID), TargetType: ssotypes.TargetTypeAwsAccount,
			})
			if err == nil {
				op.reqID = aws.ToString(out.AccountAssignmentCreationStatus.RequestId)
			}
		case prDescribe:
			var out *ssoadmin.DescribeAccountAssignmentCreationStatusOutput
			out, err = sso.DescribeAccountAssignmentCreationStatus(ctx,
				&ssoadmin.DescribeAccountAssignmentCreationStatusInput{
					InstanceArn: instance, AccountAssignmentCreationRequestId: aws.String(op.reqID),
				})
			if err == nil && out.AccountAssignmentCreationStatus.Status == ssotypes.StatusValuesInProgress {
				// StateChangeConf: 200 ms after the first refresh, bounded to
				// [MinTimeout, 10 s], doubling.
				op.wait = min(max(max(op.wait*2, 200*time.Millisecond), prMinTimeout), prMaxPollWait)
				op.at = now.Add(op.wait)
				q.schedule(op)
				continue
			}
			if err == nil && out.AccountAssignmentCreationStatus.Status == ssotypes.StatusValuesFailed {
				err = errors.New(aws.ToString(out.AccountAssignmentCreationStatus.FailureReason))
				failed = true
			}
		}
		switch {
		case err != nil && !failed && retryable(err) && op.retries < prMaxRetries:
			op.retries++
			d, _ := backoff.BackoffDelay(op.retries, err)
			op.at = now.Add(d)
			q.schedule(op)
			continue
		case err != nil:
			// The resource fails: the engine reports it and goes on with the others.
			res.failed++
			if res.firstFailure == nil {
				res.firstFailure = fmt.Errorf("step %d of %s, after %d retries: %w", op.step, a, op.retries, err)
			}
			end = now
			take(now)
			continue
		}
		op.retries = 0
		switch op.step {
		case prFind:
			op.step, op.at = prCreate, now
		case prCreate:
			op.step, op.at = prDescribe, now.Add(prCreateDelay)
		case prDescribe:
			op.step, op.at = prRead, now
		case prRead:
			end = now
			take(now)
			continue
		}
		q.schedule(op)
	}
	res.calls, res.throttled, res.simulated = fake.Calls(fakesso.AnyOp), fake.Throttled(), end.Sub(start)
	return res
}

// TestPerResourceCreateModel checks the model against pulumi-aws's create:
// four calls per assignment (the duplicate check, the create, one status
// poll after the 10 s delay when the operation takes less, the read), a
// second poll 5 s later when the operation takes longer than the delay, at
// most parallel creates at once; and, at Identity Center's quotas, the
// bursts of calls that the engine's workers make at once are throttled and
// retried, and every assignment is still created.
func TestPerResourceCreateModel(t *testing.T) {
	t.Parallel()
	// The expected numbers are terraform-provider-aws's, written out rather
	// than taken from the model's constants, so that a model that drifts
	// from its waits fails: waitAccountAssignmentCreated's StateChangeConf
	// (internal/service/ssoadmin/account_assignment.go) has Delay 10 s and
	// MinTimeout 5 s, so an operation of 3 s is seen done at the first poll,
	// 10 s after the create, and one of 12 s at the second, 15 s after it.
	for _, tc := range []struct {
		latency time.Duration
		calls   int
		perOne  time.Duration
	}{
		{latency: 3 * time.Second, calls: 4, perOne: 10 * time.Second},
		{latency: 12 * time.Second, calls: 5, perOne: 15 * time.Second},
	} {
		clock := fakesso.NewSimClock()
		fake := benchFake(fakesso.Options{Clock: clock, Latency: tc.latency, RequestsPerSecond: 1000})
		t.Cleanup(fake.Close)
		set := benchSet(fake)[:24]
		res := perResourceCreate(t, fake, clock, set, 8)
		assert.Equal(t, len(set)*tc.calls, res.calls, "latency %s", tc.latency)
		assert.Zero(t, res.throttled)
		assert.Zero(t, res.failed)
		assert.Equal(t, 3*tc.perOne, res.simulated, "24 creates, 8 at a time, latency %s", tc.latency)
		assert.Len(t, fake.Assignments(), len(set))
		assert.Equal(t, 8, fake.MaxOutstandingSeen())
	}

	clock := fakesso.NewSimClock()
	fake := benchFake(fakesso.Options{Clock: clock, Latency: 3 * time.Second})
	t.Cleanup(fake.Close)
	set := benchSet(fake)[:40]
	res := perResourceCreate(t, fake, clock, set, 8)
	assert.Zero(t, res.failed)
	assert.Positive(t, res.throttled, "8 workers' calls at one instant exceed 20 per second")
	assert.Equal(t, 4*len(set)+res.throttled, res.calls, "every throttled call is retried")
	assert.Len(t, fake.Assignments(), len(set))
}
