package tests

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/sdk/go/orgtrust"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
	"github.com/orgtrust/pulumi-orgtrust/tests/faults"
)

// ssoFaultRates are the fault rates of the Identity Center fault test: per
// request, 30% throttled, 10% answered with a 5xx, 5% of assignment creates
// and deletes rejected with ConflictException, and 5% dropped connections
// (half before the fake runs the request, half after it ran, so that a
// create or delete is made and its answer lost).
var ssoFaultRates = faults.Rates{Throttle: 0.30, ServerError: 0.10, Conflict: 0.05, Drop: 0.05}

// Targets of the assignment writes, whose lost answers leave an operation
// in progress that the client no longer counts.
const (
	ssoCreateTarget = "SWBExternalService.CreateAccountAssignment"
	ssoDeleteTarget = "SWBExternalService.DeleteAccountAssignment"
)

// faultAssignments is the set each run manages: 2 permission sets, 2 users
// and 2 groups, 2 accounts, 16 assignments: more than the 10 operations the
// client keeps outstanding.
func faultAssignments() string {
	var specs []string
	for ps := 1; ps <= 2; ps++ {
		for _, principal := range []string{"USER:0", "USER:1", "GROUP:0", "GROUP:1"} {
			for account := range 2 {
				specs = append(specs, fmt.Sprintf("%d:%s:%d", ps, principal, account))
			}
		}
	}
	return strings.Join(specs, " ")
}

// faultRun is one seeded run: its own fake Identity Center behind its own
// fault injector, served by its own orgtrust provider (a plugin process of
// its own, with its own rate limiter and budget of outstanding operations),
// and its own AccountAssignments set.
type faultRun struct {
	seed      uint64
	inj       *faults.Injector
	fake      *fakesso.Server
	want      []fakesso.Assignment
	unmanaged fakesso.Assignment
	// failed says a check of the run failed; completed that every
	// operation ran and the run was checked after each.
	failed, completed bool
}

func (r *faultRun) name() string { return fmt.Sprintf("set-%d", r.seed) }

func newFaultRun(t *testing.T, seed uint64) *faultRun {
	var users, groups, accounts []string
	for i := range 4 {
		users, groups, accounts = append(users, ssoUser(i)), append(groups, ssoGroup(i)), append(accounts, ssoAccount(i))
	}
	r := &faultRun{seed: seed, inj: faults.New(faults.IdentityCenter(seed, ssoFaultRates))}
	r.fake = fakesso.New(fakesso.Options{Users: users, Groups: groups, Accounts: accounts,
		Latency: 20 * time.Millisecond, RequestsPerSecond: 200, Middleware: r.inj.Wrap,
		Consistency: &fakeaws.Consistency{Seed: seed}})
	t.Cleanup(r.fake.Close)
	r.want = specs(r.fake, faultAssignments())
	adopted := specs(r.fake, "1:USER:0:0")[0]     // in the set: adopted, not created
	r.unmanaged = specs(r.fake, "2:GROUP:3:3")[0] // not in the set: never touched
	r.fake.Put(adopted, r.unmanaged)
	return r
}

// faultRunsProgram declares, for each run, an orgtrust provider configured
// against the run's fake and an AccountAssignments set with the run's
// assignments.
func faultRunsProgram(runs []*faultRun) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		for _, r := range runs {
			prov, err := orgtrust.NewProvider(ctx, fmt.Sprintf("seed-%d", r.seed), &orgtrust.ProviderArgs{
				Endpoint:                        pulumi.StringPtr(r.fake.URL()),
				IdentityCenterEndpoint:          pulumi.StringPtr(r.fake.URL()),
				IdentityCenterRequestsPerSecond: pulumi.Float64Ptr(100),
				MaxBackoffSeconds:               pulumi.IntPtr(1),
				// At about a 50% fault rate, 25 attempts fail one call in 30 million.
				MaxAttempts: pulumi.IntPtr(25),
			})
			if err != nil {
				return err
			}
			list := make([]components.AccountAssignment, 0, len(r.want))
			for _, a := range r.want {
				list = append(list, components.AccountAssignment{PermissionSetArn: pulumi.String(a.PermissionSetArn),
					PrincipalType: a.PrincipalType, PrincipalID: pulumi.String(a.PrincipalID), AccountID: a.AccountID})
			}
			if _, err := components.NewAccountAssignments(ctx, r.name(), components.AccountAssignmentsArgs{
				InstanceArn: pulumi.String(r.fake.InstanceArn()), Assignments: list,
			}, pulumi.Provider(prov)); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestAccountAssignmentsConvergeUnderFaults runs up, refresh and destroy of
// AccountAssignments sets of 16 assignments under the real engine, each
// against its own quota-true fake Identity Center wrapped in a fault
// injector at ssoFaultRates with its own seed, through its own provider. The
// runs share the engine's operations, so that many seeds take the time of
// one. Each run must converge: every operation succeeds; after up, the state
// holds the set once, with each assignment once, and Identity Center has
// exactly those (one of them adopted) plus one the set does not manage,
// untouched; refresh changes nothing; destroy leaves no set in the state and
// only the unmanaged assignment. And no run inflicts its own errors: the
// client never exceeds the request quota, its retries included, and it is
// refused for outstanding operations only when the answer to one of its
// writes was lost (so that Identity Center ran an operation the client no
// longer counted).
//
// It runs 5 seeds (about 45 s on 2 busy cores, mostly backing off); ORGTRUST_FAULT_RUNS=N
// runs N.
func TestAccountAssignmentsConvergeUnderFaults(t *testing.T) {
	t.Parallel()
	n := faultRuns(t, 5)
	runs := make([]*faultRun, n)
	for i := range runs {
		runs[i] = newFaultRun(t, uint64(i+1))
	}
	stack := engine.NewStack(t, faultRunsProgram(runs), engine.Options{Env: fakeCredentials})
	defer func() {
		injected, converged := 0, 0
		for _, r := range runs {
			injected += r.inj.Total()
			if r.completed && !r.failed {
				converged++
			}
		}
		fmt.Printf("assignments faults runs %d faults-injected %d converged %d/%d\n", n, injected, converged, n)
		assert.Equal(t, n, converged, "every run converged")
	}()
	begin := time.Now()

	_, err := stack.Up()
	require.NoError(t, err, "up")
	state := stack.Resources()
	for _, r := range runs {
		r.check(t, "up", state)
	}
	upTime := time.Since(begin)

	ref, err := stack.Refresh()
	require.NoError(t, err, "refresh")
	assert.False(t, ref.HasChanges(), "refresh finds no drift: %v", ref.Changes)
	state = stack.Resources()
	for _, r := range runs {
		r.check(t, "refresh", state)
	}
	refreshTime := time.Since(begin) - upTime

	_, err = stack.Destroy()
	require.NoError(t, err, "destroy")
	state = stack.Resources()
	for _, r := range runs {
		r.checkDestroyed(t, state)
		r.checkQuotas(t)
	}
	t.Logf("up %s, refresh %s, destroy %s", upTime.Round(time.Second), refreshTime.Round(time.Second),
		(time.Since(begin) - upTime - refreshTime).Round(time.Second))
}

// check checks the run after up or refresh: its set once in the state, with
// each assignment once and no other, and Identity Center with exactly those
// and the unmanaged one.
func (r *faultRun) check(t *testing.T, after string, state []engine.Resource) {
	t.Helper()
	sets := namedSets(state, r.name())
	if !assert.Len(t, sets, 1, "seed %d, after %s: the state holds the set once", r.seed, after) {
		r.failed = true
		return
	}
	ok := assert.ElementsMatch(t, r.want, stateAssignments(t, sets[0]),
		"seed %d, after %s: the state holds each assignment exactly once, and no other", r.seed, after)
	ok = assert.Equal(t, float64(len(r.want)), sets[0].Outputs["count"], "seed %d, after %s: count", r.seed,
		after) && ok
	ok = assert.ElementsMatch(t, append(slices.Clone(r.want), r.unmanaged), r.fake.Assignments(),
		"seed %d, after %s: Identity Center has exactly the managed assignments and the unmanaged one",
		r.seed, after) && ok
	r.failed = r.failed || !ok
}

// checkDestroyed checks the run after destroy.
func (r *faultRun) checkDestroyed(t *testing.T, state []engine.Resource) {
	t.Helper()
	ok := assert.Empty(t, namedSets(state, r.name()), "seed %d: destroy left no set in the state", r.seed)
	ok = assert.Equal(t, []fakesso.Assignment{r.unmanaged}, r.fake.Assignments(),
		"seed %d: destroy deleted every managed assignment, and only those", r.seed) && ok
	r.failed = r.failed || !ok
}

// checkQuotas checks that the run inflicted no error on itself.
func (r *faultRun) checkQuotas(t *testing.T) {
	t.Helper()
	ok := assert.Zero(t, r.fake.RateThrottled(), "seed %d: the client stayed under the request quota, its "+
		"retries included", r.seed)
	lost := r.inj.InjectedFor(ssoCreateTarget, faults.DropAfter) + r.inj.InjectedFor(ssoDeleteTarget, faults.DropAfter)
	if lost == 0 {
		ok = assert.Zero(t, r.fake.OutstandingRefused(), "seed %d: with no answer lost, the client kept at most "+
			"%d operations outstanding", r.seed, fakesso.DefaultMaxOutstanding) && ok
	}
	ok = assert.Positive(t, r.inj.Total(), "seed %d: faults were injected", r.seed) && ok
	r.failed = r.failed || !ok
	r.completed = true
	t.Logf("seed %d: %d requests, faults %v; %d writes' answers lost, refused for outstanding operations %d",
		r.seed, r.inj.Requests(), r.inj.Injected(), lost, r.fake.OutstandingRefused())
}

// namedSets returns the AccountAssignments resources of state named name.
func namedSets(state []engine.Resource, name string) []engine.Resource {
	var out []engine.Resource
	for _, res := range state {
		if res.Type == assignmentsType && strings.HasSuffix(res.URN, "::"+name) {
			out = append(out, res)
		}
	}
	return out
}

// stateAssignments decodes the assignments output of a set.
func stateAssignments(t *testing.T, r engine.Resource) []fakesso.Assignment {
	t.Helper()
	list, ok := r.Outputs["assignments"].([]any)
	require.True(t, ok, "the set has an assignments output: %v", r.Outputs)
	out := make([]fakesso.Assignment, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		require.True(t, ok, "an assignment is an object: %v", item)
		str := func(k string) string { s, _ := m[k].(string); return s }
		out = append(out, fakesso.Assignment{PermissionSetArn: str("permissionSetArn"),
			PrincipalType: str("principalType"), PrincipalID: str("principalId"), AccountID: str("accountId")})
	}
	return out
}
