package catalog

// The IAM actions of every type an orgtrust component registers or invokes,
// beside the catalog rows: the services' enable and admin resources carry
// theirs with their constructors (resources.go); every other type's are in
// typeActions below, with the types each component registers
// (ComponentTypes) and discover's reads (DiscoverActions). The provider's
// deployer policy (provider/deployer_policy.go) only assembles them.

// OrganizationsActions are the Organizations actions every orgtrust deployment
// needs: trusted access (TrustedServiceAccess and the services' own enable
// APIs call these), delegated administrators, and the organization lookup.
var OrganizationsActions = []string{
	"organizations:DeregisterDelegatedAdministrator",
	"organizations:DescribeOrganization",
	"organizations:DisableAWSServiceAccess",
	"organizations:EnableAWSServiceAccess",
	"organizations:ListAWSServiceAccessForOrganization",
	"organizations:ListDelegatedAdministrators",
	"organizations:ListDelegatedServicesForAccount",
	"organizations:RegisterDelegatedAdministrator",
}

// typeActions are the IAM actions that the provider of each resource type, or
// of each function (invoke) token, calls to create, read, update and delete
// it, for the types outside the catalog. Every resource type that an orgtrust
// component registers, and every function it invokes, needs an entry here or
// in the catalog rows' resources (TypeActions): the provider tests run the
// components under mocks and check that.
var typeActions = map[string][]string{
	// The orgtrust provider's own resources. Add each native resource of this
	// provider here.
	TrustedServiceAccessToken: {
		"organizations:DisableAWSServiceAccess",
		"organizations:EnableAWSServiceAccess", "organizations:ListAWSServiceAccessForOrganization",
	},

	// The delegated-administrator and enable resources of the catalog's
	// services are not listed here, the orgtrust provider's own ones
	// (StackSetsOrganizationsAccess, SecurityLakeDelegatedAdmin,
	// NotificationsOrganizationsAccess) included: each one's actions live with
	// its constructor (resources.go), and TypeActions reads them from there.

	// Organization lookups (pulumi-aws v6 functions).
	"aws:organizations/getOrganization:getOrganization": {
		"organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization",
		"organizations:ListAccounts", "organizations:ListRoots",
	},
	"aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts": {
		"organizations:ListAccountsForParent", "organizations:ListOrganizationalUnitsForParent",
	},
	// The provider's own Region: read from its configuration, no API call.
	"aws:index/getRegion:getRegion": {},
	// The Regions the account has enabled, read when an integration lists
	// opt-in Regions (components/optinregions.go): the data source calls
	// EC2's DescribeRegions.
	"aws:index/getRegions:getRegions": {"ec2:DescribeRegions"},
	// sts:GetCallerIdentity: "No permissions are required to perform this
	// operation" (AWS STS API Reference, GetCallerIdentity).
	"aws:index/getCallerIdentity:getCallerIdentity": {},

	// IAM Identity Center (pulumi-aws v6 ssoadmin and identitystore).
	"aws:ssoadmin/getInstances:getInstances": {"sso:ListInstances"},
	// Existing permission sets, by name: the data source lists the instance's
	// permission sets and describes them until one has the name, then reads
	// its tags; getPermissionSets lists their ARNs.
	"aws:ssoadmin/getPermissionSet:getPermissionSet": {
		"sso:DescribePermissionSet", "sso:ListPermissionSets", "sso:ListTagsForResource",
	},
	"aws:ssoadmin/getPermissionSets:getPermissionSets": {"sso:ListPermissionSets"},
	"aws:ssoadmin/permissionSet:PermissionSet": {
		"sso:CreatePermissionSet", "sso:DeletePermissionSet", "sso:DescribePermissionSet",
		"sso:DescribePermissionSetProvisioningStatus", "sso:ListTagsForResource", "sso:ProvisionPermissionSet",
		"sso:TagResource", "sso:UntagResource", "sso:UpdatePermissionSet",
	},
	"aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment": {
		"sso:AttachManagedPolicyToPermissionSet", "sso:DescribePermissionSetProvisioningStatus",
		"sso:DetachManagedPolicyFromPermissionSet", "sso:ListManagedPoliciesInPermissionSet",
		"sso:ProvisionPermissionSet",
	},
	"aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment": {
		"sso:AttachCustomerManagedPolicyReferenceToPermissionSet",
		"sso:DescribePermissionSetProvisioningStatus",
		"sso:DetachCustomerManagedPolicyReferenceFromPermissionSet",
		"sso:ListCustomerManagedPolicyReferencesInPermissionSet", "sso:ProvisionPermissionSet",
	},
	"aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy": {
		"sso:DeleteInlinePolicyFromPermissionSet", "sso:DescribePermissionSetProvisioningStatus",
		"sso:GetInlinePolicyForPermissionSet", "sso:ProvisionPermissionSet", "sso:PutInlinePolicyToPermissionSet",
	},
	"aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment": {
		"sso:DeletePermissionsBoundaryFromPermissionSet", "sso:DescribePermissionSetProvisioningStatus",
		"sso:GetPermissionsBoundaryForPermissionSet", "sso:ProvisionPermissionSet",
		"sso:PutPermissionsBoundaryToPermissionSet",
	},
	"aws:ssoadmin/accountAssignment:AccountAssignment": {
		"sso:CreateAccountAssignment", "sso:DeleteAccountAssignment",
		"sso:DescribeAccountAssignmentCreationStatus", "sso:DescribeAccountAssignmentDeletionStatus",
		"sso:ListAccountAssignments",
	},
	"aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes": {
		"sso:CreateInstanceAccessControlAttributeConfiguration",
		"sso:DeleteInstanceAccessControlAttributeConfiguration",
		"sso:DescribeInstanceAccessControlAttributeConfiguration",
		"sso:UpdateInstanceAccessControlAttributeConfiguration",
	},
	"aws:identitystore/group:Group": {
		"identitystore:CreateGroup", "identitystore:DeleteGroup", "identitystore:DescribeGroup",
		"identitystore:UpdateGroup",
	},
	"aws:identitystore/user:User": {
		"identitystore:CreateUser", "identitystore:DeleteUser", "identitystore:DescribeUser",
		"identitystore:UpdateUser",
	},
	"aws:identitystore/groupMembership:GroupMembership": {
		"identitystore:CreateGroupMembership", "identitystore:DeleteGroupMembership",
		"identitystore:DescribeGroupMembership",
	},
	"aws:identitystore/getGroup:getGroup": {
		"identitystore:DescribeGroup", "identitystore:GetGroupId", "identitystore:ListGroups",
	},
	"aws:identitystore/getUser:getUser": {
		"identitystore:DescribeUser", "identitystore:GetUserId", "identitystore:ListUsers",
	},

	// The orgtrust provider's AccountAssignments: the assignment calls, the
	// preview lookups (instance, principals, the organization's accounts) and
	// both read strategies.
	AccountAssignmentsToken: {
		"identitystore:DescribeGroup", "identitystore:DescribeUser", "organizations:ListAccounts",
		"sso:CreateAccountAssignment", "sso:DeleteAccountAssignment",
		"sso:DescribeAccountAssignmentCreationStatus", "sso:DescribeAccountAssignmentDeletionStatus",
		"sso:ListAccountAssignments", "sso:ListAccountAssignmentsForPrincipal", "sso:ListInstances",
		// Undeclared access of governed permission sets, and the exclusive
		// removals' guard (provider/accountassignments_undeclared.go, _exclusive.go).
		"sso:ListAccountsForProvisionedPermissionSet", "sso:ListManagedPoliciesInPermissionSet",
		"sso:ListCustomerManagedPolicyReferencesInPermissionSet", "organizations:DescribeOrganization",
	},

	// The orgtrust provider's account listing with tags, for assignments that
	// target accounts by tag (provider/organizationaccounts.go).
	GetOrganizationAccountsToken: {"organizations:ListAccounts", "organizations:ListTagsForResource"},

	// Applications and trusted token issuers (pulumi-aws v6 ssoadmin; the
	// handlers of terraform-provider-aws internal/service/ssoadmin).
	"aws:ssoadmin/application:Application": {
		"sso:CreateApplication", "sso:DeleteApplication", "sso:DescribeApplication", "sso:ListTagsForResource",
		"sso:TagResource", "sso:UntagResource", "sso:UpdateApplication",
	},
	"aws:ssoadmin/applicationAssignment:ApplicationAssignment": {
		"sso:CreateApplicationAssignment", "sso:DeleteApplicationAssignment", "sso:DescribeApplicationAssignment",
	},
	"aws:ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration": {
		"sso:GetApplicationAssignmentConfiguration", "sso:PutApplicationAssignmentConfiguration",
	},
	"aws:ssoadmin/applicationAccessScope:ApplicationAccessScope": {
		"sso:DeleteApplicationAccessScope", "sso:GetApplicationAccessScope", "sso:PutApplicationAccessScope",
	},
	"aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer": {
		"sso:CreateTrustedTokenIssuer", "sso:DeleteTrustedTokenIssuer", "sso:DescribeTrustedTokenIssuer",
		"sso:ListTagsForResource", "sso:TagResource", "sso:UntagResource", "sso:UpdateTrustedTokenIssuer",
	},
	"aws:ssoadmin/getApplication:getApplication": {"sso:DescribeApplication"},

	// The orgtrust provider's PermissionSetProvisioning.
	PermissionSetProvisioningToken: {
		"sso:DescribePermissionSetProvisioningStatus", "sso:ListAccountsForProvisionedPermissionSet",
		"sso:ProvisionPermissionSet",
	},

	// Service Catalog (pulumi-aws v6).
	"aws:servicecatalog/portfolio:Portfolio": {
		"servicecatalog:CreatePortfolio", "servicecatalog:DeletePortfolio", "servicecatalog:DescribePortfolio",
		"servicecatalog:UpdatePortfolio",
	},
	"aws:servicecatalog/portfolioShare:PortfolioShare": {
		"servicecatalog:CreatePortfolioShare", "servicecatalog:DeletePortfolioShare",
		"servicecatalog:DescribePortfolioShareStatus", "servicecatalog:DescribePortfolioShares",
		"servicecatalog:UpdatePortfolioShare",
	},
	"aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation": {
		"servicecatalog:AssociatePrincipalWithPortfolio", "servicecatalog:DisassociatePrincipalFromPortfolio",
		"servicecatalog:ListPrincipalsForPortfolio",
	},
}

// DiscoverActions are the reads of `orgtrust discover` (provider/discover)
// beyond those of the resources whose configuration it writes, by the
// feature that selects them: listing the permission sets and the portfolios
// to adopt. Its other reads are the resources' own and the organization
// lookups; a test reads every call from its client interfaces and checks
// that the read-only policy allows it.
var DiscoverActions = map[string][]string{
	"sso":            {"sso:ListPermissionSets", "identitystore:ListGroupMemberships"},
	"servicecatalog": {"servicecatalog:ListPortfolios"},
}

// identityCenterTypes are the resource types and functions that
// IdentityCenterSetup registers and invokes, besides its sso integration.
var identityCenterTypes = []string{
	"aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts",
	"aws:index/getRegion:getRegion",
	"aws:index/getCallerIdentity:getCallerIdentity",
	"aws:ssoadmin/getInstances:getInstances",
	"aws:ssoadmin/getPermissionSet:getPermissionSet",
	"aws:ssoadmin/getPermissionSets:getPermissionSets",
	"aws:ssoadmin/permissionSet:PermissionSet",
	"aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
	"aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment",
	"aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
	"aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment",
	"aws:ssoadmin/accountAssignment:AccountAssignment",
	AccountAssignmentsToken,
	PermissionSetProvisioningToken,
	GetOrganizationAccountsToken,
	"aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes",
	"aws:identitystore/group:Group",
	"aws:identitystore/user:User",
	"aws:identitystore/groupMembership:GroupMembership",
	"aws:identitystore/getGroup:getGroup",
	"aws:identitystore/getUser:getUser",
	"aws:ssoadmin/application:Application",
	"aws:ssoadmin/applicationAssignment:ApplicationAssignment",
	"aws:ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration",
	"aws:ssoadmin/applicationAccessScope:ApplicationAccessScope",
	"aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer",
	"aws:ssoadmin/getApplication:getApplication",
}

// serviceCatalogTypes are the resource types that ServiceCatalogSharing
// registers, besides its servicecatalog integration.
var serviceCatalogTypes = []string{
	"aws:servicecatalog/portfolio:Portfolio",
	"aws:servicecatalog/portfolioShare:PortfolioShare",
	"aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation",
}

// IntegrationTypes are the types every service integration may use, whatever
// its catalog entry says: trusted access through the provider, and the
// organization lookup that finds the management account.
var IntegrationTypes = []string{
	TrustedServiceAccessToken,
	"aws:organizations/getOrganization:getOrganization",
}

// IdentityCenterAssignmentActions are what IAM Identity Center itself calls,
// with the caller's credentials, when an account assignment targets the
// management account: it creates the permission set's role and the SAML
// provider there. Scoped to the resources Identity Center owns.
var IdentityCenterAssignmentActions = []string{
	"iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
	"iam:DetachRolePolicy", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies",
	"iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:DeleteRolePermissionsBoundary",
	"iam:UpdateRole", "iam:CreateSAMLProvider", "iam:GetSAMLProvider", "iam:UpdateSAMLProvider",
	"iam:DeleteSAMLProvider",
}

// ComponentTypes are the types that the component of a catalog service
// registers and invokes besides its integration, by service key:
// IdentityCenterSetup's for "sso", ServiceCatalogSharing's for
// "servicecatalog".
var ComponentTypes = map[string][]string{
	"sso":            identityCenterTypes,
	"servicecatalog": serviceCatalogTypes,
}

// TypeActions returns the IAM actions of resource or function type t:
// from the catalog for the services' enable and admin resources, else from
// typeActions.
func TypeActions(t string) ([]string, bool) {
	if actions, ok := ResourceType(t).Actions(); ok {
		return actions, true
	}
	actions, ok := typeActions[t]
	return actions, ok
}
