package main

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// ConfigurationAggregator is aws:cfg/configurationAggregator:ConfigurationAggregator
// (terraform-provider-aws internal/service/configservice/configuration_aggregator.go):
// ID the name, which replaces; Create and Update are
// PutConfigurationAggregator, Read DescribeConfigurationAggregators
// (NoSuchConfigurationAggregatorException leaves the state), Delete
// DeleteConfigurationAggregator. Tags are sent at creation only (the tests
// change none), and read back from the state rather than
// ListTagsForResource.
type ConfigurationAggregator struct{}

// AggregationSource is organizationAggregationSource (and, with accountIds,
// accountAggregationSource).
type AggregationSource struct {
	AccountIDs []string `pulumi:"accountIds,optional"`
	AllRegions *bool    `pulumi:"allRegions,optional"`
	Regions    []string `pulumi:"regions,optional"`
	RoleArn    *string  `pulumi:"roleArn,optional"`
}

// ConfigurationAggregatorArgs are its inputs.
type ConfigurationAggregatorArgs struct {
	Name                          string             `pulumi:"name" provider:"replaceOnChanges"`
	OrganizationAggregationSource *AggregationSource `pulumi:"organizationAggregationSource,optional"`
	AccountAggregationSource      *AggregationSource `pulumi:"accountAggregationSource,optional"`
	Tags                          map[string]string  `pulumi:"tags,optional"`
}

// ConfigurationAggregatorState is its state.
type ConfigurationAggregatorState struct {
	ConfigurationAggregatorArgs
	Arn     string            `pulumi:"arn"`
	TagsAll map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*ConfigurationAggregator) Annotate(a infer.Annotator) {
	a.SetToken("cfg/configurationAggregator", "ConfigurationAggregator")
}

func (c *Config) configCall(ctx context.Context, op string, in, out any) error {
	return c.jsonCall(ctx, "config", "CONFIG_SERVICE", "config", "StarlingDoveService."+op, in, out)
}

type apiAggregator struct {
	ConfigurationAggregatorName, ConfigurationAggregatorArn string
	OrganizationAggregationSource                           *struct {
		RoleArn    string
		AwsRegions []string
		AllRegions bool
	}
}

func (c *Config) putAggregator(ctx context.Context, x ConfigurationAggregatorArgs) (ConfigurationAggregatorState, error) {
	in := map[string]any{"ConfigurationAggregatorName": x.Name}
	for key, src := range map[string]*AggregationSource{"OrganizationAggregationSource": x.OrganizationAggregationSource,
		"AccountAggregationSources": x.AccountAggregationSource} {
		if src == nil {
			continue
		}
		s := map[string]any{}
		if src.AllRegions != nil {
			s["AllRegions"] = *src.AllRegions
		}
		if len(src.Regions) > 0 {
			s["AwsRegions"] = src.Regions
		}
		if src.RoleArn != nil {
			s["RoleArn"] = *src.RoleArn
		}
		if key == "AccountAggregationSources" {
			s["AccountIds"] = src.AccountIDs
			in[key] = []any{s}
		} else {
			in[key] = s
		}
	}
	if len(x.Tags) > 0 {
		var tags []map[string]string
		for k, v := range x.Tags {
			tags = append(tags, map[string]string{"Key": k, "Value": v})
		}
		in["Tags"] = tags
	}
	var out struct{ ConfigurationAggregator apiAggregator }
	if err := c.configCall(ctx, "PutConfigurationAggregator", in, &out); err != nil {
		return ConfigurationAggregatorState{}, fmt.Errorf("creating ConfigService Configuration Aggregator (%s): %w",
			x.Name, err)
	}
	tags := x.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	return ConfigurationAggregatorState{ConfigurationAggregatorArgs: x,
		Arn: out.ConfigurationAggregator.ConfigurationAggregatorArn, TagsAll: tags}, nil
}

// Create puts the aggregator.
func (*ConfigurationAggregator) Create(ctx context.Context, req infer.CreateRequest[ConfigurationAggregatorArgs]) (
	infer.CreateResponse[ConfigurationAggregatorState], error,
) {
	if req.DryRun {
		return infer.CreateResponse[ConfigurationAggregatorState]{ID: req.Inputs.Name,
			Output: ConfigurationAggregatorState{ConfigurationAggregatorArgs: req.Inputs, TagsAll: req.Inputs.Tags}}, nil
	}
	st, err := config(ctx).putAggregator(ctx, req.Inputs)
	return infer.CreateResponse[ConfigurationAggregatorState]{ID: req.Inputs.Name, Output: st}, err
}

// Update puts the aggregator again.
func (*ConfigurationAggregator) Update(ctx context.Context,
	req infer.UpdateRequest[ConfigurationAggregatorArgs, ConfigurationAggregatorState],
) (infer.UpdateResponse[ConfigurationAggregatorState], error) {
	if req.DryRun {
		return infer.UpdateResponse[ConfigurationAggregatorState]{Output: ConfigurationAggregatorState{
			ConfigurationAggregatorArgs: req.Inputs, Arn: req.State.Arn, TagsAll: req.Inputs.Tags}}, nil
	}
	st, err := config(ctx).putAggregator(ctx, req.Inputs)
	return infer.UpdateResponse[ConfigurationAggregatorState]{Output: st}, err
}

// Read describes the aggregator; an import reads it by name.
func (*ConfigurationAggregator) Read(ctx context.Context,
	req infer.ReadRequest[ConfigurationAggregatorArgs, ConfigurationAggregatorState],
) (infer.ReadResponse[ConfigurationAggregatorArgs, ConfigurationAggregatorState], error) {
	type resp = infer.ReadResponse[ConfigurationAggregatorArgs, ConfigurationAggregatorState]
	var out struct{ ConfigurationAggregators []apiAggregator }
	err := config(ctx).configCall(ctx, "DescribeConfigurationAggregators",
		map[string]any{"ConfigurationAggregatorNames": []string{req.ID}}, &out)
	if re, ok := err.(*restError); ok && re.Code == "NoSuchConfigurationAggregatorException" {
		return resp{}, nil
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading ConfigService Configuration Aggregator (%s): %w", req.ID, err)
	}
	if len(out.ConfigurationAggregators) != 1 {
		return resp{}, nil
	}
	a := out.ConfigurationAggregators[0]
	x := ConfigurationAggregatorArgs{Name: a.ConfigurationAggregatorName, Tags: req.State.Tags,
		AccountAggregationSource: req.State.AccountAggregationSource}
	if s := a.OrganizationAggregationSource; s != nil {
		x.OrganizationAggregationSource = &AggregationSource{AllRegions: &s.AllRegions, RoleArn: &s.RoleArn}
		if len(s.AwsRegions) > 0 {
			x.OrganizationAggregationSource.Regions = s.AwsRegions
		}
	}
	tags := req.State.TagsAll
	if tags == nil {
		tags = map[string]string{}
	}
	return resp{ID: req.ID, Inputs: x, State: ConfigurationAggregatorState{ConfigurationAggregatorArgs: x,
		Arn: a.ConfigurationAggregatorArn, TagsAll: tags}}, nil
}

// Delete deletes the aggregator.
func (*ConfigurationAggregator) Delete(ctx context.Context, req infer.DeleteRequest[ConfigurationAggregatorState]) (
	infer.DeleteResponse, error,
) {
	err := config(ctx).configCall(ctx, "DeleteConfigurationAggregator",
		map[string]any{"ConfigurationAggregatorName": req.ID}, nil)
	if re, ok := err.(*restError); ok && re.Code == "NoSuchConfigurationAggregatorException" {
		err = nil
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting ConfigService Configuration Aggregator (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
