package components

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The composite components (OrgServiceIntegration, OrgIntegrations,
// IdentityCenterSetup and ServiceCatalogSharing) share one life cycle:
//
//  1. plan: check every input from plain values, with no lookups, and collect
//     every problem as InputErrors (the Check functions stop here);
//  2. look up: the organization, at most once per component, with
//     lookupOrganization, then the component's own lookups, and check what
//     depends on them (integrationPlan.checkAgainst for the delegated
//     administrator);
//  3. register the component, then its OrgServiceIntegration child from the
//     plan already checked (integrationPlan.register), then its own children;
//  4. Ready, from every child's ID, and the outputs.
//
// Nothing is registered before steps 1 and 2 pass.

// organization is what the components need to know about the AWS
// organization: its management account, its ID and, when the caller may
// list them, its accounts.
type organization struct {
	managementAccountID string
	id                  string
	// partition is the partition of the organization's ARN; "" when the
	// lookup gave no ARN.
	partition string
	// accounts are the IDs of the organization's accounts; nil when the
	// lookup could not list them (pulumi-aws lists them only for the
	// management account and a delegated administrator of Organizations).
	accounts map[string]bool
	// emails and statuses are each account's email and status, as listed.
	emails, statuses map[string]string
	// roots are the IDs of the organization's roots (one).
	roots []string
}

// lookupOrganization reads the organization with
// aws.organizations.getOrganization, through the aws provider the component's
// options give. why says what needs it ("'s management account, to check ...")
// and skip which inputs avoid the lookup, if any.
func lookupOrganization(ctx *pulumi.Context, opts []pulumi.ResourceOption, why, skip string) (organization, error) {
	invokeOpts, err := awsInvokeOptions(opts)
	if err != nil {
		return organization{}, fmt.Errorf("reading the resource options: %w", err)
	}
	org, err := organizations.LookupOrganization(ctx, invokeOpts...)
	switch {
	case err != nil && skip == "":
		return organization{}, fmt.Errorf("looking up the organization%s: %w", why, err)
	case err != nil:
		return organization{}, fmt.Errorf("looking up the organization%s: %w; set %s to skip the lookup", why,
			err, skip)
	}
	out := organization{managementAccountID: org.MasterAccountId, id: org.Id, partition: arnPartition(org.Arn)}
	for _, r := range org.Roots {
		out.roots = append(out.roots, r.Id)
	}
	if len(org.Accounts) > 0 {
		out.accounts = make(map[string]bool, len(org.Accounts))
		out.emails = make(map[string]string, len(org.Accounts))
		out.statuses = make(map[string]string, len(org.Accounts))
		for _, a := range org.Accounts {
			out.accounts[a.Id] = true
			out.emails[a.Id], out.statuses[a.Id] = a.Email, a.Status
		}
	}
	return out, nil
}

// lookupManagementAccount is the lookup of an integration's delegated
// administrator check.
func lookupManagementAccount(ctx *pulumi.Context, opts []pulumi.ResourceOption) (organization, error) {
	return lookupOrganization(ctx, opts, "'s management account, to check that the delegated administrator is "+
		"not it", "managementAccountId")
}

// awsInvokeOptions returns the invoke options that make an invoke use the aws
// provider the component's options give, directly or through its parent.
func awsInvokeOptions(opts []pulumi.ResourceOption) ([]pulumi.InvokeOption, error) {
	ro, err := pulumi.NewResourceOptions(opts...)
	if err != nil {
		return nil, err
	}
	var out []pulumi.InvokeOption
	if ro.Parent != nil {
		out = append(out, pulumi.Parent(ro.Parent))
	}
	if p, ok := ro.Provider.(*aws.Provider); ok {
		out = append(out, pulumi.Provider(p))
	}
	for _, pr := range ro.Providers {
		if p, ok := pr.(*aws.Provider); ok {
			out = append(out, pulumi.Provider(p))
		}
	}
	return out, nil
}
