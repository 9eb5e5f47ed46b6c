package tests

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestAssignmentClientAtTheQuotaFloor creates 500 assignments on a simulated
// clock at AWS's quotas: never more than 10 outstanding, no throttling
// error, within 15% of the floor, then reads and deletes them.
func TestAssignmentClientAtTheQuotaFloor(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	fake := benchFake(fakesso.Options{Clock: clock, Latency: benchLatency})
	t.Cleanup(fake.Close)
	client := provider.NewAssignmentClient(fakeAWSConfig(), provider.AssignmentClientOptions{
		Endpoint: fake.URL(), Clock: clock, MaxBackoff: time.Second,
	})
	set := benchSet(fake)[:500]
	ctx := context.Background()

	start := clock.Now()
	managed, res, err := client.Converge(ctx, fake.InstanceArn(), nil, set)
	require.NoError(t, err)
	require.Empty(t, res.Failed)
	elapsed := clock.Now().Sub(start)
	floor := time.Duration(math.Ceil(float64(len(set))/10)) * benchLatency
	t.Logf("calls %d simulated %v floor %v", fake.Calls(fakesso.AnyOp), elapsed, floor)
	assert.Len(t, managed, len(set))
	assert.Len(t, fake.Assignments(), len(set))
	assert.Zero(t, fake.Throttled())
	assert.LessOrEqual(t, fake.MaxOutstandingSeen(), 10)
	// 1.04 measured: the first operations pay the learning of the latency.
	assert.LessOrEqual(t, elapsed.Seconds()/floor.Seconds(), 1.15, "within 15 percent of the floor")

	present, err := client.Existing(ctx, fake.InstanceArn(), managed)
	require.NoError(t, err)
	assert.Equal(t, managed, present)

	_, res, err = client.Converge(ctx, fake.InstanceArn(), managed, nil)
	require.NoError(t, err)
	assert.Len(t, res.Deleted, len(set))
	assert.Empty(t, fake.Assignments())
}
