package catalog

// PackageName is the Pulumi package name of orgtrust. Every token starts with it.
const PackageName = "orgtrust"

// The one home of every token of the orgtrust package: its components, its
// native resources and its functions. Each equals the token that infer
// derives for the Go type (module "components", mapped to "index" by the
// provider), so a resource registers under the same type whether a Go
// program calls its constructor directly or the provider constructs it; the
// provider's tests check that they agree with the schema. Package
// components re-exports them under its own names (components.XToken).
const (
	// The components.
	OrgServiceIntegrationToken = PackageName + ":index:OrgServiceIntegration"
	OrgIntegrationsToken       = PackageName + ":index:OrgIntegrations"
	IdentityCenterSetupToken   = PackageName + ":index:IdentityCenterSetup"
	ServiceCatalogSharingToken = PackageName + ":index:ServiceCatalogSharing"

	// The native resources that are no catalog row's enable or admin
	// resource.
	TrustedServiceAccessToken      = PackageName + ":index:TrustedServiceAccess"
	AccountAssignmentsToken        = PackageName + ":index:AccountAssignments"
	PermissionSetProvisioningToken = PackageName + ":index:PermissionSetProvisioning"

	// The native resources that catalog rows use, where neither pulumi-aws
	// v6 nor aws-native has one (as ResourceTypes below). Their Go clients
	// are in package components, which gives their constructors to
	// RegisterNative.
	StackSetsOrganizationsAccessToken     = PackageName + ":index:StackSetsOrganizationsAccess"
	SecurityLakeDelegatedAdminToken       = PackageName + ":index:SecurityLakeDelegatedAdmin"
	NotificationsOrganizationsAccessToken = PackageName + ":index:NotificationsOrganizationsAccess"

	// GetOrganizationAccountsToken is the function that lists the
	// organization's accounts with their tags (assignment tag targets).
	GetOrganizationAccountsToken = PackageName + ":index:getOrganizationAccounts"

	// ListTrustedServicesToken is the function that lists the catalog.
	ListTrustedServicesToken = PackageName + ":index:listTrustedServices"
)

// The native resources that catalog rows use, as the catalog's resource
// types.
const (
	StackSetsOrganizationsAccess     ResourceType = StackSetsOrganizationsAccessToken
	SecurityLakeDelegatedAdmin       ResourceType = SecurityLakeDelegatedAdminToken
	NotificationsOrganizationsAccess ResourceType = NotificationsOrganizationsAccessToken
)
