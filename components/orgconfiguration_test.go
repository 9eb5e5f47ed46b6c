package components

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

const getDetectorToken = "aws:guardduty/getDetector:getDetector"

// withDetectors answers GuardDuty's detector lookup, one detector per
// provider (account and Region), and the organization lookup.
func (m *mockRecorder) withDetectors() *mockRecorder {
	org := newMocks().withOrganization(mgmtAccount).Invoke
	m.Invoke = func(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
		if args.Token == getDetectorToken {
			return resource.PropertyMap{"id": resource.NewProperty("det-" + providerName(args.Provider))}, nil
		}
		return org(args)
	}
	return m
}

// providerName is the name in a provider reference "urn::id".
func providerName(ref string) string {
	urn := ref[:strings.LastIndex(ref, "::")]
	return urn[strings.LastIndex(urn, "::")+2:]
}

// securitySet is an OrgIntegrations set of the five per-Region security
// services in two Regions, GuardDuty and Security Hub with their
// organization configuration, and Access Analyzer and Config with theirs.
func securitySet() OrgIntegrationsArgs {
	regions := []string{"us-east-1", "eu-west-1"}
	spec := func(name string, cfg *OrganizationConfiguration) OrgIntegrationSpec {
		args := OrgServiceIntegrationArgs{Service: name, DelegatedAdminAccountID: auditAccount,
			ManagementAccountID: mgmtAccount, OrganizationConfiguration: cfg}
		if name != "access-analyzer" && name != "config" {
			args.Regions = regions
		}
		return OrgIntegrationSpec{Name: name, Args: args}
	}
	return OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
		spec("guardduty", &OrganizationConfiguration{GuardDuty: &GuardDutyConfiguration{
			ProtectionPlans: []GuardDutyProtectionPlan{{Name: "S3_DATA_EVENTS"}, {Name: "RUNTIME_MONITORING",
				AutoEnable: "NEW", AdditionalConfigurations: []GuardDutyAdditionalConfiguration{
					{Name: "EKS_ADDON_MANAGEMENT"}}}},
		}}),
		spec("securityhub", &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{
			ConfigurationType: "CENTRAL", HomeRegion: "us-east-1",
			Policies: []SecurityHubPolicy{{Name: "baseline",
				Standards: []string{"aws-foundational-security-best-practices/v/1.0.0"},
				ControlParameters: []SecurityHubControlParameter{{ControlID: "IAM.7", Name: "MaxPasswordAge",
					Int: ptr(90)}},
				Targets: []string{"r-a1b2", "ou-a1b2-c3d4e5f6"}}},
		}}),
		spec("macie", &OrganizationConfiguration{Macie: &MacieConfiguration{}}),
		spec("inspector", &OrganizationConfiguration{Inspector: &InspectorConfiguration{Ec2: true, Ecr: true,
			MemberAccountIDs: []string{"333333333333"}}}),
		spec("detective", &OrganizationConfiguration{Detective: &DetectiveConfiguration{}}),
		spec("access-analyzer", &OrganizationConfiguration{Regions: []string{"us-east-1"},
			AccessAnalyzer: &AccessAnalyzerConfiguration{UnusedAccessAge: 90}}),
		spec("config", &OrganizationConfiguration{Regions: []string{"us-east-1"}, Config: &ConfigAggregatorConfiguration{}}),
	}}
}

func TestOrgConfigurationSharesOneProviderPerAccountAndRegion(t *testing.T) {
	t.Parallel()
	m := newMocks().withDetectors()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgIntegrations(ctx, "sec", securitySet())
		return err
	}))

	// Five per-Region services and two global ones, in two Regions: two
	// providers in the management account, two in the administrator's.
	provs := m.ByType(awsProviderTyp)
	var names []string
	for _, p := range provs {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"sec-admin-" + auditAccount + "-eu-west-1", "sec-admin-" + auditAccount + "-us-east-1",
		"sec-eu-west-1", "sec-us-east-1"}, names)
	role := "arn:aws:iam::" + auditAccount + ":role/OrganizationAccountAccessRole"
	for _, p := range provs {
		region := p.Name[len(p.Name)-len("us-east-1"):]
		assert.Equal(t, region, inputString(t, p, "region"), p.Name)
		sec := m.Find(t, "sec")
		assert.Equal(t, sec.URN, p.Parent, "the set owns the shared providers")
		if strings.Contains(p.Name, "-admin-") {
			assume := p.Inputs["assumeRole"].ObjectValue()
			assert.Equal(t, role, assume["roleArn"].StringValue())
			assert.Equal(t, AdministratorSessionName, assume["sessionName"].StringValue())
			assert.Equal(t, []resource.PropertyValue{resource.NewProperty(auditAccount)},
				p.Inputs["allowedAccountIds"].ArrayValue(), "the provider refuses any other account")
		} else {
			assert.NotContains(t, p.Inputs, resource.PropertyKey("assumeRole"))
		}
	}
	adminProv := func(region string) string {
		return m.Find(t, "sec-admin-"+auditAccount+"-"+region).URN
	}

	// Every per-Region registration goes through the management provider of
	// its Region, whatever the service.
	for _, svc := range []string{"guardduty", "securityhub", "macie", "inspector", "detective"} {
		for _, region := range []string{"us-east-1", "eu-west-1"} {
			admin := m.Find(t, fmt.Sprintf("sec-%s-admin-%s", svc, region))
			assert.Equal(t, m.Find(t, "sec-"+region).URN, admin.ProviderURN(), admin.Name)
		}
	}

	order := m.DestroyOrder(t)
	// configured asserts a configuration resource: its type, the
	// administrator's provider of its Region, after the registration there
	// (and, on destroy, before it and before trusted access).
	configured := func(name, typ, region string, admin recordedResource, access recordedResource) recordedResource {
		t.Helper()
		r := m.Find(t, name)
		require.Equal(t, typ, r.Type, name)
		assert.Equal(t, adminProv(region), r.ProviderURN(), "%s goes through the administrator's provider", name)
		assert.True(t, r.DependsOnURN(admin.URN), "%s depends on %s", name, admin.Name)
		requireDestroyedBefore(t, order, r, admin)
		requireDestroyedBefore(t, order, r, access)
		return r
	}
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		admin := m.Find(t, "sec-guardduty-admin-"+region)
		access := m.Find(t, "sec-guardduty-access")
		conf := configured("sec-guardduty-org-config-"+region,
			"aws:guardduty/organizationConfiguration:OrganizationConfiguration", region, admin, access)
		assert.Equal(t, "det-sec-admin-"+auditAccount+"-"+region, inputString(t, conf, "detectorId"),
			"the detector is the one looked up in the administrator's account in %s", region)
		assert.Equal(t, "ALL", inputString(t, conf, "autoEnableOrganizationMembers"))
		s3 := configured("sec-guardduty-feature-"+region+"-s3-data-events",
			"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature", region, admin, access)
		assert.Equal(t, "ALL", inputString(t, s3, "autoEnable"), "a plan takes the configuration's autoEnable")
		rm := configured("sec-guardduty-feature-"+region+"-runtime-monitoring",
			"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature", region, admin, access)
		assert.Equal(t, "NEW", inputString(t, rm, "autoEnable"))
		ac := rm.Inputs["additionalConfigurations"].ArrayValue()
		require.Len(t, ac, 1)
		assert.Equal(t, "NEW", ac[0].ObjectValue()["autoEnable"].StringValue(), "takes the plan's autoEnable")
		requireDependsOn(t, rm, s3)

		for _, c := range []struct{ svc, typ string }{
			{"macie", "aws:macie2/organizationConfiguration:OrganizationConfiguration"},
			{"inspector", "aws:inspector2/organizationConfiguration:OrganizationConfiguration"},
		} {
			configured(fmt.Sprintf("sec-%s-org-config-%s", c.svc, region), c.typ, region,
				m.Find(t, fmt.Sprintf("sec-%s-admin-%s", c.svc, region)), m.Find(t, "sec-"+c.svc+"-access"))
		}
		member := configured("sec-inspector-member-"+region+"-333333333333",
			"aws:inspector2/memberAssociation:MemberAssociation", region,
			m.Find(t, "sec-inspector-admin-"+region), m.Find(t, "sec-inspector-access"))
		assert.Equal(t, "333333333333", inputString(t, member, "accountId"))
		scans := configured("sec-inspector-member-scans-"+region, "aws:inspector2/enabler:Enabler", region,
			m.Find(t, "sec-inspector-admin-"+region), m.Find(t, "sec-inspector-access"))
		assert.Equal(t, []resource.PropertyValue{resource.NewProperty("EC2"), resource.NewProperty("ECR")},
			scans.Inputs["resourceTypes"].ArrayValue(), "the scans activated for new members")
		requireDependsOn(t, scans, member)
		// Detective: the graph, found with CreateGraph after the registration,
		// carries it to the configuration through its ARN.
		graph := configured("sec-detective-graph-"+region, "aws:detective/graph:Graph", region,
			m.Find(t, "sec-detective-admin-"+region), m.Find(t, "sec-detective-access"))
		assert.True(t, graph.RetainOnDelete, "the behavior graph outlives the configuration")
		detectiveConf := m.Find(t, "sec-detective-org-config-"+region)
		assert.Equal(t, adminProv(region), detectiveConf.ProviderURN())
		assert.Equal(t, []string{graph.URN}, detectiveConf.PropertyDependencies["graphArn"])
		requireDestroyedBefore(t, order, detectiveConf, m.Find(t, "sec-detective-admin-"+region))
	}
	// The detector lookups went through the administrator's providers, after
	// the registration.
	var lookups []string
	for _, inv := range m.Invokes() {
		if inv.Token == getDetectorToken {
			lookups = append(lookups, providerName(inv.Provider))
		}
	}
	slices.Sort(lookups)
	assert.Equal(t, []string{"sec-admin-" + auditAccount + "-eu-west-1", "sec-admin-" + auditAccount + "-us-east-1"},
		lookups)

	// Security Hub central configuration, from the home Region.
	shAccess := m.Find(t, "sec-securityhub-access")
	euAdmin := m.Find(t, "sec-securityhub-admin-eu-west-1")
	agg := configured("sec-securityhub-finding-aggregator-us-east-1",
		"aws:securityhub/findingAggregator:FindingAggregator", "us-east-1",
		m.Find(t, "sec-securityhub-admin-us-east-1"), shAccess)
	assert.True(t, agg.DependsOnURN(euAdmin.URN), "central configuration needs the linked Region's administrator")
	assert.Equal(t, "SPECIFIED_REGIONS", inputString(t, agg, "linkingMode"))
	assert.Equal(t, []resource.PropertyValue{resource.NewProperty("eu-west-1")},
		agg.Inputs["specifiedRegions"].ArrayValue())
	central := configured("sec-securityhub-org-config-us-east-1",
		"aws:securityhub/organizationConfiguration:OrganizationConfiguration", "us-east-1", euAdmin, shAccess)
	requireDependsOn(t, central, agg)
	assert.Equal(t, "CENTRAL", central.Inputs["organizationConfiguration"].ObjectValue()["configurationType"].StringValue())
	assert.False(t, central.Inputs["autoEnable"].BoolValue())
	policy := m.Find(t, "sec-securityhub-policy-us-east-1-baseline")
	requireDependsOn(t, policy, central)
	requireDestroyedBefore(t, order, policy, central)
	pol := policy.Inputs["configurationPolicy"].ObjectValue()
	assert.Equal(t, []resource.PropertyValue{resource.NewProperty(
		"arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0")},
		pol["enabledStandardArns"].ArrayValue())
	param := pol["securityControlsConfiguration"].ObjectValue()["securityControlCustomParameters"].ArrayValue()[0].
		ObjectValue()
	assert.Equal(t, "IAM.7", param["securityControlId"].StringValue())
	for _, target := range []string{"r-a1b2", "ou-a1b2-c3d4e5f6"} {
		assoc := m.Find(t, "sec-securityhub-policy-us-east-1-baseline-"+target)
		assert.Equal(t, target, inputString(t, assoc, "targetId"))
		assert.Equal(t, adminProv("us-east-1"), assoc.ProviderURN())
		requireDependsOn(t, assoc, policy)
		requireDestroyedBefore(t, order, assoc, policy)
	}

	// Access Analyzer and Config: one registration with Organizations, the
	// configuration in the Regions it lists.
	aaAdmin := m.Find(t, "sec-access-analyzer-admin")
	ext := configured("sec-access-analyzer-analyzer-us-east-1", "aws:accessanalyzer/analyzer:Analyzer",
		"us-east-1", aaAdmin, m.Find(t, "sec-access-analyzer-access"))
	assert.Equal(t, "ORGANIZATION", inputString(t, ext, "type"))
	unused := configured("sec-access-analyzer-unused-access-analyzer-us-east-1",
		"aws:accessanalyzer/analyzer:Analyzer", "us-east-1", aaAdmin, m.Find(t, "sec-access-analyzer-access"))
	assert.Equal(t, "ORGANIZATION_UNUSED_ACCESS", inputString(t, unused, "type"))
	assert.Equal(t, 90.0, unused.Inputs["configuration"].ObjectValue()["unusedAccess"].ObjectValue()["unusedAccessAge"].
		NumberValue())
	aggregator := configured("sec-config-aggregator-us-east-1",
		"aws:cfg/configurationAggregator:ConfigurationAggregator", "us-east-1", m.Find(t, "sec-config-admin"),
		m.Find(t, "sec-config-access"))
	roleAttachment := m.Find(t, "sec-config-aggregator-role-policy")
	assert.Equal(t, "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations",
		inputString(t, roleAttachment, "policyArn"))
	requireDependsOn(t, aggregator, roleAttachment)
	requireDependsOn(t, aggregator, m.Find(t, "sec-config-aggregator-role"))
}

func TestOrgConfigurationStandaloneKeepsItsProviderNames(t *testing.T) {
	t.Parallel()
	m := newMocks().withDetectors()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgServiceIntegration(ctx, "gd", OrgServiceIntegrationArgs{Service: "guardduty",
			DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
			Regions: []string{"us-east-1"},
			OrganizationConfiguration: &OrganizationConfiguration{
				AdministratorRole: "arn:aws:iam::" + auditAccount + ":role/security/Deployer",
				GuardDuty:         &GuardDutyConfiguration{AutoEnable: "NEW"}}})
		return err
	}))
	gd := m.Find(t, "gd")
	// The management provider keeps the name an integration gave it before
	// providers were shared, so its URN and its registration's do not move.
	mgmt := m.Find(t, "gd-us-east-1")
	assert.Equal(t, gd.URN, mgmt.Parent)
	assert.Equal(t, mgmt.URN, m.Find(t, "gd-admin-us-east-1").ProviderURN())
	admin := m.Find(t, "gd-admin-"+auditAccount+"-us-east-1")
	assert.Equal(t, "arn:aws:iam::"+auditAccount+":role/security/Deployer",
		admin.Inputs["assumeRole"].ObjectValue()["roleArn"].StringValue())
	conf := m.Find(t, "gd-org-config-us-east-1")
	assert.Equal(t, admin.URN, conf.ProviderURN())
	assert.Equal(t, "NEW", inputString(t, conf, "autoEnableOrganizationMembers"))
}

func TestOrgConfigurationReadyWaitsForTheConfiguration(t *testing.T) {
	t.Parallel()
	m := newMocks().withDetectors()
	var out outputs
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		c, err := NewOrgServiceIntegration(ctx, "mc", OrgServiceIntegrationArgs{Service: "macie",
			DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1"},
			OrganizationConfiguration: &OrganizationConfiguration{Macie: &MacieConfiguration{AutoEnable: ptr(false)}}})
		if err != nil {
			return err
		}
		require.Len(t, c.OrganizationConfiguration, 1)
		out.capture("ready", c.Ready)
		return nil
	}))
	assert.Equal(t, "macie.amazonaws.com", out.get(t, "ready"))
	conf := m.Find(t, "mc-org-config-us-east-1")
	assert.False(t, conf.Inputs["autoEnable"].BoolValue())
}

// inputErrors returns the fields and messages of err's InputErrors.
func inputErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	var list InputErrors
	require.True(t, errors.As(err, &list), "%v", err)
	out := map[string]string{}
	for _, e := range list {
		out[e.Field] = e.Error()
	}
	return out
}

func TestOrgConfigurationBadInputAllAtOnce(t *testing.T) {
	t.Parallel()
	args := securitySet()
	gd := &args.Integrations[0].Args
	gd.OrganizationConfiguration.AdministratorRole = "arn:aws:iam::999999999999:role/Other"
	gd.OrganizationConfiguration.GuardDuty.AutoEnable = "all"
	gd.OrganizationConfiguration.GuardDuty.ProtectionPlans = []GuardDutyProtectionPlan{
		{Name: "S3_DATA_EVENT"}, {Name: "MALWARE_PROTECTION_S3"}, {Name: "RUNTIME_MONITORING"},
		{Name: "EKS_RUNTIME_MONITORING"},
		{Name: "EKS_AUDIT_LOGS", AdditionalConfigurations: []GuardDutyAdditionalConfiguration{{Name: "EC2_AGENT_MANAGEMENT"}}},
	}
	sh := &args.Integrations[1].Args
	sh.OrganizationConfiguration.SecurityHub.LinkedRegions = []string{"ap-south-1"}
	sh.OrganizationConfiguration.SecurityHub.Policies[0].Standards = []string{"aws-foundational-security-best-practice/v/1.0.0"}
	sh.OrganizationConfiguration.SecurityHub.Policies[0].Targets = []string{"ou-bad", "r-a1b2"}
	sh.OrganizationConfiguration.SecurityHub.Policies = append(sh.OrganizationConfiguration.SecurityHub.Policies,
		SecurityHubPolicy{Name: "second", ServiceEnabled: ptr(false), Targets: []string{"r-a1b2"}})
	mac := &args.Integrations[2].Args
	mac.OrganizationConfiguration.Regions = []string{"ap-east-2"}
	insp := &args.Integrations[3].Args
	insp.OrganizationConfiguration = &OrganizationConfiguration{GuardDuty: &GuardDutyConfiguration{}}
	aa := &args.Integrations[5].Args
	aa.OrganizationConfiguration.Regions = nil
	aa.OrganizationConfiguration.AccessAnalyzer.UnusedAccessAge = 400
	cfgArgs := &args.Integrations[6].Args
	cfgArgs.OrganizationConfiguration.AdministratorRole = "not a role!"

	err := CheckOrgIntegrations("sec", args)
	require.Error(t, err)
	got := inputErrors(t, err)
	oc := func(i int, field string) string {
		return fmt.Sprintf("integrations[%d].args.organizationConfiguration%s", i, field)
	}
	want := map[string]string{
		oc(0, ".administratorRole"):                                             "not in the delegated administrator",
		oc(0, ".guardDuty.autoEnable"):                                          `GuardDuty spells it "ALL"`,
		oc(0, ".guardDuty.protectionPlans[0].name"):                             `did you mean "S3_DATA_EVENTS"`,
		oc(0, ".guardDuty.protectionPlans[1].name"):                             "enabled per bucket",
		oc(0, ".guardDuty.protectionPlans[3].name"):                             "RUNTIME_MONITORING covers EKS",
		oc(0, ".guardDuty.protectionPlans[4].additionalConfigurations[0].name"): "takes no additional configuration",
		oc(1, ".securityHub.linkedRegions[0]"):                                  "needs the delegated administrator designated in every linked Region",
		oc(1, ".securityHub.policies[0].standards[0]"):                          `did you mean "aws-foundational-security-best-practices/v/1.0.0"`,
		oc(1, ".securityHub.policies[0].targets[0]"):                            "is not a root, OU or account ID",
		oc(1, ".securityHub.policies[1].targets[0]"):                            "takes one configuration policy",
		oc(2, ".regions[0]"):                                                    "is not one of the integration's regions",
		oc(3, ".guardDuty"):                                                     "set inspector instead",
		oc(5, ".regions"):                                                       "registers its administrator once, with Organizations",
		oc(5, ".accessAnalyzer.unusedAccessAge"):                                "1 to 365 days",
		oc(6, ".administratorRole"):                                             "is not an IAM role name",
	}
	for field, msg := range want {
		if assert.Contains(t, got, field) {
			assert.Contains(t, got[field], msg, field)
		}
	}
	assert.Len(t, got, len(want), "one error per problem: %v", got)
}

func TestOrgConfigurationChecks(t *testing.T) {
	t.Parallel()
	base := func() OrgServiceIntegrationArgs {
		return OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount,
			ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1", "ap-east-2"},
			OrganizationConfiguration: &OrganizationConfiguration{GuardDuty: &GuardDutyConfiguration{}}}
	}
	for _, tc := range []struct {
		name  string
		edit  func(*OrgServiceIntegrationArgs)
		field string
		msg   string
	}{
		{"no administrator", func(a *OrgServiceIntegrationArgs) {
			a.DelegatedAdminAccountID, a.Regions = "", nil
		}, "organizationConfiguration", "delegatedAdminAccountId is empty"},
		{"service without configuration", func(a *OrgServiceIntegrationArgs) {
			a.Service, a.Regions = "fms", nil
		}, "organizationConfiguration", "has no organization configuration"},
		{"plan not offered in a Region", func(a *OrgServiceIntegrationArgs) {
			a.OrganizationConfiguration.GuardDuty.ProtectionPlans = []GuardDutyProtectionPlan{{Name: "RDS_LOGIN_EVENTS"}}
		}, "organizationConfiguration.guardDuty.protectionPlans[0].name", "not offered in ap-east-2"},
		{"central home Region outside regions", func(a *OrgServiceIntegrationArgs) {
			a.Service = "securityhub"
			a.OrganizationConfiguration = &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{
				ConfigurationType: "CENTRAL", HomeRegion: "eu-west-1"}}
		}, "organizationConfiguration.securityHub.homeRegion", "is not one of the Regions"},
		{"local setting with central", func(a *OrgServiceIntegrationArgs) {
			a.Service = "securityhub"
			a.OrganizationConfiguration = &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{
				ConfigurationType: "CENTRAL", HomeRegion: "us-east-1", AutoEnableStandards: "DEFAULT"}}
		}, "organizationConfiguration.securityHub.autoEnableStandards", "is a LOCAL setting"},
		{"parameter with two values", func(a *OrgServiceIntegrationArgs) {
			a.Service = "securityhub"
			a.OrganizationConfiguration = &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{
				ConfigurationType: "CENTRAL", HomeRegion: "us-east-1", Policies: []SecurityHubPolicy{{Name: "p",
					Standards: []string{"nist-800-53/v/5.0.0"}, ControlParameters: []SecurityHubControlParameter{
						{ControlID: "IAM.7", Name: "MaxPasswordAge", Int: ptr(1), String: "x"}}}}}}
		}, "organizationConfiguration.securityHub.policies[0].controlParameters[0]", "sets 2 values"},
		{"role ARN of another partition", func(a *OrgServiceIntegrationArgs) {
			a.OrganizationConfiguration.AdministratorRole = "arn:aws-cn:iam::" + auditAccount + ":role/R"
		}, "organizationConfiguration.administratorRole", "partition"},
		{"lambda code without lambda", func(a *OrgServiceIntegrationArgs) {
			a.Service = "inspector"
			a.OrganizationConfiguration = &OrganizationConfiguration{Inspector: &InspectorConfiguration{LambdaCode: true}}
		}, "organizationConfiguration.inspector.lambdaCode", "set lambda: true"},
		{"nothing set", func(a *OrgServiceIntegrationArgs) {
			a.OrganizationConfiguration = &OrganizationConfiguration{}
		}, "organizationConfiguration", "sets nothing"},
		{"config role of another account", func(a *OrgServiceIntegrationArgs) {
			a.Service, a.Regions = "config", nil
			a.OrganizationConfiguration = &OrganizationConfiguration{Regions: []string{"us-east-1"},
				Config: &ConfigAggregatorConfiguration{RoleArn: "arn:aws:iam::999999999999:role/Agg"}}
		}, "organizationConfiguration.config.roleArn", "is in account 999999999999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := base()
			tc.edit(&args)
			err := CheckOrgServiceIntegration("x", args)
			require.ErrorContains(t, err, tc.msg)
			got := inputErrors(t, err)
			require.Contains(t, got, tc.field, "%v", got)
			assert.Contains(t, got[tc.field], tc.msg)
		})
	}
}

func TestOrgConfigurationTargetsCheckedAgainstTheOrganization(t *testing.T) {
	t.Parallel()
	m := newMocks()
	m.Invoke = func(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
		props, err := newMocks().withOrganization(mgmtAccount).Invoke(args)
		if err == nil {
			props["roots"] = resource.NewProperty([]resource.PropertyValue{resource.NewProperty(resource.PropertyMap{
				"id": resource.NewProperty("r-real")})})
			props["accounts"] = resource.NewProperty([]resource.PropertyValue{resource.NewProperty(resource.PropertyMap{
				"id": resource.NewProperty(auditAccount)})})
		}
		return props, err
	}
	err := m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgServiceIntegration(ctx, "sh", OrgServiceIntegrationArgs{Service: "securityhub",
			DelegatedAdminAccountID: auditAccount, Regions: []string{"us-east-1"},
			OrganizationConfiguration: &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{
				ConfigurationType: "CENTRAL", HomeRegion: "us-east-1", Policies: []SecurityHubPolicy{{Name: "p",
					Standards: []string{"nist-800-53/v/5.0.0"}, Targets: []string{"r-fake", "444455556666"}}}}}})
		return err
	})
	got := inputErrors(t, err)
	assert.Contains(t, got["organizationConfiguration.securityHub.policies[0].targets[0]"], `use "r-real"`)
	assert.Contains(t, got["organizationConfiguration.securityHub.policies[0].targets[1]"], "not an account of")
	assert.Empty(t, m.Resources(), "nothing is registered")
}

func TestOrgConfigurationOneRolePerAdministrator(t *testing.T) {
	t.Parallel()
	args := securitySet()
	args.Integrations[2].Args.OrganizationConfiguration.AdministratorRole = "AWSControlTowerExecution"
	got := inputErrors(t, CheckOrgIntegrations("sec", args))
	assert.Contains(t, got["integrations[2].args.organizationConfiguration.administratorRole"],
		"give them the same administratorRole")
}

func TestOrgConfigurationServicesMatchTheCatalog(t *testing.T) {
	t.Parallel()
	var keys []string
	for _, s := range orgConfigServices {
		keys = append(keys, s.key)
		_, ok := LookupService(s.key)
		assert.True(t, ok, "%s is a catalog key", s.key)
	}
	slices.Sort(keys)
	assert.Equal(t, catalog.ConfigurationServices(), keys,
		"every service with a block has its types and IAM actions in components/catalog/orgconfiguration.go")
}

func TestOrgConfigurationAdoptionImportsWithPulumiAWSIDs(t *testing.T) {
	t.Parallel()
	args := securitySet()
	for i := range args.Integrations {
		a := &args.Integrations[i].Args
		a.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"}}
	}
	m := newMocks().withDetectors()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgIntegrations(ctx, "sec", args)
		return err
	}))
	for name, id := range map[string]string{
		// The detector looked up in the administrator's account.
		"sec-guardduty-org-config-us-east-1":                   "det-sec-admin-" + auditAccount + "-us-east-1",
		"sec-securityhub-finding-aggregator-us-east-1":         "",
		"sec-access-analyzer-analyzer-us-east-1":               "organization",
		"sec-access-analyzer-unused-access-analyzer-us-east-1": "organization-unused-access",
		"sec-config-aggregator-us-east-1":                      "organization",
		// Not adopted in eu-west-1, and no import in pulumi-aws for features.
		"sec-guardduty-org-config-eu-west-1":             "",
		"sec-guardduty-feature-us-east-1-s3-data-events": "",
	} {
		assert.Equal(t, id, m.Find(t, name).ImportID, name)
	}

	bad := securitySet()
	bad.Integrations[0].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"ap-south-1"}}
	bad.Integrations[3].Args.OrganizationConfiguration = nil
	bad.Integrations[3].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"}}
	got := inputErrors(t, CheckOrgIntegrations("sec", bad))
	assert.Contains(t, got["integrations[0].args.adopt.organizationConfigurationRegions[0]"], "is not one of")
	assert.Contains(t, got["integrations[3].args.adopt.organizationConfigurationRegions[0]"],
		"no organizationConfiguration to adopt")
}

func TestOrgConfigurationAdoptsSecurityHubLocalByAccount(t *testing.T) {
	t.Parallel()
	m := newMocks().withDetectors()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgServiceIntegration(ctx, "sh", OrgServiceIntegrationArgs{Service: "securityhub",
			DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1"},
			OrganizationConfiguration: &OrganizationConfiguration{SecurityHub: &SecurityHubConfiguration{}},
			Adopt:                     &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"}}})
		return err
	}))
	conf := m.Find(t, "sh-org-config-us-east-1")
	assert.Equal(t, auditAccount, conf.ImportID, "pulumi-aws imports it by the administrator's account ID")
	assert.True(t, conf.Inputs["autoEnable"].BoolValue())
	assert.Equal(t, "DEFAULT", inputString(t, conf, "autoEnableStandards"))
}

// TestOrgConfigurationAdoptsWhatAWSAssignedIDs: Security Hub's central
// configuration and Detective's graphs are imported by the IDs AWS assigned
// them (adopt.organizationConfigurationIds), with pulumi-aws's import IDs; an
// association not listed (a target added since) is created; a key that names
// nothing of the configuration fails the preview.
func TestOrgConfigurationAdoptsWhatAWSAssignedIDs(t *testing.T) {
	t.Parallel()
	const (
		agg    = "arn:aws:securityhub:us-east-1:" + auditAccount + ":finding-aggregator/abcd1234-abcd-1234-1234-abcdef123456"
		policy = "00000000-1111-2222-3333-444444444444"
		graph  = "arn:aws:detective:us-east-1:" + auditAccount + ":graph:00b00fd5aecc0ab60a708659477e9617"
	)
	args := securitySet()
	args.Integrations[1].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"},
		OrganizationConfigurationIDs: map[string]string{"findingAggregator": agg, "policy:baseline": policy,
			"association:r-a1b2": "r-a1b2"}}
	args.Integrations[4].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"},
		OrganizationConfigurationIDs: map[string]string{"graph:us-east-1": graph}}
	m := newMocks().withDetectors()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgIntegrations(ctx, "sec", args)
		return err
	}))
	for name, id := range map[string]string{
		"sec-securityhub-finding-aggregator-us-east-1":               agg,
		"sec-securityhub-org-config-us-east-1":                       auditAccount,
		"sec-securityhub-policy-us-east-1-baseline":                  policy,
		"sec-securityhub-policy-us-east-1-baseline-r-a1b2":           "r-a1b2",
		"sec-securityhub-policy-us-east-1-baseline-ou-a1b2-c3d4e5f6": "",
		"sec-detective-graph-us-east-1":                              graph,
		"sec-detective-org-config-us-east-1":                         graph,
		"sec-detective-graph-eu-west-1":                              "",
		"sec-detective-org-config-eu-west-1":                         "",
	} {
		assert.Equal(t, id, m.Find(t, name).ImportID, name)
	}

	bad := securitySet()
	bad.Integrations[1].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"},
		OrganizationConfigurationIDs: map[string]string{"policy:other": policy, "findingAggregator": ""}}
	bad.Integrations[0].Args.Adopt = &IntegrationAdoptSpec{OrganizationConfigurationRegions: []string{"us-east-1"},
		OrganizationConfigurationIDs: map[string]string{"graph:us-east-1": graph}}
	got := inputErrors(t, CheckOrgIntegrations("sec", bad))
	assert.Contains(t, got["integrations[1].args.adopt.organizationConfigurationIds.policy:other"],
		"names no resource of the organization configuration")
	assert.Contains(t, got["integrations[1].args.adopt.organizationConfigurationIds.findingAggregator"], "is empty")
	assert.Contains(t, got["integrations[0].args.adopt.organizationConfigurationIds.graph:us-east-1"],
		"names no resource", "a graph on GuardDuty's configuration")
}

// withAccounts answers the organization lookup with accounts (ID, email and
// status), mgmtAccount as the management account, and every other invoke as
// before.
func (m *mockRecorder) withAccounts(accounts ...[3]string) *mockRecorder {
	next := m.Invoke
	m.Invoke = func(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
		if args.Token != getOrganizationToken {
			return next(args)
		}
		var list []resource.PropertyValue
		for _, a := range accounts {
			list = append(list, resource.NewProperty(resource.PropertyMap{
				"id": resource.NewProperty(a[0]), "email": resource.NewProperty(a[1]),
				"status": resource.NewProperty(a[2]), "name": resource.NewProperty("n" + a[0]),
				"arn": resource.NewProperty("arn:aws:organizations::" + mgmtAccount + ":account/o-exampleorgid/" + a[0]),
			}))
		}
		return resource.PropertyMap{
			"id":              resource.NewProperty("o-exampleorgid"),
			"arn":             resource.NewProperty("arn:aws:organizations::" + mgmtAccount + ":organization/o-exampleorgid"),
			"masterAccountId": resource.NewProperty(mgmtAccount), "featureSet": resource.NewProperty("ALL"),
			"accounts": resource.NewProperty(list),
		}, nil
	}
	return m
}

// TestOrgConfigurationEnablesExistingMembers: Macie's and Detective's
// existing accounts, which auto-enable does not cover, are enabled as
// members in each Region: keyed by Region and account ID, through the
// administrator's provider, with the email the organization lookup gives,
// after the registration (Macie: DependsOn; Detective: the graph's ARN) and,
// on destroy, before it.
func TestOrgConfigurationEnablesExistingMembers(t *testing.T) {
	t.Parallel()
	const prod, dev = "333333333333", "444444444444"
	args := securitySet()
	args.Integrations[2].Args.OrganizationConfiguration.Macie.MemberAccountIDs = []string{prod, dev}
	args.Integrations[4].Args.OrganizationConfiguration.Detective.MemberAccountIDs = []string{dev}
	m := newMocks().withDetectors().withAccounts([3]string{prod, "prod@example.com", "ACTIVE"},
		[3]string{dev, "dev@example.com", "ACTIVE"}, [3]string{auditAccount, "audit@example.com", "ACTIVE"})
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgIntegrations(ctx, "sec", args)
		return err
	}))
	order := m.DestroyOrder(t)
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		prov := m.Find(t, "sec-admin-"+auditAccount+"-"+region).URN
		for account, email := range map[string]string{prod: "prod@example.com", dev: "dev@example.com"} {
			mem := m.Find(t, "sec-macie-member-"+region+"-"+account)
			assert.Equal(t, "aws:macie2/member:Member", mem.Type)
			assert.Equal(t, prov, mem.ProviderURN(), mem.Name)
			assert.Equal(t, account, inputString(t, mem, "accountId"))
			assert.Equal(t, email, inputString(t, mem, "email"), "the organization's email of %s", account)
			admin := m.Find(t, "sec-macie-admin-"+region)
			assert.True(t, mem.DependsOnURN(admin.URN), "%s after the registration", mem.Name)
			requireDestroyedBefore(t, order, mem, admin)
		}
		mem := m.Find(t, "sec-detective-member-"+region+"-"+dev)
		assert.Equal(t, "aws:detective/member:Member", mem.Type)
		assert.Equal(t, prov, mem.ProviderURN())
		assert.Equal(t, "dev@example.com", inputString(t, mem, "emailAddress"))
		graph := m.Find(t, "sec-detective-graph-"+region)
		assert.Equal(t, []string{graph.URN}, mem.PropertyDependencies["graphArn"], "in the administrator's graph")
		requireDestroyedBefore(t, order, mem, graph)
		requireDestroyedBefore(t, order, mem, m.Find(t, "sec-detective-admin-"+region))
	}
	assert.Len(t, m.ByType("aws:detective/member:Member"), 2, "one account in two Regions")

	// Checked at preview, all at once: the administrator, twice, not of the
	// organization, suspended.
	bad := securitySet()
	bad.Integrations[2].Args.OrganizationConfiguration.Macie.MemberAccountIDs = []string{auditAccount, prod, prod,
		"999999999999", "555555555555"}
	got := inputErrors(t, CheckOrgIntegrations("sec", bad))
	assert.Contains(t, got["integrations[2].args.organizationConfiguration.macie.memberAccountIds[0]"],
		"is the delegated administrator")
	assert.Contains(t, got["integrations[2].args.organizationConfiguration.macie.memberAccountIds[2]"], "listed twice")
	bad.Integrations[2].Args.OrganizationConfiguration.Macie.MemberAccountIDs = []string{prod, "999999999999",
		"555555555555"}
	m = newMocks().withDetectors().withAccounts([3]string{prod, "prod@example.com", "ACTIVE"},
		[3]string{"555555555555", "closed@example.com", "SUSPENDED"})
	err := m.run(func(ctx *pulumi.Context) error {
		_, err := NewOrgIntegrations(ctx, "sec", bad)
		return err
	})
	require.ErrorContains(t, err, `"999999999999" is not an account of the organization`)
	require.ErrorContains(t, err, `"555555555555" is SUSPENDED`)
	assert.Empty(t, m.ByType("aws:macie2/member:Member"), "nothing is registered")
}
