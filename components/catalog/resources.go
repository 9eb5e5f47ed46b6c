package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/auditmanager"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudtrail"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/detective"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/fms"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/guardduty"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/inspector2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/macie2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ram"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/securityhub"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/servicecatalog"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ResourceType is the pulumi-aws v6 type token of a resource that enables a
// service's trusted access or registers its delegated administrator, such as
// GuardDutyAdmin. The catalog rows name these resources, and resources holds
// each one's constructor and IAM actions: one place per resource.
type ResourceType string

// The resources the catalog rows use. Every token was checked to exist in the
// pulumi-aws v6.83.2 Go SDK (a RegisterResource call with that token).
const (
	OrganizationsDelegatedAdministrator ResourceType = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"

	AuditManagerAdmin    ResourceType = "aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration"
	CloudTrailAdmin      ResourceType = "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount"
	DetectiveAdmin       ResourceType = "aws:detective/organizationAdminAccount:OrganizationAdminAccount"
	FirewallManagerAdmin ResourceType = "aws:fms/adminAccount:AdminAccount"
	GuardDutyAdmin       ResourceType = "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount"
	InspectorAdmin       ResourceType = "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount"
	IPAMAdmin            ResourceType = "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount"
	MacieAdmin           ResourceType = "aws:macie2/organizationAdminAccount:OrganizationAdminAccount"
	SecurityHubAdmin     ResourceType = "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount"

	// The orgtrust provider's own resources are in tokens.go, with the
	// package's other tokens.

	IAMOrganizationsFeatures          ResourceType = "aws:iam/organizationsFeatures:OrganizationsFeatures"
	RAMSharingWithOrganization        ResourceType = "aws:ram/sharingWithOrganization:SharingWithOrganization"
	ServiceCatalogOrganizationsAccess ResourceType = "aws:servicecatalog/organizationsAccess:OrganizationsAccess"
)

// RegisterDelegatedAdministratorAPI is the Organizations API that registers a
// delegated administrator, the generic mechanism (DelegatedAdminOrganizations).
const RegisterDelegatedAdministratorAPI = "organizations:RegisterDelegatedAdministrator"

// EnableFunc registers a service's own resource that enables its trusted access.
type EnableFunc func(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error)

// AdminFunc registers a delegated administrator, accountID, with a service's
// own API or with Organizations.
type AdminFunc func(ctx *pulumi.Context, name, accountID string, opts ...pulumi.ResourceOption,
) (pulumi.CustomResource, error)

// resource is what orgtrust knows of one ResourceType.
type resource struct {
	// enable or admin registers it; nil when orgtrust does not register it
	// (IAMOrganizationsFeatures, which the user adds).
	enable EnableFunc
	admin  AdminFunc
	// actions are the IAM actions its provider calls to create, read, update
	// and delete it.
	actions []string
	// importID is the ID that `pulumi import` (and the import resource
	// option) takes for an existing one, in the format of the resource's
	// pulumi-aws v6 documentation (its "Import" section, cited at each);
	// nil when it is not imported: the orgtrust provider's own resources
	// adopt what exists on create without a write, and pulumi-aws documents
	// no import for the rest.
	importID func(ImportKey) string
}

// ImportKey is what an enable or admin resource's import ID is made of.
type ImportKey struct {
	// AccountID is the delegated administrator account.
	AccountID string
	// Principal is the service principal the administrator is registered for.
	Principal string
	// ManagementAccountID is the organization's management account.
	ManagementAccountID string
}

// byAccount is the import ID of the admin resources that take the
// administrator's account ID.
func byAccount(k ImportKey) string { return k.AccountID }

// resources are the enable and admin resources, by type. IAM's
// OrganizationsFeatures is deliberately not constructed: it turns on
// root-access features and needs trusted access enabled first, so IAM falls
// back to TrustedServiceAccess and the features are the user's own resource.
// aws-native v1.38.0 adds no admin resource that pulumi-aws v6 lacks (it has
// securityhub DelegatedAdmin and detective OrganizationAdmin, both covered
// here), so services outside this table fail at preview.
var resources = map[ResourceType]resource{
	// Registered once per principal, with NewDelegatedAdministrator.
	OrganizationsDelegatedAdministrator: {
		// "pulumi import ... DelegatedAdministrator example 123456789012/config.amazonaws.com":
		// https://www.pulumi.com/registry/packages/aws/api-docs/organizations/delegatedadministrator/#import
		importID: func(k ImportKey) string { return k.AccountID + "/" + k.Principal },
		actions: []string{
			"organizations:DeregisterDelegatedAdministrator", "organizations:ListDelegatedAdministrators",
			"organizations:ListDelegatedServicesForAccount", "organizations:RegisterDelegatedAdministrator",
		},
	},
	GuardDutyAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return guardduty.NewOrganizationAdminAccount(ctx, name,
				&guardduty.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/guardduty/organizationadminaccount/#import
		importID: byAccount,
		actions: []string{
			"guardduty:DisableOrganizationAdminAccount", "guardduty:EnableOrganizationAdminAccount",
			"guardduty:ListOrganizationAdminAccounts",
		},
	},
	SecurityHubAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return securityhub.NewOrganizationAdminAccount(ctx, name,
				&securityhub.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/securityhub/organizationadminaccount/#import
		importID: byAccount,
		actions: []string{
			"securityhub:DisableOrganizationAdminAccount", "securityhub:EnableOrganizationAdminAccount",
			"securityhub:ListOrganizationAdminAccounts",
		},
	},
	MacieAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return macie2.NewOrganizationAdminAccount(ctx, name,
				&macie2.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/macie2/organizationadminaccount/#import
		// (the page's example ID is "abcd1"; the ID the resource sets is the admin account ID)
		importID: byAccount,
		actions: []string{
			"macie2:DisableOrganizationAdminAccount", "macie2:EnableOrganizationAdminAccount",
			"macie2:ListOrganizationAdminAccounts",
		},
	},
	DetectiveAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return detective.NewOrganizationAdminAccount(ctx, name,
				&detective.OrganizationAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/detective/organizationadminaccount/#import
		importID: byAccount,
		actions: []string{
			"detective:DisableOrganizationAdminAccount", "detective:EnableOrganizationAdminAccount",
			"detective:ListOrganizationAdminAccounts",
		},
	},
	InspectorAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return inspector2.NewDelegatedAdminAccount(ctx, name,
				&inspector2.DelegatedAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/inspector2/delegatedadminaccount/#import
		importID: byAccount,
		actions: []string{
			"inspector2:DisableDelegatedAdminAccount", "inspector2:EnableDelegatedAdminAccount",
			"inspector2:GetDelegatedAdminAccount", "inspector2:ListDelegatedAdminAccounts",
		},
	},
	FirewallManagerAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return fms.NewAdminAccount(ctx, name, &fms.AdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/fms/adminaccount/#import
		importID: byAccount,
		actions:  []string{"fms:AssociateAdminAccount", "fms:DisassociateAdminAccount", "fms:GetAdminAccount"},
	},
	IPAMAdmin: {
		// ec2:EnableIpamOrganizationAdminAccount also enables IPAM's trusted
		// access: the row names it as both enable and admin resource.
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return ec2.NewVpcIpamOrganizationAdminAccount(ctx, name,
				&ec2.VpcIpamOrganizationAdminAccountArgs{DelegatedAdminAccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/ec2/vpcipamorganizationadminaccount/#import
		importID: byAccount,
		actions: []string{
			"ec2:DisableIpamOrganizationAdminAccount", "ec2:EnableIpamOrganizationAdminAccount",
			"organizations:ListDelegatedAdministrators",
		},
	},
	CloudTrailAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return cloudtrail.NewOrganizationDelegatedAdminAccount(ctx, name,
				&cloudtrail.OrganizationDelegatedAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/cloudtrail/organizationdelegatedadminaccount/#import
		importID: byAccount,
		actions: []string{
			"cloudtrail:DeregisterOrganizationDelegatedAdmin", "cloudtrail:RegisterOrganizationDelegatedAdmin",
			"iam:GetRole", "organizations:DescribeAccount", "organizations:ListDelegatedAdministrators",
		},
	},
	AuditManagerAdmin: {
		admin: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return auditmanager.NewOrganizationAdminAccountRegistration(ctx, name,
				&auditmanager.OrganizationAdminAccountRegistrationArgs{AdminAccountId: pulumi.String(id)}, opts...)
		},
		// The administrator's account ID:
		// https://www.pulumi.com/registry/packages/aws/api-docs/auditmanager/organizationadminaccountregistration/#import
		importID: byAccount,
		actions: []string{
			"auditmanager:DeregisterOrganizationAdminAccount", "auditmanager:GetOrganizationAdminAccount",
			"auditmanager:RegisterOrganizationAdminAccount",
		},
	},
	// The provider's own resources: the service's calls, and the Organizations
	// calls the service makes with the caller's permissions
	// (iam:CreateServiceLinkedRole is in the deployer policy's
	// ServiceLinkedRoles statement, scoped to the selected principals).
	StackSetsOrganizationsAccess: {
		actions: []string{
			"cloudformation:ActivateOrganizationsAccess", "cloudformation:DeactivateOrganizationsAccess",
			"cloudformation:DescribeOrganizationsAccess", "organizations:EnableAWSServiceAccess",
			"organizations:ListAWSServiceAccessForOrganization",
		},
	},
	NotificationsOrganizationsAccess: {
		actions: []string{
			"notifications:DisableNotificationsAccessForOrganization",
			"notifications:EnableNotificationsAccessForOrganization",
			"notifications:GetNotificationsAccessForOrganization", "organizations:DisableAWSServiceAccess",
			"organizations:EnableAWSServiceAccess", "organizations:ListAWSServiceAccessForOrganization",
		},
	},
	// Also enables Security Lake's trusted access, as IPAM's admin does.
	SecurityLakeDelegatedAdmin: {
		actions: []string{
			"organizations:DescribeOrganization", "organizations:EnableAWSServiceAccess",
			"organizations:ListDelegatedAdministrators", "organizations:RegisterDelegatedAdministrator",
			"organizations:DeregisterDelegatedAdministrator", "securitylake:DeregisterDataLakeDelegatedAdministrator",
			"securitylake:RegisterDataLakeDelegatedAdministrator",
		},
	},
	IAMOrganizationsFeatures: {
		actions: []string{
			"iam:DisableOrganizationsRootCredentialsManagement", "iam:DisableOrganizationsRootSessions",
			"iam:EnableOrganizationsRootCredentialsManagement", "iam:EnableOrganizationsRootSessions",
			"iam:ListOrganizationsFeatures",
		},
	},
	RAMSharingWithOrganization: {
		enable: func(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return ram.NewSharingWithOrganization(ctx, name, &ram.SharingWithOrganizationArgs{}, opts...)
		},
		// "the current AWS account ID", the management account's:
		// https://www.pulumi.com/registry/packages/aws/api-docs/ram/sharingwithorganization/#import
		importID: func(k ImportKey) string { return k.ManagementAccountID },
		actions: []string{
			"organizations:DisableAWSServiceAccess", "organizations:ListAWSServiceAccessForOrganization",
			"ram:EnableSharingWithAwsOrganization",
		},
	},
	ServiceCatalogOrganizationsAccess: {
		enable: func(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error) {
			return servicecatalog.NewOrganizationsAccess(ctx, name,
				&servicecatalog.OrganizationsAccessArgs{Enabled: pulumi.Bool(true)}, opts...)
		},
		actions: []string{
			"servicecatalog:DisableAWSOrganizationsAccess", "servicecatalog:EnableAWSOrganizationsAccess",
			"servicecatalog:GetAWSOrganizationsAccessStatus",
		},
	},
}

// RegisterNative gives the catalog the constructors of t, one of the orgtrust
// provider's own resources, whose Go client lives in package components
// (which imports this package, so this one cannot call it). Package components
// calls it at init for each of them; t keeps its actions.
func RegisterNative(t ResourceType, enable EnableFunc, admin AdminFunc) {
	r, ok := resources[t]
	if !ok || !strings.HasPrefix(string(t), "orgtrust:") {
		panic(fmt.Sprintf("catalog: %s is not one of the orgtrust provider's resources in the catalog", t))
	}
	r.enable, r.admin = enable, admin
	resources[t] = r
}

// Enable returns the constructor of t, a service's own enable resource; nil
// when orgtrust does not register t to enable trusted access.
func (t ResourceType) Enable() EnableFunc { return resources[t].enable }

// Admin returns the constructor of t, a service's own delegated-administrator
// resource; nil when orgtrust has none for t.
func (t ResourceType) Admin() AdminFunc { return resources[t].admin }

// Actions returns the IAM actions that the provider of t calls to create,
// read, update and delete it, and whether the catalog knows t.
func (t ResourceType) Actions() ([]string, bool) {
	r, ok := resources[t]
	return slices.Clone(r.actions), ok
}

// ImportID returns the import ID of an existing t made of k, and false when
// t is not imported: the orgtrust provider's own resources adopt what exists
// when they are created, without a write, and pulumi-aws documents no import
// for servicecatalog OrganizationsAccess (its create calls
// EnableAWSOrganizationsAccess, which changes nothing where access is on).
func (t ResourceType) ImportID(k ImportKey) (string, bool) {
	f := resources[t].importID
	if f == nil {
		return "", false
	}
	return f(k), true
}

// ResourceTypes returns every resource type the catalog knows, sorted.
func ResourceTypes() []ResourceType {
	return slices.Sorted(maps.Keys(resources))
}

// NewDelegatedAdministrator registers accountID as principal's delegated
// administrator with Organizations RegisterDelegatedAdministrator
// (OrganizationsDelegatedAdministrator).
func NewDelegatedAdministrator(ctx *pulumi.Context, name, accountID, principal string,
	opts ...pulumi.ResourceOption,
) (pulumi.CustomResource, error) {
	return organizations.NewDelegatedAdministrator(ctx, name, &organizations.DelegatedAdministratorArgs{
		AccountId:        pulumi.String(accountID),
		ServicePrincipal: pulumi.String(principal),
	}, opts...)
}
