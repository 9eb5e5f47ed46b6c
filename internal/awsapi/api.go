package awsapi

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/notifications"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The typed interfaces of the AWS calls orgtrust makes, one per client and
// user: each lists exactly the operations its user calls, so that the IAM
// actions they need can be read from them (the deployer policy's tests and
// discover's IAMActions do).

// The provider's resources.
type (
	// TrustedAccess is what TrustedServiceAccess calls on Organizations.
	TrustedAccess interface {
		EnableAWSServiceAccess(context.Context, *organizations.EnableAWSServiceAccessInput, ...func(*organizations.Options)) (*organizations.EnableAWSServiceAccessOutput, error)
		DisableAWSServiceAccess(context.Context, *organizations.DisableAWSServiceAccessInput, ...func(*organizations.Options)) (*organizations.DisableAWSServiceAccessOutput, error)
		ListAWSServiceAccessForOrganization(context.Context, *organizations.ListAWSServiceAccessForOrganizationInput, ...func(*organizations.Options)) (*organizations.ListAWSServiceAccessForOrganizationOutput, error)
	}

	// DelegatedAdminLister is the Organizations call that reads Security
	// Lake's delegated administrator: Security Lake has no read API of its
	// own for it.
	DelegatedAdminLister interface {
		ListDelegatedAdministrators(context.Context, *organizations.ListDelegatedAdministratorsInput, ...func(*organizations.Options)) (*organizations.ListDelegatedAdministratorsOutput, error)
	}

	// AccountLister is the Organizations call that lists the accounts.
	AccountLister interface {
		ListAccounts(context.Context, *organizations.ListAccountsInput, ...func(*organizations.Options)) (*organizations.ListAccountsOutput, error)
	}

	// Assignments is what AccountAssignments calls on sso-admin.
	Assignments interface {
		CreateAccountAssignment(context.Context, *ssoadmin.CreateAccountAssignmentInput, ...func(*ssoadmin.Options)) (*ssoadmin.CreateAccountAssignmentOutput, error)
		DeleteAccountAssignment(context.Context, *ssoadmin.DeleteAccountAssignmentInput, ...func(*ssoadmin.Options)) (*ssoadmin.DeleteAccountAssignmentOutput, error)
		DescribeAccountAssignmentCreationStatus(context.Context, *ssoadmin.DescribeAccountAssignmentCreationStatusInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeAccountAssignmentCreationStatusOutput, error)
		DescribeAccountAssignmentDeletionStatus(context.Context, *ssoadmin.DescribeAccountAssignmentDeletionStatusInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeAccountAssignmentDeletionStatusOutput, error)
		ListAccountAssignmentsForPrincipal(context.Context, *ssoadmin.ListAccountAssignmentsForPrincipalInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsForPrincipalOutput, error)
		ListAccountAssignments(context.Context, *ssoadmin.ListAccountAssignmentsInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsOutput, error)
		ListInstances(context.Context, *ssoadmin.ListInstancesInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListInstancesOutput, error)
		// The reads of undeclared access (provider/accountassignments_undeclared.go).
		ListAccountsForProvisionedPermissionSet(context.Context, *ssoadmin.ListAccountsForProvisionedPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountsForProvisionedPermissionSetOutput, error)
		ListManagedPoliciesInPermissionSet(context.Context, *ssoadmin.ListManagedPoliciesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListManagedPoliciesInPermissionSetOutput, error)
		ListCustomerManagedPolicyReferencesInPermissionSet(context.Context, *ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetOutput, error)
	}

	// Provisioning is what PermissionSetProvisioning calls on sso-admin.
	Provisioning interface {
		ProvisionPermissionSet(context.Context, *ssoadmin.ProvisionPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ProvisionPermissionSetOutput, error)
		DescribePermissionSetProvisioningStatus(context.Context, *ssoadmin.DescribePermissionSetProvisioningStatusInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribePermissionSetProvisioningStatusOutput, error)
		ListAccountsForProvisionedPermissionSet(context.Context, *ssoadmin.ListAccountsForProvisionedPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountsForProvisionedPermissionSetOutput, error)
	}

	// PrincipalLookup is what AccountAssignments calls on the identity
	// store: whether a user or group exists.
	PrincipalLookup interface {
		DescribeUser(context.Context, *identitystore.DescribeUserInput, ...func(*identitystore.Options)) (*identitystore.DescribeUserOutput, error)
		DescribeGroup(context.Context, *identitystore.DescribeGroupInput, ...func(*identitystore.Options)) (*identitystore.DescribeGroupOutput, error)
	}

	// Notifications is what NotificationsOrganizationsAccess calls on AWS
	// User Notifications.
	Notifications interface {
		EnableNotificationsAccessForOrganization(context.Context, *notifications.EnableNotificationsAccessForOrganizationInput, ...func(*notifications.Options)) (*notifications.EnableNotificationsAccessForOrganizationOutput, error)
		DisableNotificationsAccessForOrganization(context.Context, *notifications.DisableNotificationsAccessForOrganizationInput, ...func(*notifications.Options)) (*notifications.DisableNotificationsAccessForOrganizationOutput, error)
		GetNotificationsAccessForOrganization(context.Context, *notifications.GetNotificationsAccessForOrganizationInput, ...func(*notifications.Options)) (*notifications.GetNotificationsAccessForOrganizationOutput, error)
	}

	// CloudFormation is what StackSetsOrganizationsAccess calls on
	// CloudFormation.
	CloudFormation interface {
		ActivateOrganizationsAccess(context.Context, *cloudformation.ActivateOrganizationsAccessInput, ...func(*cloudformation.Options)) (*cloudformation.ActivateOrganizationsAccessOutput, error)
		DeactivateOrganizationsAccess(context.Context, *cloudformation.DeactivateOrganizationsAccessInput, ...func(*cloudformation.Options)) (*cloudformation.DeactivateOrganizationsAccessOutput, error)
		DescribeOrganizationsAccess(context.Context, *cloudformation.DescribeOrganizationsAccessInput, ...func(*cloudformation.Options)) (*cloudformation.DescribeOrganizationsAccessOutput, error)
	}

	// SecurityLakeAdmin is what SecurityLakeDelegatedAdmin calls on Security
	// Lake.
	SecurityLakeAdmin interface {
		RegisterDataLakeDelegatedAdministrator(context.Context, *securitylake.RegisterDataLakeDelegatedAdministratorInput, ...func(*securitylake.Options)) (*securitylake.RegisterDataLakeDelegatedAdministratorOutput, error)
		DeregisterDataLakeDelegatedAdministrator(context.Context, *securitylake.DeregisterDataLakeDelegatedAdministratorInput, ...func(*securitylake.Options)) (*securitylake.DeregisterDataLakeDelegatedAdministratorOutput, error)
	}
)

// `orgtrust discover`'s readers, all read-only.
type (
	// OrganizationReader is what discover calls on AWS Organizations.
	OrganizationReader interface {
		DescribeOrganization(context.Context, *organizations.DescribeOrganizationInput, ...func(*organizations.Options)) (*organizations.DescribeOrganizationOutput, error)
		ListRoots(context.Context, *organizations.ListRootsInput, ...func(*organizations.Options)) (*organizations.ListRootsOutput, error)
		ListOrganizationalUnitsForParent(context.Context, *organizations.ListOrganizationalUnitsForParentInput, ...func(*organizations.Options)) (*organizations.ListOrganizationalUnitsForParentOutput, error)
		ListAccountsForParent(context.Context, *organizations.ListAccountsForParentInput, ...func(*organizations.Options)) (*organizations.ListAccountsForParentOutput, error)
		ListAWSServiceAccessForOrganization(context.Context, *organizations.ListAWSServiceAccessForOrganizationInput, ...func(*organizations.Options)) (*organizations.ListAWSServiceAccessForOrganizationOutput, error)
		ListDelegatedAdministrators(context.Context, *organizations.ListDelegatedAdministratorsInput, ...func(*organizations.Options)) (*organizations.ListDelegatedAdministratorsOutput, error)
		ListDelegatedServicesForAccount(context.Context, *organizations.ListDelegatedServicesForAccountInput, ...func(*organizations.Options)) (*organizations.ListDelegatedServicesForAccountOutput, error)
		ListTagsForResource(context.Context, *organizations.ListTagsForResourceInput, ...func(*organizations.Options)) (*organizations.ListTagsForResourceOutput, error)
	}

	// IdentityCenterReader is what discover calls on IAM Identity Center
	// (sso-admin).
	IdentityCenterReader interface {
		ListInstances(context.Context, *ssoadmin.ListInstancesInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListInstancesOutput, error)
		ListPermissionSets(context.Context, *ssoadmin.ListPermissionSetsInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListPermissionSetsOutput, error)
		DescribePermissionSet(context.Context, *ssoadmin.DescribePermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribePermissionSetOutput, error)
		ListTagsForResource(context.Context, *ssoadmin.ListTagsForResourceInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListTagsForResourceOutput, error)
		ListManagedPoliciesInPermissionSet(context.Context, *ssoadmin.ListManagedPoliciesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListManagedPoliciesInPermissionSetOutput, error)
		ListCustomerManagedPolicyReferencesInPermissionSet(context.Context, *ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetOutput, error)
		GetInlinePolicyForPermissionSet(context.Context, *ssoadmin.GetInlinePolicyForPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.GetInlinePolicyForPermissionSetOutput, error)
		GetPermissionsBoundaryForPermissionSet(context.Context, *ssoadmin.GetPermissionsBoundaryForPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.GetPermissionsBoundaryForPermissionSetOutput, error)
		ListAccountAssignmentsForPrincipal(context.Context, *ssoadmin.ListAccountAssignmentsForPrincipalInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsForPrincipalOutput, error)
		DescribeInstanceAccessControlAttributeConfiguration(context.Context, *ssoadmin.DescribeInstanceAccessControlAttributeConfigurationInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeInstanceAccessControlAttributeConfigurationOutput, error)
	}

	// IdentityStoreReader is what discover calls on the identity store.
	IdentityStoreReader interface {
		ListGroups(context.Context, *identitystore.ListGroupsInput, ...func(*identitystore.Options)) (*identitystore.ListGroupsOutput, error)
		ListUsers(context.Context, *identitystore.ListUsersInput, ...func(*identitystore.Options)) (*identitystore.ListUsersOutput, error)
		ListGroupMemberships(context.Context, *identitystore.ListGroupMembershipsInput, ...func(*identitystore.Options)) (*identitystore.ListGroupMembershipsOutput, error)
	}

	// ServiceCatalogReader is what discover calls on Service Catalog.
	ServiceCatalogReader interface {
		GetAWSOrganizationsAccessStatus(context.Context, *servicecatalog.GetAWSOrganizationsAccessStatusInput, ...func(*servicecatalog.Options)) (*servicecatalog.GetAWSOrganizationsAccessStatusOutput, error)
		ListPortfolios(context.Context, *servicecatalog.ListPortfoliosInput, ...func(*servicecatalog.Options)) (*servicecatalog.ListPortfoliosOutput, error)
		DescribePortfolio(context.Context, *servicecatalog.DescribePortfolioInput, ...func(*servicecatalog.Options)) (*servicecatalog.DescribePortfolioOutput, error)
		DescribePortfolioShares(context.Context, *servicecatalog.DescribePortfolioSharesInput, ...func(*servicecatalog.Options)) (*servicecatalog.DescribePortfolioSharesOutput, error)
		ListPrincipalsForPortfolio(context.Context, *servicecatalog.ListPrincipalsForPortfolioInput, ...func(*servicecatalog.Options)) (*servicecatalog.ListPrincipalsForPortfolioOutput, error)
	}

	// CallerIdentity is what discover calls on STS: who the credentials
	// belong to.
	CallerIdentity interface {
		GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
	}

	// The services' own delegated-administrator APIs, read per Region.

	// GuardDutyAdmins reads GuardDuty's delegated administrator.
	GuardDutyAdmins interface {
		ListOrganizationAdminAccounts(context.Context, *guardduty.ListOrganizationAdminAccountsInput, ...func(*guardduty.Options)) (*guardduty.ListOrganizationAdminAccountsOutput, error)
	}
	// SecurityHubAdmins reads Security Hub's delegated administrator.
	SecurityHubAdmins interface {
		ListOrganizationAdminAccounts(context.Context, *securityhub.ListOrganizationAdminAccountsInput, ...func(*securityhub.Options)) (*securityhub.ListOrganizationAdminAccountsOutput, error)
	}
	// MacieAdmins reads Macie's delegated administrator.
	MacieAdmins interface {
		ListOrganizationAdminAccounts(context.Context, *macie2.ListOrganizationAdminAccountsInput, ...func(*macie2.Options)) (*macie2.ListOrganizationAdminAccountsOutput, error)
	}
	// DetectiveAdmins reads Detective's delegated administrator.
	DetectiveAdmins interface {
		ListOrganizationAdminAccounts(context.Context, *detective.ListOrganizationAdminAccountsInput, ...func(*detective.Options)) (*detective.ListOrganizationAdminAccountsOutput, error)
	}
	// InspectorAdmins reads Inspector's delegated administrator.
	InspectorAdmins interface {
		ListDelegatedAdminAccounts(context.Context, *inspector2.ListDelegatedAdminAccountsInput, ...func(*inspector2.Options)) (*inspector2.ListDelegatedAdminAccountsOutput, error)
	}
	// FMSAdmin reads Firewall Manager's administrator.
	FMSAdmin interface {
		GetAdminAccount(context.Context, *fms.GetAdminAccountInput, ...func(*fms.Options)) (*fms.GetAdminAccountOutput, error)
	}
	// AuditManagerAdmin reads Audit Manager's delegated administrator.
	AuditManagerAdmin interface {
		GetOrganizationAdminAccount(context.Context, *auditmanager.GetOrganizationAdminAccountInput, ...func(*auditmanager.Options)) (*auditmanager.GetOrganizationAdminAccountOutput, error)
	}
)
