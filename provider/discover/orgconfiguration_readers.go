package discover

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/detective"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// The organization-configuration reads of Detective, IAM Access Analyzer
// and AWS Config, in the administrator's account.
type (
	detectiveConfigAPI interface {
		ListGraphs(context.Context, *detective.ListGraphsInput, ...func(*detective.Options)) (*detective.ListGraphsOutput, error)
		DescribeOrganizationConfiguration(context.Context, *detective.DescribeOrganizationConfigurationInput, ...func(*detective.Options)) (*detective.DescribeOrganizationConfigurationOutput, error)
	}
	accessAnalyzerConfigAPI interface {
		ListAnalyzers(context.Context, *accessanalyzer.ListAnalyzersInput, ...func(*accessanalyzer.Options)) (*accessanalyzer.ListAnalyzersOutput, error)
	}
	configAggregatorAPI interface {
		DescribeConfigurationAggregators(context.Context, *configservice.DescribeConfigurationAggregatorsInput, ...func(*configservice.Options)) (*configservice.DescribeConfigurationAggregatorsOutput, error)
	}
)

// readDetectiveConfig reads the administrator's behavior graph (one per
// account and Region) and its auto-enable setting.
func readDetectiveConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api detectiveConfigAPI = detective.NewFromConfig(cfg, func(o *detective.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("detective"))
	})
	var graphs []string
	pages := detective.NewListGraphsPaginator(api, &detective.ListGraphsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range page.GraphList {
			graphs = append(graphs, aws.ToString(g.Arn))
		}
	}
	if len(graphs) == 0 {
		return nil, nil
	}
	out, err := api.DescribeOrganizationConfiguration(ctx, &detective.DescribeOrganizationConfigurationInput{
		GraphArn: aws.String(graphs[0])})
	if err != nil {
		return nil, err
	}
	d.orgConfigIDs("detective", map[string]string{"graph:" + cfg.Region: graphs[0]})
	c := &components.DetectiveConfiguration{}
	if !out.AutoEnable {
		c.AutoEnable = aws.Bool(false)
	}
	return &components.OrganizationConfiguration{Detective: c}, nil
}

// unusedAccessSuffix ends the unused access analyzer's name
// (components' accessAnalyzer registration).
const unusedAccessSuffix = "-unused-access"

// readAccessAnalyzerConfig reads the organization analyzers: external
// access (ORGANIZATION) and unused access (ORGANIZATION_UNUSED_ACCESS).
func readAccessAnalyzerConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api accessAnalyzerConfigAPI = accessanalyzer.NewFromConfig(cfg, func(o *accessanalyzer.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("access-analyzer"))
	})
	list := func(t aatypes.Type) ([]aatypes.AnalyzerSummary, error) {
		var out []aatypes.AnalyzerSummary
		pages := accessanalyzer.NewListAnalyzersPaginator(api, &accessanalyzer.ListAnalyzersInput{Type: t})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			out = append(out, page.Analyzers...)
		}
		return out, nil
	}
	external, err := list(aatypes.TypeOrganization)
	if err != nil {
		return nil, err
	}
	unused, err := list(aatypes.TypeOrganizationUnusedAccess)
	if err != nil {
		return nil, err
	}
	if len(external) == 0 && len(unused) == 0 {
		return nil, nil
	}
	what := "IAM Access Analyzer's organization analyzers in " + cfg.Region
	if len(external) > 1 || len(unused) > 1 {
		d.unreadable(what, fmt.Sprintf("there are %d external access and %d unused access organization "+
			"analyzers, and an integration manages one of each: they are left as they are", len(external), len(unused)))
		return nil, nil
	}
	a := &components.AccessAnalyzerConfiguration{}
	if len(external) == 1 {
		a.AnalyzerName = aws.ToString(external[0].Name)
	} else {
		a.ExternalAccess = aws.Bool(false)
	}
	if len(unused) == 1 {
		name := aws.ToString(unused[0].Name)
		switch {
		case a.AnalyzerName == "" && strings.HasSuffix(name, unusedAccessSuffix):
			a.AnalyzerName = strings.TrimSuffix(name, unusedAccessSuffix)
		case name != a.AnalyzerName+unusedAccessSuffix:
			d.unreadable(what, fmt.Sprintf("the unused access analyzer %q is not named after the external access "+
				"analyzer (%q), as orgtrust names it: they are left as they are; write accessAnalyzer yourself, "+
				"or rename the analyzer", name, a.AnalyzerName+unusedAccessSuffix))
			return nil, nil
		}
		if c, ok := unused[0].Configuration.(*aatypes.AnalyzerConfigurationMemberUnusedAccess); ok {
			a.UnusedAccessAge = int(aws.ToInt32(c.Value.UnusedAccessAge))
		}
		if a.UnusedAccessAge == 0 {
			a.UnusedAccessAge = 90 // Access Analyzer's default
		}
	}
	if a.AnalyzerName == "organization" {
		a.AnalyzerName = "" // the default
	}
	return &components.OrganizationConfiguration{AccessAnalyzer: a}, nil
}

// readConfigAggregator reads the organization aggregator: one with an
// OrganizationAggregationSource over all Regions, as orgtrust creates it.
func readConfigAggregator(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api configAggregatorAPI = configservice.NewFromConfig(cfg, func(o *configservice.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("config"))
	})
	var found []*components.ConfigAggregatorConfiguration
	var partial []string
	pages := configservice.NewDescribeConfigurationAggregatorsPaginator(api,
		&configservice.DescribeConfigurationAggregatorsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.ConfigurationAggregators {
			src := a.OrganizationAggregationSource
			if src == nil {
				continue // an account aggregator: not the organization's
			}
			if !src.AllAwsRegions {
				partial = append(partial, aws.ToString(a.ConfigurationAggregatorName))
				continue
			}
			found = append(found, &components.ConfigAggregatorConfiguration{
				AggregatorName: aws.ToString(a.ConfigurationAggregatorName), RoleArn: aws.ToString(src.RoleArn)})
		}
	}
	what := "AWS Config's organization aggregator in " + cfg.Region
	if len(partial) > 0 {
		d.unreadable(what, fmt.Sprintf("%v aggregate selected Regions, and orgtrust's aggregator covers all "+
			"Regions: left as they are", partial))
	}
	switch {
	case len(found) == 0:
		return nil, nil
	case len(found) > 1:
		d.unreadable(what, fmt.Sprintf("there are %d organization aggregators over all Regions, and an integration "+
			"manages one: they are left as they are", len(found)))
		return nil, nil
	}
	if found[0].AggregatorName == "organization" {
		found[0].AggregatorName = "" // the default
	}
	return &components.OrganizationConfiguration{Config: found[0]}, nil
}
