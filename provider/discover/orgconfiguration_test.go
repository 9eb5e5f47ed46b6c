package discover_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

// integration returns the written integration of service key.
func integration(t *testing.T, g *discover.Generated, key string) components.OrgServiceIntegrationArgs {
	t.Helper()
	for _, in := range g.Integrations {
		if in.Service == key {
			return in.OrgServiceIntegrationArgs
		}
	}
	require.Failf(t, "no integration", "%s was not written", key)
	return components.OrgServiceIntegrationArgs{}
}

// TestDiscoverWritesTheOrganizationConfiguration discovers the seeded
// organization, whose administrator set GuardDuty (both Regions) and
// Security Hub (local), and checks what is written: the settings as AWS
// reports them, read in the administrator's account through the role it
// assumed (the fake answers no other caller), and adopted in the Regions
// where they exist.
func TestDiscoverWritesTheOrganizationConfiguration(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	g, _, _ := run(t, o, "us-east-1", "eu-west-1")

	gd := integration(t, g, "guardduty")
	require.NotNil(t, gd.OrganizationConfiguration)
	assert.Equal(t, &components.OrganizationConfiguration{GuardDuty: &components.GuardDutyConfiguration{
		// ALL is the default; NONE plans are not written; EKS_RUNTIME_MONITORING
		// goes with RUNTIME_MONITORING, which GuardDuty reports beside it.
		ProtectionPlans: []components.GuardDutyProtectionPlan{
			{Name: "S3_DATA_EVENTS"}, {Name: "EBS_MALWARE_PROTECTION"},
			{Name: "RUNTIME_MONITORING", AutoEnable: "NEW", AdditionalConfigurations: []components.GuardDutyAdditionalConfiguration{
				{Name: "EKS_ADDON_MANAGEMENT"}}},
		},
	}}, gd.OrganizationConfiguration)
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, gd.Adopt.OrganizationConfigurationRegions)

	sh := integration(t, g, "securityhub")
	require.NotNil(t, sh.OrganizationConfiguration)
	assert.Equal(t, &components.SecurityHubConfiguration{}, sh.OrganizationConfiguration.SecurityHub,
		"local configuration with the defaults: auto-enable and the default standards")
	assert.Equal(t, []string{"us-east-1"}, sh.Adopt.OrganizationConfigurationRegions)

	role := "arn:aws:iam::" + fb.Security + ":role/" + components.DefaultAdministratorRole
	assert.Positive(t, o.STS.Assumed()[role], "read through the administrator role")
	calls := o.OrgConfigs.Calls()
	assert.Equal(t, 2, calls["guardduty:DescribeOrganizationConfiguration"], "once per Region")
	assert.Equal(t, 1, calls["securityhub:DescribeOrganizationConfiguration"])

	// The written configuration passes the component's checks.
	for _, args := range []components.OrgServiceIntegrationArgs{gd, sh} {
		args.ManagementAccountID = fb.Management
		require.NoError(t, components.CheckOrgServiceIntegration("x", args))
	}
}

// TestDiscoverReportsARoleItCannotAssume: the administrator role does not
// exist (or does not trust the management account): the configuration is
// left out, the integrations are still written, and the report says what to
// do.
func TestDiscoverReportsARoleItCannotAssume(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	o.STS.DenyAssumeRole("arn:aws:iam::" + fb.Security + ":role/" + components.DefaultAdministratorRole)
	g, _, report := run(t, o, "us-east-1", "eu-west-1")
	assert.Nil(t, integration(t, g, "guardduty").OrganizationConfiguration)
	assert.Nil(t, integration(t, g, "securityhub").OrganizationConfiguration)
	var found []string
	for _, p := range g.CannotManage {
		if strings.Contains(p.What, "organization configuration") {
			found = append(found, p.What)
			assert.Contains(t, p.Why, "cannot be assumed")
			assert.Contains(t, p.Why, "--administrator-role")
		}
	}
	assert.Len(t, found, 2, "GuardDuty's and Security Hub's: %v", g.CannotManage)
	assert.Contains(t, string(report), "Cannot manage")
	assert.Contains(t, string(report), "cannot be assumed from the deploying account")
}

// TestDiscoverReadsThroughTheRoleItIsGiven: --administrator-role names
// another role; the configuration records it.
func TestDiscoverReadsThroughTheRoleItIsGiven(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	res, err := discover.Run(context.Background(), discover.Options{
		Config: o.AWSConfig(context.Background()), Regions: []string{"us-east-1"}, RequestsPerSecond: 1000,
		AdministratorRole: "AWSControlTowerExecution", Services: []string{"guardduty"},
	})
	require.NoError(t, err)
	g := discover.Build(res.Inventory)
	gd := integration(t, g, "guardduty")
	require.NotNil(t, gd.OrganizationConfiguration)
	assert.Equal(t, "AWSControlTowerExecution", gd.OrganizationConfiguration.AdministratorRole)
	assert.Positive(t, o.STS.Assumed()["arn:aws:iam::"+fb.Security+":role/AWSControlTowerExecution"])
}

// TestAdministratorPolicyCoversDiscover checks that the read-only
// administrator policy allows every call discover makes in the
// administrator's account, and the read-only deployer policy the
// sts:AssumeRole that gets there.
func TestAdministratorPolicyCoversDiscover(t *testing.T) {
	t.Parallel()
	res, err := (&provider.GetDeployerPolicy{}).Invoke(context.Background(),
		infer.FunctionRequest[provider.GetDeployerPolicyArgs]{Input: provider.GetDeployerPolicyArgs{
			Services: []string{"guardduty", "inspector", "macie", "securityhub"}, ReadOnly: true,
			OrganizationConfiguration: true,
		}})
	require.NoError(t, err)
	assert.Contains(t, res.Output.Actions, "sts:AssumeRole")
	calls := discover.AdminIAMActions()
	require.Contains(t, calls, "guardduty:DescribeOrganizationConfiguration")
	for _, call := range calls {
		assert.True(t, slices.Contains(res.Output.AdministratorActions, call), "discover calls %s in the "+
			"administrator's account, which the read-only administrator policy does not allow", call)
	}
}
