package tests

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/sdk/go/orgtrust"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// TestMissingAWSPluginUnderConstruct runs components through the generated Go
// SDK, which constructs them in the provider (Construct) as TypeScript,
// Python and YAML programs do, under the real engine with no aws provider
// plugin installed: the preview says that the aws plugin is missing and how
// to install it, instead of "context canceled" or a lookup's hint.
func TestMissingAWSPluginUnderConstruct(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	programs := map[string]pulumi.RunFunc{
		"org-service-integration": func(ctx *pulumi.Context) error {
			_, err := orgtrust.NewOrgServiceIntegration(ctx, "analyzer", &orgtrust.OrgServiceIntegrationArgs{
				Service:                 pulumi.StringRef("access-analyzer"),
				DelegatedAdminAccountId: pulumi.StringRef("222222222222"),
				ManagementAccountId:     pulumi.StringRef("111111111111"),
			})
			return err
		},
		"identity-center-lookup": func(ctx *pulumi.Context) error {
			_, err := orgtrust.NewIdentityCenterSetup(ctx, "ic", &orgtrust.IdentityCenterSetupArgs{})
			return err
		},
	}
	for name, program := range programs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := fakeStack(t, fake, program).Preview()
			require.ErrorContains(t, err, "the aws provider plugin (pulumi-resource-aws 6.83.2) is missing")
			require.ErrorContains(t, err, "`pulumi plugin install resource aws 6.83.2`")
			assert.NotContains(t, err.Error(), "context canceled")
			assert.NotContains(t, err.Error(), "pass instanceArn and identityStoreId to skip the lookup")
		})
	}
}
