package components

// The catalog's data. Facts come from the reference table
// (trusted-services.md) and were checked, where Verified is true, against the
// AWS page named in Notes. Every pulumi-aws token below was checked to exist in
// the pulumi-aws v6.83.2 Go SDK (a RegisterResource call with that token).

const (
	// rdaAPI registers a delegated administrator through AWS Organizations.
	rdaAPI = "organizations:RegisterDelegatedAdministrator"
	// rdaResource is the pulumi-aws v6 resource for rdaAPI.
	rdaResource = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"

	// orgsGuide is where the per-service pages of the AWS Organizations User
	// Guide live; srcOrgs names one of them.
	orgsGuide = "docs.aws.amazon.com/organizations/latest/userguide/"
	// awsdocsRepo is AWS's archived source of the same pages (2023), read where
	// the live page was not available.
	awsdocsRepo = " (read in its source, github.com/awsdocs/aws-organizations-docs)"
	// catalogFromReference marks rows checked by the reference table's compilers.
	catalogFromReference = "Verified: marked checked against AWS documentation in the orgtrust reference table " +
		"(trusted-services.md)."
	// catalogUnverified marks rows that come from secondary sources only.
	catalogUnverified = "Unverified: from secondary sources (orgtrust reference table); not yet checked against an AWS page."
)

func srcOrgs(page string) string {
	return "Verified against the AWS Organizations User Guide page " + orgsGuide + page + ".html"
}

// genericDisable is the effect AWS documents for any service whose trusted
// access is disabled through Organizations ("Using AWS Organizations with other
// AWS services"), for services whose own page says nothing more specific.
func genericDisable(name string) string {
	return name + " can no longer create its service-linked role in new accounts or act in the " +
		"organization's member accounts; whether it keeps or cleans up its organization-wide setup is up to " +
		"the service."
}

var catalogData = []Service{
	{
		Key:                    "access-analyzer",
		DisplayName:            "IAM Access Analyzer",
		Principals:             []string{"access-analyzer.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForAccessAnalyzer"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaOrganizations,
		DisableEffect: "Analyzers whose zone of trust is the organization can no longer analyze the " +
			"organization's accounts, so their findings stop being updated.",
		Verified: true,
		Notes: "Verified against the IAM User Guide pages access-analyzer-delegated-administrator-add, " +
			"access-analyzer-settings and access-analyzer-using-service-linked-roles: with the CLI or SDKs, " +
			"enable trusted access and register the delegated administrator through Organizations; the IAM " +
			"console does both itself. Changing the delegated administrator disables the old one's " +
			"organization analyzers.",
	},
	{
		Key:                    "account",
		DisplayName:            "AWS Account Management",
		Principals:             []string{"account.amazonaws.com"},
		ServiceLinkedRoles:     []string{},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaOrganizations,
		DisableEffect: "The management account and the delegated administrator can no longer manage member " +
			"accounts' contacts and Regions through the Account Management APIs.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-account") + awsdocsRepo + ": trusted access can be " +
			"enabled only with the Organizations tools; no service-linked role is listed.",
	},
	{
		Key:                "artifact",
		DisplayName:        "AWS Artifact",
		Principals:         []string{"aws-artifact-account-sync.amazonaws.com"},
		ServiceLinkedRoles: []string{},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "AWS Artifact can no longer see the organization's accounts, so organization " +
			"agreements can no longer be accepted or managed for them. " + genericDisable("AWS Artifact"),
		Notes: catalogUnverified + " The principal and the service-linked role are not confirmed. The AWS " +
			"Organizations services table (2020 version) lists no delegated administrator for AWS Artifact.",
	},
	{
		Key:                     "auditmanager",
		DisplayName:             "AWS Audit Manager",
		Principals:              []string{"auditmanager.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAuditManager"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "auditmanager:RegisterOrganizationAdminAccount",
		DelegatedAdminResource:  "aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaService,
		DisableEffect:           genericDisable("Audit Manager"),
		Verified:                true,
		Notes: srcOrgs("services-that-can-integrate-audit-manager") + awsdocsRepo + ": AWS strongly " +
			"recommends the Audit Manager console, which enables trusted access when it designates the " +
			"delegated administrator; trusted access must be on before one is designated. The page also names " +
			"auditmanager:RegisterAccount with delegatedAdminAccount. Audit Manager is a Regional service, so " +
			"the delegated administrator is registered per Region (not checked against AWS docs).",
	},
	{
		Key:                    "backup",
		DisplayName:            "AWS Backup",
		Principals:             []string{"backup.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSBackupDefaultServiceRole"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "You lose the ability to view backup, restore and copy jobs outside the current " +
			"account; the AWS Backup role remains, and re-enabling restores this without reconfiguring.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-backup") + awsdocsRepo + ": AWS recommends enabling " +
			"trusted access from the AWS Backup console; the page names AWSBackupDefaultServiceRole as the role " +
			"created. Delegated administration through Organizations is from the reference table and is newer " +
			"than the page checked (unverified).",
	},
	{
		Key:                "billing",
		DisplayName:        "AWS Billing and Cost Management",
		Principals:         []string{"billing-cost-management.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForSplitCostAllocationData"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaOrganizations,
		DisableEffect:      genericDisable("Billing and Cost Management"),
		Verified:           true,
		Notes:              catalogFromReference + " AWS's page does not state delegated administrator support.",
	},
	{
		Key:                    "cloudtrail",
		DisplayName:            "AWS CloudTrail",
		Principals:             []string{"cloudtrail.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForCloudTrail"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "cloudtrail:RegisterOrganizationDelegatedAdmin",
		DelegatedAdminResource: "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
		EnableVia:              EnableViaOrganizations,
		DisableEffect: "Organization trails stop functioning for member accounts, because CloudTrail can no " +
			"longer access the organization; the trails and AWSServiceRoleForCloudTrail remain, and " +
			"re-enabling resumes them without reconfiguring.",
		RetainOnDelete: true,
		Verified:       true,
		Notes: srcOrgs("services-that-can-integrate-cloudtrail") + awsdocsRepo + ": creating an " +
			"organization trail in the CloudTrail console enables trusted access; with the CLI or API you " +
			"enable it through Organizations. Retained on delete because disabling stops logging member " +
			"accounts, a gap in the audit trail that cannot be recovered.",
	},
	{
		Key:                    "compute-optimizer",
		DisplayName:            "AWS Compute Optimizer",
		Principals:             []string{"compute-optimizer.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForComputeOptimizer"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Compute Optimizer can no longer analyze the organization's member accounts for " +
			"recommendations. " + genericDisable("Compute Optimizer"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-compute-optimizer") + awsdocsRepo + ": AWS strongly " +
			"recommends opting in from the Compute Optimizer console.",
	},
	{
		Key:                    "config",
		DisplayName:            "AWS Config",
		Principals:             []string{"config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSConfigRoleForOrganizations", "AWSServiceRoleForConfigMultiAccountSetup"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Organization aggregators (config.amazonaws.com) can no longer collect from the " +
			"organization's accounts, and organization Config rules and conformance packs " +
			"(config-multiaccountsetup.amazonaws.com) can no longer be deployed or managed in member accounts.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-config") + awsdocsRepo + ": config.amazonaws.com is for " +
			"aggregators, config-multiaccountsetup.amazonaws.com for organization rules and conformance packs; " +
			"each principal takes its own trusted access and its own delegated administrator. AWS enables " +
			"trusted access when you create an organization aggregator in the Config console. The page names " +
			"AWSConfigRoleForOrganizations as the Config role (the reference table had AWSServiceRoleForConfig).",
	},
	{
		Key:                "controltower",
		DisplayName:        "AWS Control Tower",
		Principals:         []string{"controltower.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForAWSControlTower"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaOrganizations,
		DisableEffect: "Control Tower can no longer detect drift in preventive controls or track the account " +
			"and OU changes that cause drift.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-CTower") + ": Control Tower uses trusted access for drift " +
			"detection, and AWS says to enable it using only the Organizations tools (setting up a landing zone " +
			"also enables it). This differs from the reference table, which said Control Tower only. Control " +
			"Tower also needs AWSControlTowerExecution in every enrolled account; the service-linked role name " +
			"is from the reference table.",
	},
	{
		Key:                    "cost-optimization-hub",
		DisplayName:            "Cost Optimization Hub",
		Principals:             []string{"cost-optimization-hub.bcm.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForCostOptimizationHub"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     1,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("Cost Optimization Hub"),
		Verified:               true,
		Notes:                  catalogFromReference,
	},
	{
		Key:                     "detective",
		DisplayName:             "Amazon Detective",
		Principals:              []string{"detective.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForDetective"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "detective:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  "aws:detective/organizationAdminAccount:OrganizationAdminAccount",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaOrganizations,
		DisableEffect: "Detective can no longer react to changes in the organization's membership, such as " +
			"enabling new accounts as behavior graph members. " + genericDisable("Detective"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-detective") + awsdocsRepo + ": trusted access is enabled " +
			"with the Organizations tools, or automatically when a delegated administrator is designated; the " +
			"delegated administrator can also be registered with Organizations RegisterDelegatedAdministrator. " +
			"pulumi-aws-native also has aws-native:detective:OrganizationAdmin.",
	},
	{
		Key:                    "devops-guru",
		DisplayName:            "Amazon DevOps Guru",
		Principals:             []string{"devops-guru.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForDevOpsGuru"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("DevOps Guru"),
		Notes:                  catalogUnverified,
	},
	{
		Key:                "directory-service",
		DisplayName:        "AWS Directory Service",
		Principals:         []string{"ds.amazonaws.com"},
		ServiceLinkedRoles: []string{},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "Directories can no longer be shared with accounts through the organization. " +
			genericDisable("Directory Service"),
		Notes: catalogUnverified + " The AWS Organizations services table (2020 version) lists no delegated " +
			"administrator for Directory Service.",
	},
	{
		Key:                    "eks-dashboard",
		DisplayName:            "Amazon EKS Dashboard",
		Principals:             []string{"eks.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForAmazonEKSDashboard"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "The EKS Dashboard can no longer show clusters from across the organization. " +
			genericDisable("Amazon EKS"),
		Verified: true,
		Notes: catalogFromReference + " The table says a delegated administrator is supported without naming the " +
			"mechanism; Organizations registration is assumed.",
	},
	{
		Key:                    "fms",
		DisplayName:            "AWS Firewall Manager",
		Principals:             []string{"fms.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForFMS"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "fms:AssociateAdminAccount",
		DelegatedAdminResource: "aws:fms/adminAccount:AdminAccount",
		EnableVia:              EnableViaService,
		DisableEffect: "Firewall Manager can no longer apply its security policies across the organization's " +
			"accounts. AWS strongly recommends disabling through Firewall Manager so it can clean up the " +
			"resources and roles it no longer needs.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-fms") + awsdocsRepo + ": Firewall Manager does not use an " +
			"Organizations delegated administrator; it designates its own administrator account. AWS strongly " +
			"recommends enabling from the Firewall Manager console.",
	},
	{
		Key:         "guardduty",
		DisplayName: "Amazon GuardDuty",
		Principals:  []string{"guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com"},
		ServiceLinkedRoles: []string{
			"AWSServiceRoleForAmazonGuardDuty",
			"AWSServiceRoleForAmazonGuardDutyMalwareProtection",
		},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "guardduty:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaOrganizations,
		DisableEffect: "The GuardDuty administrator account can no longer manage the organization's accounts " +
			"as members or enable GuardDuty for new accounts automatically. " + genericDisable("GuardDuty"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-guardduty") + awsdocsRepo + ": the console enables trusted " +
			"access when it designates the delegated administrator; with the CLI or SDKs you call " +
			"EnableAWSServiceAccess first, then EnableOrganizationAdminAccount in each Region. The " +
			"malware-protection principal and its role are from the reference table (not on the page checked).",
	},
	{
		Key:                    "health",
		DisplayName:            "AWS Health",
		Principals:             []string{"health.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForHealth_Organizations"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     5,
		EnableVia:              EnableViaService,
		EnableAPI:              "health:EnableHealthServiceAccessForOrganization",
		DisableEffect: "AWS Health stops aggregating events across the organization (the organizational " +
			"view); each account still sees its own events.",
		Verified: true,
		Notes:    catalogFromReference,
	},
	{
		Key:                    "iam",
		DisplayName:            "AWS Identity and Access Management (centralized root access)",
		Principals:             []string{"iam.amazonaws.com"},
		ServiceLinkedRoles:     []string{},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		EnableAPI:              "iam:EnableOrganizationsRootCredentialsManagement",
		EnableResource:         "aws:iam/organizationsFeatures:OrganizationsFeatures",
		DisableEffect: "Centralized root access stops: the management account and the delegated administrator " +
			"can no longer manage member accounts' root credentials or run privileged root sessions.",
		Verified: true,
		Notes: catalogFromReference + " The IAM features need trusted access first: enable it through Organizations " +
			"(this is fine), then turn on root credentials management and root sessions with " +
			"aws.iam.OrganizationsFeatures (iam:EnableOrganizationsRootCredentialsManagement and " +
			"iam:EnableOrganizationsRootSessions). The IAM console does both.",
	},
	{
		Key:                     "inspector",
		DisplayName:             "Amazon Inspector",
		Principals:              []string{"inspector2.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAmazonInspector2"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "inspector2:EnableDelegatedAdminAccount",
		DelegatedAdminResource:  "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaOrganizations,
		DisableEffect: "The Inspector delegated administrator can no longer manage scanning for the " +
			"organization's accounts. " + genericDisable("Amazon Inspector"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-inspector2") + awsdocsRepo + ": designating the delegated " +
			"administrator enables trusted access; with the CLI or SDKs you call EnableAWSServiceAccess, then " +
			"EnableDelegatedAdminAccount in each Region where you use Inspector.",
	},
	{
		Key:                    "ipam",
		DisplayName:            "Amazon VPC IP Address Manager (IPAM)",
		Principals:             []string{"ipam.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForIPAM"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "ec2:EnableIpamOrganizationAdminAccount",
		DelegatedAdminResource: "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
		EnableVia:              EnableViaServiceOnly,
		EnableAPI:              "ec2:EnableIpamOrganizationAdminAccount",
		EnableResource:         "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
		DisableEffect: "IPAM can no longer monitor IP address usage across the organization's accounts. " +
			genericDisable("IPAM"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ipam") + awsdocsRepo + ": trusted access can be enabled " +
			"only with the IPAM tools (designating the IPAM delegated administrator, which also creates " +
			"AWSServiceRoleForIPAM in every account), not with the Organizations console or " +
			"EnableAWSServiceAccess. Disabling is done through Organizations.",
	},
	{
		Key:         "license-manager",
		DisplayName: "AWS License Manager",
		Principals: []string{
			"license-manager.amazonaws.com",
			"license-manager.member-account.amazonaws.com",
			"license-manager-linux-subscriptions.amazonaws.com",
		},
		ServiceLinkedRoles: []string{
			"AWSLicenseManagerMasterAccountRole",
			"AWSLicenseManagerMemberAccountRole",
			"AWSServiceRoleForAWSLicenseManagerRole",
		},
		DelegatedAdmin: DelegatedAdminUnknown,
		EnableVia:      EnableViaService,
		DisableEffect: "License Manager can no longer discover resources or track license usage across the " +
			"organization's accounts. " + genericDisable("License Manager"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-license-manager") + awsdocsRepo + ": enable from the " +
			"License Manager settings in the management account. The page lists the first two principals; " +
			"license-manager-linux-subscriptions.amazonaws.com is from the reference table (unverified).",
	},
	{
		Key:                     "macie",
		DisplayName:             "Amazon Macie",
		Principals:              []string{"macie.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAmazonMacie"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "macie2:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  "aws:macie2/organizationAdminAccount:OrganizationAdminAccount",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaService,
		DisableEffect: "The Macie administrator account can no longer manage the organization's accounts. " +
			genericDisable("Macie"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-macie") + awsdocsRepo + ": AWS strongly recommends the " +
			"Macie console, which enables trusted access when it designates the delegated administrator.",
	},
	{
		Key:                "marketplace",
		DisplayName:        "AWS Marketplace license management",
		Principals:         []string{"license-management.marketplace.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForMarketplaceLicenseManagement"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaService,
		DisableEffect:      genericDisable("AWS Marketplace"),
		Notes:              catalogUnverified,
	},
	{
		Key:                "mgn",
		DisplayName:        "AWS Application Migration Service",
		Principals:         []string{"mgn.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForApplicationMigrationService"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaService,
		DisableEffect:      genericDisable("Application Migration Service"),
		Notes:              catalogUnverified + " The service-linked role name is also unconfirmed.",
	},
	{
		Key:                    "networkmanager",
		DisplayName:            "AWS Network Manager",
		Principals:             []string{"networkmanager.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForNetworkManager"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("Network Manager"),
		Notes:                  catalogUnverified,
	},
	{
		Key:                "notifications",
		DisplayName:        "AWS User Notifications",
		Principals:         []string{"notifications.amazon.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForAWSUserNotifications"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaServiceOnly,
		EnableAPI:          "notifications:EnableNotificationsAccessForOrganization",
		DisableEffect: "User Notifications can no longer deliver notifications about events in the " +
			"organization's member accounts. " + genericDisable("User Notifications"),
		Verified: true,
		Notes: catalogFromReference + " The principal ends in amazon.com, not amazonaws.com. Enabling through " +
			"Organizations leaves User Notifications unconfigured; enable it with " +
			"EnableNotificationsAccessForOrganization (checked against the User Notifications API reference). " +
			"pulumi-aws v7 has aws.notifications.OrganizationsAccess; v6.83.2 has no resource for it. The " +
			"table says a delegated administrator is supported without naming the mechanism.",
	},
	{
		Key:                "ram",
		DisplayName:        "AWS Resource Access Manager",
		Principals:         []string{"ram.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForResourceAccessManager"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaServiceOnly,
		EnableAPI:          "ram:EnableSharingWithAwsOrganization",
		EnableResource:     "aws:ram/sharingWithOrganization:SharingWithOrganization",
		DisableEffect: "AWS RAM can no longer share resources with the organization or its OUs without " +
			"invitations; sharing with individual accounts still works.",
		Verified: true,
		Notes: "Verified against the AWS RAM User Guide page getting-started-sharing and the RAM API " +
			"reference (EnableSharingWithAwsOrganization), and " + orgsGuide +
			"services-that-can-integrate-ram.html: you must enable sharing with the RAM console or " +
			"EnableSharingWithAwsOrganization, which creates AWSServiceRoleForResourceAccessManager; enabling " +
			"through Organizations does not create the role, and sharing in the organization then fails.",
	},
	{
		Key:                    "reachability-analyzer",
		DisplayName:            "VPC Reachability Analyzer",
		Principals:             []string{"reachabilityanalyzer.networkinsights.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForReachabilityAnalyzer"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("Reachability Analyzer"),
		Notes:                  catalogUnverified,
	},
	{
		Key:                "resource-explorer",
		DisplayName:        "AWS Resource Explorer",
		Principals:         []string{"resource-explorer-2.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForResourceExplorer"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaService,
		DisableEffect:      genericDisable("Resource Explorer"),
		Notes:              catalogUnverified,
	},
	{
		Key:                    "security-ir",
		DisplayName:            "AWS Security Incident Response",
		Principals:             []string{"security-ir.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForSecurityIncidentResponse", "AWSServiceRoleForSecurityIncidentResponse_Triage"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("Security Incident Response"),
		Verified:               true,
		Notes:                  catalogFromReference,
	},
	{
		Key:                     "securityhub",
		DisplayName:             "AWS Security Hub",
		Principals:              []string{"securityhub.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForSecurityHub"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "securityhub:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaService,
		DisableEffect: "The Security Hub administrator account can no longer manage the organization's " +
			"accounts or enable Security Hub for new accounts automatically. " + genericDisable("Security Hub"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-securityhub") + awsdocsRepo + ": designating the Security " +
			"Hub delegated administrator enables trusted access. pulumi-aws-native also has " +
			"aws-native:securityhub:DelegatedAdmin.",
	},
	{
		Key:                "securitylake",
		DisplayName:        "Amazon Security Lake",
		Principals:         []string{"securitylake.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForSecurityLake"},
		DelegatedAdmin:     DelegatedAdminService,
		DelegatedAdminAPI:  "securitylake:RegisterDataLakeDelegatedAdministrator",
		EnableVia:          EnableViaService,
		EnableAPI:          "securitylake:RegisterDataLakeDelegatedAdministrator",
		DisableEffect: "Security Lake can no longer react to changes in the organization's membership or " +
			"collect from the organization's accounts. " + genericDisable("Security Lake"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-sl") + ": AWS recommends Security Lake's " +
			"RegisterDataLakeDelegatedAdministrator to enable trusted access and register the delegated " +
			"administrator; registering through Organizations may not create the service-linked roles. " +
			"Neither pulumi-aws v6.83.2 nor pulumi-aws-native v1.38.0 has a delegated administrator resource " +
			"for it (aws-native securitylake has only DataLake, AwsLogSource, Subscriber and " +
			"SubscriberNotification). Per-Region behaviour not checked.",
	},
	{
		Key:                    "servicecatalog",
		DisplayName:            "AWS Service Catalog",
		Principals:             []string{"servicecatalog.amazonaws.com"},
		ServiceLinkedRoles:     []string{},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		EnableAPI:              "servicecatalog:EnableAWSOrganizationsAccess",
		EnableResource:         "aws:servicecatalog/organizationsAccess:OrganizationsAccess",
		DisableEffect: "Existing portfolio shares are not deleted, but no new shares can be made across the " +
			"organization, and existing shares fall out of sync with the organization's structure when it " +
			"changes.",
		Verified: true,
		Notes: catalogFromReference + " " + srcOrgs("services-that-can-integrate-servicecatalog") + ": AWS strongly " +
			"recommends enabling with the Service Catalog console or EnableAWSOrganizationsAccess so that " +
			"Service Catalog can do its setup, and disabling with DisableAWSOrganizationsAccess. No " +
			"service-linked role is documented.",
	},
	{
		Key:                "servicequotas",
		DisplayName:        "Service Quotas",
		Principals:         []string{"servicequotas.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForServiceQuotas"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "Service Quotas can no longer apply the quota request template to new accounts. " +
			genericDisable("Service Quotas"),
		Notes: catalogUnverified,
	},
	{
		Key:                    "ssm",
		DisplayName:            "AWS Systems Manager",
		Principals:             []string{"ssm.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForAmazonSSM_AccountDiscovery"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Systems Manager fails to synchronize operations data across the organization's " +
			"accounts and reports an error; to re-enable, create a new resource data sync for Explorer.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ssm") + awsdocsRepo + ": trusted access is enabled by " +
			"creating an organization resource data sync from the management account.",
	},
	{
		Key:         "stacksets",
		DisplayName: "AWS CloudFormation StackSets",
		Principals:  []string{"member.org.stacksets.cloudformation.amazonaws.com"},
		ServiceLinkedRoles: []string{
			"AWSServiceRoleForCloudFormationStackSetsOrgAdmin",
			"AWSServiceRoleForCloudFormationStackSetsOrgMember",
		},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     5,
		EnableVia:              EnableViaServiceOnly,
		EnableAPI:              "cloudformation:ActivateOrganizationsAccess",
		DisableEffect: "Stack sets with service-managed permissions can no longer deploy to, update or remove " +
			"stacks in the organization's accounts, and automatic deployment to new accounts stops; deactivate " +
			"with CloudFormation DeactivateOrganizationsAccess rather than through Organizations.",
		Verified: true,
		Notes: catalogFromReference + " Activate with CloudFormation ActivateOrganizationsAccess, which creates the " +
			"service-linked roles; Organizations rejects stacksets.cloudformation.amazonaws.com. pulumi-aws " +
			"v6.83.2 has no resource for ActivateOrganizationsAccess.",
	},
	{
		Key:                    "sso",
		DisplayName:            "AWS IAM Identity Center",
		Principals:             []string{"sso.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForSSO"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "IAM Identity Center stops functioning because it can't access the organization: users " +
			"can't use it to access accounts. Its roles and service-linked roles remain, and re-enabling " +
			"trusted access restores it without reconfiguring.",
		RetainOnDelete: true,
		Verified:       true,
		Notes: catalogFromReference + " " + srcOrgs("services-that-can-integrate-sso") + ": AWS strongly recommends " +
			"letting IAM Identity Center enable trusted access when it is set up; it requires trusted access " +
			"to operate. Retained on delete because disabling it while in use locks users out of their accounts.",
	},
	{
		Key:                    "storage-lens",
		DisplayName:            "Amazon S3 Storage Lens",
		Principals:             []string{"storage-lens.s3.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForS3StorageLens"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Organization-level Storage Lens dashboards can no longer collect metrics from member " +
			"accounts. " + genericDisable("S3 Storage Lens"),
		Notes: catalogUnverified,
	},
	{
		Key:                "tag-policies",
		DisplayName:        "Tag policies",
		Principals:         []string{"tagpolicies.tag.amazonaws.com"},
		ServiceLinkedRoles: []string{},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaOrganizations,
		DisableEffect: "The organization-wide tag policy compliance report is no longer available; tag " +
			"policies themselves stay attached.",
		Notes: catalogUnverified,
	},
	{
		Key:                "trustedadvisor",
		DisplayName:        "AWS Trusted Advisor",
		Principals:         []string{"reporting.trustedadvisor.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForTrustedAdvisorReporting"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaService,
		DisableEffect: "Trusted Advisor can no longer build organizational view reports across member " +
			"accounts. " + genericDisable("Trusted Advisor"),
		Notes: catalogUnverified,
	},
	{
		Key:                    "wellarchitected",
		DisplayName:            "AWS Well-Architected Tool",
		Principals:             []string{"wellarchitected.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForWellArchitected"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Workloads and lenses can no longer be shared with the organization or its OUs. " +
			genericDisable("Well-Architected Tool"),
		Notes: catalogUnverified,
	},
}
