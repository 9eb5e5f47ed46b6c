package catalog

import (
	"maps"
	"slices"
)

// The organization configuration of a service (components'
// OrganizationConfiguration): the pulumi-aws resources and functions it
// registers and invokes in the delegated administrator's account, by service
// key, and the IAM actions each one's provider calls there (from the
// create/read/update/delete handlers of terraform-provider-aws
// internal/service/<service>), which the administrator role needs.

// configurationTypes are the types of each service's organization
// configuration, by catalog key.
var configurationTypes = map[string][]string{
	"guardduty": {
		"aws:guardduty/getDetector:getDetector",
		"aws:guardduty/organizationConfiguration:OrganizationConfiguration",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
	},
	"securityhub": {
		"aws:securityhub/organizationConfiguration:OrganizationConfiguration",
		"aws:securityhub/findingAggregator:FindingAggregator",
		"aws:securityhub/configurationPolicy:ConfigurationPolicy",
		"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation",
	},
	"macie": {
		"aws:macie2/organizationConfiguration:OrganizationConfiguration",
		"aws:macie2/member:Member",
	},
	"inspector": {
		"aws:inspector2/organizationConfiguration:OrganizationConfiguration",
		"aws:inspector2/memberAssociation:MemberAssociation",
		"aws:inspector2/enabler:Enabler",
	},
	"detective": {
		"aws:detective/graph:Graph",
		"aws:detective/organizationConfiguration:OrganizationConfiguration",
		"aws:detective/member:Member",
	},
	"access-analyzer": {"aws:accessanalyzer/analyzer:Analyzer"},
	"config": {
		"aws:cfg/configurationAggregator:ConfigurationAggregator",
		"aws:iam/role:Role",
		"aws:iam/rolePolicyAttachment:RolePolicyAttachment",
	},
}

// configurationActions are the IAM actions of each type of configurationTypes.
var configurationActions = map[string][]string{
	// Data source: ListDetectors (no ID given), then GetDetector.
	"aws:guardduty/getDetector:getDetector": {"guardduty:GetDetector", "guardduty:ListDetectors"},
	"aws:guardduty/organizationConfiguration:OrganizationConfiguration": {
		"guardduty:DescribeOrganizationConfiguration", "guardduty:UpdateOrganizationConfiguration",
	},
	"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature": {
		"guardduty:DescribeOrganizationConfiguration", "guardduty:UpdateOrganizationConfiguration",
	},
	"aws:securityhub/organizationConfiguration:OrganizationConfiguration": {
		"securityhub:DescribeOrganizationConfiguration", "securityhub:UpdateOrganizationConfiguration",
	},
	"aws:securityhub/findingAggregator:FindingAggregator": {
		"securityhub:CreateFindingAggregator", "securityhub:DeleteFindingAggregator",
		"securityhub:GetFindingAggregator", "securityhub:ListFindingAggregators",
		"securityhub:UpdateFindingAggregator",
	},
	"aws:securityhub/configurationPolicy:ConfigurationPolicy": {
		"securityhub:CreateConfigurationPolicy", "securityhub:DeleteConfigurationPolicy",
		"securityhub:GetConfigurationPolicy", "securityhub:UpdateConfigurationPolicy",
	},
	"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation": {
		"securityhub:GetConfigurationPolicyAssociation", "securityhub:StartConfigurationPolicyAssociation",
		"securityhub:StartConfigurationPolicyDisassociation",
	},
	"aws:macie2/organizationConfiguration:OrganizationConfiguration": {
		"macie2:DescribeOrganizationConfiguration", "macie2:UpdateOrganizationConfiguration",
	},
	// terraform-provider-aws internal/service/macie2/member.go: CreateMember,
	// GetMember; UpdateMemberSession for the status; DisassociateMember and
	// CreateInvitations (with ListMembers) only for invitations, which
	// organization members do not get; DeleteMember; tags.
	"aws:macie2/member:Member": {
		"macie2:CreateMember", "macie2:DeleteMember", "macie2:GetMember", "macie2:ListTagsForResource",
		"macie2:TagResource", "macie2:UntagResource", "macie2:UpdateMemberSession",
	},
	// terraform-provider-aws internal/service/detective/member.go: CreateMembers,
	// ListMembers (read and the create waiter), DeleteMembers.
	"aws:detective/member:Member": {
		"detective:CreateMembers", "detective:DeleteMembers", "detective:ListMembers",
	},
	"aws:inspector2/organizationConfiguration:OrganizationConfiguration": {
		"inspector2:DescribeOrganizationConfiguration", "inspector2:UpdateOrganizationConfiguration",
	},
	"aws:inspector2/memberAssociation:MemberAssociation": {
		"inspector2:AssociateMember", "inspector2:DisassociateMember", "inspector2:GetMember",
	},
	// Enable and Disable for the accounts; the status is read with
	// BatchGetAccountStatus.
	"aws:inspector2/enabler:Enabler": {
		"inspector2:BatchGetAccountStatus", "inspector2:Disable", "inspector2:Enable",
	},
	// CreateGraph returns the account's graph; read lists the graphs. The
	// graph is retained on delete, so DeleteGraph is never called.
	"aws:detective/graph:Graph": {
		"detective:CreateGraph", "detective:ListGraphs", "detective:ListTagsForResource",
		"detective:TagResource", "detective:UntagResource",
	},
	"aws:detective/organizationConfiguration:OrganizationConfiguration": {
		"detective:DescribeOrganizationConfiguration", "detective:UpdateOrganizationConfiguration",
	},
	"aws:accessanalyzer/analyzer:Analyzer": {
		"access-analyzer:CreateAnalyzer", "access-analyzer:DeleteAnalyzer", "access-analyzer:GetAnalyzer",
		"access-analyzer:ListTagsForResource", "access-analyzer:TagResource", "access-analyzer:UntagResource",
		"access-analyzer:UpdateAnalyzer",
		// An organization analyzer reads the organization from the
		// delegated administrator's account.
		"organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization",
		"organizations:ListDelegatedAdministrators",
	},
	"aws:cfg/configurationAggregator:ConfigurationAggregator": {
		"config:DeleteConfigurationAggregator", "config:DescribeConfigurationAggregators",
		"config:ListTagsForResource", "config:PutConfigurationAggregator", "config:TagResource",
		"config:UntagResource", "iam:PassRole",
		// PutConfigurationAggregator checks the caller's organization and
		// that it is Config's delegated administrator.
		"organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization",
		"organizations:ListDelegatedAdministrators",
	},
	"aws:iam/role:Role": {
		"iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:ListAttachedRolePolicies",
		"iam:ListInstanceProfilesForRole", "iam:ListRolePolicies", "iam:TagRole", "iam:UntagRole",
		"iam:UpdateAssumeRolePolicy", "iam:UpdateRoleDescription",
	},
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
		"iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies",
	},
}

// discoverReads are the reads `orgtrust discover` makes of each service's
// organization configuration, through the administrator role, that no type
// of configurationTypes makes (provider/discover's AdminIAMActions; a test
// checks that the administrator policy covers them).
var discoverReads = map[string][]string{
	"guardduty": {"guardduty:DescribeOrganizationConfiguration", "guardduty:ListDetectors"},
	"securityhub": {
		"securityhub:DescribeOrganizationConfiguration", "securityhub:GetConfigurationPolicy",
		"securityhub:GetFindingAggregator", "securityhub:ListConfigurationPolicies",
		"securityhub:ListConfigurationPolicyAssociations", "securityhub:ListFindingAggregators",
	},
	"macie":           {"macie2:DescribeOrganizationConfiguration"},
	"inspector":       {"inspector2:DescribeOrganizationConfiguration"},
	"detective":       {"detective:DescribeOrganizationConfiguration", "detective:ListGraphs"},
	"access-analyzer": {"access-analyzer:ListAnalyzers"},
	"config":          {"config:DescribeConfigurationAggregators"},
}

// ConfigurationDiscoverActions returns the IAM actions of discover's reads
// of service key's organization configuration.
func ConfigurationDiscoverActions(key string) []string {
	return slices.Clone(discoverReads[key])
}

// ConfigurationTypes returns the types that service key's organization
// configuration registers and invokes in the administrator's account, and
// whether the service has one.
func ConfigurationTypes(key string) ([]string, bool) {
	t, ok := configurationTypes[key]
	return slices.Clone(t), ok
}

// ConfigurationServices returns the keys of the services that have an
// organization configuration, sorted.
func ConfigurationServices() []string {
	return slices.Sorted(maps.Keys(configurationTypes))
}

// ConfigurationActions returns the IAM actions of t, a type of an
// organization configuration, and whether it is one.
func ConfigurationActions(t string) ([]string, bool) {
	a, ok := configurationActions[t]
	return slices.Clone(a), ok
}
