package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// MacieOrganizationConfiguration is
// aws:macie2/organizationConfiguration:OrganizationConfiguration
// (terraform-provider-aws internal/service/macie2/organization_configuration.go),
// in the delegated administrator's account: autoEnable; Create and Update
// are UpdateOrganizationConfiguration, Read DescribeOrganizationConfiguration
// (a caller that is no longer the administrator leaves the state), Delete
// only leaves the state (framework.WithNoOpDelete: the setting stays). The
// resource has no ID of its own in terraform-provider-aws; the stand-in's is
// the administrator's account ID, as for Inspector's.
type MacieOrganizationConfiguration struct{}

// MacieOrganizationConfigurationArgs are its inputs.
type MacieOrganizationConfigurationArgs struct {
	AutoEnable bool `pulumi:"autoEnable"`
}

// MacieOrganizationConfigurationState is its state.
type MacieOrganizationConfigurationState struct {
	MacieOrganizationConfigurationArgs
}

// Annotate sets pulumi-aws's token.
func (*MacieOrganizationConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("macie2/organizationConfiguration", "OrganizationConfiguration")
}

func (c *Config) putMacieConfig(ctx context.Context, x MacieOrganizationConfigurationArgs) error {
	_, err := macie2.NewFromConfig(c.aws).UpdateOrganizationConfiguration(ctx,
		&macie2.UpdateOrganizationConfigurationInput{AutoEnable: aws.Bool(x.AutoEnable)})
	if err != nil {
		return fmt.Errorf("updating Macie Organization Configuration: %w", err)
	}
	return nil
}

// Create sets the configuration.
func (*MacieOrganizationConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[MacieOrganizationConfigurationArgs],
) (infer.CreateResponse[MacieOrganizationConfigurationState], error) {
	out := infer.CreateResponse[MacieOrganizationConfigurationState]{
		Output: MacieOrganizationConfigurationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	id, err := c.accountID(ctx)
	if err != nil {
		return out, err
	}
	out.ID = id
	return out, c.putMacieConfig(ctx, req.Inputs)
}

// Update sets the configuration.
func (*MacieOrganizationConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[MacieOrganizationConfigurationArgs, MacieOrganizationConfigurationState],
) (infer.UpdateResponse[MacieOrganizationConfigurationState], error) {
	out := infer.UpdateResponse[MacieOrganizationConfigurationState]{
		Output: MacieOrganizationConfigurationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	return out, config(ctx).putMacieConfig(ctx, req.Inputs)
}

// Read describes the configuration.
func (*MacieOrganizationConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[MacieOrganizationConfigurationArgs, MacieOrganizationConfigurationState],
) (infer.ReadResponse[MacieOrganizationConfigurationArgs, MacieOrganizationConfigurationState], error) {
	type resp = infer.ReadResponse[MacieOrganizationConfigurationArgs, MacieOrganizationConfigurationState]
	cur, err := macie2.NewFromConfig(config(ctx).aws).DescribeOrganizationConfiguration(ctx,
		&macie2.DescribeOrganizationConfigurationInput{})
	switch code := errorCode(err); {
	case code == "ResourceNotFoundException" || code == "AccessDeniedException":
		return resp{}, nil
	case err != nil:
		return resp{}, fmt.Errorf("reading Macie Organization Configuration: %w", err)
	}
	args := MacieOrganizationConfigurationArgs{AutoEnable: aws.ToBool(cur.AutoEnable)}
	return resp{ID: req.ID, Inputs: args, State: MacieOrganizationConfigurationState{args}}, nil
}
