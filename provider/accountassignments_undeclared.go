package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Undeclared access: the assignments and policy attachments that a
// permission set the program manages has in AWS and the program does not
// declare (made in the console, by another tool). AccountAssignments finds
// them on refresh, for the permission sets of governedPermissionSets, with
// reads that grow with principals and permission sets, never with accounts:
//
//   - the per-principal reads it makes anyway (ListAccountAssignmentsForPrincipal
//     of each managed principal) return every assignment of those principals:
//     one of a governed permission set that the set does not list is
//     undeclared;
//   - per governed permission set, ListAccountsForProvisionedPermissionSet
//     lists the accounts it is provisioned to, which are the accounts where
//     some principal holds it: an account where the program declares none of
//     its assignments is read with ListAccountAssignments (account,
//     permission set), and every assignment there is undeclared;
//   - per governed permission set, ListManagedPoliciesInPermissionSet and
//     ListCustomerManagedPolicyReferencesInPermissionSet: a policy the
//     program does not declare is undeclared.
//
// Not found by these reads: an assignment of a principal the program does
// not declare, in an account where the program declares an assignment of
// the same permission set to someone else (finding it takes a
// ListAccountAssignments per provisioned account, per permission set). When
// the set's reads go per (account, permission set) instead (a delegated
// administrator, who may not list per principal), those are found too.

// GovernedPermissionSet is a permission set whose undeclared access the set
// reports on refresh, and, when Exclusive, removes at the next update.
type GovernedPermissionSet struct {
	PermissionSetArn        string      `pulumi:"permissionSetArn"`
	Name                    string      `pulumi:"name,optional"`
	ManagedPolicyArns       []string    `pulumi:"managedPolicyArns,optional"`
	CustomerManagedPolicies []PolicyRef `pulumi:"customerManagedPolicies,optional"`
	Exclusive               bool        `pulumi:"exclusive,optional"`
}

// PolicyRef is a customer managed policy by name and path.
type PolicyRef struct {
	Name string `pulumi:"name"`
	Path string `pulumi:"path,optional"`
}

// UndeclaredPolicy is a policy attached to a governed permission set that
// the program does not declare.
type UndeclaredPolicy struct {
	PermissionSetArn string `pulumi:"permissionSetArn"`
	// Policy is the managed policy's ARN, or the customer managed policy's
	// path and name (/teams/Boundary).
	Policy   string `pulumi:"policy"`
	Customer bool   `pulumi:"customer"`
}

// Annotate documents a governed permission set.
func (g *GovernedPermissionSet) Annotate(a infer.Annotator) {
	a.Describe(g, "A permission set whose access the program declares in full: on refresh, the assignments and "+
		"policies it has in AWS beyond those declared are reported (undeclaredAssignments, undeclaredPolicies, "+
		"and a warning).")
	a.Describe(&g.PermissionSetArn, "The permission set's ARN, of the resource's instance.")
	a.Describe(&g.Name, "The permission set's name, for messages.")
	a.Describe(&g.ManagedPolicyArns, "The AWS managed policies the program attaches to it.")
	a.Describe(&g.CustomerManagedPolicies, "The customer managed policies the program attaches to it.")
	a.Describe(&g.Exclusive, exclusiveDoc)
}

// Annotate documents a policy reference.
func (r *PolicyRef) Annotate(a infer.Annotator) {
	a.Describe(r, "A customer managed policy, by name and path.")
	a.Describe(&r.Name, "The policy's name.")
	a.Describe(&r.Path, "The policy's path; defaults to `/`.")
}

// Annotate documents an undeclared policy.
func (u *UndeclaredPolicy) Annotate(a infer.Annotator) {
	a.Describe(u, "A policy attached to a governed permission set that the program does not declare.")
	a.Describe(&u.PermissionSetArn, "The permission set's ARN.")
	a.Describe(&u.Policy, "The AWS managed policy's ARN, or the customer managed policy's path and name.")
	a.Describe(&u.Customer, "Whether it is a customer managed policy.")
}

const exclusiveDoc = "Remove, at the next update, the assignments of this permission set that AWS has and the " +
	"resource does not list, as the last refresh recorded them in undeclaredAssignments (so every preview " +
	"shows each removal first). Never removed: assignments in the organization's management account, and those " +
	"of the permission set the deploying credentials come from (an AWSReservedSSO_ role) in their account. An " +
	"assignment first found by a refresh in the same operation (`pulumi up --refresh`) is removed only by the " +
	"next update, since the engine does not tell a provider whether a preview was shown."

// ReadUndeclared returns those of managed that exist (as Existing does),
// and the undeclared assignments and policies of the governed permission
// sets.
func (c *AssignmentClient) ReadUndeclared(ctx context.Context, instanceArn string, managed []Assignment,
	governed []GovernedPermissionSet,
) ([]Assignment, []Assignment, []UndeclaredPolicy, error) {
	gov := map[string]bool{}
	for _, g := range governed {
		gov[g.PermissionSetArn] = true
	}
	var (
		present, extra []Assignment
		err            error
	)
	if len(managed) > 0 {
		present, extra, _, err = c.existingAndOthers(ctx, instanceArn, managed, gov)
		if err != nil {
			return nil, nil, nil, err
		}
	}
	if len(governed) == 0 {
		return present, nil, nil, nil
	}
	// Accounts per permission set where the set declares an assignment (read
	// per pair when the strategy went per pair) or an undeclared one is
	// already known.
	covered := map[string]bool{}
	for _, a := range managed {
		covered[a.PermissionSetArn+"|"+a.AccountID] = true
	}
	for _, a := range extra {
		covered[a.PermissionSetArn+"|"+a.AccountID] = true
	}
	found := keySet(extra)
	var policies []UndeclaredPolicy
	for _, g := range governed {
		accounts, err := c.provisionedAccounts(ctx, instanceArn, g.PermissionSetArn)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, acct := range accounts {
			if covered[g.PermissionSetArn+"|"+acct] {
				continue
			}
			list, err := c.pairAssignments(ctx, instanceArn, acct, g.PermissionSetArn)
			if err != nil {
				return nil, nil, nil, err
			}
			for _, a := range list {
				found[a.key()] = a
			}
		}
		p, err := c.undeclaredPolicies(ctx, instanceArn, g)
		if err != nil {
			return nil, nil, nil, err
		}
		policies = append(policies, p...)
	}
	out := make([]Assignment, 0, len(found))
	for _, a := range found {
		out = append(out, a)
	}
	return present, sortAssignments(out), policies, nil
}

// provisionedAccounts lists the accounts a permission set is provisioned to.
func (c *AssignmentClient) provisionedAccounts(ctx context.Context, instanceArn, psArn string) ([]string, error) {
	var out []string
	pages := ssoadmin.NewListAccountsForProvisionedPermissionSetPaginator(c.sso,
		&ssoadmin.ListAccountsForProvisionedPermissionSetInput{
			InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(psArn),
			MaxResults: aws.Int32(listPageSize),
		})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the accounts %s is provisioned to (sso:ListAccountsForProvisionedPermissionSet): %w",
				psArn, err)
		}
		out = append(out, page.AccountIds...)
	}
	return out, nil
}

// pairAssignments lists the assignments of a permission set in an account.
func (c *AssignmentClient) pairAssignments(ctx context.Context, instanceArn, account, psArn string) (
	[]Assignment, error,
) {
	var out []Assignment
	pages := ssoadmin.NewListAccountAssignmentsPaginator(c.sso, &ssoadmin.ListAccountAssignmentsInput{
		InstanceArn: aws.String(instanceArn), AccountId: aws.String(account), PermissionSetArn: aws.String(psArn),
		MaxResults: aws.Int32(listPageSize),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the assignments of account %s with %s (sso:ListAccountAssignments): %w",
				account, psArn, err)
		}
		for _, a := range page.AccountAssignments {
			out = append(out, Assignment{PermissionSetArn: aws.ToString(a.PermissionSetArn),
				PrincipalType: string(a.PrincipalType), PrincipalID: aws.ToString(a.PrincipalId),
				AccountID: aws.ToString(a.AccountId)})
		}
	}
	return out, nil
}

// undeclaredPolicies lists the governed permission set's managed and
// customer managed policies that it does not declare.
func (c *AssignmentClient) undeclaredPolicies(ctx context.Context, instanceArn string, g GovernedPermissionSet) (
	[]UndeclaredPolicy, error,
) {
	var out []UndeclaredPolicy
	managed := ssoadmin.NewListManagedPoliciesInPermissionSetPaginator(c.sso,
		&ssoadmin.ListManagedPoliciesInPermissionSetInput{
			InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(g.PermissionSetArn),
			MaxResults: aws.Int32(listPageSize),
		})
	for managed.HasMorePages() {
		page, err := managed.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the managed policies of %s (sso:ListManagedPoliciesInPermissionSet): %w",
				g.PermissionSetArn, err)
		}
		for _, p := range page.AttachedManagedPolicies {
			if arn := aws.ToString(p.Arn); !slices.Contains(g.ManagedPolicyArns, arn) {
				out = append(out, UndeclaredPolicy{PermissionSetArn: g.PermissionSetArn, Policy: arn})
			}
		}
	}
	declared := map[string]bool{}
	for _, r := range g.CustomerManagedPolicies {
		path := r.Path
		if path == "" {
			path = "/"
		}
		declared[path+r.Name] = true
	}
	customer := ssoadmin.NewListCustomerManagedPolicyReferencesInPermissionSetPaginator(c.sso,
		&ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput{
			InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(g.PermissionSetArn),
			MaxResults: aws.Int32(listPageSize),
		})
	for customer.HasMorePages() {
		page, err := customer.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the customer managed policies of %s "+
				"(sso:ListCustomerManagedPolicyReferencesInPermissionSet): %w", g.PermissionSetArn, err)
		}
		for _, r := range page.CustomerManagedPolicyReferences {
			path := aws.ToString(r.Path)
			if path == "" {
				path = "/"
			}
			if name := path + aws.ToString(r.Name); !declared[name] {
				out = append(out, UndeclaredPolicy{PermissionSetArn: g.PermissionSetArn, Policy: name, Customer: true})
			}
		}
	}
	return out, nil
}

// describeUndeclared names what a refresh found, for the warning: at most
// 20 lines, then how many more.
func describeUndeclared(names map[string]string, as []Assignment, ps []UndeclaredPolicy) string {
	name := func(arn string) string {
		if n := names[arn]; n != "" {
			return fmt.Sprintf("%q", n)
		}
		return arn
	}
	var lines []string
	for _, a := range as {
		lines = append(lines, fmt.Sprintf("permission set %s: %s %s in account %s", name(a.PermissionSetArn),
			strings.ToLower(a.PrincipalType), a.PrincipalID, a.AccountID))
	}
	for _, p := range ps {
		kind := "managed policy"
		if p.Customer {
			kind = "customer managed policy"
		}
		lines = append(lines, fmt.Sprintf("permission set %s: %s %s", name(p.PermissionSetArn), kind, p.Policy))
	}
	const most = 20
	if len(lines) > most {
		lines = append(lines[:most], fmt.Sprintf("and %d more", len(lines)-most))
	}
	return strings.Join(lines, "; ")
}
