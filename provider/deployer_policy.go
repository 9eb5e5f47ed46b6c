package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// GetDeployerPolicy returns the least-privilege IAM policy for the role that
// runs `pulumi up` for an orgtrust program in the management account.
type GetDeployerPolicy struct{}

// GetDeployerPolicyArgs selects the integrations the program uses.
type GetDeployerPolicyArgs struct {
	Services       []string `pulumi:"services,optional"`
	IdentityCenter bool     `pulumi:"identityCenter,optional"`
	ServiceCatalog bool     `pulumi:"serviceCatalog,optional"`
	ReadOnly       bool     `pulumi:"readOnly,optional"`
}

// GetDeployerPolicyResult is the policy document and the actions it allows.
type GetDeployerPolicyResult struct {
	Policy  string   `pulumi:"policy"`
	Actions []string `pulumi:"actions"`
}

// Annotate documents the function.
func (f *GetDeployerPolicy) Annotate(a infer.Annotator) {
	a.Describe(f, "Returns the least-privilege IAM policy, as JSON, for the role that deploys an orgtrust "+
		"program from the organization's management account (for example the OIDC role of the pull-request "+
		"workflow): the AWS Organizations trusted-access and delegated-administrator actions, "+
		"`iam:CreateServiceLinkedRole` for the selected services' principals, each selected service's own "+
		"delegated-administrator and enable actions with the actions of the resources that call them, and "+
		"the actions of the IdentityCenterSetup and ServiceCatalogSharing children when those features are "+
		"selected. Attach it as an inline or customer-managed policy.")
	a.SetToken("index", "getDeployerPolicy")
}

// Annotate documents the arguments.
func (a *GetDeployerPolicyArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Services, "The catalog keys of the services the program integrates, such as "+
		"`guardduty` or `access-analyzer` (see listTrustedServices). Each adds its delegated-administrator "+
		"and enable actions, and its principals to the `iam:CreateServiceLinkedRole` condition.")
	an.Describe(&a.IdentityCenter, "Whether the program uses IdentityCenterSetup: adds the IAM Identity "+
		"Center (`sso`) integration, permission sets and their provisioning, existing permission sets' lookups, "+
		"account assignments, applications, trusted token issuers, the identity store and the organization "+
		"lookups that expand organizational units to accounts. A managementAccountRoleArn role needs the same "+
		"Identity Center actions.")
	an.Describe(&a.ServiceCatalog, "Whether the program uses ServiceCatalogSharing: adds the Service Catalog "+
		"(`servicecatalog`) integration, portfolios, portfolio shares and principal associations.")
	an.Describe(&a.ReadOnly, "Keep only the read actions (`List*`, `Describe*`, `Get*`): the policy of a "+
		"role that may run `pulumi preview` and `pulumi refresh` but change nothing, such as the role that "+
		"pull-request workflows assume.")
}

// Annotate documents the result.
func (r *GetDeployerPolicyResult) Annotate(a infer.Annotator) {
	a.Describe(&r.Policy, "The IAM policy document, as JSON (version 2012-10-17).")
	a.Describe(&r.Actions, "Every action the policy allows, sorted.")
}

// Invoke implements the function.
func (*GetDeployerPolicy) Invoke(_ context.Context, req infer.FunctionRequest[GetDeployerPolicyArgs]) (
	infer.FunctionResponse[GetDeployerPolicyResult], error,
) {
	doc, err := deployerPolicy(req.Input)
	if err != nil {
		return infer.FunctionResponse[GetDeployerPolicyResult]{}, err
	}
	policy, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return infer.FunctionResponse[GetDeployerPolicyResult]{}, fmt.Errorf("encoding the policy: %w", err)
	}
	return infer.FunctionResponse[GetDeployerPolicyResult]{Output: GetDeployerPolicyResult{
		Policy:  string(policy),
		Actions: doc.actions(),
	}}, nil
}

// policyDocument is an IAM policy document.
type policyDocument struct {
	Version   string            `json:"Version"`
	Statement []policyStatement `json:"Statement"`
}

// policyStatement is one statement of a policyDocument.
type policyStatement struct {
	Sid       string                         `json:"Sid"`
	Effect    string                         `json:"Effect"`
	Action    []string                       `json:"Action"`
	Resource  string                         `json:"Resource"`
	Condition map[string]map[string][]string `json:"Condition,omitempty"`
}

// actions returns every action of the document, sorted and without duplicates.
func (d policyDocument) actions() []string {
	set := map[string]bool{}
	for _, s := range d.Statement {
		for _, a := range s.Action {
			set[a] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// organizationsActions are the Organizations actions every orgtrust deployment
// needs: trusted access (TrustedServiceAccess and the services' own enable
// APIs call these), delegated administrators, and the organization lookup.
var organizationsActions = []string{
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
// in the catalog (resourceActions): the provider tests run the components
// under mocks and check that.
var typeActions = map[string][]string{
	// The orgtrust provider's own resources. Add each native resource of this
	// provider here.
	components.TrustedServiceAccessToken: {
		"organizations:DisableAWSServiceAccess",
		"organizations:EnableAWSServiceAccess", "organizations:ListAWSServiceAccessForOrganization",
	},

	// The delegated-administrator and enable resources of the catalog's
	// services are not listed here, the orgtrust provider's own ones
	// (StackSetsOrganizationsAccess, SecurityLakeDelegatedAdmin,
	// NotificationsOrganizationsAccess) included: each one's actions live with
	// its constructor in package catalog (components/catalog/resources.go),
	// and resourceActions reads them from there.

	// Organization lookups (pulumi-aws v6 functions).
	"aws:organizations/getOrganization:getOrganization": {
		"organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization",
		"organizations:ListAccounts", "organizations:ListRoots",
	},
	"aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts": {
		"organizations:ListAccountsForParent", "organizations:ListOrganizationalUnitsForParent",
	},
	// The orgtrust provider's account listing with tags, for assignments that
	// target accounts by tag (provider/organizationaccounts.go).
	components.GetOrganizationAccountsToken: {"organizations:ListAccounts", "organizations:ListTagsForResource"},
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
	components.AccountAssignmentsToken: {
		"identitystore:DescribeGroup", "identitystore:DescribeUser", "organizations:ListAccounts",
		"sso:CreateAccountAssignment", "sso:DeleteAccountAssignment",
		"sso:DescribeAccountAssignmentCreationStatus", "sso:DescribeAccountAssignmentDeletionStatus",
		"sso:ListAccountAssignments", "sso:ListAccountAssignmentsForPrincipal", "sso:ListInstances",
		// Undeclared access of governed permission sets, and the exclusive
		// removals' guard (accountassignments_undeclared.go, _exclusive.go).
		"sso:ListAccountsForProvisionedPermissionSet", "sso:ListManagedPoliciesInPermissionSet",
		"sso:ListCustomerManagedPolicyReferencesInPermissionSet", "organizations:DescribeOrganization",
	},

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
	components.PermissionSetProvisioningToken: {
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

// discoverActions are the reads of `orgtrust discover` (provider/discover)
// beyond those of the resources whose configuration it writes, by the
// feature that selects them: listing the permission sets and the portfolios
// to adopt. Its other reads are the resources' own and the organization
// lookups; a test reads every call from its client interfaces and checks
// that the read-only policy allows it.
var discoverActions = map[string][]string{
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
	components.AccountAssignmentsToken,
	components.PermissionSetProvisioningToken,
	components.GetOrganizationAccountsToken,
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

// integrationTypes are the types every service integration may use, whatever
// its catalog entry says: trusted access through the provider, and the
// organization lookup that finds the management account.
var integrationTypes = []string{
	components.TrustedServiceAccessToken,
	"aws:organizations/getOrganization:getOrganization",
}

// identityCenterAssignmentActions are what IAM Identity Center itself calls,
// with the caller's credentials, when an account assignment targets the
// management account: it creates the permission set's role and the SAML
// provider there. Scoped to the resources Identity Center owns.
var identityCenterAssignmentActions = []string{
	"iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
	"iam:DetachRolePolicy", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies",
	"iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:DeleteRolePermissionsBoundary",
	"iam:UpdateRole", "iam:CreateSAMLProvider", "iam:GetSAMLProvider", "iam:UpdateSAMLProvider",
	"iam:DeleteSAMLProvider",
}

// deployerPolicy builds the policy document for args. Unknown service keys are
// an error that names the key and suggests the nearest one.
func deployerPolicy(args GetDeployerPolicyArgs) (policyDocument, error) {
	selected := map[string]components.Service{}
	for i, key := range args.Services {
		svc, err := components.ResolveService(fmt.Sprintf("services[%d]", i), key)
		if err != nil {
			return policyDocument{}, err
		}
		selected[svc.Key] = svc
	}
	if args.IdentityCenter {
		selected["sso"], _ = components.LookupService("sso")
	}
	if args.ServiceCatalog {
		selected["servicecatalog"], _ = components.LookupService("servicecatalog")
	}

	types := slices.Clone(integrationTypes)
	serviceActions := map[string]bool{}
	principals := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(selected)) {
		svc := selected[key]
		for _, p := range svc.Principals {
			principals[p] = true
		}
		for _, a := range []string{svc.DelegatedAdminAPI, svc.EnableAPI} {
			if a != "" {
				serviceActions[a] = true
			}
		}
		for _, t := range []catalog.ResourceType{svc.DelegatedAdminResource, svc.EnableResource} {
			if t != "" {
				types = append(types, string(t))
			}
		}
		if svc.DelegatedAdminPerRegion {
			// Regions given, opt-in ones are checked against the enabled list.
			types = append(types, "aws:index/getRegions:getRegions")
		}
	}
	if args.IdentityCenter {
		types = append(types, identityCenterTypes...)
		for _, a := range discoverActions["sso"] {
			serviceActions[a] = true
		}
	}
	if args.ServiceCatalog {
		types = append(types, serviceCatalogTypes...)
		for _, a := range discoverActions["servicecatalog"] {
			serviceActions[a] = true
		}
	}

	orgs := map[string]bool{}
	for _, a := range organizationsActions {
		orgs[a] = true
	}
	for _, t := range types {
		actions, ok := resourceActions(t)
		if !ok {
			return policyDocument{}, fmt.Errorf("no IAM actions are recorded for %s: add it to typeActions in "+
				"provider/deployer_policy.go, or, for a service's own resource, to components/catalog/resources.go", t)
		}
		for _, a := range actions {
			if strings.HasPrefix(a, "organizations:") {
				orgs[a] = true
			} else {
				serviceActions[a] = true
			}
		}
	}
	for a := range orgs {
		delete(serviceActions, a)
	}

	doc := policyDocument{Version: "2012-10-17"}
	doc.Statement = append(doc.Statement, policyStatement{
		Sid: "OrganizationsTrustedAccess", Effect: "Allow", Resource: "*",
		Action: slices.Sorted(maps.Keys(orgs)),
	})
	slr := policyStatement{
		Sid: "ServiceLinkedRoles", Effect: "Allow", Resource: "arn:aws:iam::*:role/aws-service-role/*",
		Action: []string{"iam:CreateServiceLinkedRole"},
	}
	if len(principals) > 0 {
		slr.Condition = map[string]map[string][]string{
			"StringEquals": {"iam:AWSServiceName": slices.Sorted(maps.Keys(principals))},
		}
	}
	doc.Statement = append(doc.Statement, slr)
	if len(serviceActions) > 0 {
		doc.Statement = append(doc.Statement, policyStatement{
			Sid: "ServiceIntegrations", Effect: "Allow", Resource: "*",
			Action: slices.Sorted(maps.Keys(serviceActions)),
		})
	}
	if args.IdentityCenter {
		doc.Statement = append(doc.Statement,
			policyStatement{
				Sid: "IdentityCenterRoles", Effect: "Allow",
				Resource: "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*",
				Action:   roleActions(identityCenterAssignmentActions),
			},
			policyStatement{
				Sid: "IdentityCenterSAMLProviders", Effect: "Allow",
				Resource: "arn:aws:iam::*:saml-provider/AWSSSO_*",
				Action:   samlActions(identityCenterAssignmentActions),
			})
	}
	if args.ReadOnly {
		doc = readOnly(doc)
	}
	return doc, nil
}

// resourceActions returns the IAM actions of resource or function type t:
// from the catalog for the services' enable and admin resources, else from
// typeActions.
func resourceActions(t string) ([]string, bool) {
	if actions, ok := catalog.ResourceType(t).Actions(); ok {
		return actions, true
	}
	actions, ok := typeActions[t]
	return actions, ok
}

// readOnly keeps the read actions of doc, and the statements left with any.
func readOnly(doc policyDocument) policyDocument {
	out := policyDocument{Version: doc.Version}
	for _, s := range doc.Statement {
		var kept []string
		for _, a := range s.Action {
			_, name, _ := strings.Cut(a, ":")
			if strings.HasPrefix(name, "List") || strings.HasPrefix(name, "Describe") ||
				strings.HasPrefix(name, "Get") {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			s.Action = kept
			out.Statement = append(out.Statement, s)
		}
	}
	return out
}

func roleActions(actions []string) []string {
	var out []string
	for _, a := range actions {
		if !strings.Contains(a, "SAMLProvider") {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

func samlActions(actions []string) []string {
	var out []string
	for _, a := range actions {
		if strings.Contains(a, "SAMLProvider") {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}
