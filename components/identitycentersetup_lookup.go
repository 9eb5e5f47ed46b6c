package components

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/identitystore"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The lookups of IdentityCenterSetup, made after its input is checked and
// before anything is registered: the instance, the OUs' accounts, the
// existing principals and the management account.

// icPrepared is an IdentityCenterSetup checked and looked up, ready to
// register.
type icPrepared struct {
	plan                 *icPlan
	instanceArn, storeID string
	assignments          []icAssignment
	integration          *integrationPlan
	management           *icManagement
}

// prepareIdentityCenter checks all input and makes every lookup, through the
// component's aws provider, so that bad input, a missing instance, OU or
// principal, or a management account given as delegated administrator fails
// before anything is registered.
func prepareIdentityCenter(ctx *pulumi.Context, name string, args IdentityCenterSetupArgs,
	opts []pulumi.ResourceOption,
) (*icPrepared, error) {
	plan, integration, errs := checkIdentityCenter(name, args)
	if len(errs) > 0 {
		return nil, errs
	}
	lookup, err := awsInvokeOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("reading the resource options: %w", err)
	}
	instanceArn, storeID, err := lookupIdentityCenterInstance(ctx, plan, lookup)
	if err != nil {
		return nil, err
	}
	if errs := plan.checkInstancePartition(instanceArn); len(errs) > 0 {
		return nil, errs
	}
	if err := lookupExistingPermissionSets(ctx, plan, instanceArn, lookup); err != nil {
		return nil, err
	}
	if err := lookupExistingApplications(ctx, plan, instanceArn, lookup); err != nil {
		return nil, err
	}
	ouAccounts, err := lookupOUAccounts(ctx, plan.ous, lookup)
	if err != nil {
		return nil, err
	}
	if err := lookupTaggedAccounts(ctx, plan); err != nil {
		return nil, err
	}
	errs = lookupExistingPrincipals(ctx, plan, storeID, lookup)
	// management is the management account, from the input or from the one
	// organization lookup that the checks below share with
	// lookupManagementScope.
	management := integration.args.ManagementAccountID
	switch {
	case integration.needsManagementLookup():
		org, err := lookupManagementAccount(ctx, opts)
		if err != nil {
			return nil, err
		}
		management = org.managementAccountID
		if e := integration.checkAgainst(org); e != nil {
			errs = append(errs, e)
		}
		errs = append(errs, plan.checkAccounts(org)...)
	case plan.hasAccountTargets():
		org, err := lookupOrganization(ctx, opts, "'s accounts, to check the assignments' accountIds", "")
		if err != nil {
			// Only this check needs the lookup: AWS's own answer at update
			// names a wrong account instead.
			_ = ctx.Log.Warn(fmt.Sprintf("%s: the assignments' accountIds are not checked against the "+
				"organization: %v", plan.name, err), nil)
			break
		}
		if management == "" {
			management = org.managementAccountID
		}
		errs = append(errs, plan.checkAccounts(org)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	assignments := plan.expand(ouAccounts)
	scope, err := lookupManagementScope(ctx, plan, assignments, management,
		args.AssignmentsMode, ouAccounts, opts, lookup)
	if err != nil {
		return nil, err
	}
	return &icPrepared{
		plan: plan, instanceArn: instanceArn, storeID: storeID,
		assignments: assignments, integration: integration, management: scope,
	}, nil
}

// checkInstancePartition checks the policy ARNs against the partition of an
// instance that was looked up (a given instanceArn was checked with the
// plan): AWS managed policies of another partition do not exist there.
func (p *icPlan) checkInstancePartition(instanceArn string) InputErrors {
	if p.instanceArn != "" {
		return nil
	}
	partition := arnPartition(instanceArn)
	var errs InputErrors
	for _, a := range p.policyARNs {
		if got := arnPartition(a.arn); got != partition {
			errs.addSubject(a.field, a.arn, "%q is in the %s partition, but the IAM Identity Center instance "+
				"looked up, %s, is in %s: use arn:%s:%s", a.arn, got, instanceArn, partition, partition,
				strings.TrimPrefix(a.arn, "arn:"+got+":"))
		}
	}
	return errs
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
// users marked existing, and returns a problem for each that the lookup does
// not find.
func lookupExistingPrincipals(ctx *pulumi.Context, plan *icPlan, storeID string,
	lookup []pulumi.InvokeOption,
) InputErrors {
	var errs InputErrors
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
				errs.addSubject(p.field+".displayName", p.name, "%q is not a group of identity store %s (the "+
					"lookup answered: %v); fix the display name, or drop existing to create the group", p.name,
					storeID, err)
				continue
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
				errs.addSubject(p.field+".userName", p.name, "%q is not a user of identity store %s (the lookup "+
					"answered: %v); fix the user name, or drop existing to create the user", p.name, storeID, err)
				continue
			}
			p.id = res.UserId
		}
	}
	return errs
}

// hasAccountTargets reports whether an assignment names accounts by ID.
func (p *icPlan) hasAccountTargets() bool {
	for _, r := range p.rules {
		if len(r.accounts) > 0 {
			return true
		}
	}
	return false
}

// checkAccounts returns a problem for each account an assignment names by ID
// that is not an account of the organization, when the lookup listed them.
// Accounts below an OU are the organization's by construction.
func (p *icPlan) checkAccounts(org organization) InputErrors {
	if org.accounts == nil {
		return nil
	}
	var errs InputErrors
	for _, r := range p.rules {
		for j, a := range r.accounts {
			if !org.accounts[a] {
				errs.addSubject(fmt.Sprintf("%s.accountIds[%d]", r.field, j), a, "%q is not an account of the "+
					"organization %s: IAM Identity Center assigns only its accounts; use a member account's ID "+
					"(aws organizations list-accounts), or invite the account into the organization first", a, org.id)
			}
		}
	}
	return errs
}
