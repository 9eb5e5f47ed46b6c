package catalog

// The catalog's data. Facts come from the reference table
// (trusted-services.md) and were checked, where Verified is true, against the
// AWS page named in Notes. Every pulumi-aws token below was checked to exist in
// the pulumi-aws v6.83.2 Go SDK (a RegisterResource call with that token).

const (
	// rdaAPI registers a delegated administrator through AWS Organizations.
	rdaAPI = RegisterDelegatedAdministratorAPI
	// rdaResource is the pulumi-aws v6 resource for rdaAPI.
	rdaResource = OrganizationsDelegatedAdministrator

	// orgsGuide is where the per-service pages of the AWS Organizations User
	// Guide live; srcOrgs names one of them.
	orgsGuide = "docs.aws.amazon.com/organizations/latest/userguide/"
	// awsdocsRepo is AWS's archived source of the same pages (2023), read where
	// the live page was not available.
	awsdocsRepo = " (read in its source, github.com/awsdocs/aws-organizations-docs)"
	// currentCopy marks the current version of an AWS page, read in a stored
	// Markdown copy of it because the live page was not available.
	currentCopy = " (the current page, read in a stored Markdown copy of it)"
	// catalogFromReference marks rows checked by the reference table's compilers.
	catalogFromReference = "Verified: marked checked against AWS documentation in the orgtrust reference table " +
		"(trusted-services.md)."
)

// orgsPage is the address of a page of the AWS Organizations User Guide.
func orgsPage(page string) string {
	return "https://" + orgsGuide + page + ".html"
}

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
		DocumentationURL:       "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-delegated-administrator-add.html",
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
		DocumentationURL:       orgsPage("services-that-can-integrate-account"),
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
		DocumentationURL:   orgsPage("services-that-can-integrate-artifact"),
		Principals:         []string{"artifact.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForArtifact"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaOrganizations,
		DisableEffect: "AWS Artifact stops working with organization agreements because it can no longer access " +
			"the organization; accepted organization agreements and the AWS Artifact role remain but can't be " +
			"accessed, and re-enabling resumes without reconfiguring.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-artifact") + currentCopy + ": its service-principal section " +
			"and its enable-aws-service-access and disable-aws-service-access examples all name " +
			"artifact.amazonaws.com, so the catalog now uses it. The principal the catalog had, " +
			"aws-artifact-account-sync.amazonaws.com, is from the 2023 page (github.com/awsdocs/aws-organizations-docs) " +
			"and the AWS managed policy AWSArtifactAgreementsFullAccess; an organization that enabled it keeps it " +
			"(import it as a principal outside the catalog). Trusted access is enabled and disabled only with the " +
			"Organizations tools; no delegated administrator section; AWSServiceRoleForArtifact is created in the " +
			"management account.",
	},
	{
		Key:                     "auditmanager",
		DisplayName:             "AWS Audit Manager",
		DocumentationURL:        orgsPage("services-that-can-integrate-audit-manager"),
		Principals:              []string{"auditmanager.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAuditManager"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "auditmanager:RegisterOrganizationAdminAccount",
		DelegatedAdminResource:  AuditManagerAdmin,
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
		DocumentationURL:       orgsPage("services-that-can-integrate-backup"),
		Principals:             []string{"backup.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForBackup", "AWSServiceRoleForBackupReports"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "You lose the ability to view backup, restore and copy jobs outside the current " +
			"account; the AWS Backup role remains, and re-enabling restores this without reconfiguring.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-backup") + awsdocsRepo + ": AWS recommends enabling " +
			"trusted access from the AWS Backup console. The service-linked roles are AWSServiceRoleForBackup " +
			"(backup.amazonaws.com) and AWSServiceRoleForBackupReports (reports.backup.amazonaws.com), per the AWS " +
			"Backup Developer Guide pages using-service-linked-roles-AWSServiceRoleForBackup and " +
			"-AWSServiceRoleForBackupReports; the AWSBackupDefaultServiceRole the page names is a service role " +
			"that AWS Backup creates for backup plans, not a service-linked role, so it was dropped. Delegated " +
			"administration through Organizations is from the reference table and is newer than the page " +
			"checked (unverified).",
	},
	{
		Key:                "billing",
		DisplayName:        "AWS Billing and Cost Management",
		DocumentationURL:   orgsPage("services-that-can-integrate-awsaccountbilling"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-cloudtrail"),
		Principals:             []string{"cloudtrail.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForCloudTrail"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "cloudtrail:RegisterOrganizationDelegatedAdmin",
		DelegatedAdminResource: CloudTrailAdmin,
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
		Key:                    "cloudwatch",
		DisplayName:            "Amazon CloudWatch (telemetry auditing, Network Flow Monitor)",
		DocumentationURL:       orgsPage("services-that-can-integrate-cloudwatch"),
		Principals:             []string{"observabilityadmin.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForObservabilityAdmin"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Telemetry auditing is no longer active, and Network Flow Monitor can no longer work with " +
			"multiple accounts. AWS strongly recommends disabling from the CloudWatch console so it can clean up " +
			"the resources and access roles it no longer needs.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-cloudwatch") + currentCopy + ": AWS strongly recommends " +
			"turning trusted access on from the CloudWatch console (Turning on CloudWatch telemetry auditing); " +
			"Organizations EnableAWSServiceAccess with observabilityadmin.amazonaws.com is the documented " +
			"fallback. AWSServiceRoleForObservabilityAdmin is created in the member accounts. The delegated " +
			"administrator is registered from the CloudWatch console or with Organizations " +
			"RegisterDelegatedAdministrator; the page gives no maximum. The Organizations guide also has an older " +
			"page for the same principal, services-that-can-integrate-observability-admin (AWS Observability Admin).",
	},
	{
		Key:                    "compute-optimizer",
		DisplayName:            "AWS Compute Optimizer",
		DocumentationURL:       orgsPage("services-that-can-integrate-compute-optimizer"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-config"),
		Principals:             []string{"config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForConfig", "AWSServiceRoleForConfigMultiAccountSetup"},
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
			"trusted access when you create an organization aggregator in the Config console. AWS's pages " +
			"disagree on the roles: the Organizations page names AWSConfigRoleForOrganizations, but that is an AWS " +
			"managed policy (arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations) that users attach " +
			"to a role of their own for an organization aggregator, not a service-linked role; the AWS Config " +
			"Developer Guide (using-service-linked-roles) names AWSServiceRoleForConfig (config.amazonaws.com) and " +
			"AWSServiceRoleForConfigMultiAccountSetup (config-multiaccountsetup.amazonaws.com), which the catalog " +
			"lists.",
	},
	{
		Key:                "controltower",
		DisplayName:        "AWS Control Tower",
		DocumentationURL:   orgsPage("services-that-can-integrate-CTower"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-coh"),
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
		DocumentationURL:        orgsPage("services-that-can-integrate-detective"),
		Principals:              []string{"detective.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForDetective"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "detective:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  DetectiveAdmin,
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
		DocumentationURL:       orgsPage("services-that-can-integrate-devops"),
		Principals:             []string{"devops-guru.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForDevOpsGuru"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     1,
		EnableVia:              EnableViaService,
		DisableEffect:          genericDisable("DevOps Guru"),
		Verified:               true,
		Notes: srcOrgs("services-that-can-integrate-devops") + awsdocsRepo + ": AWS strongly recommends the " +
			"DevOps Guru console; designating the delegated administrator enables trusted access, which must be on " +
			"first. The delegated administrator is registered from the DevOps Guru console or with Organizations " +
			"RegisterDelegatedAdministrator. The DevOps Guru User Guide page getting-started-multi-account (read in " +
			"a stored Markdown copy) allows one delegated administrator at a time and gives the CLI path: create " +
			"the service-linked role, then EnableAWSServiceAccess and RegisterDelegatedAdministrator with " +
			"devops-guru.amazonaws.com. Disabling is done only with the Organizations tools; the page names no " +
			"service-specific effect.",
	},
	{
		Key:                "directory-service",
		DisplayName:        "AWS Directory Service",
		DocumentationURL:   orgsPage("services-that-can-integrate-directory-service"),
		Principals:         []string{"ds.amazonaws.com"},
		ServiceLinkedRoles: []string{},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "Directories already shared keep working, but no new directories can be shared within the " +
			"organization until trusted access is enabled again.",
		Notes: "Unverified: the principal and the service-linked roles are not on any AWS page read. " + orgsGuide +
			"services-that-can-integrate-directory-service.html" + awsdocsRepo + " and the opening of the current " +
			"page confirm the enable path (AWS strongly recommends the Directory Service console; sharing a " +
			"directory enables trusted access), the disable effect above, disabling only with the Organizations " +
			"tools, and no delegated administrator (services table, 2023); neither names a principal or a role, so " +
			"ds.amazonaws.com and the empty role list are still from the reference table. " +
			"AWSServiceRoleForDirectoryService (trusted by ds.amazonaws.com) is for monitoring self-managed domain " +
			"controllers, not for this integration.",
	},
	{
		Key:                    "ec2-capacity-manager",
		DisplayName:            "EC2 Capacity Manager",
		DocumentationURL:       orgsPage("services-that-can-integrate-ec2-capacity-manager"),
		Principals:             []string{"ec2.capacitymanager.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForEC2CapacityManager"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		EnableAPI:              "ec2:EnableCapacityManager",
		DisableEffect: "Capacity Manager can no longer collect EC2 usage data from the member accounts for " +
			"organization-wide capacity reports. Every delegated administrator must be removed before trusted " +
			"access is disabled.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ec2-capacity-manager") + currentCopy + ", and the Amazon EC2 " +
			"User Guide pages enable-capacity-manager-organizations and enable-capacity-manager-da (read in stored " +
			"copies): AWS strongly recommends the Capacity Manager console (Settings, Manage trusted access); with " +
			"the CLI you create the service-linked role, call EnableAWSServiceAccess for " +
			"ec2.capacitymanager.amazonaws.com, then ec2 enable-capacity-manager --organizations-access (or " +
			"update-capacity-manager-organizations-access). AWSServiceRoleForEC2CapacityManager is created in the " +
			"management account (in every member account when enabled from the console). The delegated " +
			"administrator is registered with Organizations RegisterDelegatedAdministrator; Capacity Manager can't be " +
			"disabled for the organization while one is registered. Capacity Manager is enabled in one Region per " +
			"organization. No pulumi-aws v6 resource for EnableCapacityManager was found.",
	},
	{
		Key:                "ec2-declarative-policies",
		DisplayName:        "Amazon EC2 (declarative policies account status report)",
		DocumentationURL:   orgsPage("services-that-can-integrate-ec2"),
		Principals:         []string{"ec2.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForDeclarativePoliciesEC2Report"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaOrganizations,
		DisableEffect: "The account status report for EC2 declarative policies can no longer be generated for the " +
			"organization's accounts: StartDeclarativePoliciesReport needs trusted access for ec2.amazonaws.com. " +
			"Attached declarative policies are not affected.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ec2") + currentCopy + ": trusted access lets the Organizations " +
			"administrator create the account status report for EC2 declarative policies; it can be enabled and " +
			"disabled only with the Organizations tools (the Organizations console enables it as part of enabling " +
			"declarative policies). AWSServiceRoleForDeclarativePoliciesEC2Report (read-only) is created in the " +
			"management account. The page has no delegated-administrator section: who may run the report is " +
			"delegated with an Organizations resource-based delegation policy, not RegisterDelegatedAdministrator " +
			"(Organizations User Guide, orgs_manage_policies_declarative_status-report). That attached policies are " +
			"unaffected by disabling is inferred from the report being the only use the page names.",
	},
	{
		Key:                    "eks-dashboard",
		DisplayName:            "Amazon EKS Dashboard",
		DocumentationURL:       orgsPage("services-that-can-integrate-eks"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-fms"),
		Principals:             []string{"fms.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForFMS"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "fms:AssociateAdminAccount",
		DelegatedAdminResource: FirewallManagerAdmin,
		EnableVia:              EnableViaService,
		DisableEffect: "Firewall Manager can no longer apply its security policies across the organization's " +
			"accounts. AWS strongly recommends disabling through Firewall Manager so it can clean up the " +
			"resources and roles it no longer needs.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-fms") + awsdocsRepo + ": Firewall Manager does not use an " +
			"Organizations delegated administrator; it designates its own administrator account. AWS strongly " +
			"recommends enabling from the Firewall Manager console; the current page (read in a stored copy) lets " +
			"you enable trusted access with either the Firewall Manager console or the Organizations tools. " +
			"Landing Zone Accelerator calls EnableAWSServiceAccess for fms.amazonaws.com before AssociateAdminAccount; " +
			"AWS does not require both from the caller (the FMS API reference for PutAdminAccount says Firewall " +
			"Manager registers its administrator as an Organizations delegated administrator itself), but enabling " +
			"first is the documented fallback and harmless, so orgtrust does what Landing Zone Accelerator does: " +
			"TrustedServiceAccess first, then aws.fms.AdminAccount, and never RegisterDelegatedAdministrator for fms.",
	},
	{
		Key:              "guardduty",
		DisplayName:      "Amazon GuardDuty",
		DocumentationURL: orgsPage("services-that-can-integrate-guardduty"),
		Principals:       []string{"guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com"},
		ServiceLinkedRoles: []string{
			"AWSServiceRoleForAmazonGuardDuty",
			"AWSServiceRoleForAmazonGuardDutyMalwareProtection",
		},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "guardduty:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  GuardDutyAdmin,
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
		DocumentationURL:       orgsPage("services-that-can-integrate-health"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-iam"),
		Principals:             []string{"iam.amazonaws.com"},
		ServiceLinkedRoles:     []string{},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		EnableAPI:              "iam:EnableOrganizationsRootCredentialsManagement",
		EnableResource:         IAMOrganizationsFeatures,
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
		DocumentationURL:        orgsPage("services-that-can-integrate-inspector2"),
		Principals:              []string{"inspector2.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAmazonInspector2"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "inspector2:EnableDelegatedAdminAccount",
		DelegatedAdminResource:  InspectorAdmin,
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
		DocumentationURL:       orgsPage("services-that-can-integrate-ipam"),
		Principals:             []string{"ipam.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForIPAM"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "ec2:EnableIpamOrganizationAdminAccount",
		DelegatedAdminResource: IPAMAdmin,
		EnableVia:              EnableViaServiceOnly,
		EnableAPI:              "ec2:EnableIpamOrganizationAdminAccount",
		EnableResource:         IPAMAdmin,
		DisableEffect: "IPAM can no longer monitor IP address usage across the organization's accounts. " +
			genericDisable("IPAM"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ipam") + awsdocsRepo + ": trusted access can be enabled " +
			"only with the IPAM tools (designating the IPAM delegated administrator, which also creates " +
			"AWSServiceRoleForIPAM in every account), not with the Organizations console or " +
			"EnableAWSServiceAccess. Disabling is done through Organizations.",
	},
	{
		Key:              "license-manager",
		DisplayName:      "AWS License Manager",
		DocumentationURL: orgsPage("services-that-can-integrate-license-manager"),
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
		DocumentationURL:        orgsPage("services-that-can-integrate-macie"),
		Principals:              []string{"macie.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForAmazonMacie"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "macie2:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  MacieAdmin,
		DelegatedAdminPerRegion: true,
		EnableVia:               EnableViaService,
		DisableEffect: "The Macie administrator account can no longer manage the organization's accounts. " +
			genericDisable("Macie"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-macie") + awsdocsRepo + ": AWS strongly recommends the " +
			"Macie console, which enables trusted access when it designates the delegated administrator.",
	},
	{
		Key:                    "managed-services",
		DisplayName:            "AWS Managed Services (AMS) Self-Service Reporting",
		DocumentationURL:       orgsPage("services-that-can-integrate-managed-services"),
		Principals:             []string{"selfservicereporting.managedservices.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForManagedServices_SelfServiceReporting"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaOrganizations,
		DisableEffect: "Aggregated self-service reports (patch compliance, backup coverage, incidents) can no longer " +
			"be viewed across the organization's AMS-managed accounts. " + genericDisable("AMS Self-Service Reporting"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-managed-services") + currentCopy + ": trusted access is enabled " +
			"and disabled with the Organizations CLI or SDKs (EnableAWSServiceAccess); " +
			"AWSServiceRoleForManagedServices_SelfServiceReporting is created in the management account. The " +
			"delegated administrator views AMS reports across accounts and is registered from the AMS console or " +
			"API or with Organizations RegisterDelegatedAdministrator; the page gives no maximum. The " +
			"service-specific disable effect is inferred from what the page says aggregated reporting needs.",
	},
	{
		Key:                "marketplace",
		DisplayName:        "AWS Marketplace license management",
		DocumentationURL:   orgsPage("services-that-can-integrate-marketplace"),
		Principals:         []string{"license-management.marketplace.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForMarketplaceLicenseManagement"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect:      genericDisable("AWS Marketplace"),
		Verified:           true,
		Notes: srcOrgs("services-that-can-integrate-marketplace") + awsdocsRepo + " and" + currentCopy + ": AWS " +
			"strongly recommends the AWS Marketplace console (creating its service-linked role, per the AWS " +
			"Marketplace Buyer Guide); the role is created in the management account. Neither version has a " +
			"delegated administrator section and the services table (2023) says none (the reference table had " +
			"unverified). Disabling is through the Organizations CLI or API; the page names no service-specific " +
			"effect.",
	},
	{
		Key:                    "mgn",
		DisplayName:            "AWS Application Migration Service",
		DocumentationURL:       orgsPage("services-that-can-integrate-application-migration"),
		Principals:             []string{"mgn.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForApplicationMigrationService"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "AWS strongly recommends disabling through Application Migration Service so it can clean up " +
			"the resources and access roles it no longer needs. " + genericDisable("Application Migration Service"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-application-migration") + currentCopy + "; its opening matches " +
			"the stored docs.aws.amazon.com page. The service is now named AWS Transform MGN. AWS strongly " +
			"recommends enabling from the MGN console; trusted access turns on the global view across accounts. " +
			"The role AWSServiceRoleForApplicationMigrationService is created in the management account. The " +
			"delegated administrator is registered with Organizations RegisterDelegatedAdministrator " +
			"(mgn.amazonaws.com); the page gives no maximum (the reference table had the delegated administrator " +
			"and the role unconfirmed).",
	},
	{
		Key:              "networkmanager",
		DisplayName:      "AWS Network Manager",
		DocumentationURL: orgsPage("services-that-can-integrate-network-manager"),
		Principals:       []string{"networkmanager.amazonaws.com"},
		ServiceLinkedRoles: []string{
			"AWSServiceRoleForNetworkManager",
			"AWSServiceRoleForCloudFormationStackSetsOrgAdmin",
			"AWSServiceRoleForCloudFormationStackSetsOrgMember",
			"AWSServiceRoleForCloudWatchCrossAccount",
		},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     10,
		EnableVia:              EnableViaService,
		DisableEffect: "Network Manager doesn't delete the service-linked roles it deployed, and disabling other " +
			"than from the Network Manager console may leave its StackSets and custom IAM roles behind. " +
			genericDisable("Network Manager"),
		Notes: "Unverified: the principal EnableAWSServiceAccess takes and the delegated administrator mechanism " +
			"are not stated on any AWS page read. " + orgsGuide + "services-that-can-integrate-network-manager.html" +
			awsdocsRepo + " and" + currentCopy + " confirm: AWS strongly recommends the Network Manager console " +
			"for enabling and disabling trusted access and for delegated administrators (it also enables " +
			"StackSets); the roles listed (AWSServiceRoleForNetworkManager in every account, the StackSets roles, " +
			"AWSServiceRoleForCloudWatchCrossAccount in the management and delegated administrator accounts; the " +
			"reference table had only the first); AWSServiceRoleForNetworkManager trusts networkmanager.amazonaws.com; " +
			"and the disable effect above. The Network Manager guide page nm-delegate-admin allows up to ten " +
			"delegated administrators, registered in the global networks console; that this is Organizations " +
			"RegisterDelegatedAdministrator is not stated (the Organizations page links to the StackSets " +
			"instructions).",
	},
	{
		Key:                "notifications",
		DisplayName:        "AWS User Notifications",
		DocumentationURL:   orgsPage("services-that-can-integrate-uno"),
		Principals:         []string{"notifications.amazon.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForAWSUserNotifications"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaServiceOnly,
		EnableAPI:          "notifications:EnableNotificationsAccessForOrganization",
		EnableResource:     NotificationsOrganizationsAccess,
		DisableEffect: "User Notifications can no longer deliver notifications about events in the " +
			"organization's member accounts. " + genericDisable("User Notifications"),
		Verified: true,
		Notes: catalogFromReference + " The principal ends in amazon.com, not amazonaws.com. Enabling through " +
			"Organizations leaves User Notifications unconfigured; enable it with " +
			"EnableNotificationsAccessForOrganization (checked against the User Notifications API reference). " +
			"pulumi-aws v7 has aws.notifications.OrganizationsAccess; v6.83.2 has no resource for it, so the " +
			"orgtrust provider has its own (NotificationsOrganizationsAccess). The " +
			"table says a delegated administrator is supported without naming the mechanism.",
	},
	{
		Key:                    "private-marketplace",
		DisplayName:            "AWS Marketplace Private Marketplace",
		DocumentationURL:       orgsPage("services-that-can-integrate-private-marketplace"),
		Principals:             []string{"private-marketplace.marketplace.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForPrivateMarketplaceAdmin"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "Private marketplace experiences can no longer be associated with the organization, its OUs " +
			"or accounts through Organizations. " + genericDisable("Private Marketplace"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-private-marketplace") + " (read in a stored copy of its source): " +
			"AWS strongly recommends the Private Marketplace console, which creates " +
			"AWSServiceRoleForPrivateMarketplaceAdmin in the management account; enabling trusted access from the " +
			"Organizations console, CLI or SDK does not create the role, so create it (iam:CreateServiceLinkedRole " +
			"for private-marketplace.marketplace.amazonaws.com) before registering a delegated administrator, which " +
			"needs both. The delegated administrator is registered from the Private Marketplace console or with " +
			"Organizations RegisterDelegatedAdministrator; disabling is done only with the Organizations tools, and " +
			"the role can be deleted only after disabling and disassociating every private marketplace experience. " +
			"The page names no service-specific disable effect beyond that.",
	},
	{
		Key:                    "procurement-insights",
		DisplayName:            "AWS Marketplace procurement insights dashboard",
		DocumentationURL:       orgsPage("services-that-can-integrate-procurement-insights"),
		Principals:             []string{"procurement-insights.marketplace.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForProcurementInsightsPolicy"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "The procurement insights dashboard stops following organization changes, such as accounts " +
			"joining, so it no longer aggregates their agreements and cost data. " +
			genericDisable("Procurement insights"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-procurement-insights") + " (read in a stored copy of its source): " +
			"AWS strongly recommends enabling from the procurement insights dashboard (AWS Marketplace Buyer Guide, " +
			"enabling-procurement-insights); EnableAWSServiceAccess is the fallback; disabling is done only with the " +
			"Organizations tools. The page names the service-linked role AWSServiceRoleForProcurementInsightsPolicy " +
			"(the same name as the managed policy); the iam:CreateServiceLinkedRole examples in AWS's pages allow " +
			"role/aws-service-role/procurement-insights.marketplace.amazonaws.com/AWSServiceRoleForProcurementInsights*, " +
			"which covers it. The delegated administrator is registered from the console or with Organizations " +
			"RegisterDelegatedAdministrator; the page gives no maximum.",
	},
	{
		Key:                "q-developer",
		DisplayName:        "Amazon Q Developer",
		DocumentationURL:   orgsPage("services-that-can-integrate-amazon-q-dev"),
		Principals:         []string{"q.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForAmazonQDeveloper"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "Settings made in the management account, such as suggestions with code references, are no " +
			"longer shared with the member accounts, and the management account no longer sees member accounts' " +
			"Amazon Q Developer Pro subscriptions.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-amazon-q-dev") + currentCopy + ": AWS says trusted access can be " +
			"enabled and disabled only with Amazon Q Developer (Settings, Member account settings, On or Off), and " +
			"the paid subscription requires the Organizations integration. No public API for that setting was found, " +
			"so, as for Trusted Advisor, the catalog keeps service rather than serviceOnly (which needs an enable API " +
			"to name); prefer the Amazon Q Developer console. AWSServiceRoleForAmazonQDeveloper is created with the " +
			"Amazon Q Developer console, API or CLI. The page has no delegated-administrator section. The disable " +
			"effect is from the Amazon Q Developer User Guide pages q-admin-setup-subscribe-general and " +
			"subscribe-visibility (read in stored copies).",
	},
	{
		Key:                "ram",
		DisplayName:        "AWS Resource Access Manager",
		DocumentationURL:   orgsPage("services-that-can-integrate-ram"),
		Principals:         []string{"ram.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForResourceAccessManager"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaServiceOnly,
		EnableAPI:          "ram:EnableSharingWithAwsOrganization",
		EnableResource:     RAMSharingWithOrganization,
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
		DocumentationURL:       orgsPage("services-that-can-integrate-ra"),
		Principals:             []string{"reachabilityanalyzer.networkinsights.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForReachabilityAnalyzer"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     5,
		EnableVia:              EnableViaService,
		EnableAPI:              "ec2:EnableReachabilityAnalyzerOrganizationSharing",
		DisableEffect: "Reachability Analyzer needs trusted access to analyze paths across accounts, so " +
			"cross-account analyses in the organization can no longer be run. " + genericDisable("Reachability Analyzer"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-ra") + currentCopy + "; its opening matches the stored " +
			"docs.aws.amazon.com page. AWS strongly recommends the Reachability Analyzer console; designating the " +
			"delegated administrator enables trusted access, which must be on first; the delegated administrator " +
			"is registered from the console or with Organizations RegisterDelegatedAdministrator; disable from the " +
			"Reachability Analyzer console (recommended) or Organizations. The Reachability Analyzer guide " +
			"(docs.aws.amazon.com/vpc/latest/reachability/ pages multi-account, enable-trusted-access and " +
			"manage-delegated-administrators) gives the CLI command ec2 enable-reachability-analyzer-organization-sharing " +
			"(the Organizations page calls the API EnableMultiAccountAnalysisForAwsOrganization), allows up to 5 " +
			"delegated administrators, and also deploys IAMRoleForReachabilityAnalyzerCrossAccountResourceAccess " +
			"and the StackSets service-linked roles. No pulumi-aws resource is recorded for the enable API.",
	},
	{
		Key:                    "resilience-hub",
		DisplayName:            "AWS Resilience Hub",
		DocumentationURL:       orgsPage("services-that-can-integrate-resilience-hub"),
		Principals:             []string{"resiliencehub.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForResilienceHub"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "The delegated administrator loses its organization-wide view of resilience posture and the " +
			"aggregated dashboards across member accounts. " + genericDisable("Resilience Hub"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-resilience-hub") + " (read in a stored copy of its source, and " +
			"the docs.amazonaws.cn copy of the page): trusted access must be on before a delegated administrator " +
			"is designated; the page says to enable it with Resilience Hub (Setting up AWS Organizations integration " +
			"in the Resilience Hub User Guide) and also gives EnableAWSServiceAccess with resiliencehub.amazonaws.com; " +
			"disabling is done only with the Organizations tools. AWSServiceRoleForResilienceHub is created in the " +
			"management account. The delegated administrator is registered with Organizations " +
			"RegisterDelegatedAdministrator; the page gives no maximum. The Organizations guide's page index read " +
			"(2026) did not list Resilience Hub yet; the page itself exists.",
	},
	{
		Key:                    "resource-explorer",
		DisplayName:            "AWS Resource Explorer",
		DocumentationURL:       orgsPage("services-that-can-integrate-resource-explorer"),
		Principals:             []string{"resource-explorer-2.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForResourceExplorer"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		DisableEffect: "AWS strongly recommends disabling through Resource Explorer so it can clean up the " +
			"resources and access roles it no longer needs. " + genericDisable("Resource Explorer"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-resource-explorer") + currentCopy + ": AWS strongly " +
			"recommends the Resource Explorer console, which enables trusted access when it configures the " +
			"delegated administrator; trusted access must be on before one is designated. The delegated " +
			"administrator creates multi-account views and is registered with Organizations " +
			"RegisterDelegatedAdministrator (resource-explorer-2.amazonaws.com); the page gives no maximum (the " +
			"reference table had it unverified). The role is created in the management account.",
	},
	{
		Key:                    "security-ir",
		DisplayName:            "AWS Security Incident Response",
		DocumentationURL:       orgsPage("services-that-can-integrate-security-ir"),
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
		DocumentationURL:        orgsPage("services-that-can-integrate-securityhub"),
		Principals:              []string{"securityhub.amazonaws.com"},
		ServiceLinkedRoles:      []string{"AWSServiceRoleForSecurityHub"},
		DelegatedAdmin:          DelegatedAdminService,
		DelegatedAdminAPI:       "securityhub:EnableOrganizationAdminAccount",
		DelegatedAdminResource:  SecurityHubAdmin,
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
		Key:                    "securitylake",
		DisplayName:            "Amazon Security Lake",
		DocumentationURL:       orgsPage("services-that-can-integrate-sl"),
		Principals:             []string{"securitylake.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForSecurityLake"},
		DelegatedAdmin:         DelegatedAdminService,
		DelegatedAdminAPI:      "securitylake:RegisterDataLakeDelegatedAdministrator",
		DelegatedAdminResource: SecurityLakeDelegatedAdmin,
		EnableVia:              EnableViaService,
		EnableAPI:              "securitylake:RegisterDataLakeDelegatedAdministrator",
		EnableResource:         SecurityLakeDelegatedAdmin,
		DisableEffect: "Security Lake can no longer react to changes in the organization's membership or " +
			"collect from the organization's accounts. " + genericDisable("Security Lake"),
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-sl") + ": AWS recommends Security Lake's " +
			"RegisterDataLakeDelegatedAdministrator to enable trusted access and register the delegated " +
			"administrator; registering through Organizations may not create the service-linked roles. " +
			"Neither pulumi-aws v6.83.2 nor pulumi-aws-native v1.38.0 has a delegated administrator resource " +
			"for it (aws-native securitylake has only DataLake, AwsLogSource, Subscriber and " +
			"SubscriberNotification), so the orgtrust provider has its own (SecurityLakeDelegatedAdmin), which " +
			"reads the administrator back with Organizations ListDelegatedAdministrators. The delegated " +
			"administrator is the same in all Regions (Security Lake User Guide, multi-account-management).",
	},
	{
		Key:                    "servicecatalog",
		DisplayName:            "AWS Service Catalog",
		DocumentationURL:       orgsPage("services-that-can-integrate-servicecatalog"),
		Principals:             []string{"servicecatalog.amazonaws.com"},
		ServiceLinkedRoles:     []string{},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		EnableVia:              EnableViaService,
		EnableAPI:              "servicecatalog:EnableAWSOrganizationsAccess",
		EnableResource:         ServiceCatalogOrganizationsAccess,
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
		DocumentationURL:   orgsPage("services-that-can-integrate-servicequotas"),
		Principals:         []string{"servicequotas.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForServiceQuotas"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		EnableAPI:          "servicequotas:AssociateServiceQuotaTemplate",
		DisableEffect:      genericDisable("Service Quotas"),
		Verified:           true,
		Notes: srcOrgs("services-that-can-integrate-servicequotas") + awsdocsRepo + ": the integration lets a " +
			"quota request template request quota increases for new accounts; enable it from the Service Quotas " +
			"console (configuring the template) or with AssociateServiceQuotaTemplate, or through Organizations. " +
			"No delegated administrator (services table, 2023). Disabling is through Organizations; the page names " +
			"no service-specific effect, so the reference's \"can no longer apply the template to new accounts\" " +
			"was dropped as unconfirmed. The current page was not available.",
	},
	{
		Key:                    "ssm",
		DisplayName:            "AWS Systems Manager",
		DocumentationURL:       orgsPage("services-that-can-integrate-ssm"),
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
		Key:              "stacksets",
		DisplayName:      "AWS CloudFormation StackSets",
		DocumentationURL: orgsPage("services-that-can-integrate-cloudformation"),
		Principals:       []string{"member.org.stacksets.cloudformation.amazonaws.com"},
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
		EnableResource:         StackSetsOrganizationsAccess,
		DisableEffect: "Stack sets with service-managed permissions can no longer deploy to, update or remove " +
			"stacks in the organization's accounts, and automatic deployment to new accounts stops; deactivate " +
			"with CloudFormation DeactivateOrganizationsAccess rather than through Organizations.",
		Verified: true,
		Notes: catalogFromReference + " Activate with CloudFormation ActivateOrganizationsAccess, which creates the " +
			"service-linked roles; Organizations rejects stacksets.cloudformation.amazonaws.com. pulumi-aws " +
			"v6.83.2 has no resource for ActivateOrganizationsAccess, so the orgtrust provider has its own " +
			"(StackSetsOrganizationsAccess).",
	},
	{
		Key:                    "sso",
		DisplayName:            "AWS IAM Identity Center",
		DocumentationURL:       orgsPage("services-that-can-integrate-sso"),
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
		DocumentationURL:       orgsPage("services-that-can-integrate-s3lens"),
		Principals:             []string{"storage-lens.s3.amazonaws.com"},
		ServiceLinkedRoles:     []string{"AWSServiceRoleForS3StorageLens"},
		DelegatedAdmin:         DelegatedAdminOrganizations,
		DelegatedAdminAPI:      rdaAPI,
		DelegatedAdminResource: rdaResource,
		MaxDelegatedAdmins:     5,
		EnableVia:              EnableViaService,
		DisableEffect: "Organization-level Storage Lens dashboards stop collecting and aggregating metrics and are " +
			"no longer updated, and each account's dashboards cover only that account; the management and " +
			"delegated administrator accounts can still query historic data while it is available.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-s3lens") + awsdocsRepo + " and" + currentCopy + ": AWS " +
			"strongly recommends enabling from the Amazon S3 console; trusted access can be disabled only with the " +
			"S3 Storage Lens tools; up to 5 delegated administrators, registered with Organizations " +
			"RegisterDelegatedAdministrator (the S3 console does it). AWSServiceRoleForS3StorageLens is created in " +
			"the management or delegated administrator account when an organization-level configuration is " +
			"applied. The disable effect is from the Amazon S3 User Guide page " +
			"storage_lens_with_organizations_disabling_trusted_access (read in a stored Markdown copy).",
	},
	{
		Key:                "tag-policies",
		DisplayName:        "Tag policies",
		DocumentationURL:   orgsPage("services-that-can-integrate-tag-policies"),
		Principals:         []string{"tagpolicies.tag.amazonaws.com"},
		ServiceLinkedRoles: []string{},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		EnableAPI:          "organizations:EnablePolicyType",
		DisableEffect: "The organization-wide tag policy compliance report can no longer be generated: " +
			"StartReportCreation fails with ConstraintViolationException until tagpolicies.tag.amazonaws.com is " +
			"enabled again.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-tag-policies") + awsdocsRepo + ": AWS strongly recommends " +
			"enabling trusted access by enabling the tag policy type (EnablePolicyType with TAG_POLICY) so " +
			"Organizations can do its setup, rather than with EnableAWSServiceAccess (the reference table said " +
			"organizations), and disabling it by disabling the tag policy type. No service-linked role is listed; " +
			"no delegated administrator (services table, 2023). The disable effect is from the Resource Groups " +
			"Tagging API reference page API_StartReportCreation.",
	},
	{
		Key:                "trustedadvisor",
		DisplayName:        "AWS Trusted Advisor",
		DocumentationURL:   orgsPage("services-that-can-integrate-ta"),
		Principals:         []string{"reporting.trustedadvisor.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForTrustedAdvisorReporting"},
		DelegatedAdmin:     DelegatedAdminUnknown,
		EnableVia:          EnableViaService,
		DisableEffect: "Trusted Advisor stops recording check information for the organization's other accounts, " +
			"and organizational view reports can no longer be viewed, downloaded or created.",
		Notes: "Unverified: the delegated administrator mechanism and the enable path are not settled. " + orgsGuide +
			"services-that-can-integrate-ta.html" + awsdocsRepo + " and the opening of the current page confirm " +
			"the principal, AWSServiceRoleForTrustedAdvisorReporting (created in the management account) and the " +
			"disable effect above. The current page says trusted access can be enabled only with Trusted Advisor " +
			"(Enable organizational view in the AWS Support User Guide), where the 2023 page also offered " +
			"Organizations; no public Trusted Advisor API for it was found, so the catalog keeps service rather than " +
			"serviceOnly. The services table (2023) says Trusted Advisor supports a delegated administrator, but no " +
			"page read says how it is registered.",
	},
	{
		Key:                "wellarchitected",
		DisplayName:        "AWS Well-Architected Tool",
		DocumentationURL:   orgsPage("services-that-can-integrate-wat"),
		Principals:         []string{"wellarchitected.amazonaws.com"},
		ServiceLinkedRoles: []string{"AWSServiceRoleForWellArchitected"},
		DelegatedAdmin:     DelegatedAdminNone,
		EnableVia:          EnableViaService,
		DisableEffect: "Workloads and other resources can no longer be shared with the organization or its OUs, " +
			"which needs AWS Organizations access. AWS strongly recommends disabling through the Well-Architected " +
			"Tool so it can clean up the resources and access roles it no longer needs.",
		Verified: true,
		Notes: srcOrgs("services-that-can-integrate-wat") + awsdocsRepo + " and" + currentCopy + ": AWS strongly " +
			"recommends enabling from the Well-Architected Tool console (Settings, Enable AWS Organizations " +
			"support), which creates AWSServiceRoleForWellArchitected in the management account. Neither version " +
			"has a delegated administrator section and the services table (2023) says none, so the reference " +
			"table's RegisterDelegatedAdministrator was removed. Sharing with an organization or OU needs AWS " +
			"Organizations access (Well-Architected Tool User Guide, sharing-considerations).",
	},
}
