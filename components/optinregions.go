package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// Opt-in Regions. "Any AWS Regions introduced after March 20, 2019 are
// considered to be opt-in Regions" (AWS Elemental MediaPackage User Guide, AWS
// opt-in Regions), and an account uses one only after enabling it
// (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html):
// a delegated administrator designated in a Region the deploying account has
// not enabled fails at `pulumi up`, after the integration's other writes. So,
// when an integration lists an opt-in Region (catalog.Region.OptIn), its
// constructor reads the Regions the account of its aws provider has enabled,
// with aws.getRegions (EC2's DescribeRegions, which lists the Regions "enabled
// for the current account": opt-in-not-required and opted-in), and rejects
// the others before it registers anything. Integrations in Regions enabled
// by default look nothing up.

// getRegionsToken is the invoke behind aws.GetRegions.
const getRegionsToken = "aws:index/getRegions:getRegions"

// optInRegions returns the opt-in Regions among the plan's Regions.
func (p *integrationPlan) optInRegions() []string {
	var out []string
	for _, r := range p.regions {
		if region, _, ok := catalog.LookupRegion(r); ok && region.OptIn {
			out = append(out, r)
		}
	}
	return out
}

// checkOptInRegions checks the opt-in Regions of plans, which deploy with the
// aws provider of opts, against the Regions its account has enabled, looked up
// once if any plan lists one; it returns each plan's errors, in order.
func checkOptInRegions(ctx *pulumi.Context, opts []pulumi.ResourceOption, plans []*integrationPlan) (
	[]InputErrors, error,
) {
	var optIn []string
	for _, p := range plans {
		optIn = append(optIn, p.optInRegions()...)
	}
	out := make([]InputErrors, len(plans))
	if len(optIn) == 0 {
		return out, nil
	}
	enabled, err := lookupEnabledRegions(ctx, opts, slices.Compact(slices.Sorted(slices.Values(optIn))))
	if err != nil {
		return nil, err
	}
	for i, p := range plans {
		out[i] = p.checkRegionsEnabled(enabled)
	}
	return out, nil
}

// enabledRegions are the Regions enabled in the account of an aws provider.
type enabledRegions map[string]bool

// lookupEnabledRegions reads the Regions the account of the aws provider that
// the component's options give has enabled. regions are the opt-in Regions
// that need it, for the error.
func lookupEnabledRegions(ctx *pulumi.Context, opts []pulumi.ResourceOption, regions []string) (enabledRegions, error) {
	invokeOpts, err := awsInvokeOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("reading the resource options: %w", err)
	}
	res, err := aws.GetRegions(ctx, &aws.GetRegionsArgs{}, invokeOpts...)
	if err != nil {
		return nil, fmt.Errorf("looking up the Regions the account has enabled, to check the opt-in Regions %s "+
			"(the deployer needs ec2:DescribeRegions): %w", strings.Join(regions, ", "), err)
	}
	out := enabledRegions{}
	for _, n := range res.Names {
		out[n] = true
	}
	return out, nil
}

// checkRegionsEnabled rejects each opt-in Region of the plan that enabled
// lacks.
func (p *integrationPlan) checkRegionsEnabled(enabled enabledRegions) InputErrors {
	var errs InputErrors
	for _, r := range p.optInRegions() {
		if enabled[r] {
			continue
		}
		region, _, _ := catalog.LookupRegion(r)
		errs.add("regions", r, "%q, %s, is an opt-in Region that the account deploying this program has not "+
			"enabled, so designating the delegated administrator there fails: enable it first, in this account "+
			"and in the delegated administrator's (AWS Account Management, such as `aws account enable-region "+
			"--region-name %s`; it takes minutes or more), or remove it from regions", r, region.Name, r)
	}
	return errs
}
