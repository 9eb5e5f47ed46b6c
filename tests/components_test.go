package tests

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// TestDependsOnIntegrationOrdersUpAndDestroy runs a Go program that imports the
// components directly under the real engine. A user resource that depends on an
// OrgServiceIntegration is created after the integration's trusted access, and
// destroyed before that access is disabled.
func TestDependsOnIntegrationOrdersUpAndDestroy(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	program := func(ctx *pulumi.Context) error {
		integration, err := components.NewOrgServiceIntegration(ctx, "guardduty", components.OrgServiceIntegrationArgs{
			Service:   "guardduty",
			EnableVia: "organizations",
		})
		if err != nil {
			return err
		}
		// Stands for a user's resource that needs GuardDuty's trusted access.
		_, err = components.NewTrustedServiceAccess(ctx, "dependent", components.TrustedServiceAccessArgs{
			ServicePrincipal: "malware-protection.guardduty.amazonaws.com",
		}, integration.DependsOn())
		if err != nil {
			return err
		}
		ctx.Export("principal", integration.ServicePrincipal)
		return nil
	}
	stack := fakeStack(t, fake, program)

	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, "guardduty.amazonaws.com", up.Outputs["principal"].Value)
	access, dependent := up.Index(apitype.OpCreate, "guardduty-access"), up.Index(apitype.OpCreate, "dependent")
	require.NotEqual(t, -1, access)
	require.NotEqual(t, -1, dependent)
	assert.Less(t, access, dependent, "trusted access is created before the resource that depends on the integration")

	down, err := stack.Destroy()
	require.NoError(t, err)
	access, dependent = down.Index(apitype.OpDelete, "guardduty-access"), down.Index(apitype.OpDelete, "dependent")
	require.NotEqual(t, -1, access)
	require.NotEqual(t, -1, dependent)
	assert.Less(t, dependent, access, "the dependent resource is destroyed before trusted access is disabled")
	assert.Empty(t, fake.EnabledPrincipals())
}
