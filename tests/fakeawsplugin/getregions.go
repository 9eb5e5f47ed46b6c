package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// GetRegions is aws:index/getRegions:getRegions (terraform-provider-aws
// internal/service/meta/regions_data_source.go): EC2 DescribeRegions with
// allRegions and the filters as given (names such as opt-in-status); names
// are the Regions it answers: without allRegions, those enabled for the
// account. id is the partition.
type GetRegions struct{}

// GetRegionsFilter is one filter: DescribeRegions's Name and Values.
type GetRegionsFilter struct {
	Name   string   `pulumi:"name"`
	Values []string `pulumi:"values"`
}

// GetRegionsArgs are its inputs.
type GetRegionsArgs struct {
	AllRegions *bool              `pulumi:"allRegions,optional"`
	Filters    []GetRegionsFilter `pulumi:"filters,optional"`
}

// GetRegionsResult is its result.
type GetRegionsResult struct {
	AllRegions *bool              `pulumi:"allRegions,optional"`
	Filters    []GetRegionsFilter `pulumi:"filters,optional"`
	Names      []string           `pulumi:"names"`
	ID         string             `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetRegions) Annotate(a infer.Annotator) { a.SetToken("index/getRegions", "getRegions") }

// partitionOf is the partition of a Region, as the provider's
// PartitionID gives it.
func partitionOf(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// Invoke describes the Regions.
func (*GetRegions) Invoke(ctx context.Context, req infer.FunctionRequest[GetRegionsArgs]) (
	infer.FunctionResponse[GetRegionsResult], error,
) {
	c := config(ctx)
	in := &ec2.DescribeRegionsInput{AllRegions: req.Input.AllRegions}
	for _, f := range req.Input.Filters {
		in.Filters = append(in.Filters, types.Filter{Name: aws.String(f.Name), Values: f.Values})
	}
	out, err := ec2.NewFromConfig(c.aws).DescribeRegions(ctx, in)
	if err != nil {
		return infer.FunctionResponse[GetRegionsResult]{}, fmt.Errorf("reading Regions: %w", err)
	}
	res := GetRegionsResult{AllRegions: req.Input.AllRegions, Filters: req.Input.Filters, Names: []string{},
		ID: partitionOf(c.awsRg)}
	for _, r := range out.Regions {
		res.Names = append(res.Names, aws.ToString(r.RegionName))
	}
	return infer.FunctionResponse[GetRegionsResult]{Output: res}, nil
}
