package discover

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
)

// pageSize is the MaxResults of the Identity Center list calls: the largest
// that ListPermissionSets, ListAccountAssignmentsForPrincipal, ListGroups and
// ListUsers accept.
const pageSize = 100

// readIdentityCenter reads the instance's permission sets with their
// policies, the identity store's groups and users, every account
// assignment, and the attributes for access control.
//
// The assignments are read per principal (ListAccountAssignmentsForPrincipal),
// which answers every assignment of a group or user, any account and
// permission set, in pages of 100. The alternatives cost calls per
// (permission set, account): ListAccountsForProvisionedPermissionSet then
// ListAccountAssignments per provisioned account, or
// ListPermissionSetsProvisionedToAccount per account then ListAccountAssignments
// per pair. For 2,000 accounts, 1,500 permission sets and 50,000 assignments
// those need a call per provisioned pair, up to 50,000, while per principal
// it is one call per principal plus one per extra page (make bench measures
// it). Every call of both clients waits for the shared rate limiter, within
// Identity Center's collective 20 requests per second.
func (d *discoverer) readIdentityCenter(ctx context.Context) error {
	ic := d.inv.IdentityCenter
	var arns []string
	psPages := ssoadmin.NewListPermissionSetsPaginator(d.c.sso, &ssoadmin.ListPermissionSetsInput{
		InstanceArn: aws.String(ic.InstanceArn), MaxResults: aws.Int32(pageSize),
	})
	for psPages.HasMorePages() {
		page, err := psPages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing permission sets (sso:ListPermissionSets): %w", err)
		}
		arns = append(arns, page.PermissionSets...)
	}
	slices.Sort(arns)
	for i, arn := range arns {
		ps, err := d.readPermissionSet(ctx, ic.InstanceArn, arn)
		if err != nil {
			return err
		}
		ic.PermissionSets = append(ic.PermissionSets, ps)
		if (i+1)%100 == 0 || i+1 == len(arns) {
			d.progress("identity center: %d/%d permission sets", i+1, len(arns))
		}
	}
	slices.SortFunc(ic.PermissionSets, func(a, b PermissionSet) int { return strings.Compare(a.Name, b.Name) })

	if err := d.readPrincipals(ctx, ic); err != nil {
		return err
	}
	if err := d.readAssignments(ctx, ic); err != nil {
		return err
	}
	if err := d.readMemberships(ctx, ic); err != nil {
		return err
	}
	if err := d.readAccountTags(ctx, ic); err != nil {
		return err
	}
	return d.readAccessControlAttributes(ctx, ic)
}

// readIdentityCenterInstance finds the organization's IAM Identity Center
// instance, or fails with an input error when there is none.
func (d *discoverer) readIdentityCenterInstance(ctx context.Context) error {
	out, err := d.c.sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	if err != nil {
		return fmt.Errorf("listing IAM Identity Center instances (sso:ListInstances): %w", err)
	}
	var inst *ssotypes.InstanceMetadata
	for i := range out.Instances {
		in := &out.Instances[i]
		if owner := aws.ToString(in.OwnerAccountId); owner == "" || owner == d.inv.Organization.ManagementAccountID {
			if inst == nil || aws.ToString(in.InstanceArn) < aws.ToString(inst.InstanceArn) {
				inst = in
			}
		}
	}
	if inst == nil {
		return inputError("IAM Identity Center is not enabled in %s: sso:ListInstances found no "+
			"organization instance. Enable it in the IAM Identity Center console of the management account, set "+
			"AWS_REGION to the Region where it is enabled, or leave sso out of --services", d.inv.Region)
	}
	d.inv.IdentityCenter = &IdentityCenter{
		InstanceArn: aws.ToString(inst.InstanceArn), IdentityStoreID: aws.ToString(inst.IdentityStoreId),
		Groups: map[string]string{}, Users: map[string]string{},
	}
	return nil
}

// readPermissionSet reads one permission set and its policies: six calls,
// and one more per extra page of tags or policies.
func (d *discoverer) readPermissionSet(ctx context.Context, instanceArn, arn string) (PermissionSet, error) {
	wrap := func(action string, err error) error {
		return fmt.Errorf("reading permission set %s (%s): %w", arn, action, err)
	}
	i, a := aws.String(instanceArn), aws.String(arn)
	desc, err := d.c.sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{InstanceArn: i, PermissionSetArn: a})
	if err != nil {
		return PermissionSet{}, wrap("sso:DescribePermissionSet", err)
	}
	p := desc.PermissionSet
	ps := PermissionSet{
		Arn: arn, Name: aws.ToString(p.Name), Description: aws.ToString(p.Description),
		SessionDuration: aws.ToString(p.SessionDuration), RelayState: aws.ToString(p.RelayState),
	}
	tags := ssoadmin.NewListTagsForResourcePaginator(d.c.sso, &ssoadmin.ListTagsForResourceInput{
		InstanceArn: i, ResourceArn: a,
	})
	for tags.HasMorePages() {
		page, err := tags.NextPage(ctx)
		if err != nil {
			return PermissionSet{}, wrap("sso:ListTagsForResource", err)
		}
		for _, t := range page.Tags {
			if ps.Tags == nil {
				ps.Tags = map[string]string{}
			}
			ps.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		}
	}
	managed := ssoadmin.NewListManagedPoliciesInPermissionSetPaginator(d.c.sso,
		&ssoadmin.ListManagedPoliciesInPermissionSetInput{InstanceArn: i, PermissionSetArn: a, MaxResults: aws.Int32(pageSize)})
	for managed.HasMorePages() {
		page, err := managed.NextPage(ctx)
		if err != nil {
			return PermissionSet{}, wrap("sso:ListManagedPoliciesInPermissionSet", err)
		}
		for _, m := range page.AttachedManagedPolicies {
			ps.ManagedPolicies = append(ps.ManagedPolicies, aws.ToString(m.Arn))
		}
	}
	slices.Sort(ps.ManagedPolicies)
	customer := ssoadmin.NewListCustomerManagedPolicyReferencesInPermissionSetPaginator(d.c.sso,
		&ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput{
			InstanceArn: i, PermissionSetArn: a, MaxResults: aws.Int32(pageSize),
		})
	for customer.HasMorePages() {
		page, err := customer.NextPage(ctx)
		if err != nil {
			return PermissionSet{}, wrap("sso:ListCustomerManagedPolicyReferencesInPermissionSet", err)
		}
		for _, c := range page.CustomerManagedPolicyReferences {
			ps.CustomerManagedPolicies = append(ps.CustomerManagedPolicies,
				PolicyRef{Name: aws.ToString(c.Name), Path: pathOr(aws.ToString(c.Path))})
		}
	}
	slices.SortFunc(ps.CustomerManagedPolicies, func(x, y PolicyRef) int {
		return strings.Compare(x.Path+x.Name, y.Path+y.Name)
	})
	inline, err := d.c.sso.GetInlinePolicyForPermissionSet(ctx, &ssoadmin.GetInlinePolicyForPermissionSetInput{
		InstanceArn: i, PermissionSetArn: a,
	})
	if err != nil {
		return PermissionSet{}, wrap("sso:GetInlinePolicyForPermissionSet", err)
	}
	ps.InlinePolicy = aws.ToString(inline.InlinePolicy)
	boundary, err := d.c.sso.GetPermissionsBoundaryForPermissionSet(ctx,
		&ssoadmin.GetPermissionsBoundaryForPermissionSetInput{InstanceArn: i, PermissionSetArn: a})
	var notFound *ssotypes.ResourceNotFoundException
	switch {
	case errors.As(err, &notFound):
		// No boundary: AWS answers ResourceNotFoundException.
	case err != nil:
		return PermissionSet{}, wrap("sso:GetPermissionsBoundaryForPermissionSet", err)
	case boundary.PermissionsBoundary != nil:
		b := boundary.PermissionsBoundary
		switch {
		case b.ManagedPolicyArn != nil:
			ps.Boundary = &Boundary{ManagedPolicyArn: aws.ToString(b.ManagedPolicyArn)}
		case b.CustomerManagedPolicyReference != nil:
			ps.Boundary = &Boundary{Customer: &PolicyRef{
				Name: aws.ToString(b.CustomerManagedPolicyReference.Name),
				Path: pathOr(aws.ToString(b.CustomerManagedPolicyReference.Path)),
			}}
		}
	}
	return ps, nil
}

// pathOr is an IAM path, "/" when empty.
func pathOr(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// readPrincipals lists the identity store's groups and users.
func (d *discoverer) readPrincipals(ctx context.Context, ic *IdentityCenter) error {
	groups := identitystore.NewListGroupsPaginator(d.c.ids, &identitystore.ListGroupsInput{
		IdentityStoreId: aws.String(ic.IdentityStoreID), MaxResults: aws.Int32(pageSize),
	})
	for groups.HasMorePages() {
		page, err := groups.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing the groups of identity store %s (identitystore:ListGroups): %w",
				ic.IdentityStoreID, err)
		}
		for _, g := range page.Groups {
			ic.Groups[aws.ToString(g.GroupId)] = aws.ToString(g.DisplayName)
		}
	}
	users := identitystore.NewListUsersPaginator(d.c.ids, &identitystore.ListUsersInput{
		IdentityStoreId: aws.String(ic.IdentityStoreID), MaxResults: aws.Int32(pageSize),
	})
	for users.HasMorePages() {
		page, err := users.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing the users of identity store %s (identitystore:ListUsers): %w",
				ic.IdentityStoreID, err)
		}
		for _, u := range page.Users {
			ic.Users[aws.ToString(u.UserId)] = aws.ToString(u.UserName)
		}
	}
	d.progress("identity center: %d groups, %d users", len(ic.Groups), len(ic.Users))
	return nil
}

// readAssignments reads every principal's account assignments.
func (d *discoverer) readAssignments(ctx context.Context, ic *IdentityCenter) error {
	type principal struct{ typ, id string }
	var all []principal
	for _, id := range sortedKeys(ic.Groups) {
		all = append(all, principal{"GROUP", id})
	}
	for _, id := range sortedKeys(ic.Users) {
		all = append(all, principal{"USER", id})
	}
	for i, p := range all {
		pages := ssoadmin.NewListAccountAssignmentsForPrincipalPaginator(d.c.sso,
			&ssoadmin.ListAccountAssignmentsForPrincipalInput{
				InstanceArn: aws.String(ic.InstanceArn), PrincipalId: aws.String(p.id),
				PrincipalType: ssotypes.PrincipalType(p.typ), MaxResults: aws.Int32(pageSize),
			})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the assignments of %s %s (sso:ListAccountAssignmentsForPrincipal): %w",
					strings.ToLower(p.typ), p.id, err)
			}
			for _, a := range page.AccountAssignments {
				ic.Assignments = append(ic.Assignments, Assignment{
					PermissionSetArn: aws.ToString(a.PermissionSetArn), PrincipalType: p.typ,
					PrincipalID: p.id, AccountID: aws.ToString(a.AccountId),
				})
			}
		}
		if (i+1)%100 == 0 || i+1 == len(all) {
			d.progress("identity center: assignments of %d/%d principals (%d assignments)", i+1, len(all),
				len(ic.Assignments))
		}
	}
	slices.SortFunc(ic.Assignments, func(a, b Assignment) int {
		return strings.Compare(a.PermissionSetArn+"|"+a.PrincipalType+"|"+a.PrincipalID+"|"+a.AccountID,
			b.PermissionSetArn+"|"+b.PrincipalType+"|"+b.PrincipalID+"|"+b.AccountID)
	})
	ic.Assignments = slices.Compact(ic.Assignments)
	return nil
}

// readAccessControlAttributes reads the instance's ABAC configuration; none
// is configured when AWS answers ResourceNotFoundException.
func (d *discoverer) readAccessControlAttributes(ctx context.Context, ic *IdentityCenter) error {
	out, err := d.c.sso.DescribeInstanceAccessControlAttributeConfiguration(ctx,
		&ssoadmin.DescribeInstanceAccessControlAttributeConfigurationInput{InstanceArn: aws.String(ic.InstanceArn)})
	var notFound *ssotypes.ResourceNotFoundException
	switch {
	case errors.As(err, &notFound):
		return nil
	case err != nil:
		return fmt.Errorf("reading the attributes for access control "+
			"(sso:DescribeInstanceAccessControlAttributeConfiguration): %w", err)
	case out.InstanceAccessControlAttributeConfiguration == nil:
		return nil
	}
	for _, a := range out.InstanceAccessControlAttributeConfiguration.AccessControlAttributes {
		attr := Attribute{Key: aws.ToString(a.Key)}
		if a.Value != nil {
			attr.Sources = append(attr.Sources, a.Value.Source...)
		}
		ic.AccessControlAttributes = append(ic.AccessControlAttributes, attr)
	}
	slices.SortFunc(ic.AccessControlAttributes, func(a, b Attribute) int { return strings.Compare(a.Key, b.Key) })
	return nil
}
