package discover

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// Security Hub's central configuration, read from its home Region: the
// finding aggregator, the configuration policies and the associations
// applied to the root, OUs and accounts
// (https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html).

// securityHubCentralAPI are the central-configuration reads.
type securityHubCentralAPI interface {
	ListFindingAggregators(context.Context, *securityhub.ListFindingAggregatorsInput, ...func(*securityhub.Options)) (*securityhub.ListFindingAggregatorsOutput, error)
	GetFindingAggregator(context.Context, *securityhub.GetFindingAggregatorInput, ...func(*securityhub.Options)) (*securityhub.GetFindingAggregatorOutput, error)
	ListConfigurationPolicies(context.Context, *securityhub.ListConfigurationPoliciesInput, ...func(*securityhub.Options)) (*securityhub.ListConfigurationPoliciesOutput, error)
	GetConfigurationPolicy(context.Context, *securityhub.GetConfigurationPolicyInput, ...func(*securityhub.Options)) (*securityhub.GetConfigurationPolicyOutput, error)
	ListConfigurationPolicyAssociations(context.Context, *securityhub.ListConfigurationPolicyAssociationsInput, ...func(*securityhub.Options)) (*securityhub.ListConfigurationPolicyAssociationsOutput, error)
}

// selfManaged is the policy ID of the targets that manage Security Hub
// themselves.
const selfManaged = "SELF_MANAGED_SECURITY_HUB"

// policyNamePattern is what a policy's name must be to key its resources
// (components' SecurityHubPolicy.Name).
var policyNamePattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)

// readSecurityHubCentral reads central configuration in region. It returns
// nil in a linked Region (the home Region's configuration covers it), and
// reports what the component cannot express.
func readSecurityHubCentral(ctx context.Context, api securityHubCentralAPI, d *discoverer, region string) (
	*components.OrganizationConfiguration, error,
) {
	what := "Security Hub's central configuration in " + region
	var arns []string
	aggs := securityhub.NewListFindingAggregatorsPaginator(api, &securityhub.ListFindingAggregatorsInput{})
	for aggs.HasMorePages() {
		page, err := aggs.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.FindingAggregators {
			arns = append(arns, aws.ToString(a.FindingAggregatorArn))
		}
	}
	if len(arns) == 0 {
		d.unreadable(what, "central configuration is on, but no finding aggregator was found: it is left out; "+
			"write it under organizationConfiguration.securityHub (configurationType CENTRAL, homeRegion)")
		return nil, nil
	}
	agg, err := api.GetFindingAggregator(ctx, &securityhub.GetFindingAggregatorInput{FindingAggregatorArn: aws.String(arns[0])})
	if err != nil {
		return nil, err
	}
	if home := aws.ToString(agg.FindingAggregationRegion); home != "" && home != region {
		return nil, nil // a linked Region: configured from the home Region
	}
	s := &components.SecurityHubConfiguration{ConfigurationType: "CENTRAL", HomeRegion: region}
	switch mode := aws.ToString(agg.RegionLinkingMode); mode {
	case "SPECIFIED_REGIONS":
		s.LinkedRegions = slices.Sorted(slices.Values(agg.Regions))
	case "NO_REGIONS", "":
	default:
		d.unreadable(what, fmt.Sprintf("the finding aggregator links Regions with %s, and orgtrust links the "+
			"Regions it lists (SPECIFIED_REGIONS): the configuration is left out; write it with linkedRegions", mode))
		return nil, nil
	}

	ids := map[string]string{"findingAggregator": arns[0]}
	byID := map[string]*components.SecurityHubPolicy{}
	var order []string
	pols := securityhub.NewListConfigurationPoliciesPaginator(api, &securityhub.ListConfigurationPoliciesInput{})
	for pols.HasMorePages() {
		page, err := pols.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, sum := range page.ConfigurationPolicySummaries {
			id, name := aws.ToString(sum.Id), aws.ToString(sum.Name)
			if !policyNamePattern.MatchString(name) {
				d.unreadable(what, fmt.Sprintf("the configuration policy %q (%s) has a name orgtrust cannot key its "+
					"resources by (letters, digits, '.', '_' and '-'): the configuration is left out; rename the "+
					"policy, or write the configuration yourself", name, id))
				return nil, nil
			}
			out, err := api.GetConfigurationPolicy(ctx, &securityhub.GetConfigurationPolicyInput{Identifier: aws.String(id)})
			if err != nil {
				return nil, err
			}
			pol, ok := policyFromAPI(name, aws.ToString(out.Description), out.ConfigurationPolicy)
			if !ok {
				d.unreadable(what, fmt.Sprintf("the configuration policy %q is not a Security Hub policy orgtrust "+
					"reads: the configuration is left out", name))
				return nil, nil
			}
			byID[id] = pol
			order = append(order, id)
			ids["policy:"+name] = id
		}
	}
	assocs := securityhub.NewListConfigurationPolicyAssociationsPaginator(api,
		&securityhub.ListConfigurationPolicyAssociationsInput{Filters: &shtypes.AssociationFilters{
			AssociationType: shtypes.AssociationTypeApplied}})
	for assocs.HasMorePages() {
		page, err := assocs.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.ConfigurationPolicyAssociationSummaries {
			target, pid := aws.ToString(a.TargetId), aws.ToString(a.ConfigurationPolicyId)
			pol := byID[pid]
			if pol == nil {
				// Self-managed targets, and policies not listed: left as they
				// are (orgtrust associates only its policies).
				if pid == selfManaged {
					d.unreadable(what+": "+target, "it is self-managed (no configuration policy), which "+
						"orgtrust does not write: it stays as it is")
				}
				continue
			}
			pol.Targets = append(pol.Targets, target)
			ids["association:"+target] = target
		}
	}
	for _, id := range order {
		slices.Sort(byID[id].Targets)
		s.Policies = append(s.Policies, *byID[id])
	}
	slices.SortFunc(s.Policies, func(a, b components.SecurityHubPolicy) int { return strings.Compare(a.Name, b.Name) })
	d.orgConfigIDs("securityhub", ids)
	return &components.OrganizationConfiguration{SecurityHub: s}, nil
}

// policyFromAPI is a configuration policy as the component's input.
func policyFromAPI(name, description string, p shtypes.Policy) (*components.SecurityHubPolicy, bool) {
	m, ok := p.(*shtypes.PolicyMemberSecurityHub)
	if !ok {
		return nil, false
	}
	out := &components.SecurityHubPolicy{Name: name, Description: description}
	if !aws.ToBool(m.Value.ServiceEnabled) {
		out.ServiceEnabled = aws.Bool(false)
		return out, true
	}
	for _, arn := range m.Value.EnabledStandardIdentifiers {
		out.Standards = append(out.Standards, standardID(arn))
	}
	c := m.Value.SecurityControlsConfiguration
	if c == nil {
		return out, true
	}
	out.EnabledControls = slices.Clone(c.EnabledSecurityControlIdentifiers)
	out.DisabledControls = slices.Clone(c.DisabledSecurityControlIdentifiers)
	for _, cp := range c.SecurityControlCustomParameters {
		for _, pname := range sortedKeys(cp.Parameters) {
			out.ControlParameters = append(out.ControlParameters,
				parameterFromAPI(aws.ToString(cp.SecurityControlId), pname, cp.Parameters[pname]))
		}
	}
	return out, true
}

// standardID is the component's form of a standard's ARN: what follows
// "standards/" or "ruleset/".
func standardID(arn string) string {
	for _, sep := range []string{":standards/", ":ruleset/"} {
		if i := strings.Index(arn, sep); i >= 0 {
			return arn[i+len(sep):]
		}
	}
	return arn
}

// parameterFromAPI is one control parameter as the component's input.
func parameterFromAPI(control, name string, c shtypes.ParameterConfiguration) components.SecurityHubControlParameter {
	out := components.SecurityHubControlParameter{ControlID: control, Name: name, ValueType: string(c.ValueType)}
	if c.ValueType == shtypes.ParameterValueTypeDefault {
		return out // Security Hub's default value: no value to write
	}
	switch v := c.Value.(type) {
	case *shtypes.ParameterValueMemberBoolean:
		out.Bool = aws.Bool(v.Value)
	case *shtypes.ParameterValueMemberDouble:
		out.Double = aws.Float64(v.Value)
	case *shtypes.ParameterValueMemberEnum:
		out.Enum = v.Value
	case *shtypes.ParameterValueMemberEnumList:
		out.EnumList = v.Value
	case *shtypes.ParameterValueMemberInteger:
		i := int(v.Value)
		out.Int = &i
	case *shtypes.ParameterValueMemberIntegerList:
		for _, i := range v.Value {
			out.IntList = append(out.IntList, int(i))
		}
	case *shtypes.ParameterValueMemberString:
		out.String = v.Value
	case *shtypes.ParameterValueMemberStringList:
		out.StringList = v.Value
	}
	if out.ValueType == "CUSTOM" {
		out.ValueType = "" // the default
	}
	return out
}
