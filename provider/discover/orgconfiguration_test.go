package discover_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
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

	// Central configuration, read from its home Region: the aggregator, the
	// three policies (listed over two pages) with their standards, controls
	// and parameters, and the targets they are applied to (over three pages;
	// the inherited association is not a target).
	sh := integration(t, g, "securityhub")
	require.NotNil(t, sh.OrganizationConfiguration)
	sixty, yes := 60, true
	assert.Equal(t, &components.SecurityHubConfiguration{ConfigurationType: "CENTRAL", HomeRegion: "us-east-1",
		Policies: []components.SecurityHubPolicy{
			{Name: "baseline", Description: "baseline policy", Standards: []string{
				"aws-foundational-security-best-practices/v/1.0.0"}, DisabledControls: []string{"IAM.1"},
				Targets: []string{fakeorg.RootID}},
			{Name: "off", Description: "off policy", ServiceEnabled: aws.Bool(false),
				Targets: []string{fb.Sandbox1, fb.Sandbox2}},
			{Name: "strict", Description: "strict policy", Standards: []string{
				"aws-foundational-security-best-practices/v/1.0.0", "cis-aws-foundations-benchmark/v/3.0.0"},
				DisabledControls: []string{}, ControlParameters: []components.SecurityHubControlParameter{
					{ControlID: "IAM.7", Name: "MaxPasswordAge", Int: &sixty},
					{ControlID: "IAM.7", Name: "MinimumPasswordLength", ValueType: "DEFAULT"},
					{ControlID: "IAM.7", Name: "RequireUppercase", Bool: &yes},
				}, Targets: []string{fb.OUWorkloads}},
		}}, sh.OrganizationConfiguration.SecurityHub)
	assert.Nil(t, sh.OrganizationConfiguration.Regions, "the home Region is the integration's one Region")
	assert.Equal(t, []string{"us-east-1"}, sh.Adopt.OrganizationConfigurationRegions)
	assert.Equal(t, map[string]string{
		"findingAggregator": fb.SecurityHubAggregator,
		"policy:baseline":   fb.PolicyBaseline, "policy:strict": fb.PolicyStrict, "policy:off": fb.PolicyOff,
		"association:" + fakeorg.RootID: fakeorg.RootID, "association:" + fb.OUWorkloads: fb.OUWorkloads,
		"association:" + fb.Sandbox1: fb.Sandbox1, "association:" + fb.Sandbox2: fb.Sandbox2,
	}, sh.Adopt.OrganizationConfigurationIDs, "the import IDs pulumi-aws documents")

	// Registered with Organizations: read in each Region, found in us-east-1.
	aa := integration(t, g, "access-analyzer")
	require.NotNil(t, aa.OrganizationConfiguration)
	assert.Equal(t, &components.AccessAnalyzerConfiguration{AnalyzerName: "org-analyzer", UnusedAccessAge: 60},
		aa.OrganizationConfiguration.AccessAnalyzer)
	assert.Equal(t, []string{"us-east-1"}, aa.OrganizationConfiguration.Regions)
	assert.Equal(t, []string{"us-east-1"}, aa.Adopt.OrganizationConfigurationRegions)
	// Written per principal (only config.amazonaws.com, the aggregators', is
	// enabled), the configuration on the first.
	var cf components.OrgServiceIntegrationArgs
	for _, in := range g.Integrations {
		if in.ServicePrincipal == "config.amazonaws.com" {
			cf = in.OrgServiceIntegrationArgs
		}
	}
	require.NotNil(t, cf.OrganizationConfiguration)
	assert.Equal(t, &components.ConfigAggregatorConfiguration{AggregatorName: "organization-aggregator",
		RoleArn: "arn:aws:iam::" + fb.Security + ":role/ConfigAggregator"}, cf.OrganizationConfiguration.Config,
		"the organization aggregator, not the account aggregators (listed over two pages)")

	role := "arn:aws:iam::" + fb.Security + ":role/" + components.DefaultAdministratorRole
	assert.Positive(t, o.STS.Assumed()[role], "read through the administrator role")
	calls := o.OrgConfigs.Calls()
	assert.Equal(t, 2, calls["guardduty:DescribeOrganizationConfiguration"], "once per Region")
	assert.Equal(t, 1, calls["securityhub:DescribeOrganizationConfiguration"])
	assert.Equal(t, 2, calls["securityhub:ListConfigurationPolicies"], "three policies, two a page")
	assert.Equal(t, 2, calls["securityhub:ListConfigurationPolicyAssociations"], "four applied, two a page")
	assert.Equal(t, 3, calls["securityhub:GetConfigurationPolicy"])
	assert.Equal(t, 4, o.Analyzer.Calls()["ListAnalyzers"], "both types, in both Regions")

	// The written configuration passes the component's checks.
	for _, args := range []components.OrgServiceIntegrationArgs{gd, sh, aa, cf} {
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
	assert.Len(t, found, 4, "GuardDuty's, Security Hub's, Access Analyzer's and Config's: %v", g.CannotManage)
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
			Services: catalog.ConfigurationServices(), ReadOnly: true,
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

// TestDiscoverAdoptsDetectivesGraph: Detective's administrator, designated
// in both Regions, has the behavior graph that designation created in each,
// with auto-enable off. discover writes the setting and adopts each graph
// and its organization configuration by the graph's ARN; in a Region where
// the administrator has no graph, nothing is adopted.
func TestDiscoverAdoptsDetectivesGraph(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	graph := func(region string) string {
		return "arn:aws:detective:" + region + ":" + fb.Security + ":graph:231684d34gh74g4bae1dbc7bd807d02d"
	}
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		o.Admins.Set(fakeservices.Detective, region, fb.Security)
		o.OrgConfigs.Set(fakeservices.Detective, region, fakeservices.OrgConfig{Admin: fb.Security,
			GraphArn: graph(region), Answer: map[string]any{"AutoEnable": false}})
	}
	g, p, _ := run(t, o, "us-east-1", "eu-west-1")
	d := integration(t, g, "detective")
	require.NotNil(t, d.OrganizationConfiguration)
	assert.Equal(t, &components.DetectiveConfiguration{AutoEnable: aws.Bool(false)},
		d.OrganizationConfiguration.Detective)
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, d.Adopt.OrganizationConfigurationRegions)
	assert.Equal(t, map[string]string{"graph:us-east-1": graph("us-east-1"), "graph:eu-west-1": graph("eu-west-1")},
		d.Adopt.OrganizationConfigurationIDs)
	got := imported(p)
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		assert.Contains(t, got, "aws:detective/graph:Graph "+graph(region))
		assert.Contains(t, got, "aws:detective/organizationConfiguration:OrganizationConfiguration "+graph(region))
	}
	calls := o.OrgConfigs.Calls()
	assert.Equal(t, 2, calls["detective:ListGraphs"])
	assert.Equal(t, 2, calls["detective:DescribeOrganizationConfiguration"])
}
