package tests

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// ciWorkload is a large organization shrunk to run in `make test`: 160
// accounts, 40 permission sets, 540 assignments; accounts times permission
// sets (6,400) is far above the calls the per-principal strategy makes.
var ciWorkload = fb.Large{
	Accounts: 160, AccountsPerOU: 10, LeavesPerBranch: 4, PermissionSets: 40,
	GroupsAssigned: 12, PermissionSetsPerGroup: 4, UsersAssigned: 30, AccountsPerUser: 2,
	GroupsUnassigned: 5, UsersUnassigned: 10,
}

// TestDiscoverCallBound is BenchmarkDiscoverLargeOrganization at CI size,
// with the fakes' small pages, so that every list crosses pages: discover
// reads the whole organization within the call bound of the per-principal
// strategy (calls grow with permission sets and principals, not with
// accounts times permission sets) and without a throttle at Identity
// Center's 20 requests per second (on a simulated clock).
func TestDiscoverCallBound(t *testing.T) {
	t.Parallel()
	l := ciWorkload
	clock := fakesso.NewSimClock()
	o := fb.New(fb.Options{Clock: clock})
	t.Cleanup(o.Close)
	fb.SeedLarge(o, l)
	res, err := discover.Run(context.Background(), discover.Options{
		Config: o.AWSConfig(context.Background()), Services: []string{"sso"}, Clock: clock,
	})
	require.NoError(t, err)
	ic := res.Inventory.IdentityCenter
	require.Len(t, ic.PermissionSets, l.PermissionSets)
	require.Len(t, ic.Assignments, l.Assignments())
	require.Len(t, res.Inventory.Organization.Accounts, l.Accounts+1)

	bound := discoverCallBound(l, fakeorg.DefaultPageSize, fakesso.DefaultPageSize)
	t.Logf("calls %d (bound %d; accounts x permission sets %d), by operation %v, simulated %s",
		res.TotalCalls(), bound, l.Accounts*l.PermissionSets, res.Calls, res.Elapsed)
	require.Less(t, bound, l.Accounts*l.PermissionSets/2, "the bound is far below a call per account and permission set")
	assert.LessOrEqual(t, res.TotalCalls(), bound, "discover's calls grow with permission sets and principals")
	assert.Zero(t, o.SSO.Throttled(), "discover stayed within Identity Center's 20 requests per second")
	assert.Zero(t, o.SSO.Calls(fakesso.OpListAccountAssignments),
		"no read per (permission set, account): ListAccountAssignments is never called")
}
