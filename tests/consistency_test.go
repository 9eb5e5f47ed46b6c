package tests

import (
	"maps"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// The native resources under eventual consistency: the fakes' lists and
// describes lag each write by 1 to 6 reads (fakeaws.Consistency), as AWS
// Organizations and IAM Identity Center answer from replicas a write
// reaches a moment later. Each resource must survive it under the real
// engine: up creates it and reads it right after, a refresh right after the
// up finds no drift (it must not drop what up made), destroy deletes it, and
// an up right after the destroy creates it again (it must not adopt what
// the destroy removed). ORGTRUST_LAG_SEED picks the seed (default 1).

// lagConsistency is the lag of these tests.
func lagConsistency(t *testing.T) *fakeaws.Consistency {
	seed := uint64(1)
	if v := os.Getenv("ORGTRUST_LAG_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		require.NoError(t, err, "ORGTRUST_LAG_SEED must be a number")
		seed = n
	}
	return &fakeaws.Consistency{Seed: seed, MaxLag: 6}
}

// lagCycle runs up, refresh, destroy and up again on stack, checking AWS's
// side with present after each step.
func lagCycle(t *testing.T, stack *engine.Stack, present func() bool) {
	t.Helper()
	_, err := stack.Up()
	require.NoError(t, err, "up")
	require.True(t, present(), "up made it")
	ref, err := stack.Refresh()
	require.NoError(t, err, "refresh right after up")
	assert.False(t, ref.HasChanges(), "a refresh right after up finds no drift: %v", ref.Changes)
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, pre.HasChanges(), "after the refresh, nothing to do: %v", pre.Changes)
	_, err = stack.Destroy()
	require.NoError(t, err, "destroy")
	require.False(t, present(), "destroy removed it")
	_, err = stack.Up()
	require.NoError(t, err, "up right after destroy")
	require.True(t, present(), "the up right after destroy made it again, instead of adopting what was gone")
	ref, err = stack.Refresh()
	require.NoError(t, err)
	assert.False(t, ref.HasChanges(), "refresh after the second up: %v", ref.Changes)
	_, err = stack.Destroy()
	require.NoError(t, err)
	require.False(t, present())
}

func TestTrustedServiceAccessUnderLag(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{Consistency: lagConsistency(t)})
	t.Cleanup(fake.Close)
	principals := enableable(t, 6) // more than a page
	stack := fakeStack(t, fake, enableAll(principals))
	lagCycle(t, stack, func() bool {
		enabled := slices.Collect(maps.Keys(fake.EnabledPrincipals()))
		if len(enabled) == 0 {
			return false
		}
		assert.ElementsMatch(t, principals, enabled)
		return true
	})
}

// lagServiceFakes are newServiceFakes with the lag on.
func lagServiceFakes(t *testing.T) serviceFakes { return newServiceFakesWith(t, lagConsistency(t)) }

func TestStackSetsOrganizationsAccessUnderLag(t *testing.T) {
	t.Parallel()
	f := lagServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewStackSetsOrganizationsAccess(ctx, "stacksets", components.StackSetsOrganizationsAccessArgs{})
		return err
	})
	lagCycle(t, stack, func() bool {
		_, ok := f.org.EnabledPrincipals()[fakeservices.StackSetsPrincipal]
		return ok
	})
}

func TestNotificationsOrganizationsAccessUnderLag(t *testing.T) {
	t.Parallel()
	f := lagServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewNotificationsOrganizationsAccess(ctx, "notifications",
			components.NotificationsOrganizationsAccessArgs{})
		return err
	})
	lagCycle(t, stack, func() bool {
		_, ok := f.org.EnabledPrincipals()[fakeservices.NotificationsPrincipal]
		return ok
	})
}

func TestSecurityLakeDelegatedAdminUnderLag(t *testing.T) {
	t.Parallel()
	f := lagServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewSecurityLakeDelegatedAdmin(ctx, "securitylake",
			components.SecurityLakeDelegatedAdminArgs{AccountID: securityAccount})
		return err
	})
	lagCycle(t, stack, func() bool {
		return slices.Contains(f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal), securityAccount)
	})
}

// lagSSOFake is newSSOFake with the lag on.
func lagSSOFake(t *testing.T) *fakesso.Server {
	fake := newSSOFakeWith(lagConsistency(t))
	t.Cleanup(fake.Close)
	return fake
}

func TestAccountAssignmentsUnderLag(t *testing.T) {
	t.Parallel()
	fake := lagSSOFake(t)
	stack := ssoStack(t, fake, 200, assignmentsProgram(fake))
	set := "1:USER:0:0 1:USER:1:0 1:GROUP:0:1 2:GROUP:1:2 3:USER:2:1 3:USER:3:3"
	stack.SetConfig("orgtrust-enginetest:assignments", set, false)
	want := specs(fake, set)
	lagCycle(t, stack, func() bool {
		got := fake.Assignments()
		if len(got) == 0 {
			return false
		}
		assert.ElementsMatch(t, want, got)
		return true
	})
}

func TestPermissionSetProvisioningUnderLag(t *testing.T) {
	t.Parallel()
	fake := lagSSOFake(t)
	ps := fake.PermissionSetArn(1)
	stack := ssoStack(t, fake, 200, provisioningProgram(fake))
	stack.SetConfig("orgtrust-enginetest:revision", "r1", false)
	stack.SetConfig("orgtrust-enginetest:assignments", "1:USER:0:0 1:USER:1:1", false)
	lagCycle(t, stack, func() bool {
		return len(fake.Assignments()) == 2 && len(fake.Outdated(ps)) == 0
	})
	// A change of the permission set is provisioned, and a refresh right
	// after finds every account up to date.
	_, err := stack.Up()
	require.NoError(t, err)
	fake.ChangePermissionSet(ps)
	stack.SetConfig("orgtrust-enginetest:revision", "r2", false)
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps))
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, ref.HasChanges(), "refresh right after the provisioning: %v", ref.Changes)
}

// TestIdentityCenterSetupUnderLag runs IdentityCenterSetup, with its
// lookups (the instance, the organization's accounts, existing groups and a
// user by name) and its trusted access, under the real engine with the
// fakes' lag on, in both assignment modes: up, a refresh right after, and
// destroy leave the state and Identity Center as they should be.
func TestIdentityCenterSetupUnderLag(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"perResource", "set"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			p := migrationPrincipals
			sso := fakesso.New(fakesso.Options{
				Users: []string{p.alice}, Groups: []string{p.platform, p.auditors},
				UserNames:  map[string]string{p.alice: "alice"},
				GroupNames: map[string]string{p.platform: "Platform", p.auditors: "Auditors"},
				Accounts:   []string{ssoAccount(0), ssoAccount(1), ssoAccount(2)},
				Latency:    30 * time.Millisecond, RequestsPerSecond: 500, Consistency: lagConsistency(t),
			})
			org := fakeorg.New(fakeorg.Options{Middleware: sso.OrganizationsHandler, Consistency: lagConsistency(t)})
			t.Cleanup(sso.Close)
			t.Cleanup(org.Close)
			fakes := identityCenterFakes{sso: sso, org: org}
			stack := fakes.stack(t, migrationProgram)
			stack.SetConfig("orgtrust-enginetest:assignmentsMode", mode, false)
			_, err := stack.Up()
			require.NoError(t, err, "up")
			assert.ElementsMatch(t, migrationAssignments(t, sso), sso.Assignments())
			assert.Contains(t, org.EnabledPrincipals(), "sso.amazonaws.com")
			ref, err := stack.Refresh()
			require.NoError(t, err, "refresh right after up")
			assert.False(t, ref.HasChanges(), "a refresh right after up finds no drift: %v", ref.Changes)
			_, err = stack.Destroy()
			require.NoError(t, err, "destroy")
			assert.Empty(t, sso.Assignments())
			assert.Empty(t, sso.PermissionSets())
		})
	}
}
