package tests

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/faults"
)

// faultRates are the fault rates of the fault test: per request, 30%
// throttled, 10% answered with a 5xx, 5% of writes rejected with
// ConcurrentModificationException, and 5% dropped connections (half before
// the fake runs the request, half after it ran).
var faultRates = faults.Rates{Throttle: 0.30, ServerError: 0.10, Conflict: 0.05, Drop: 0.05}

// TestTrustedAccessConvergesUnderFaults runs up, refresh and destroy of 40
// principals under the real engine against a fake Organizations that injects
// faults at faultRates, once per seed. Each run must converge: every
// operation succeeds; after up the state holds exactly the 40 resources, each
// once, with the principal as its ID, and the organization has exactly those
// 40 principals enabled; refresh changes nothing; destroy leaves neither
// state nor enabled principals; and the fake saw no write overlapping
// another (no self-inflicted ConcurrentModificationException).
//
// The fake's lists also lag its writes (fakeaws.Consistency, seeded by the
// run's seed), as AWS Organizations' do.
//
// It runs 2 seeds, in parallel (each run takes about 40 s, mostly backing
// off); ORGTRUST_FAULT_RUNS=N runs N.
func TestTrustedAccessConvergesUnderFaults(t *testing.T) {
	runs := faultRuns(t, 2)
	const n = 40
	principals := enableable(t, n)
	var (
		mu                       sync.Mutex
		injectedTotal, converged int
	)
	// The runs go in parallel: each spends most of its time backing off.
	t.Run("seeds", func(t *testing.T) {
		for seed := range uint64(runs) {
			t.Run(fmt.Sprintf("seed-%d", seed+1), func(t *testing.T) {
				t.Parallel()
				inj := faults.New(faults.Organizations(seed+1, faultRates))
				defer func() {
					mu.Lock()
					defer mu.Unlock()
					injectedTotal += inj.Total()
					if !t.Failed() {
						converged++
					}
				}()
				convergeUnderFaults(t, seed+1, inj, principals)
			})
		}
	})
	fmt.Printf("faults runs %d faults-injected %d converged %d/%d\n", runs, injectedTotal, converged, runs)
	assert.Equal(t, runs, converged, "every run converged")
}

// faultRuns is the number of seeded runs of a fault test: ORGTRUST_FAULT_RUNS
// or def. Zero runs would pass without testing anything, so it must be at
// least 1.
func faultRuns(t *testing.T, def int) int {
	t.Helper()
	v := os.Getenv("ORGTRUST_FAULT_RUNS")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, "ORGTRUST_FAULT_RUNS must be a number of runs")
	require.GreaterOrEqual(t, n, 1, "ORGTRUST_FAULT_RUNS=%d runs nothing: give 1 or more", n)
	return n
}

// convergeUnderFaults is one run of TestTrustedAccessConvergesUnderFaults.
func convergeUnderFaults(t *testing.T, seed uint64, inj *faults.Injector, principals []string) {
	fake := fakeorg.New(fakeorg.Options{WriteLatency: 1_000_000, Middleware: inj.Wrap,
		Consistency: &fakeaws.Consistency{Seed: seed}})
	t.Cleanup(fake.Close)
	stack := engine.NewStack(t, enableAll(principals), engine.Options{
		Config: map[string]string{
			"orgtrust:endpoint":          fake.URL(),
			"orgtrust:maxBackoffSeconds": "1",
			// At about a 50% fault rate, 10 attempts fail one call in a
			// thousand; 25 fail one in 30 million.
			"orgtrust:maxAttempts": "25",
		},
		// The 40 operations spend most of their time backing off, so the
		// engine runs them all at once (its default is 4 per CPU).
		Env: withEnv(fakeCredentials, "PULUMI_PARALLEL", "40"),
	})
	begin := time.Now()

	_, err := stack.Up()
	require.NoError(t, err, "up")
	assertManaged(t, stack, fake, principals)
	upTime := time.Since(begin)

	ref, err := stack.Refresh()
	require.NoError(t, err, "refresh")
	assert.False(t, ref.HasChanges(), "refresh finds no drift: %v", ref.Changes)
	assertManaged(t, stack, fake, principals)
	refreshTime := time.Since(begin) - upTime

	_, err = stack.Destroy()
	require.NoError(t, err, "destroy")
	assert.Empty(t, fake.EnabledPrincipals(), "destroy disabled every principal")
	assert.Empty(t, tsaIDs(stack), "destroy left no trusted access in the state")

	assert.Zero(t, fake.ConcurrentModErrors(), "no write overlapped another")
	assert.Positive(t, inj.Total(), "faults were injected")
	t.Logf("%d requests, faults %v; up %s, refresh %s, destroy %s", inj.Requests(), inj.Injected(),
		upTime.Round(time.Second), refreshTime.Round(time.Second),
		(time.Since(begin) - upTime - refreshTime).Round(time.Second))
}

func withEnv(env map[string]string, kv ...string) map[string]string {
	out := maps.Clone(env)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// assertManaged checks that the state holds one TrustedServiceAccess per
// principal, identified by it, and that exactly those are enabled.
func assertManaged(t *testing.T, stack *engine.Stack, fake *fakeorg.Server, principals []string) {
	t.Helper()
	ids := tsaIDs(stack)
	assert.ElementsMatch(t, principals, ids, "the state holds each principal exactly once")
	assert.ElementsMatch(t, principals, slices.Collect(maps.Keys(fake.EnabledPrincipals())),
		"the organization has exactly the managed principals enabled")
}

// tsaIDs returns the IDs of the TrustedServiceAccess resources in the state.
func tsaIDs(stack *engine.Stack) []string {
	var ids []string
	for _, r := range stack.Resources() {
		if r.Type == tsaType {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
