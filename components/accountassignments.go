package components

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// AccountAssignments is the Go client of orgtrust:index:AccountAssignments:
// a set of account assignments of one Identity Center instance, created,
// refreshed and deleted as one resource within Identity Center's quotas (20
// requests per second, 10 outstanding operations). It adopts assignments that
// exist and never deletes one it does not list.
type AccountAssignments struct {
	pulumi.CustomResourceState

	// InstanceArn is the Identity Center instance.
	InstanceArn pulumi.StringOutput `pulumi:"instanceArn"`
	// IdentityStoreID is the identity store of the instance.
	IdentityStoreID pulumi.StringOutput `pulumi:"identityStoreId"`
	// Count is the number of assignments the resource manages.
	Count pulumi.IntOutput `pulumi:"count"`
	// UndeclaredAssignments are the assignments of governed permission sets
	// that the last refresh found and the set does not list.
	UndeclaredAssignments pulumi.MapArrayOutput `pulumi:"undeclaredAssignments"`
	// UndeclaredPolicies are the undeclared policies of governed permission
	// sets the last refresh found.
	UndeclaredPolicies pulumi.MapArrayOutput `pulumi:"undeclaredPolicies"`
}

// AccountAssignment is one assignment of an AccountAssignments set. The
// permission set is an input, so that the set is created after the
// permission sets it uses and deleted before them.
type AccountAssignment struct {
	PermissionSetArn pulumi.StringInput
	// PrincipalType is USER or GROUP.
	PrincipalType string
	PrincipalID   pulumi.StringInput
	AccountID     string
}

// AccountAssignmentsArgs are the inputs of AccountAssignments.
type AccountAssignmentsArgs struct {
	InstanceArn pulumi.StringInput
	Assignments []AccountAssignment
	// Governed are the permission sets whose undeclared access the set
	// reports on refresh (and removes, when Exclusive).
	Governed []GovernedPermissionSet
}

// GovernedPermissionSet is a permission set the program declares in full.
type GovernedPermissionSet struct {
	PermissionSetArn        pulumi.StringInput
	Name                    string
	ManagedPolicyArns       []string
	CustomerManagedPolicies []CustomerManagedPolicyRef
	Exclusive               bool
}

// NewAccountAssignments registers an AccountAssignments resource. The
// provider checks the inputs at preview (formats, permission sets of the
// instance, accounts of the organization, principals of the identity store).
func NewAccountAssignments(ctx *pulumi.Context, name string, args AccountAssignmentsArgs,
	opts ...pulumi.ResourceOption,
) (*AccountAssignments, error) {
	if args.InstanceArn == nil {
		return nil, fmt.Errorf("%s %q: instanceArn is required; give the ARN of the IAM Identity Center "+
			"instance", AccountAssignmentsToken, name)
	}
	list := make(pulumi.Array, 0, len(args.Assignments))
	for i, a := range args.Assignments {
		if a.PermissionSetArn == nil || a.PrincipalID == nil {
			return nil, fmt.Errorf("%s %q: assignments[%d] needs permissionSetArn and principalId",
				AccountAssignmentsToken, name, i)
		}
		list = append(list, pulumi.Map{
			"permissionSetArn": a.PermissionSetArn,
			"principalType":    pulumi.String(a.PrincipalType),
			"principalId":      a.PrincipalID,
			"accountId":        pulumi.String(a.AccountID),
		})
	}
	props := pulumi.Map{"instanceArn": args.InstanceArn, "assignments": list}
	if len(args.Governed) > 0 {
		governed := make(pulumi.Array, 0, len(args.Governed))
		for _, g := range args.Governed {
			customer := make(pulumi.Array, 0, len(g.CustomerManagedPolicies))
			for _, r := range g.CustomerManagedPolicies {
				customer = append(customer, pulumi.Map{"name": pulumi.String(r.Name), "path": pulumi.String(r.Path)})
			}
			governed = append(governed, pulumi.Map{
				"permissionSetArn": g.PermissionSetArn, "name": pulumi.String(g.Name),
				"managedPolicyArns": pulumi.ToStringArray(g.ManagedPolicyArns), "customerManagedPolicies": customer,
				"exclusive": pulumi.Bool(g.Exclusive),
			})
		}
		props["governedPermissionSets"] = governed
	}
	var res AccountAssignments
	if err := ctx.RegisterResource(AccountAssignmentsToken, name, props, &res, withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", AccountAssignmentsToken, name, err)
	}
	return &res, nil
}
