package fakebrownfield

import (
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// The brownfield organization Seed sets up: the IDs tests assert on.
const (
	Management = fakeorg.DefaultManagementAccountID
	Security   = "222222222222"
	Identity   = "444444444444"
	Shared     = "555555555555"
	Prod1      = "333333333331"
	Prod2      = "333333333332"
	Dev1       = "333333333341"
	DevClosed  = "333333333342" // SUSPENDED
	Sandbox1   = "666666666661"
	Sandbox2   = "666666666662"

	OUSecurity  = "ou-ex12-security1"
	OUWorkloads = "ou-ex12-workload1"
	OUProd      = "ou-ex12-prod0001"
	OUDev       = "ou-ex12-dev00001"
	OUSandbox   = "ou-ex12-sandbox1"

	GroupPlatformAdmins = "90000000-0000-0000-0000-000000000001"
	GroupAuditors       = "90000000-0000-0000-0000-000000000002"
	GroupDevelopers     = "90000000-0000-0000-0000-000000000003"
	GroupUnassigned     = "90000000-0000-0000-0000-000000000004"
	UserBreakGlass      = "91000000-0000-0000-0000-000000000001"
	UserUnassigned      = "91000000-0000-0000-0000-000000000002"

	Portfolio = "port-platform0001"

	// UnknownPrincipal is enabled, but outside the orgtrust catalog.
	UnknownPrincipal = "newservice.example.amazonaws.com"

	DeveloperInline = `{"Version":"2012-10-17","Statement":[{"Sid":"NoKeys","Effect":"Deny",` +
		`"Action":["iam:CreateAccessKey"],"Resource":"*"}]}`
)

// Seeded are the permission set ARNs Seed created, by name.
type Seeded struct {
	PermissionSets map[string]string
}

// Seed sets up a brownfield organization, as a platform team's consoles and
// scripts leave it:
//
//   - OUs Security, Workloads (with Prod and Dev below it) and Sandbox, ten
//     accounts, one of them SUSPENDED;
//   - trusted access for GuardDuty (both principals), Security Hub, IAM
//     Access Analyzer, AWS Config (one of its two principals), RAM, IAM
//     Identity Center, Service Catalog and a principal outside the catalog;
//   - delegated administrators: the security account for Access Analyzer,
//     Config and GuardDuty (in us-east-1 and eu-west-1) and Security Hub (in
//     us-east-1); the identity account for IAM Identity Center; the shared
//     services account for Service Catalog;
//   - IAM Identity Center: four permission sets with managed, customer
//     managed, inline and boundary policies, tags, relay state; four groups
//     and two users; assignments that cover OUs exactly, the whole
//     organization, and single accounts; an ABAC attribute;
//   - Service Catalog: organization access, one portfolio shared with an OU
//     and a member account, with two principals.
func Seed(o *Org) Seeded {
	org := o.Orgs
	org.AddOU(fakeorg.RootID, OUSecurity, "Security")
	org.AddOU(fakeorg.RootID, OUWorkloads, "Workloads")
	org.AddOU(OUWorkloads, OUProd, "Prod")
	org.AddOU(OUWorkloads, OUDev, "Dev")
	org.AddOU(fakeorg.RootID, OUSandbox, "Sandbox")
	org.AddAccount(OUSecurity, Security, "security", "")
	org.AddAccount(OUSecurity, Identity, "identity", "")
	org.AddAccount(fakeorg.RootID, Shared, "shared-services", "")
	org.AddAccount(OUProd, Prod1, "prod-1", "")
	org.AddAccount(OUProd, Prod2, "prod-2", "")
	org.AddAccount(OUDev, Dev1, "dev-1", "")
	org.AddAccount(OUDev, DevClosed, "dev-closed", fakeorg.StatusSuspended)
	org.AddAccount(OUSandbox, Sandbox1, "sandbox-1", "")
	org.AddAccount(OUSandbox, Sandbox2, "sandbox-2", "")

	for _, p := range []string{"guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com",
		"securityhub.amazonaws.com", "access-analyzer.amazonaws.com", "config.amazonaws.com", "ram.amazonaws.com",
		"sso.amazonaws.com", "servicecatalog.amazonaws.com", UnknownPrincipal} {
		org.EnableOutOfBand(p)
	}
	for p, account := range map[string]string{
		"access-analyzer.amazonaws.com": Security, "config.amazonaws.com": Security,
		"guardduty.amazonaws.com": Security, "securityhub.amazonaws.com": Security,
		"sso.amazonaws.com": Identity, "servicecatalog.amazonaws.com": Shared,
	} {
		org.RegisterOutOfBand(p, account)
	}
	o.Admins.Set(fakeservices.GuardDuty, "us-east-1", Security)
	o.Admins.Set(fakeservices.GuardDuty, "eu-west-1", Security)
	o.Admins.Set(fakeservices.SecurityHub, "us-east-1", Security)
	// The administrator configured GuardDuty for the organization, the same
	// in both Regions (DescribeOrganizationConfiguration lists every
	// feature, NONE included), and Security Hub with local configuration.
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		o.OrgConfigs.Set(fakeservices.GuardDuty, region, fakeservices.OrgConfig{Admin: Security,
			DetectorID: GuardDutyDetector(region), Answer: map[string]any{
				"autoEnable": true, "autoEnableOrganizationMembers": "ALL", "memberAccountLimitReached": false,
				"features": []map[string]any{
					{"name": "S3_DATA_EVENTS", "autoEnable": "ALL"},
					{"name": "EKS_AUDIT_LOGS", "autoEnable": "NONE"},
					{"name": "EBS_MALWARE_PROTECTION", "autoEnable": "ALL"},
					{"name": "RDS_LOGIN_EVENTS", "autoEnable": "NONE"},
					{"name": "EKS_RUNTIME_MONITORING", "autoEnable": "NEW", "additionalConfiguration": []map[string]any{
						{"name": "EKS_ADDON_MANAGEMENT", "autoEnable": "NEW"}}},
					{"name": "RUNTIME_MONITORING", "autoEnable": "NEW", "additionalConfiguration": []map[string]any{
						{"name": "EKS_ADDON_MANAGEMENT", "autoEnable": "NEW"},
						{"name": "ECS_FARGATE_AGENT_MANAGEMENT", "autoEnable": "NONE"},
						{"name": "EC2_AGENT_MANAGEMENT", "autoEnable": "NONE"}}},
					{"name": "LAMBDA_NETWORK_LOGS", "autoEnable": "NONE"},
				}}})
	}
	seedSecurityHubCentral(o)
	// An organization analyzer of each kind and an organization aggregator,
	// in us-east-1, in the administrator's account.
	o.Analyzer.Add(Security, "us-east-1", "org-analyzer", "ORGANIZATION", nil)
	o.Analyzer.Add(Security, "us-east-1", "org-analyzer-unused-access", "ORGANIZATION_UNUSED_ACCESS",
		map[string]any{"unusedAccess": map[string]any{"unusedAccessAge": 60}})
	for _, agg := range []map[string]any{
		// An account aggregator, not the organization's.
		{"ConfigurationAggregatorName": "accounts", "AccountAggregationSources": []map[string]any{
			{"AccountIds": []string{Prod1}, "AllAwsRegions": true}}},
		{"ConfigurationAggregatorName": "organization-aggregator",
			"ConfigurationAggregatorArn": "arn:aws:config:us-east-1:" + Security +
				":config-aggregator/config-aggregator-abcd1234",
			"OrganizationAggregationSource": map[string]any{"AllAwsRegions": true,
				"RoleArn": "arn:aws:iam::" + Security + ":role/ConfigAggregator"}},
		{"ConfigurationAggregatorName": "audit", "AccountAggregationSources": []map[string]any{
			{"AccountIds": []string{Prod2}, "AwsRegions": []string{"us-east-1"}}}},
	} {
		o.Config.Add(Security, "us-east-1", agg)
	}

	sso := o.SSO
	seeded := Seeded{PermissionSets: map[string]string{}}
	for _, ps := range []fakesso.PermissionSet{
		{Name: "Administrator", Description: "Full access, for short break-glass sessions", SessionDuration: "PT1H",
			ManagedPolicies: []string{"arn:aws:iam::aws:policy/AdministratorAccess"}},
		{Name: "ReadOnly", Description: "Read-only access to every service", SessionDuration: "PT8H",
			Tags: map[string]string{"managed-by": "console", "team": "security"},
			ManagedPolicies: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess",
				"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"}},
		{Name: "Developer", SessionDuration: "PT8H", RelayState: "https://console.aws.amazon.com/console/home",
			ManagedPolicies:         []string{"arn:aws:iam::aws:policy/PowerUserAccess"},
			CustomerManagedPolicies: [][2]string{{"/platform/", "DeveloperGuardrails"}, {"/", "DeveloperExtras"}},
			InlinePolicy:            DeveloperInline, BoundaryCustomer: &[2]string{"/platform/", "DeveloperBoundary"}},
		{Name: "Billing", SessionDuration: "PT2H", BoundaryManagedPolicy: "arn:aws:iam::aws:policy/PowerUserAccess"},
	} {
		seeded.PermissionSets[ps.Name] = sso.AddPermissionSet(ps)
	}
	sso.AddGroup(GroupPlatformAdmins, "Platform Admins")
	sso.AddGroup(GroupAuditors, "Auditors")
	sso.AddGroup(GroupDevelopers, "Developers")
	sso.AddGroup(GroupUnassigned, "Unassigned")
	sso.AddUser(UserBreakGlass, "breakglass@example.com")
	sso.AddUser(UserUnassigned, "jane@example.com")

	assign := func(ps, typ, principal string, accounts ...string) {
		for _, a := range accounts {
			sso.Put(fakesso.Assignment{PermissionSetArn: seeded.PermissionSets[ps], PrincipalType: typ,
				PrincipalID: principal, AccountID: a})
		}
	}
	// Exactly the Sandbox OU's accounts, and the management account.
	assign("Administrator", "GROUP", GroupPlatformAdmins, Sandbox1, Sandbox2, Management)
	// Every ACTIVE account: the root.
	active := []string{Management, Security, Identity, Shared, Prod1, Prod2, Dev1, Sandbox1, Sandbox2}
	assign("ReadOnly", "GROUP", GroupAuditors, active...)
	assign("ReadOnly", "GROUP", GroupDevelopers, active...)
	// The Workloads OU's ACTIVE accounts, and the SUSPENDED one, which no OU
	// expansion gives.
	assign("Developer", "GROUP", GroupDevelopers, Prod1, Prod2, Dev1, DevClosed)
	// One account of the Prod OU.
	assign("Developer", "USER", UserBreakGlass, Prod1)
	sso.SetAccessControlAttributes([]fakesso.Attribute{{Key: "Department",
		Sources: []string{"${path:enterprise.department}"}}})

	o.Catalog.SetAccess("ENABLED")
	o.Catalog.AddPortfolio(fakeservices.Portfolio{
		ID: Portfolio, Name: "Platform golden paths", Description: "Approved building blocks",
		ProviderName: "Platform team", Tags: map[string]string{"owner": "platform"},
		Shares: []fakeservices.PortfolioShare{
			{Type: "ORGANIZATIONAL_UNIT", PrincipalID: OUWorkloads, ShareTagOptions: true, SharePrincipals: true},
			{Type: "ORGANIZATION_MEMBER_ACCOUNT", PrincipalID: Shared, ShareTagOptions: true},
		},
		Principals: []string{
			"arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Developer_*",
			"arn:aws:iam:::role/ci/ProductLauncher*",
		},
	})
	return seeded
}

// GuardDutyDetector is the detector in the security account in region.
func GuardDutyDetector(region string) string {
	return map[string]string{"us-east-1": "12abc34d567e8fa901bc2d34e56789f0",
		"eu-west-1": "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5"}[region]
}

// Security Hub's central configuration in the seed, from us-east-1 (the home
// Region, with no linked Region: the administrator is designated there
// only): its finding aggregator and three configuration policies, applied to
// the root, the Workloads OU, an account and the sandbox accounts.
const (
	SecurityHubAggregator = "arn:aws:securityhub:us-east-1:" + Security +
		":finding-aggregator/abcd1234-abcd-1234-1234-abcdef123456"
	PolicyBaseline = "00000000-1111-2222-3333-444444444444"
	PolicyStrict   = "00000000-1111-2222-3333-555555555555"
	PolicyOff      = "00000000-1111-2222-3333-666666666666"
)

func seedSecurityHubCentral(o *Org) {
	policy := func(id, name string, p map[string]any) map[string]any {
		return map[string]any{"Id": id, "Name": name, "Description": name + " policy",
			"Arn":                 "arn:aws:securityhub:us-east-1:" + Security + ":configuration-policy/" + id,
			"ConfigurationPolicy": map[string]any{"SecurityHub": p}}
	}
	fsbp := "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0"
	applied := func(target, ttype, policy string) map[string]any {
		return map[string]any{"TargetId": target, "TargetType": ttype, "ConfigurationPolicyId": policy,
			"AssociationType": "APPLIED", "AssociationStatus": "SUCCESS"}
	}
	o.OrgConfigs.Set(fakeservices.SecurityHub, "us-east-1", fakeservices.OrgConfig{Admin: Security,
		Answer: map[string]any{"AutoEnable": false, "AutoEnableStandards": "NONE",
			"MemberAccountLimitReached": false,
			"OrganizationConfiguration": map[string]any{"ConfigurationType": "CENTRAL", "Status": "ENABLED"}},
		FindingAggregator: map[string]any{"FindingAggregatorArn": SecurityHubAggregator,
			"FindingAggregationRegion": "us-east-1", "RegionLinkingMode": "NO_REGIONS"},
		Policies: []map[string]any{
			policy(PolicyBaseline, "baseline", map[string]any{"ServiceEnabled": true,
				"EnabledStandardIdentifiers":    []string{fsbp},
				"SecurityControlsConfiguration": map[string]any{"DisabledSecurityControlIdentifiers": []string{"IAM.1"}}}),
			policy(PolicyStrict, "strict", map[string]any{"ServiceEnabled": true,
				"EnabledStandardIdentifiers": []string{fsbp,
					"arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0"},
				"SecurityControlsConfiguration": map[string]any{"DisabledSecurityControlIdentifiers": []string{},
					"SecurityControlCustomParameters": []map[string]any{{"SecurityControlId": "IAM.7",
						"Parameters": map[string]any{
							"MaxPasswordAge":        map[string]any{"ValueType": "CUSTOM", "Value": map[string]any{"Integer": 60}},
							"RequireUppercase":      map[string]any{"ValueType": "CUSTOM", "Value": map[string]any{"Boolean": true}},
							"MinimumPasswordLength": map[string]any{"ValueType": "DEFAULT"},
						}}}}}),
			policy(PolicyOff, "off", map[string]any{"ServiceEnabled": false}),
		},
		Associations: []map[string]any{
			applied(fakeorg.RootID, "ROOT", PolicyBaseline),
			applied(OUWorkloads, "ORGANIZATIONAL_UNIT", PolicyStrict),
			{"TargetId": OUProd, "TargetType": "ORGANIZATIONAL_UNIT", "ConfigurationPolicyId": PolicyStrict,
				"AssociationType": "INHERITED", "AssociationStatus": "SUCCESS"},
			applied(Sandbox1, "ACCOUNT", PolicyOff),
			applied(Sandbox2, "ACCOUNT", PolicyOff),
		},
	})
}
