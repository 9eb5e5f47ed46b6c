package components

import (
	"github.com/pulumi/pulumi-go-provider/infer"
)

// The input types of IdentityCenterSetup: permission sets and their policies,
// groups, users, memberships, assignments and ABAC attributes.

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
	Existing                bool                       `pulumi:"existing,optional"`
	Exclusive               bool                       `pulumi:"exclusive,optional"`
}

// Annotate describes the type for the provider schema.
func (s *PermissionSetSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "An IAM Identity Center permission set: the role IAM Identity Center provisions in every "+
		"account it is assigned to, with its policies.")
	a.Describe(&s.Name, "The permission set's name: 1 to 32 characters of letters, digits and `+=,.@_-`. It "+
		"keys the permission set and its assignments; changing it replaces them.")
	a.Describe(&s.Description, "The permission set's description: 1 to 700 printable Latin-1 characters, tabs "+
		"and line breaks.")
	a.Describe(&s.SessionDuration, "How long a session lasts, as an ISO 8601 duration between 1 and 12 hours, "+
		"such as `PT8H` or `PT1H30M`. Defaults to `PT1H`.")
	a.Describe(&s.RelayState, "URL users land on in the AWS console after signing in, such as "+
		"`https://console.aws.amazon.com/ec2/`: an `https` URL of at most 240 characters.")
	a.Describe(&s.Tags, "Tags on the permission set: at most 75; keys of 1 to 128 characters, not starting "+
		"with `aws:`, values of at most 256, of letters, digits, spaces and `_.:/=+-@`.")
	a.Describe(&s.ManagedPolicyArns, "ARNs of AWS managed policies to attach, such as "+
		"`arn:aws:iam::aws:policy/ReadOnlyAccess`. Customer managed policies go in `customerManagedPolicies`.")
	a.Describe(&s.CustomerManagedPolicies, "Customer managed policies to attach, by name and path. A policy "+
		"with that name and path must exist in every account the permission set is assigned to.")
	a.Describe(&s.InlinePolicy, "An inline IAM policy document, as a JSON string: an object with a "+
		"`Statement`, at most 32,768 bytes and 10,240 bytes besides white space. It is checked at preview.")
	a.Describe(&s.PermissionsBoundary, "The permissions boundary of the provisioned roles: an AWS managed "+
		"policy or a customer managed policy, not both.")
	a.Describe(&s.Existing, existingPermissionSetDoc)
	a.Describe(&s.Exclusive, exclusivePermissionSetDoc)
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
	a.Describe(&g.DisplayName, "The group's display name, 1 to 1024 characters. Assignments and memberships "+
		"refer to the group by it.")
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
	a.Describe(&u.Email, "The primary work email of a user the component creates, one plain address such as "+
		"`jdoe@example.com`.")
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
	PermissionSet         string           `pulumi:"permissionSet"`
	Principals            []PrincipalRef   `pulumi:"principals"`
	AccountIDs            []string         `pulumi:"accountIds,optional"`
	OrganizationalUnitIDs []string         `pulumi:"organizationalUnitIds,optional"`
	ExcludeAccountIDs     []string         `pulumi:"excludeAccountIds,optional"`
	AccountTags           []AccountTagSpec `pulumi:"accountTags,optional"`
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
	a.Describe(&s.ExcludeAccountIDs, "12-digit IDs of accounts to leave out, applied after OU and tag expansion.")
	a.Describe(&s.AccountTags, "Target the ACTIVE accounts whose AWS Organizations tags match: each entry a key "+
		"and the values that match, several entries combined with AND. Alone or beside accountIds and "+
		"organizationalUnitIds (the targets add up; excludeAccountIds still applies). The organization's "+
		"accounts and tags are read once per component at preview (getOrganizationAccounts), so an account "+
		"tagged or untagged since is picked up by the next preview.")
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
	a.Describe(&s.Key, "The session tag key, such as `Department`: 1 to 128 letters, digits, spaces and "+
		"`_.:/=+-@`. Keys must be unique.")
	a.Describe(&s.Sources, "Where the value comes from in the identity source, such as "+
		"`${path:enterprise.department}`: exactly one source, of at most 256 characters (IAM Identity Center "+
		"takes one per attribute).")
}
