package components

import (
	_ "embed"
	"fmt"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

//go:embed identitycentersetup.md
var identityCenterDoc string

// IdentityCenterSetupArgs are the inputs of IdentityCenterSetup. They are
// plain values, so every check and every child's name is settled at preview.
type IdentityCenterSetupArgs struct {
	InstanceArn                  string                       `pulumi:"instanceArn,optional"`
	IdentityStoreID              string                       `pulumi:"identityStoreId,optional"`
	DelegatedAdminAccountID      string                       `pulumi:"delegatedAdminAccountId,optional"`
	ManagementAccountID          string                       `pulumi:"managementAccountId,optional"`
	DisableTrustedAccessOnDelete *bool                        `pulumi:"disableTrustedAccessOnDelete,optional"`
	PermissionSets               []PermissionSetSpec          `pulumi:"permissionSets,optional"`
	Groups                       []GroupSpec                  `pulumi:"groups,optional"`
	Users                        []UserSpec                   `pulumi:"users,optional"`
	GroupMemberships             []MembershipSpec             `pulumi:"groupMemberships,optional"`
	Assignments                  []AssignmentSpec             `pulumi:"assignments,optional"`
	AccessControlAttributes      []AccessControlAttributeSpec `pulumi:"accessControlAttributes,optional"`
	AssignmentsMode              string                       `pulumi:"assignmentsMode,optional"`
	Adopt                        *IdentityCenterAdoptSpec     `pulumi:"adopt,optional"`
	ManagementAccountRoleArn     string                       `pulumi:"managementAccountRoleArn,optional"`
	Applications                 []ApplicationSpec            `pulumi:"applications,optional"`
	TrustedTokenIssuers          []TrustedTokenIssuerSpec     `pulumi:"trustedTokenIssuers,optional"`
}

// Annotate describes the inputs for the provider schema.
func (a *IdentityCenterSetupArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.AssignmentsMode, assignmentsModeDoc)
	an.Describe(&a.Adopt, "What of the setup exists already (`orgtrust discover` writes it), to import on the "+
		"first `pulumi up`; remove it after that up.")
	an.Describe(&a.ManagementAccountRoleArn, managementAccountRoleArnDoc)
	an.Describe(&a.Applications, "Customer managed applications: created here (OAuth 2.0) or existing (any kind, "+
		"by ARN), with their assignments to groups and users, whether an assignment is required, and their access "+
		"scopes. Names must be unique.")
	an.Describe(&a.TrustedTokenIssuers, "Trusted token issuers (OIDC JWT) of the instance, for trusted identity "+
		"propagation from an external identity provider. Names and issuer URLs must be unique.")
	an.Describe(&a.InstanceArn, "ARN of the IAM Identity Center instance, such as "+
		"`arn:aws:sso:::instance/ssoins-1234567890abcdef`. Give it together with `identityStoreId`, or "+
		"neither: then the instance is looked up (ssoadmin ListInstances) in the Region of the aws provider.")
	an.Describe(&a.IdentityStoreID, "ID of the instance's identity store, such as `d-1234567890`. Give it "+
		"together with `instanceArn`, or neither.")
	an.Describe(&a.DelegatedAdminAccountID, "12-digit ID of the member account to register as IAM Identity "+
		"Center's delegated administrator (Organizations RegisterDelegatedAdministrator); empty registers none.")
	an.Describe(&a.ManagementAccountID, "12-digit ID of the organization's management account. Optional: "+
		"when empty it is looked up; when set it is checked against the delegated administrator, which "+
		"cannot be the management account.")
	an.Describe(&a.DisableTrustedAccessOnDelete, "Whether destroying the component disables trusted access "+
		"for `sso.amazonaws.com`. Defaults to false: disabling it while IAM Identity Center is in use stops "+
		"the service and locks every user out of every account. Set true only when tearing Identity Center "+
		"down for good.")
	an.Describe(&a.PermissionSets, "The permission sets to create, each with its policies. Names must be unique.")
	an.Describe(&a.Groups, "The identity-store groups to create, or existing ones to reference by display name.")
	an.Describe(&a.Users, "The identity-store users to create, or existing ones to reference by user name.")
	an.Describe(&a.GroupMemberships, "Group memberships to manage, between groups and users declared in "+
		"`groups` and `users`. Duplicates are merged.")
	an.Describe(&a.Assignments, "Account assignments: each pairs a permission set with principals and target "+
		"accounts, given by account ID and/or by OU (expanded to every active descendant account). The "+
		"component creates one assignment per (permission set, principal, account); entries that overlap are "+
		"merged, and an entry that repeats another exactly (the same permission set, principals and targets) "+
		"is an error.")
	an.Describe(&a.AccessControlAttributes, "Attributes for attribute-based access control (ABAC): each maps a "+
		"session tag key to an identity-source attribute. Empty leaves the instance's ABAC configuration "+
		"unmanaged.")
}

// IdentityCenterSetup is IAM Identity Center for an organization: trusted
// access and the delegated administrator, permission sets, groups, users and
// account assignments at scale.
type IdentityCenterSetup struct {
	pulumi.ResourceState

	InstanceArn       pulumi.StringOutput    `pulumi:"instanceArn"`
	IdentityStoreID   pulumi.StringOutput    `pulumi:"identityStoreId"`
	PermissionSetArns pulumi.StringMapOutput `pulumi:"permissionSetArns"`
	GroupIDs          pulumi.StringMapOutput `pulumi:"groupIds"`
	UserIDs           pulumi.StringMapOutput `pulumi:"userIds"`
	AssignmentCount   pulumi.IntOutput       `pulumi:"assignmentCount"`
	Ready             pulumi.StringOutput    `pulumi:"ready"`

	UndeclaredAccess       pulumi.StringArrayOutput `pulumi:"undeclaredAccess"`
	ApplicationArns        pulumi.StringMapOutput   `pulumi:"applicationArns"`
	TrustedTokenIssuerArns pulumi.StringMapOutput   `pulumi:"trustedTokenIssuerArns"`

	// Integration is the trusted-access and delegated-administrator child
	// (Go programs only). Everything else in the component depends on it.
	Integration *OrgServiceIntegration

	// children are the custom resources registered, for DependsOn.
	children []pulumi.Resource
}

// Annotate describes the component for the provider schema.
func (c *IdentityCenterSetup) Annotate(a infer.Annotator) {
	a.Describe(c, identityCenterDoc)
	a.Describe(&c.InstanceArn, "ARN of the IAM Identity Center instance, as given or looked up.")
	a.Describe(&c.IdentityStoreID, "ID of the instance's identity store, as given or looked up.")
	a.Describe(&c.PermissionSetArns, "ARN of each permission set, by name.")
	a.Describe(&c.GroupIDs, "Identity-store ID of each group, created or referenced, by display name.")
	a.Describe(&c.UserIDs, "Identity-store ID of each user, created or referenced, by user name.")
	a.Describe(&c.AssignmentCount, "How many account assignments the component manages, after OU expansion, "+
		"exclusions and merging duplicates. Known at preview.")
	a.Describe(&c.UndeclaredAccess, undeclaredAccessDoc)
	a.Describe(&c.ApplicationArns, "ARN of each application, created or referenced, by name.")
	a.Describe(&c.TrustedTokenIssuerArns, "ARN of each trusted token issuer, by name.")
	a.Describe(&c.Ready, "The instance ARN, resolved once every child exists: trusted access, the delegated "+
		"administrator, permission sets and their policies, principals, memberships and assignments. Use it "+
		"as an input to order other resources after the whole setup.")
}

// NewIdentityCenterSetup registers an IdentityCenterSetup component. All input
// is checked first: bad input is an error naming the field, and nothing is
// registered.
func NewIdentityCenterSetup(ctx *pulumi.Context, name string, args IdentityCenterSetupArgs,
	opts ...pulumi.ResourceOption,
) (*IdentityCenterSetup, error) {
	// The SDK records the registering goroutine's whole stack with every
	// registration, each frame decoded and turned into a file URI
	// (Context.getStackTrace). So the assignments, tens of thousands of
	// registrations, are registered on a goroutine of their own
	// (registerAssignments), whose stack is a few frames deep whatever the
	// depth of the program that calls this constructor.
	prep, err := prepareIdentityCenter(ctx, name, args, opts)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", IdentityCenterSetupToken, name, err)
	}
	comp := &IdentityCenterSetup{}
	if err := ctx.RegisterComponentResource(IdentityCenterSetupToken, name, comp, opts...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", IdentityCenterSetupToken, name, err)
	}
	b, err := newICBuilder(ctx, comp, prep)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", IdentityCenterSetupToken, name, err)
	}
	perResource, psOpts := perResourceAssignments(args.AssignmentsMode, prep.assignments, b.assignmentOptions())
	if err := onOwnStack(func() error { return b.registerAssignments(name, prep, perResource, psOpts) }); err != nil {
		return nil, err
	}
	if err := b.assignmentSet(args.AssignmentsMode, prep); err != nil {
		return nil, fmt.Errorf("%s %q: %w", IdentityCenterSetupToken, name, err)
	}
	if err := b.outputs(comp, prep); err != nil {
		return nil, fmt.Errorf("registering the outputs of %s %q: %w", IdentityCenterSetupToken, name, err)
	}
	return comp, nil
}

// CheckIdentityCenterSetup checks args as NewIdentityCenterSetup does before
// it registers anything, without registering or looking anything up: a
// program that builds several components can check them all first, so that
// bad input in one never leaves another created. The lookups (the instance,
// OUs, existing principals, the management account) still happen in
// NewIdentityCenterSetup, before it registers anything. The error is
// NewIdentityCenterSetup's: InputErrors listing every problem.
func CheckIdentityCenterSetup(name string, args IdentityCenterSetupArgs) error {
	if _, _, errs := checkIdentityCenter(name, args); len(errs) > 0 {
		return componentError(IdentityCenterSetupToken, name, errs)
	}
	return nil
}

// checkIdentityCenter plans the component and its sso integration child,
// and returns every problem of both.
func checkIdentityCenter(name string, args IdentityCenterSetupArgs) (*icPlan, *integrationPlan, InputErrors) {
	// The integration's fields (delegatedAdminAccountId, managementAccountId)
	// are the component's own, under the same names.
	integration, errs := planOrgServiceIntegration(name+"-integration", icIntegrationArgs(args))
	plan, planErrs := planIdentityCenter(name, args)
	return plan, integration, withText(checkText(args), append(errs, planErrs...))
}

// icIntegrationArgs are the inputs of the sso integration child.
func icIntegrationArgs(args IdentityCenterSetupArgs) OrgServiceIntegrationArgs {
	// The child's disableOnDelete is always set, to what the catalog's rule
	// gives for sso (kept, unless the user asks otherwise), so that its
	// registered inputs do not depend on how the default is spelt.
	sso, _ := catalog.LookupService("sso")
	disable := sso.DisablesOnDelete(args.DisableTrustedAccessOnDelete)
	ia := OrgServiceIntegrationArgs{
		Service:                 "sso",
		DelegatedAdminAccountID: args.DelegatedAdminAccountID,
		ManagementAccountID:     args.ManagementAccountID,
		DisableOnDelete:         pulumi.BoolRef(disable),
	}
	if args.Adopt != nil && args.Adopt.DelegatedAdmin {
		ia.Adopt = &IntegrationAdoptSpec{DelegatedAdmin: true}
	}
	return ia
}
