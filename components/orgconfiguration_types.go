package components

import (
	"github.com/pulumi/pulumi-go-provider/infer"
)

// This file holds the input types of an integration's organization
// configuration (OrgServiceIntegrationArgs.OrganizationConfiguration): what
// the delegated administrator sets for the whole organization, in its own
// account, in each Region. orgconfiguration_plan.go checks them and
// orgconfiguration_register.go registers them.

// DefaultAdministratorRole is the role the organization configuration
// assumes in the delegated administrator's account when administratorRole
// is empty: the role AWS Organizations creates in the accounts it creates
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html).
const DefaultAdministratorRole = "OrganizationAccountAccessRole"

// OrganizationConfiguration is what an integration's delegated administrator
// sets for the whole organization, in its own account, per Region. Set the
// block of the integration's service only.
type OrganizationConfiguration struct {
	// AdministratorRole is the role to assume in the delegated administrator
	// account: a role name, or a role ARN in that account.
	AdministratorRole string `pulumi:"administratorRole,optional"`
	// Regions are the Regions to configure the service in.
	Regions []string `pulumi:"regions,optional"`

	GuardDuty      *GuardDutyConfiguration        `pulumi:"guardDuty,optional"`
	SecurityHub    *SecurityHubConfiguration      `pulumi:"securityHub,optional"`
	Macie          *MacieConfiguration            `pulumi:"macie,optional"`
	Inspector      *InspectorConfiguration        `pulumi:"inspector,optional"`
	Detective      *DetectiveConfiguration        `pulumi:"detective,optional"`
	AccessAnalyzer *AccessAnalyzerConfiguration   `pulumi:"accessAnalyzer,optional"`
	Config         *ConfigAggregatorConfiguration `pulumi:"config,optional"`
}

// Annotate documents the type for the provider schema.
func (c *OrganizationConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "What the integration's delegated administrator sets for the whole organization: the "+
		"service's organization configuration, registered in the administrator's account (through an aws "+
		"provider that assumes `administratorRole` there), in each of `regions`, after the administrator's "+
		"registration in that Region and, on destroy, removed before it. Set the one block of the integration's "+
		"service (`guardDuty` for `guardduty`, `securityHub` for `securityhub`, `macie`, `inspector`, "+
		"`detective`, `accessAnalyzer` for `access-analyzer`, `config`); it needs `delegatedAdminAccountId`. "+
		"The aws providers are shared: one per account and Region across an OrgIntegrations set.")
	a.Describe(&c.AdministratorRole, "The IAM role to assume in the delegated administrator's account: a role "+
		"name (such as `OrganizationAccountAccessRole`, the default, which AWS Organizations creates in the "+
		"accounts it creates; `AWSControlTowerExecution` under AWS Control Tower) or a role ARN in that account. "+
		"The deploying identity needs `sts:AssumeRole` on it (`getDeployerPolicy` lists it), and the role the "+
		"permissions `getDeployerPolicy` gives as its administrator document.")
	a.Describe(&c.Regions, "The Regions to configure the service in. Empty takes the integration's `regions`. "+
		"For a service whose administrator is designated per Region, each must be one of the integration's "+
		"`regions`; Access Analyzer and Config, whose administrator is registered once with Organizations, "+
		"need them listed here. Each Region gets one aws provider per account, keyed by Region.")
	a.Describe(&c.GuardDuty, "GuardDuty's organization configuration (integration service `guardduty`).")
	a.Describe(&c.SecurityHub, "Security Hub CSPM's organization configuration, local or central "+
		"(integration service `securityhub`).")
	a.Describe(&c.Macie, "Macie's organization configuration (integration service `macie`).")
	a.Describe(&c.Inspector, "Amazon Inspector's organization configuration (integration service `inspector`).")
	a.Describe(&c.Detective, "Detective's organization configuration (integration service `detective`).")
	a.Describe(&c.AccessAnalyzer, "IAM Access Analyzer's organization analyzers (integration service "+
		"`access-analyzer`).")
	a.Describe(&c.Config, "AWS Config's organization aggregator (integration service `config`).")
}

// Values of GuardDutyConfiguration.AutoEnable and of its plans' and
// additional configurations' AutoEnable.
const (
	autoEnableAll  = "ALL"
	autoEnableNew  = "NEW"
	autoEnableNone = "NONE"
)

// GuardDutyConfiguration is GuardDuty's organization configuration
// (UpdateOrganizationConfiguration).
type GuardDutyConfiguration struct {
	// AutoEnable enables GuardDuty for members: ALL, NEW or NONE.
	AutoEnable string `pulumi:"autoEnable,optional"`
	// ProtectionPlans are the protection plans to enable for members.
	ProtectionPlans []GuardDutyProtectionPlan `pulumi:"protectionPlans,optional"`
}

// Annotate documents the type for the provider schema.
func (c *GuardDutyConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "GuardDuty's organization configuration, set by the delegated administrator in each Region "+
		"with UpdateOrganizationConfiguration "+
		"(https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateOrganizationConfiguration.html). "+
		"Designating the administrator enables GuardDuty in its account "+
		"(https://docs.aws.amazon.com/guardduty/latest/ug/organizations_permissions.html), and an account has one "+
		"detector per Region: the configuration looks that detector up (`aws:guardduty/getDetector`) rather than "+
		"creating one. pulumi-aws's OrganizationConfiguration and OrganizationConfigurationFeature leave the "+
		"configuration as it is when removed.")
	a.Describe(&c.AutoEnable, "Which member accounts GuardDuty is enabled for: `ALL` (the default: every "+
		"account, existing ones included), `NEW` (accounts that join from now on) or `NONE` "+
		"(AutoEnableOrganizationMembers).")
	a.Describe(&c.ProtectionPlans, "The protection plans to enable for member accounts, each once, by its "+
		"feature name: `S3_DATA_EVENTS` (S3 Protection), `EKS_AUDIT_LOGS` (EKS audit log monitoring), "+
		"`EBS_MALWARE_PROTECTION` (Malware Protection for EC2), `RDS_LOGIN_EVENTS` (RDS Protection), "+
		"`RUNTIME_MONITORING` (Runtime Monitoring for EKS, ECS and EC2, with its agent management as additional "+
		"configurations), `EKS_RUNTIME_MONITORING` (EKS Runtime Monitoring, which RUNTIME_MONITORING replaces; "+
		"not both) and `LAMBDA_NETWORK_LOGS` (Lambda Protection) "+
		"(https://docs.aws.amazon.com/guardduty/latest/APIReference/API_OrganizationFeatureConfiguration.html). "+
		"Malware Protection for S3 is set per bucket (aws:guardduty/malwareProtectionPlan), not for the "+
		"organization. A plan GuardDuty does not offer in one of the Regions fails the preview.")
}

// GuardDutyProtectionPlan is one GuardDuty protection plan (an organization
// feature) and its auto-enable setting.
type GuardDutyProtectionPlan struct {
	// Name is the feature name, such as S3_DATA_EVENTS.
	Name string `pulumi:"name"`
	// AutoEnable is ALL, NEW or NONE; empty follows the configuration's.
	AutoEnable string `pulumi:"autoEnable,optional"`
	// AdditionalConfigurations are the plan's agent management settings.
	AdditionalConfigurations []GuardDutyAdditionalConfiguration `pulumi:"additionalConfigurations,optional"`
}

// Annotate documents the type for the provider schema.
func (c *GuardDutyProtectionPlan) Annotate(a infer.Annotator) {
	a.Describe(c, "A GuardDuty protection plan for the organization's members "+
		"(aws:guardduty/organizationConfigurationFeature).")
	a.Describe(&c.Name, "The plan's feature name, such as `S3_DATA_EVENTS` or `RUNTIME_MONITORING`.")
	a.Describe(&c.AutoEnable, "Which member accounts the plan is enabled for: `ALL`, `NEW` or `NONE`. Empty "+
		"takes the configuration's `autoEnable`.")
	a.Describe(&c.AdditionalConfigurations, "The plan's additional configurations, the agent management of "+
		"runtime monitoring: `EKS_ADDON_MANAGEMENT` (RUNTIME_MONITORING and EKS_RUNTIME_MONITORING), "+
		"`ECS_FARGATE_AGENT_MANAGEMENT` and `EC2_AGENT_MANAGEMENT` (RUNTIME_MONITORING only) "+
		"(https://docs.aws.amazon.com/guardduty/latest/APIReference/API_OrganizationAdditionalConfiguration.html).")
}

// GuardDutyAdditionalConfiguration is one additional configuration of a
// protection plan.
type GuardDutyAdditionalConfiguration struct {
	Name       string `pulumi:"name"`
	AutoEnable string `pulumi:"autoEnable,optional"`
}

// Annotate documents the type for the provider schema.
func (c *GuardDutyAdditionalConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "An additional configuration of a GuardDuty protection plan: the agent management of "+
		"runtime monitoring.")
	a.Describe(&c.Name, "`EKS_ADDON_MANAGEMENT`, `ECS_FARGATE_AGENT_MANAGEMENT` or `EC2_AGENT_MANAGEMENT`.")
	a.Describe(&c.AutoEnable, "`ALL`, `NEW` or `NONE`. Empty takes the plan's `autoEnable`.")
}

// Values of SecurityHubConfiguration.ConfigurationType.
const (
	securityHubLocal   = "LOCAL"
	securityHubCentral = "CENTRAL"
)

// SecurityHubConfiguration is Security Hub CSPM's organization
// configuration: local (auto-enable in each Region) or central (configuration
// policies from a home Region).
type SecurityHubConfiguration struct {
	ConfigurationType   string              `pulumi:"configurationType,optional"`
	AutoEnable          *bool               `pulumi:"autoEnable,optional"`
	AutoEnableStandards string              `pulumi:"autoEnableStandards,optional"`
	HomeRegion          string              `pulumi:"homeRegion,optional"`
	LinkedRegions       []string            `pulumi:"linkedRegions,optional"`
	Policies            []SecurityHubPolicy `pulumi:"policies,optional"`
}

// Annotate documents the type for the provider schema.
func (c *SecurityHubConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "Security Hub CSPM's organization configuration, set by the delegated administrator. "+
		"`LOCAL` sets, in each Region, whether new accounts are enabled and with the default standards "+
		"(aws:securityhub/organizationConfiguration). `CENTRAL` is central configuration "+
		"(https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html): from the "+
		"home Region, a finding aggregator over the linked Regions, then configuration policies (standards, "+
		"controls, parameters) associated with the root, OUs and accounts, which cover existing and new accounts "+
		"in every linked Region. orgtrust uses Security Hub CSPM's own configuration policies, which pulumi-aws "+
		"manages, and not the Organizations `SECURITYHUB_POLICY` type: that type belongs to the newer Security "+
		"Hub and only says which Regions it is enabled in, with no standards or controls "+
		"(https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_security_hub.html).")
	a.Describe(&c.ConfigurationType, "`LOCAL` (the default) or `CENTRAL`.")
	a.Describe(&c.AutoEnable, "`LOCAL` only: whether Security Hub is enabled for accounts that join the "+
		"organization. Unset is true.")
	a.Describe(&c.AutoEnableStandards, "`LOCAL` only: `DEFAULT` (the default: the default standards are "+
		"enabled for new accounts) or `NONE`.")
	a.Describe(&c.HomeRegion, "`CENTRAL` only, required: the home Region, where the finding aggregator, the "+
		"organization configuration and the policies live. One of the configuration's Regions.")
	a.Describe(&c.LinkedRegions, "`CENTRAL` only: the Regions the home Region aggregates and configures. "+
		"Empty takes the configuration's Regions other than the home Region. Each must be one of them: the "+
		"administrator must be designated in every linked Region.")
	a.Describe(&c.Policies, "`CENTRAL` only: the configuration policies, each with its targets.")
}

// SecurityHubPolicy is one central configuration policy and its targets.
type SecurityHubPolicy struct {
	Name              string                        `pulumi:"name"`
	Description       string                        `pulumi:"description,optional"`
	ServiceEnabled    *bool                         `pulumi:"serviceEnabled,optional"`
	Standards         []string                      `pulumi:"standards,optional"`
	DisabledControls  []string                      `pulumi:"disabledControls,optional"`
	EnabledControls   []string                      `pulumi:"enabledControls,optional"`
	ControlParameters []SecurityHubControlParameter `pulumi:"controlParameters,optional"`
	Targets           []string                      `pulumi:"targets,optional"`
}

// Annotate documents the type for the provider schema.
func (c *SecurityHubPolicy) Annotate(a infer.Annotator) {
	a.Describe(c, "A Security Hub central configuration policy (aws:securityhub/configurationPolicy, "+
		"https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateConfigurationPolicy.html) and its "+
		"associations (aws:securityhub/configurationPolicyAssociation).")
	a.Describe(&c.Name, "The policy's name, unique among the policies: it keys the policy's resources.")
	a.Describe(&c.Description, "The policy's description.")
	a.Describe(&c.ServiceEnabled, "Whether the policy enables Security Hub in its targets. Unset is true; "+
		"false disables it, and then the policy lists no standards or controls.")
	a.Describe(&c.Standards, "The standards the policy enables, by their ID, such as "+
		"`aws-foundational-security-best-practices/v/1.0.0` or `cis-aws-foundations-benchmark/v/3.0.0` "+
		"(https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html); the ARN is made for "+
		"the home Region. Required when the policy enables Security Hub.")
	a.Describe(&c.DisabledControls, "The controls the policy disables, by security control ID (such as "+
		"`IAM.1`); every other control is enabled, new ones included. Not with `enabledControls`. Empty with "+
		"empty `enabledControls` enables every control.")
	a.Describe(&c.EnabledControls, "The controls the policy enables; every other control is disabled, new "+
		"ones included. Not with `disabledControls`.")
	a.Describe(&c.ControlParameters, "Custom parameter values of controls.")
	a.Describe(&c.Targets, "What the policy applies to: the organization's root (`r-...`), OUs (`ou-...`) or "+
		"accounts (12 digits). A target takes one policy, so each is listed once across the policies; when the "+
		"organization is looked up, the root and accounts must be its own.")
}

// SecurityHubControlParameter is one custom control parameter value.
type SecurityHubControlParameter struct {
	ControlID  string   `pulumi:"controlId"`
	Name       string   `pulumi:"name"`
	ValueType  string   `pulumi:"valueType,optional"`
	Bool       *bool    `pulumi:"bool,optional"`
	Double     *float64 `pulumi:"double,optional"`
	Enum       string   `pulumi:"enum,optional"`
	EnumList   []string `pulumi:"enumList,optional"`
	Int        *int     `pulumi:"int,optional"`
	IntList    []int    `pulumi:"intList,optional"`
	String     string   `pulumi:"string,optional"`
	StringList []string `pulumi:"stringList,optional"`
}

// Annotate documents the type for the provider schema.
func (c *SecurityHubControlParameter) Annotate(a infer.Annotator) {
	a.Describe(c, "A control parameter's value in a configuration policy "+
		"(https://docs.aws.amazon.com/securityhub/latest/userguide/custom-control-parameters.html). With "+
		"`valueType` `CUSTOM`, set exactly one of the typed values, the one of the parameter's type.")
	a.Describe(&c.ControlID, "The security control ID, such as `IAM.7`.")
	a.Describe(&c.Name, "The parameter's name, such as `MaxPasswordAge`.")
	a.Describe(&c.ValueType, "`CUSTOM` (the default) or `DEFAULT` (Security Hub's default value).")
	a.Describe(&c.Bool, "The value of a Boolean parameter.")
	a.Describe(&c.Double, "The value of a Double parameter.")
	a.Describe(&c.Enum, "The value of an Enum parameter.")
	a.Describe(&c.EnumList, "The value of an EnumList parameter.")
	a.Describe(&c.Int, "The value of an Integer parameter.")
	a.Describe(&c.IntList, "The value of an IntegerList parameter.")
	a.Describe(&c.String, "The value of a String parameter.")
	a.Describe(&c.StringList, "The value of a StringList parameter.")
}

// MacieConfiguration is Macie's organization configuration.
type MacieConfiguration struct {
	AutoEnable *bool `pulumi:"autoEnable,optional"`
	// MemberAccountIDs are existing accounts to enable as members.
	MemberAccountIDs []string `pulumi:"memberAccountIds,optional"`
}

// Annotate documents the type for the provider schema.
func (c *MacieConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "Macie's organization configuration (aws:macie2/organizationConfiguration, "+
		"https://docs.aws.amazon.com/macie/latest/APIReference/admin-configuration.html). Designating the "+
		"administrator enables Macie in its account "+
		"(https://docs.aws.amazon.com/macie/latest/user/macie-organizations.html).")
	a.Describe(&c.AutoEnable, "Whether Macie is enabled for accounts that join the organization. Unset is "+
		"true. Existing accounts are added as members from Macie's console or with CreateMember.")
	a.Describe(&c.MemberAccountIDs, "Existing accounts of the organization to enable as Macie members, in each "+
		"Region (aws:macie2/member, keyed by account ID): auto-enable covers only accounts that join from now "+
		"on, and Macie enables existing ones only when the administrator adds them (CreateMember, "+
		"https://docs.aws.amazon.com/macie/latest/APIReference/members.html; "+
		"https://docs.aws.amazon.com/macie/latest/user/macie-organizations.html). Opt-in, since each member is "+
		"billed. Each once, not the administrator itself; CreateMember needs each account's email, which the "+
		"component reads from the organization at preview (aws:organizations/getOrganization, which lists the "+
		"accounts for the management account or a delegated administrator of Organizations), so each must be "+
		"an active account of the organization.")
}

// InspectorConfiguration is Amazon Inspector's organization configuration.
type InspectorConfiguration struct {
	Ec2              bool     `pulumi:"ec2,optional"`
	Ecr              bool     `pulumi:"ecr,optional"`
	Lambda           bool     `pulumi:"lambda,optional"`
	LambdaCode       bool     `pulumi:"lambdaCode,optional"`
	MemberAccountIDs []string `pulumi:"memberAccountIds,optional"`
}

// Annotate documents the type for the provider schema.
func (c *InspectorConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "Amazon Inspector's organization configuration: the scans activated for accounts that "+
		"join (aws:inspector2/organizationConfiguration, "+
		"https://docs.aws.amazon.com/inspector/v2/APIReference/API_UpdateOrganizationConfiguration.html), and the "+
		"existing accounts to associate as members, with the same scans, which auto-enable does not cover. "+
		"At least one scan type.")
	a.Describe(&c.Ec2, "Activate Amazon EC2 scanning for new members.")
	a.Describe(&c.Ecr, "Activate Amazon ECR scanning for new members.")
	a.Describe(&c.Lambda, "Activate Lambda standard scanning for new members.")
	a.Describe(&c.LambdaCode, "Activate Lambda code scanning for new members; needs `lambda` "+
		"(https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html).")
	a.Describe(&c.MemberAccountIDs, "Existing accounts of the organization to associate with the administrator "+
		"as members (aws:inspector2/memberAssociation), each once, not the administrator itself; the scans this "+
		"configuration activates for new members are then activated for them too (aws:inspector2/enabler).")
}

// DetectiveConfiguration is Detective's organization configuration.
type DetectiveConfiguration struct {
	AutoEnable *bool `pulumi:"autoEnable,optional"`
	// MemberAccountIDs are existing accounts to enable as members.
	MemberAccountIDs []string `pulumi:"memberAccountIds,optional"`
}

// Annotate documents the type for the provider schema.
func (c *DetectiveConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "Detective's organization configuration (aws:detective/organizationConfiguration). "+
		"EnableOrganizationAdminAccount enables Detective in the administrator's account and creates its behavior "+
		"graph (https://docs.aws.amazon.com/detective/latest/APIReference/API_EnableOrganizationAdminAccount.html); "+
		"the configuration finds that graph with CreateGraph, which returns the account's existing graph rather "+
		"than making another (https://docs.aws.amazon.com/detective/latest/APIReference/API_CreateGraph.html), "+
		"and leaves the graph in place on delete.")
	a.Describe(&c.AutoEnable, "Whether accounts that join the organization are enabled as members. Unset is true.")
	a.Describe(&c.MemberAccountIDs, "Existing accounts of the organization to enable as members of the "+
		"organization behavior graph, in each Region (aws:detective/member, keyed by account ID): auto-enable "+
		"covers only new accounts, and \"Detective does not enable existing organization accounts that are not "+
		"yet enabled\" (https://docs.aws.amazon.com/detective/latest/userguide/accounts-orgs-members.html; "+
		"CreateMembers, https://docs.aws.amazon.com/detective/latest/APIReference/API_CreateMembers.html, enables "+
		"organization accounts without an invitation). Opt-in, since each member's data is billed; at most "+
		"1,200 (a behavior graph's limit). Each once, not the administrator itself; CreateMembers needs each "+
		"account's email, read from the organization at preview (aws:organizations/getOrganization), so each "+
		"must be an active account of the organization.")
}

// AccessAnalyzerConfiguration is IAM Access Analyzer's organization analyzers.
type AccessAnalyzerConfiguration struct {
	ExternalAccess  *bool  `pulumi:"externalAccess,optional"`
	UnusedAccessAge int    `pulumi:"unusedAccessAge,optional"`
	AnalyzerName    string `pulumi:"analyzerName,optional"`
}

// Annotate documents the type for the provider schema.
func (c *AccessAnalyzerConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "IAM Access Analyzer's organization analyzers, created in the delegated administrator's "+
		"account in each Region (aws:accessanalyzer/analyzer, "+
		"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-analyzer.html).")
	a.Describe(&c.ExternalAccess, "Create the external access analyzer, type `ORGANIZATION`. Unset is true.")
	a.Describe(&c.UnusedAccessAge, "The days after which access is unused, 1 to 365: creates the unused "+
		"access analyzer, type `ORGANIZATION_UNUSED_ACCESS`. 0 (the default) creates none.")
	a.Describe(&c.AnalyzerName, "The analyzers' name: the external access analyzer takes it, the unused access "+
		"analyzer it with `-unused-access`. Default `organization`. Letters, digits, `.`, `_` and `-`, starting "+
		"with a letter.")
}

// ConfigAggregatorConfiguration is AWS Config's organization aggregator.
type ConfigAggregatorConfiguration struct {
	AggregatorName string `pulumi:"aggregatorName,optional"`
	RoleArn        string `pulumi:"roleArn,optional"`
}

// Annotate documents the type for the provider schema.
func (c *ConfigAggregatorConfiguration) Annotate(a infer.Annotator) {
	a.Describe(c, "AWS Config's organization aggregator in the delegated administrator's account, over every "+
		"Region (aws:cfg/configurationAggregator, "+
		"https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html#add-an-aggregator-organization-cli). "+
		"One aggregator in each of the configuration's Regions.")
	a.Describe(&c.AggregatorName, "The aggregator's name. Default `organization`.")
	a.Describe(&c.RoleArn, "The IAM role the aggregator assumes to read the organization, in the administrator's "+
		"account. Empty creates one there, trusted by `config.amazonaws.com`, with the AWS managed policy "+
		"`AWSConfigRoleForOrganizations`.")
}
