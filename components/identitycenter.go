package components

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/identitystore"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// IdentityCenterSetupToken is the type token of the IdentityCenterSetup component.
const IdentityCenterSetupToken = PackageName + ":index:IdentityCenterSetup"

//go:embed identitycenter.md
var identityCenterDoc string

// PrincipalType says whether an assignment's principal is a group or a user.
type PrincipalType string

const (
	// PrincipalGroup is an identity-store group.
	PrincipalGroup PrincipalType = "GROUP"
	// PrincipalUser is an identity-store user.
	PrincipalUser PrincipalType = "USER"
)

// Annotate describes the enum for the provider schema.
func (t *PrincipalType) Annotate(a infer.Annotator) {
	a.Describe(t, "The type of an assignment's principal: a group or a user of the identity store.")
}

// Values lists the principal types; it makes PrincipalType an enum in the
// provider schema.
func (PrincipalType) Values() []infer.EnumValue[PrincipalType] {
	return []infer.EnumValue[PrincipalType]{
		{Name: "Group", Value: PrincipalGroup, Description: "A group of the identity store, declared in `groups`."},
		{Name: "User", Value: PrincipalUser, Description: "A user of the identity store, declared in `users`."},
	}
}

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
}

// Annotate describes the inputs for the provider schema.
func (a *IdentityCenterSetupArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.InstanceArn, "ARN of the IAM Identity Center instance, such as "+
		"`arn:aws:sso:::instance/ssoins-1234567890abcdef`. Give it together with `identityStoreId`, or "+
		"neither: then the instance is looked up (ssoadmin ListInstances) in the Region of the aws provider.")
	an.Describe(&a.AssignmentsMode, assignmentsModeDoc)
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
		"component creates one assignment per (permission set, principal, account); duplicates are merged.")
	an.Describe(&a.AccessControlAttributes, "Attributes for attribute-based access control (ABAC): each maps a "+
		"session tag key to an identity-source attribute. Empty leaves the instance's ABAC configuration "+
		"unmanaged.")
}

// PermissionSetSpec is one permission set and its policies.
type PermissionSetSpec struct {
	Name                    string                     `pulumi:"name"`
	Description             string                     `pulumi:"description,optional"`
	SessionDuration         string                     `pulumi:"sessionDuration,optional"`
	RelayState              string                     `pulumi:"relayState,optional"`
	Tags                    map[string]string          `pulumi:"tags,optional"`
	ManagedPolicyArns       []string                   `pulumi:"managedPolicyArns,optional"`
	CustomerManagedPolicies []CustomerManagedPolicyRef `pulumi:"customerManagedPolicies,optional"`
	InlinePolicy            string                     `pulumi:"inlinePolicy,optional"`
	PermissionsBoundary     *PermissionsBoundarySpec   `pulumi:"permissionsBoundary,optional"`
}

// Annotate describes the type for the provider schema.
func (s *PermissionSetSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "An IAM Identity Center permission set: the role IAM Identity Center provisions in every "+
		"account it is assigned to, with its policies.")
	a.Describe(&s.Name, "The permission set's name: 1 to 32 characters of letters, digits and `+=,.@_-`. It "+
		"keys the permission set and its assignments; changing it replaces them.")
	a.Describe(&s.Description, "The permission set's description.")
	a.Describe(&s.SessionDuration, "How long a session lasts, as an ISO 8601 duration between 1 and 12 hours, "+
		"such as `PT8H` or `PT1H30M`. Defaults to `PT1H`.")
	a.Describe(&s.RelayState, "URL users land on in the AWS console after signing in, such as "+
		"`https://console.aws.amazon.com/ec2/`.")
	a.Describe(&s.Tags, "Tags on the permission set.")
	a.Describe(&s.ManagedPolicyArns, "ARNs of AWS managed policies to attach, such as "+
		"`arn:aws:iam::aws:policy/ReadOnlyAccess`. Customer managed policies go in `customerManagedPolicies`.")
	a.Describe(&s.CustomerManagedPolicies, "Customer managed policies to attach, by name and path. A policy "+
		"with that name and path must exist in every account the permission set is assigned to.")
	a.Describe(&s.InlinePolicy, "An inline IAM policy document, as a JSON string. It is checked to be a JSON "+
		"object at preview.")
	a.Describe(&s.PermissionsBoundary, "The permissions boundary of the provisioned roles: an AWS managed "+
		"policy or a customer managed policy, not both.")
}

// CustomerManagedPolicyRef names a customer managed IAM policy by name and path.
type CustomerManagedPolicyRef struct {
	Name string `pulumi:"name"`
	Path string `pulumi:"path,optional"`
}

// Annotate describes the type for the provider schema.
func (r *CustomerManagedPolicyRef) Annotate(a infer.Annotator) {
	a.Describe(r, "A customer managed IAM policy, by name and path; it must exist in each target account.")
	a.Describe(&r.Name, "The policy's name, such as `DeveloperBoundary`.")
	a.Describe(&r.Path, "The policy's path, starting and ending with `/`, such as `/teams/`. Defaults to `/`.")
}

// PermissionsBoundarySpec is a permission set's permissions boundary: exactly
// one of ManagedPolicyArn and CustomerManagedPolicy.
type PermissionsBoundarySpec struct {
	ManagedPolicyArn      string                    `pulumi:"managedPolicyArn,optional"`
	CustomerManagedPolicy *CustomerManagedPolicyRef `pulumi:"customerManagedPolicy,optional"`
}

// Annotate describes the type for the provider schema.
func (b *PermissionsBoundarySpec) Annotate(a infer.Annotator) {
	a.Describe(b, "A permissions boundary: set exactly one of `managedPolicyArn` and `customerManagedPolicy`.")
	a.Describe(&b.ManagedPolicyArn, "ARN of the AWS managed policy to use as the boundary, such as "+
		"`arn:aws:iam::aws:policy/PowerUserAccess`.")
	a.Describe(&b.CustomerManagedPolicy, "The customer managed policy to use as the boundary, by name and path.")
}

// GroupSpec is an identity-store group: created by the component, or an
// existing one referenced by display name.
type GroupSpec struct {
	DisplayName string `pulumi:"displayName"`
	Description string `pulumi:"description,optional"`
	Existing    bool   `pulumi:"existing,optional"`
}

// Annotate describes the type for the provider schema.
func (g *GroupSpec) Annotate(a infer.Annotator) {
	a.Describe(g, "An identity-store group. By default the component creates it; with `existing: true` it "+
		"references a group that already exists (created by hand or synchronized from an external identity "+
		"provider over SCIM), looked up by display name at preview.")
	a.Describe(&g.DisplayName, "The group's display name. Assignments and memberships refer to the group by it.")
	a.Describe(&g.Description, "The description of a group the component creates; not allowed with `existing`.")
	a.Describe(&g.Existing, "Reference an existing group instead of creating one.")
}

// UserSpec is an identity-store user: created by the component, or an existing
// one referenced by user name.
type UserSpec struct {
	UserName    string `pulumi:"userName"`
	DisplayName string `pulumi:"displayName,optional"`
	GivenName   string `pulumi:"givenName,optional"`
	FamilyName  string `pulumi:"familyName,optional"`
	Email       string `pulumi:"email,optional"`
	Existing    bool   `pulumi:"existing,optional"`
}

// Annotate describes the type for the provider schema.
func (u *UserSpec) Annotate(a infer.Annotator) {
	a.Describe(u, "An identity-store user. By default the component creates it; with `existing: true` it "+
		"references a user that already exists, looked up by user name at preview. Users synchronized from "+
		"an external identity provider should be referenced, not created.")
	a.Describe(&u.UserName, "The user's unique user name. Assignments and memberships refer to the user by it.")
	a.Describe(&u.DisplayName, "The display name of a user the component creates. Defaults to "+
		"`givenName familyName`.")
	a.Describe(&u.GivenName, "The given name of a user the component creates; required when creating.")
	a.Describe(&u.FamilyName, "The family name of a user the component creates; required when creating.")
	a.Describe(&u.Email, "The primary work email of a user the component creates.")
	a.Describe(&u.Existing, "Reference an existing user instead of creating one; no other field but "+
		"`userName` may be set.")
}

// MembershipSpec makes a user a member of a group.
type MembershipSpec struct {
	Group string `pulumi:"group"`
	User  string `pulumi:"user"`
}

// Annotate describes the type for the provider schema.
func (m *MembershipSpec) Annotate(a infer.Annotator) {
	a.Describe(m, "A group membership.")
	a.Describe(&m.Group, "Display name of a group declared in `groups`.")
	a.Describe(&m.User, "User name of a user declared in `users`.")
}

// AssignmentSpec pairs a permission set with principals and target accounts.
type AssignmentSpec struct {
	PermissionSet         string         `pulumi:"permissionSet"`
	Principals            []PrincipalRef `pulumi:"principals"`
	AccountIDs            []string       `pulumi:"accountIds,optional"`
	OrganizationalUnitIDs []string       `pulumi:"organizationalUnitIds,optional"`
	ExcludeAccountIDs     []string       `pulumi:"excludeAccountIds,optional"`
}

// Annotate describes the type for the provider schema.
func (s *AssignmentSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "Account assignments of one permission set: every principal gets the permission set in "+
		"every target account.")
	a.Describe(&s.PermissionSet, "Name of a permission set declared in `permissionSets`.")
	a.Describe(&s.Principals, "The groups and users that get the permission set.")
	a.Describe(&s.AccountIDs, "12-digit IDs of target accounts.")
	a.Describe(&s.OrganizationalUnitIDs, "IDs of target OUs (`ou-...`), or of the root (`r-...`). Each expands "+
		"to every ACTIVE account anywhere below it, with one lookup per distinct OU across all assignments; "+
		"the set is re-read on every preview, so accounts moved in or out are picked up.")
	a.Describe(&s.ExcludeAccountIDs, "12-digit IDs of accounts to leave out, applied after OU expansion.")
}

// PrincipalRef names a group or user declared in the component.
type PrincipalRef struct {
	Type PrincipalType `pulumi:"type"`
	Name string        `pulumi:"name"`
}

// Annotate describes the type for the provider schema.
func (p *PrincipalRef) Annotate(a infer.Annotator) {
	a.Describe(p, "A principal of an assignment: a group or a user declared in the component.")
	a.Describe(&p.Type, "`GROUP` or `USER`.")
	a.Describe(&p.Name, "The group's display name or the user's user name, as declared in `groups` or `users`.")
}

// AccessControlAttributeSpec maps an ABAC session tag key to identity-source
// attributes.
type AccessControlAttributeSpec struct {
	Key     string   `pulumi:"key"`
	Sources []string `pulumi:"sources"`
}

// Annotate describes the type for the provider schema.
func (s *AccessControlAttributeSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "An attribute for attribute-based access control: passed as a session tag on sign-in.")
	a.Describe(&s.Key, "The session tag key, such as `Department`. Keys must be unique.")
	a.Describe(&s.Sources, "Where the value comes from in the identity source, such as "+
		"`${path:enterprise.department}`.")
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
	// The SDK records the caller's stack at every registration, and the
	// runtime decodes each frame's position by walking its function's tables
	// from the entry. So the assignments, tens of thousands of registrations,
	// are registered here, with no helper frame in between, and this function
	// stays short: every other step is its own function
	// (BenchmarkIdentityCenterSetup10k measures it).
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
	groupType, userType := pulumi.String(PrincipalGroup), pulumi.String(PrincipalUser)
	accountTarget := pulumi.String("AWS_ACCOUNT")
	for _, a := range perResource {
		ps, p := &prep.plan.permissionSets[a.ps], &prep.plan.principals[a.principal]
		ptype := groupType
		if p.typ == PrincipalUser {
			ptype = userType
		}
		res, err := ssoadmin.NewAccountAssignment(ctx, a.name, &ssoadmin.AccountAssignmentArgs{
			InstanceArn:      b.instanceArn,
			PermissionSetArn: ps.arn,
			PrincipalId:      p.idInput,
			PrincipalType:    ptype,
			TargetId:         pulumi.String(a.account),
			TargetType:       accountTarget,
		}, psOpts[a.ps]...)
		if err != nil {
			return nil, fmt.Errorf("%s %q: registering the assignment of %q to %s %q in account %s: %w",
				IdentityCenterSetupToken, name, ps.spec.Name, strings.ToLower(string(p.typ)), p.name, a.account, err)
		}
		b.add(res)
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
// NewIdentityCenterSetup, before it registers anything.
func CheckIdentityCenterSetup(name string, args IdentityCenterSetupArgs) error {
	if _, err := planIdentityCenter(name, args); err != nil {
		return fmt.Errorf("%s %q: %w", IdentityCenterSetupToken, name, err)
	}
	if _, err := planOrgServiceIntegration(name+"-integration", icIntegrationArgs(args)); err != nil {
		return fmt.Errorf("%s %q: %w", IdentityCenterSetupToken, name, err)
	}
	return nil
}

// icIntegrationArgs are the inputs of the sso integration child.
func icIntegrationArgs(args IdentityCenterSetupArgs) OrgServiceIntegrationArgs {
	disable := args.DisableTrustedAccessOnDelete != nil && *args.DisableTrustedAccessOnDelete
	return OrgServiceIntegrationArgs{
		Service:                 "sso",
		DelegatedAdminAccountID: args.DelegatedAdminAccountID,
		ManagementAccountID:     args.ManagementAccountID,
		DisableOnDelete:         pulumi.BoolRef(disable),
	}
}

// icPrepared is an IdentityCenterSetup checked and looked up, ready to
// register.
type icPrepared struct {
	plan                 *icPlan
	instanceArn, storeID string
	assignments          []icAssignment
	integrationArgs      OrgServiceIntegrationArgs
}

// prepareIdentityCenter checks all input and makes every lookup, through the
// component's aws provider, so that bad input, a missing instance, OU or
// principal, or a management account given as delegated administrator fails
// before anything is registered.
func prepareIdentityCenter(ctx *pulumi.Context, name string, args IdentityCenterSetupArgs,
	opts []pulumi.ResourceOption,
) (*icPrepared, error) {
	plan, err := planIdentityCenter(name, args)
	if err != nil {
		return nil, err
	}
	lookup, err := awsInvokeOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("reading the resource options: %w", err)
	}
	instanceArn, storeID, err := lookupIdentityCenterInstance(ctx, plan, lookup)
	if err != nil {
		return nil, err
	}
	ouAccounts, err := lookupOUAccounts(ctx, plan.ous, lookup)
	if err != nil {
		return nil, err
	}
	if err := lookupExistingPrincipals(ctx, plan, storeID, lookup); err != nil {
		return nil, err
	}

	integrationArgs := icIntegrationArgs(args)
	integrationPlan, err := planOrgServiceIntegration(name+"-integration", integrationArgs)
	if err != nil {
		return nil, err
	}
	if integrationPlan.needsManagementLookup() {
		mgmt, err := lookupManagementAccount(ctx, opts)
		if err != nil {
			return nil, err
		}
		if err := integrationPlan.checkManagementAccount(mgmt, "read from the organization"); err != nil {
			return nil, err
		}
		integrationArgs.ManagementAccountID = mgmt
	}
	return &icPrepared{
		plan: plan, instanceArn: instanceArn, storeID: storeID,
		assignments: plan.expand(ouAccounts), integrationArgs: integrationArgs,
	}, nil
}

// newICBuilder registers everything but the assignments: the integration
// first, then the permission sets and their policies, the principals, the
// memberships and the access control attributes.
func newICBuilder(ctx *pulumi.Context, comp *IdentityCenterSetup, prep *icPrepared) (*icBuilder, error) {
	parent := pulumi.Parent(comp)
	name := prep.plan.name
	integration, err := NewOrgServiceIntegration(ctx, name+"-integration", prep.integrationArgs, parent)
	if err != nil {
		return nil, err
	}
	comp.Integration = integration
	b := &icBuilder{
		ctx: ctx, plan: prep.plan, parent: parent,
		// Trusted access and the delegated administrator carry no data the
		// children need, but must exist before them and outlive them.
		afterIntegration: integration.DependsOn(),
		instanceArn:      pulumi.String(prep.instanceArn), storeID: pulumi.String(prep.storeID),
		ready: make([]interface{}, 0, len(prep.assignments)+len(prep.plan.permissionSets)*4+8),
	}
	b.ready = append(b.ready, integration.Ready)
	b.children = append(b.children, integration.orgWrites...)
	if err := b.permissionSets(); err != nil {
		return nil, err
	}
	if err := b.principals(); err != nil {
		return nil, err
	}
	if err := b.memberships(); err != nil {
		return nil, err
	}
	if err := b.accessControlAttributes(); err != nil {
		return nil, err
	}
	return b, nil
}

// outputs sets and registers the component's outputs.
func (b *icBuilder) outputs(comp *IdentityCenterSetup, prep *icPrepared) error {
	instanceArn := prep.instanceArn
	comp.InstanceArn = pulumi.String(instanceArn).ToStringOutput()
	comp.IdentityStoreID = pulumi.String(prep.storeID).ToStringOutput()
	comp.PermissionSetArns = b.psArns.ToStringMapOutput()
	comp.GroupIDs = b.groupIDs.ToStringMapOutput()
	comp.UserIDs = b.userIDs.ToStringMapOutput()
	comp.AssignmentCount = pulumi.Int(len(prep.assignments)).ToIntOutput()
	comp.children = b.children
	comp.Ready = pulumi.All(b.ready...).ApplyT(func([]interface{}) string { return instanceArn }).(pulumi.StringOutput)
	// Ready is left out of the state the component records: its value is
	// instanceArn, recorded here, and recording it would make the Go SDK
	// await, collect and sort the URN of every child, each assignment
	// included, only to discard them (about 3% of the component's cost at
	// 10,000 assignments). Ready itself still resolves once every child
	// exists and carries every child as a dependency
	// (TestDependsOnAndReadyCoverEveryChild), and a program in another
	// language still gets it in the construct result.
	return b.ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"instanceArn":       comp.InstanceArn,
		"identityStoreId":   comp.IdentityStoreID,
		"permissionSetArns": comp.PermissionSetArns,
		"groupIds":          comp.GroupIDs,
		"userIds":           comp.UserIDs,
		"assignmentCount":   comp.AssignmentCount,
	})
}

// lookupIdentityCenterInstance returns the instance given in the plan, or the
// one ssoadmin ListInstances finds in the aws provider's Region.
func lookupIdentityCenterInstance(ctx *pulumi.Context, plan *icPlan, lookup []pulumi.InvokeOption,
) (string, string, error) {
	if plan.instanceArn != "" {
		return plan.instanceArn, plan.identityStoreID, nil
	}
	res, err := ssoadmin.GetInstances(ctx, lookup...)
	if err != nil {
		return "", "", fmt.Errorf("looking up the IAM Identity Center instance (instanceArn is not set): %w; "+
			"pass instanceArn and identityStoreId to skip the lookup", err)
	}
	switch {
	case len(res.Arns) == 0:
		region := "the aws provider's Region"
		if r, err := aws.GetRegion(ctx, nil, lookup...); err == nil && r.Name != "" {
			region = "Region " + r.Name
		}
		return "", "", fmt.Errorf("IAM Identity Center is not enabled in %s: ssoadmin ListInstances found no "+
			"instance. Enable it once from the management account in the IAM Identity Center console "+
			"(choose Enable; that creates the organization instance and turns on trusted access for "+
			"sso.amazonaws.com), or point the aws provider at the Region where it is enabled, or pass "+
			"instanceArn and identityStoreId", region)
	case len(res.Arns) > 1:
		return "", "", fmt.Errorf("found %d IAM Identity Center instances (%s); pass instanceArn and "+
			"identityStoreId to choose one", len(res.Arns), strings.Join(res.Arns, ", "))
	case len(res.IdentityStoreIds) != 1:
		return "", "", fmt.Errorf("the IAM Identity Center instance %s has %d identity stores in the lookup "+
			"result; pass instanceArn and identityStoreId", res.Arns[0], len(res.IdentityStoreIds))
	}
	return res.Arns[0], res.IdentityStoreIds[0], nil
}

// lookupOUAccounts expands each distinct OU to its ACTIVE descendant accounts,
// with exactly one lookup per OU.
func lookupOUAccounts(ctx *pulumi.Context, ous []string, lookup []pulumi.InvokeOption,
) (map[string][]string, error) {
	out := make(map[string][]string, len(ous))
	for _, ou := range ous {
		res, err := organizations.GetOrganizationalUnitDescendantAccounts(ctx,
			&organizations.GetOrganizationalUnitDescendantAccountsArgs{ParentId: ou}, lookup...)
		if err != nil {
			return nil, fmt.Errorf("listing the accounts below %s: %w; check that the OU exists and that the "+
				"aws provider's credentials may call organizations:ListOrganizationalUnitsForParent and "+
				"organizations:ListAccountsForParent", ou, err)
		}
		accounts := make([]string, 0, len(res.Accounts))
		for _, acct := range res.Accounts {
			if acct.Status == "ACTIVE" {
				accounts = append(accounts, acct.Id)
			}
		}
		out[ou] = accounts
	}
	return out, nil
}

// lookupExistingPrincipals finds the identity-store IDs of the groups and
// users marked existing.
func lookupExistingPrincipals(ctx *pulumi.Context, plan *icPlan, storeID string,
	lookup []pulumi.InvokeOption,
) error {
	for i := range plan.principals {
		p := &plan.principals[i]
		if !p.existing {
			continue
		}
		switch p.typ {
		case PrincipalGroup:
			res, err := identitystore.LookupGroup(ctx, &identitystore.LookupGroupArgs{
				IdentityStoreId: storeID,
				AlternateIdentifier: &identitystore.GetGroupAlternateIdentifier{
					UniqueAttribute: &identitystore.GetGroupAlternateIdentifierUniqueAttribute{
						AttributePath: "DisplayName", AttributeValue: p.name,
					},
				},
			}, lookup...)
			if err != nil {
				return fmt.Errorf("%s: looking up the existing group %q in identity store %s: %w; fix the "+
					"display name, or drop `existing` to create the group", p.field, p.name, storeID, err)
			}
			p.id = res.GroupId
		case PrincipalUser:
			res, err := identitystore.LookupUser(ctx, &identitystore.LookupUserArgs{
				IdentityStoreId: storeID,
				AlternateIdentifier: &identitystore.GetUserAlternateIdentifier{
					UniqueAttribute: &identitystore.GetUserAlternateIdentifierUniqueAttribute{
						AttributePath: "UserName", AttributeValue: p.name,
					},
				},
			}, lookup...)
			if err != nil {
				return fmt.Errorf("%s: looking up the existing user %q in identity store %s: %w; fix the "+
					"user name, or drop `existing` to create the user", p.field, p.name, storeID, err)
			}
			p.id = res.UserId
		}
	}
	return nil
}

// icBuilder registers the children from a validated plan.
type icBuilder struct {
	ctx              *pulumi.Context
	plan             *icPlan
	parent           pulumi.ResourceOption
	afterIntegration pulumi.ResourceOption
	instanceArn      pulumi.String
	storeID          pulumi.String

	psArns   pulumi.StringMap
	groupIDs pulumi.StringMap
	userIDs  pulumi.StringMap
	// ready collects the IDs of every child, for the Ready output.
	ready []interface{}
	// children are the custom resources the component registered, for
	// IdentityCenterSetup.DependsOn.
	children []pulumi.Resource
}

// add records a child for the Ready output and for DependsOn.
func (b *icBuilder) add(r pulumi.CustomResource) {
	b.ready = append(b.ready, r.ID())
	b.children = append(b.children, r)
}

func (b *icBuilder) permissionSets() error {
	b.psArns = make(pulumi.StringMap, len(b.plan.permissionSets))
	for i := range b.plan.permissionSets {
		ps := &b.plan.permissionSets[i]
		s := ps.spec
		psArgs := &ssoadmin.PermissionSetArgs{
			InstanceArn: b.instanceArn,
			Name:        pulumi.String(s.Name),
		}
		if s.Description != "" {
			psArgs.Description = pulumi.String(s.Description)
		}
		if s.SessionDuration != "" {
			psArgs.SessionDuration = pulumi.String(s.SessionDuration)
		}
		if s.RelayState != "" {
			psArgs.RelayState = pulumi.String(s.RelayState)
		}
		if len(s.Tags) > 0 {
			psArgs.Tags = pulumi.ToStringMap(s.Tags)
		}
		res, err := ssoadmin.NewPermissionSet(b.ctx, ps.resName, psArgs, b.parent, b.afterIntegration)
		if err != nil {
			return fmt.Errorf("registering permission set %q: %w", s.Name, err)
		}
		ps.arn = res.Arn
		b.psArns[s.Name] = res.Arn
		b.add(res)

		// Each policy is its own child, keyed by the policy, so changing one
		// policy touches only its attachment. They take the permission set's
		// ARN, which orders them after it and deletes them before it.
		for _, m := range ps.managed {
			att, err := ssoadmin.NewManagedPolicyAttachment(b.ctx, m.resName, &ssoadmin.ManagedPolicyAttachmentArgs{
				InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, ManagedPolicyArn: pulumi.String(m.arn),
			}, b.parent)
			if err != nil {
				return fmt.Errorf("registering managed policy %s of permission set %q: %w", m.arn, s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		for _, c := range ps.customer {
			att, err := ssoadmin.NewCustomerManagedPolicyAttachment(b.ctx, c.resName,
				&ssoadmin.CustomerManagedPolicyAttachmentArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn,
					CustomerManagedPolicyReference: ssoadmin.CustomerManagedPolicyAttachmentCustomerManagedPolicyReferenceArgs{
						Name: pulumi.String(c.ref.Name), Path: pulumi.String(c.ref.Path),
					},
				}, b.parent)
			if err != nil {
				return fmt.Errorf("registering customer managed policy %s%s of permission set %q: %w",
					c.ref.Path, c.ref.Name, s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		if s.InlinePolicy != "" {
			att, err := ssoadmin.NewPermissionSetInlinePolicy(b.ctx, ps.resName+"-inline",
				&ssoadmin.PermissionSetInlinePolicyArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, InlinePolicy: pulumi.String(s.InlinePolicy),
				}, b.parent)
			if err != nil {
				return fmt.Errorf("registering the inline policy of permission set %q: %w", s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		if pb := s.PermissionsBoundary; pb != nil {
			boundary := ssoadmin.PermissionsBoundaryAttachmentPermissionsBoundaryArgs{}
			if pb.ManagedPolicyArn != "" {
				boundary.ManagedPolicyArn = pulumi.String(pb.ManagedPolicyArn)
			} else {
				boundary.CustomerManagedPolicyReference = ssoadmin.PermissionsBoundaryAttachmentPermissionsBoundaryCustomerManagedPolicyReferenceArgs{
					Name: pulumi.String(pb.CustomerManagedPolicy.Name), Path: pulumi.String(pb.CustomerManagedPolicy.Path),
				}
			}
			att, err := ssoadmin.NewPermissionsBoundaryAttachment(b.ctx, ps.resName+"-boundary",
				&ssoadmin.PermissionsBoundaryAttachmentArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, PermissionsBoundary: boundary,
				}, b.parent)
			if err != nil {
				return fmt.Errorf("registering the permissions boundary of permission set %q: %w", s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		for _, att := range ps.attachments {
			b.add(att.(pulumi.CustomResource))
		}
	}
	return nil
}

func (b *icBuilder) principals() error {
	b.groupIDs = pulumi.StringMap{}
	b.userIDs = pulumi.StringMap{}
	for i := range b.plan.principals {
		p := &b.plan.principals[i]
		if p.existing {
			p.idInput = pulumi.String(p.id)
		} else {
			switch p.typ {
			case PrincipalGroup:
				gArgs := &identitystore.GroupArgs{IdentityStoreId: b.storeID, DisplayName: pulumi.String(p.name)}
				if p.group.Description != "" {
					gArgs.Description = pulumi.String(p.group.Description)
				}
				g, err := identitystore.NewGroup(b.ctx, p.resName, gArgs, b.parent, b.afterIntegration)
				if err != nil {
					return fmt.Errorf("registering group %q: %w", p.name, err)
				}
				p.idInput = g.GroupId
				b.add(g)
			case PrincipalUser:
				u := p.user
				uArgs := &identitystore.UserArgs{
					IdentityStoreId: b.storeID,
					UserName:        pulumi.String(u.UserName),
					DisplayName:     pulumi.String(u.DisplayName),
					Name: identitystore.UserNameArgs{
						GivenName: pulumi.String(u.GivenName), FamilyName: pulumi.String(u.FamilyName),
					},
				}
				if u.Email != "" {
					uArgs.Emails = identitystore.UserEmailsArgs{
						Value: pulumi.String(u.Email), Primary: pulumi.Bool(true), Type: pulumi.String("work"),
					}
				}
				res, err := identitystore.NewUser(b.ctx, p.resName, uArgs, b.parent, b.afterIntegration)
				if err != nil {
					return fmt.Errorf("registering user %q: %w", p.name, err)
				}
				p.idInput = res.UserId
				b.add(res)
			}
		}
		if p.typ == PrincipalGroup {
			b.groupIDs[p.name] = p.idInput
		} else {
			b.userIDs[p.name] = p.idInput
		}
	}
	return nil
}

func (b *icBuilder) memberships() error {
	for _, m := range b.plan.memberships {
		g, u := &b.plan.principals[m.group], &b.plan.principals[m.user]
		opts := []pulumi.ResourceOption{b.parent}
		if g.existing && u.existing {
			// Two existing principals carry no data from the integration;
			// keep the rule that every child comes after it.
			opts = append(opts, b.afterIntegration)
		}
		res, err := identitystore.NewGroupMembership(b.ctx, m.resName, &identitystore.GroupMembershipArgs{
			IdentityStoreId: b.storeID, GroupId: g.idInput, MemberId: u.idInput,
		}, opts...)
		if err != nil {
			return fmt.Errorf("registering the membership of %q in %q: %w", u.name, g.name, err)
		}
		b.add(res)
	}
	return nil
}

func (b *icBuilder) accessControlAttributes() error {
	if len(b.plan.abac) == 0 {
		return nil
	}
	attrs := make(ssoadmin.InstanceAccessControlAttributesAttributeArray, 0, len(b.plan.abac))
	for _, a := range b.plan.abac {
		attrs = append(attrs, ssoadmin.InstanceAccessControlAttributesAttributeArgs{
			Key: pulumi.String(a.Key),
			Values: ssoadmin.InstanceAccessControlAttributesAttributeValueArray{
				ssoadmin.InstanceAccessControlAttributesAttributeValueArgs{Sources: pulumi.ToStringArray(a.Sources)},
			},
		})
	}
	res, err := ssoadmin.NewInstanceAccessControlAttributes(b.ctx, b.plan.name+"-abac",
		&ssoadmin.InstanceAccessControlAttributesArgs{InstanceArn: b.instanceArn, Attributes: attrs},
		b.parent, b.afterIntegration)
	if err != nil {
		return fmt.Errorf("registering the access control attributes: %w", err)
	}
	b.add(res)
	return nil
}

// assignmentOptions returns, per permission set, the options its assignments
// share: the component as parent and, when it has policies, a dependency on
// them.
func (b *icBuilder) assignmentOptions() [][]pulumi.ResourceOption {
	psOpts := make([][]pulumi.ResourceOption, len(b.plan.permissionSets))
	for i := range b.plan.permissionSets {
		psOpts[i] = []pulumi.ResourceOption{b.parent}
		if atts := b.plan.permissionSets[i].attachments; len(atts) > 0 {
			// The policies carry no data the assignment needs, but the role
			// should be provisioned with them, and provisioning the same
			// permission set concurrently fails with ConflictException.
			psOpts[i] = append(psOpts[i], pulumi.DependsOn(atts))
		}
	}
	return psOpts
}
