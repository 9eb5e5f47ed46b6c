package tests

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// provisioningProgram is what IdentityCenterSetup registers for one
// permission set: its PermissionSetProvisioning with the config value
// "revision" (the hash of the permission set and its policies), and the
// permission set's assignments (config "assignments", as assignmentsProgram
// reads them) depending on it.
func provisioningProgram(fake *fakesso.Server) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		prov, err := components.NewPermissionSetProvisioning(ctx, "developer-provisioning",
			components.PermissionSetProvisioningArgs{
				InstanceArn: pulumi.String(fake.InstanceArn()), PermissionSetArn: pulumi.String(fake.PermissionSetArn(1)),
				Revision: config.Get(ctx, "revision"),
			})
		if err != nil {
			return err
		}
		var list []components.AccountAssignment
		for _, spec := range strings.Fields(config.Get(ctx, "assignments")) {
			a := parseSpec(fake, spec)
			list = append(list, components.AccountAssignment{
				PermissionSetArn: pulumi.String(a.PermissionSetArn), PrincipalType: a.PrincipalType,
				PrincipalID: pulumi.String(a.PrincipalID), AccountID: a.AccountID,
			})
		}
		_, err = components.NewAccountAssignments(ctx, "developer-access", components.AccountAssignmentsArgs{
			InstanceArn: pulumi.String(fake.InstanceArn()), Assignments: list,
		}, pulumi.DependsOn([]pulumi.Resource{prov}))
		return err
	}
}

// TestPermissionSetProvisioningUnderTheEngine: a policy changes (the fake's
// permission set changes, as a pulumi-aws attachment changes it, and the
// revision with it) in the same update that adds an assignment. The engine
// provisions the permission set before it creates the assignment, every
// account ends up with the latest version, a change made out of band is
// found by refresh and provisioned by the next up, and a failed
// provisioning is retried by the next up.
func TestPermissionSetProvisioningUnderTheEngine(t *testing.T) {
	t.Parallel()
	fake := newSSOFake()
	t.Cleanup(fake.Close)
	ps := fake.PermissionSetArn(1)
	stack := ssoStack(t, fake, 200, provisioningProgram(fake))
	stack.SetConfig("orgtrust-enginetest:revision", "r1", false)
	stack.SetConfig("orgtrust-enginetest:assignments", "1:USER:0:0", false)
	_, err := stack.Up()
	require.NoError(t, err)
	require.Equal(t, []string{"CreateAccountAssignment " + ps + " " + ssoAccount(0)}, fake.Writes(),
		"no account holds the permission set yet, so there is nothing to provision: the provisioning is recorded "+
			"without a write, and the assignment provisions its account")

	// The change and a new assignment, in one update.
	fake.ChangePermissionSet(ps)
	stack.SetConfig("orgtrust-enginetest:revision", "r2", false)
	stack.SetConfig("orgtrust-enginetest:assignments", "1:USER:0:0 1:USER:1:1", false)
	res, err := stack.Up()
	require.NoError(t, err)
	writes := fake.Writes()[1:]
	require.Equal(t, []string{"ProvisionPermissionSet " + ps, "CreateAccountAssignment " + ps + " " + ssoAccount(1)},
		writes, "the changed permission set is provisioned before the next assignment")
	assert.Less(t, res.Index(apitype.OpUpdate, "developer-provisioning"), res.Index(apitype.OpUpdate, "developer-access"))
	assert.Empty(t, fake.Outdated(ps), "every account has the latest version")

	// Out of band: refresh finds the outdated accounts, the next up provisions.
	fake.ChangePermissionSet(ps)
	_, err = stack.Refresh()
	require.NoError(t, err)
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"developer-provisioning"}, pre.Names(apitype.OpUpdate, components.PermissionSetProvisioningToken))
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps))

	// A failed provisioning fails the update with AWS's reason; the next up,
	// once the cause is fixed, provisions again though nothing else changed.
	fake.ChangePermissionSet(ps)
	fake.FailProvisioning(ps, "Received a 404 status error: Not supported policy.")
	stack.SetConfig("orgtrust-enginetest:revision", "r3", false)
	_, err = stack.Up()
	require.ErrorContains(t, err, "Not supported policy")
	require.Len(t, fake.Outdated(ps), 2)
	fake.FailProvisioning(ps, "")
	before := len(fake.Writes())
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps))
	assert.True(t, slices.Contains(fake.Writes()[before:], "ProvisionPermissionSet "+ps))

	_, err = stack.Destroy()
	require.NoError(t, err)
}
