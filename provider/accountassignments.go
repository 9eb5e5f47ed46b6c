package provider

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
)

//go:embed docs/accountassignments.md
var accountAssignmentsDoc string

// AccountAssignments is a set of IAM Identity Center account assignments of
// one instance, created, read and deleted as one resource within Identity
// Center's quotas. It is not exclusive: assignments it does not list are
// left alone, and one that already exists is adopted.
type AccountAssignments struct{}

// Assignment is one account assignment: a principal given a permission set
// in an account.
type Assignment struct {
	PermissionSetArn string `pulumi:"permissionSetArn"`
	PrincipalType    string `pulumi:"principalType"`
	PrincipalID      string `pulumi:"principalId"`
	AccountID        string `pulumi:"accountId"`
}

// AccountAssignmentsArgs are the inputs of AccountAssignments.
type AccountAssignmentsArgs struct {
	InstanceArn string                  `pulumi:"instanceArn" provider:"replaceOnChanges"`
	Assignments []Assignment            `pulumi:"assignments"`
	Governed    []GovernedPermissionSet `pulumi:"governedPermissionSets,optional"`
}

// AccountAssignmentsState is the state of AccountAssignments. Its
// assignments are those that exist and that the resource manages: after a
// partial failure, only those that succeeded.
type AccountAssignmentsState struct {
	AccountAssignmentsArgs
	IdentityStoreID string `pulumi:"identityStoreId"`
	Count           int    `pulumi:"count"`
	// UndeclaredAssignments and UndeclaredPolicies are what the last refresh
	// found on the governed permission sets beyond what the resource lists
	// (accountassignments_undeclared.go).
	UndeclaredAssignments []Assignment       `pulumi:"undeclaredAssignments"`
	UndeclaredPolicies    []UndeclaredPolicy `pulumi:"undeclaredPolicies"`
}

// Annotate documents the resource.
func (r *AccountAssignments) Annotate(a infer.Annotator) {
	a.Describe(r, accountAssignmentsDoc)
}

// Annotate documents an assignment.
func (x *Assignment) Annotate(a infer.Annotator) {
	a.Describe(x, "One IAM Identity Center account assignment: a principal given a permission set in an AWS "+
		"account.")
	a.Describe(&x.PermissionSetArn, "The ARN of the permission set, of the resource's instance, such as "+
		"`arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef`.")
	a.Describe(&x.PrincipalType, "`USER` or `GROUP`.")
	a.Describe(&x.PrincipalID, "The identity store ID of the user or group, such as "+
		"`906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e`.")
	a.Describe(&x.AccountID, "The 12-digit ID of the AWS account, a member of the organization.")
}

// Annotate documents the inputs.
func (x *AccountAssignmentsArgs) Annotate(a infer.Annotator) {
	a.Describe(&x.InstanceArn, "The ARN of the IAM Identity Center instance, such as "+
		"`arn:aws:sso:::instance/ssoins-1234567890abcdef`. Changing it replaces the resource.")
	a.Describe(&x.Assignments, "The assignments, in any order; each may appear once. Adding and removing "+
		"assignments updates the resource in place, and preview names each one.")
	a.Describe(&x.Governed, "Permission sets whose access the program declares in full: a refresh reports "+
		"their assignments and policies that AWS has beyond the declared ones (undeclaredAssignments, "+
		"undeclaredPolicies, a warning), and `exclusive` ones have those assignments removed at the next update. "+
		"Reading them costs calls per permission set, not per account.")
}

// Annotate documents the outputs.
func (x *AccountAssignmentsState) Annotate(a infer.Annotator) {
	a.Describe(&x.IdentityStoreID, "The identity store of the instance, where the principals live.")
	a.Describe(&x.Count, "The number of assignments the resource manages.")
	a.Describe(&x.UndeclaredAssignments, "The assignments of governed permission sets that AWS had at the last "+
		"refresh and the resource does not list.")
	a.Describe(&x.UndeclaredPolicies, "The policies attached to governed permission sets at the last refresh "+
		"that the resource does not list.")
}

// key identifies an assignment: AWS allows one per (permission set, principal
// type, principal, account).
func (x Assignment) key() string {
	return x.PermissionSetArn + "|" + x.PrincipalType + "|" + x.PrincipalID + "|" + x.AccountID
}

// String names the assignment in messages.
func (x Assignment) String() string {
	return fmt.Sprintf("%s %s in account %s with %s", strings.ToLower(x.PrincipalType), x.PrincipalID,
		x.AccountID, x.PermissionSetArn)
}

// sortAssignments returns the assignments sorted by key, without duplicates.
func sortAssignments(in []Assignment) []Assignment {
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b Assignment) int { return strings.Compare(a.key(), b.key()) })
	return slices.CompactFunc(out, func(a, b Assignment) bool { return a.key() == b.key() })
}

// keySet indexes assignments by key.
func keySet(in []Assignment) map[string]Assignment {
	m := make(map[string]Assignment, len(in))
	for _, a := range in {
		m[a.key()] = a
	}
	return m
}
