package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// DetectiveOrganizationConfiguration is
// aws:detective/organizationConfiguration:OrganizationConfiguration
// (terraform-provider-aws internal/service/detective/organization_configuration.go):
// ID the graph's ARN (pulumi-aws imports it by that ARN), graphArn replaces
// (ForceNew); Create and Update are UpdateOrganizationConfiguration, Read
// DescribeOrganizationConfiguration of the ID's graph, Delete only leaves
// the state (the setting stays, as with terraform-provider-aws).
type DetectiveOrganizationConfiguration struct{}

// DetectiveOrganizationConfigurationArgs are its inputs.
type DetectiveOrganizationConfigurationArgs struct {
	AutoEnable bool   `pulumi:"autoEnable"`
	GraphArn   string `pulumi:"graphArn" provider:"replaceOnChanges"`
}

// DetectiveOrganizationConfigurationState is its state.
type DetectiveOrganizationConfigurationState struct {
	DetectiveOrganizationConfigurationArgs
}

// Annotate sets pulumi-aws's token.
func (*DetectiveOrganizationConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("detective/organizationConfiguration", "OrganizationConfiguration")
}

func (c *Config) putDetectiveConfig(ctx context.Context, x DetectiveOrganizationConfigurationArgs) error {
	_, err := detective.NewFromConfig(c.aws).UpdateOrganizationConfiguration(ctx,
		&detective.UpdateOrganizationConfigurationInput{GraphArn: aws.String(x.GraphArn), AutoEnable: x.AutoEnable})
	if err != nil {
		return fmt.Errorf("updating Detective Organization Configuration (%s): %w", x.GraphArn, err)
	}
	return nil
}

// Create sets the configuration.
func (*DetectiveOrganizationConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[DetectiveOrganizationConfigurationArgs],
) (infer.CreateResponse[DetectiveOrganizationConfigurationState], error) {
	out := infer.CreateResponse[DetectiveOrganizationConfigurationState]{ID: req.Inputs.GraphArn,
		Output: DetectiveOrganizationConfigurationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	return out, config(ctx).putDetectiveConfig(ctx, req.Inputs)
}

// Update sets the configuration.
func (*DetectiveOrganizationConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[DetectiveOrganizationConfigurationArgs, DetectiveOrganizationConfigurationState],
) (infer.UpdateResponse[DetectiveOrganizationConfigurationState], error) {
	out := infer.UpdateResponse[DetectiveOrganizationConfigurationState]{
		Output: DetectiveOrganizationConfigurationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	return out, config(ctx).putDetectiveConfig(ctx, req.Inputs)
}

// Read describes the configuration of the ID's graph.
func (*DetectiveOrganizationConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[DetectiveOrganizationConfigurationArgs, DetectiveOrganizationConfigurationState],
) (infer.ReadResponse[DetectiveOrganizationConfigurationArgs, DetectiveOrganizationConfigurationState], error) {
	type resp = infer.ReadResponse[DetectiveOrganizationConfigurationArgs, DetectiveOrganizationConfigurationState]
	cur, err := detective.NewFromConfig(config(ctx).aws).DescribeOrganizationConfiguration(ctx,
		&detective.DescribeOrganizationConfigurationInput{GraphArn: aws.String(req.ID)})
	switch code := errorCode(err); {
	case code == "ResourceNotFoundException":
		return resp{}, nil
	case err != nil:
		return resp{}, fmt.Errorf("reading Detective Organization Configuration (%s): %w", req.ID, err)
	}
	args := DetectiveOrganizationConfigurationArgs{AutoEnable: cur.AutoEnable, GraphArn: req.ID}
	return resp{ID: req.ID, Inputs: args, State: DetectiveOrganizationConfigurationState{args}}, nil
}
