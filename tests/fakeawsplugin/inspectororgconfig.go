package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// InspectorOrganizationConfiguration is
// aws:inspector2/organizationConfiguration:OrganizationConfiguration
// (terraform-provider-aws internal/service/inspector2/organization_configuration.go),
// in the delegated administrator's account: ID the account's ID; Create and
// Update are UpdateOrganizationConfiguration, then DescribeOrganizationConfiguration
// until it answers the setting (waitOrganizationConfigurationUpdated); Read
// describes it (not found leaves the state); Delete turns every scan's
// auto-enable off and waits for it.
type InspectorOrganizationConfiguration struct{}

// InspectorAutoEnable is the autoEnable block: ec2 and ecr required, lambda
// and lambdaCode default false.
type InspectorAutoEnable struct {
	Ec2        bool  `pulumi:"ec2"`
	Ecr        bool  `pulumi:"ecr"`
	Lambda     *bool `pulumi:"lambda,optional"`
	LambdaCode *bool `pulumi:"lambdaCode,optional"`
}

// Annotate sets terraform-provider-aws's defaults.
func (x *InspectorAutoEnable) Annotate(a infer.Annotator) {
	a.SetDefault(&x.Lambda, false)
	a.SetDefault(&x.LambdaCode, false)
}

// InspectorOrganizationConfigurationArgs are its inputs.
type InspectorOrganizationConfigurationArgs struct {
	AutoEnable InspectorAutoEnable `pulumi:"autoEnable"`
}

// InspectorOrganizationConfigurationState is its state.
type InspectorOrganizationConfigurationState struct {
	InspectorOrganizationConfigurationArgs
	MaxAccountLimitReached bool `pulumi:"maxAccountLimitReached"`
}

// Annotate sets pulumi-aws's token.
func (*InspectorOrganizationConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("inspector2/organizationConfiguration", "OrganizationConfiguration")
}

func (a InspectorAutoEnable) api() *types.AutoEnable {
	return &types.AutoEnable{Ec2: aws.Bool(a.Ec2), Ecr: aws.Bool(a.Ecr), Lambda: aws.Bool(aws.ToBool(a.Lambda)),
		LambdaCode: aws.Bool(aws.ToBool(a.LambdaCode))}
}

func (c *Config) describeInspector(ctx context.Context) (InspectorOrganizationConfigurationState, error) {
	out, err := inspector2.NewFromConfig(c.aws).DescribeOrganizationConfiguration(ctx,
		&inspector2.DescribeOrganizationConfigurationInput{})
	if err != nil {
		return InspectorOrganizationConfigurationState{}, err
	}
	st := InspectorOrganizationConfigurationState{MaxAccountLimitReached: aws.ToBool(out.MaxAccountLimitReached)}
	if a := out.AutoEnable; a != nil {
		st.AutoEnable = InspectorAutoEnable{Ec2: aws.ToBool(a.Ec2), Ecr: aws.ToBool(a.Ecr),
			Lambda: aws.Bool(aws.ToBool(a.Lambda)), LambdaCode: aws.Bool(aws.ToBool(a.LambdaCode))}
	}
	return st, nil
}

// putInspector updates the configuration and waits until a describe
// answers it, for at most five minutes.
func (c *Config) putInspector(ctx context.Context, a InspectorAutoEnable) (InspectorOrganizationConfigurationState,
	error,
) {
	if _, err := inspector2.NewFromConfig(c.aws).UpdateOrganizationConfiguration(ctx,
		&inspector2.UpdateOrganizationConfigurationInput{AutoEnable: a.api()}); err != nil {
		return InspectorOrganizationConfigurationState{}, fmt.Errorf("updating Inspector2 Organization "+
			"Configuration: %w", err)
	}
	want := *a.api()
	var st InspectorOrganizationConfigurationState
	err := c.until(ctx, 5*time.Minute, func() (bool, error) {
		var err error
		if st, err = c.describeInspector(ctx); err != nil {
			return false, err
		}
		got := *st.AutoEnable.api()
		return *got.Ec2 == *want.Ec2 && *got.Ecr == *want.Ecr && *got.Lambda == *want.Lambda &&
			*got.LambdaCode == *want.LambdaCode, nil
	})
	if err != nil {
		return st, fmt.Errorf("waiting for Inspector2 Organization Configuration update: %w", err)
	}
	return st, nil
}

// Create sets the configuration.
func (*InspectorOrganizationConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[InspectorOrganizationConfigurationArgs],
) (infer.CreateResponse[InspectorOrganizationConfigurationState], error) {
	out := infer.CreateResponse[InspectorOrganizationConfigurationState]{
		Output: InspectorOrganizationConfigurationState{InspectorOrganizationConfigurationArgs: req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	id, err := c.accountID(ctx)
	if err != nil {
		return out, err
	}
	out.ID = id
	st, err := c.putInspector(ctx, req.Inputs.AutoEnable)
	if err == nil {
		out.Output = st
	}
	return out, err
}

// Update sets the configuration.
func (*InspectorOrganizationConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[InspectorOrganizationConfigurationArgs, InspectorOrganizationConfigurationState],
) (infer.UpdateResponse[InspectorOrganizationConfigurationState], error) {
	out := infer.UpdateResponse[InspectorOrganizationConfigurationState]{
		Output: InspectorOrganizationConfigurationState{InspectorOrganizationConfigurationArgs: req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	st, err := config(ctx).putInspector(ctx, req.Inputs.AutoEnable)
	if err == nil {
		out.Output = st
	}
	return out, err
}

// Read describes the configuration.
func (*InspectorOrganizationConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[InspectorOrganizationConfigurationArgs, InspectorOrganizationConfigurationState],
) (infer.ReadResponse[InspectorOrganizationConfigurationArgs, InspectorOrganizationConfigurationState], error) {
	type resp = infer.ReadResponse[InspectorOrganizationConfigurationArgs, InspectorOrganizationConfigurationState]
	st, err := config(ctx).describeInspector(ctx)
	switch code := errorCode(err); {
	case code == "ResourceNotFoundException":
		return resp{}, nil
	case err != nil:
		return resp{}, fmt.Errorf("reading Inspector2 Organization Configuration (%s): %w", req.ID, err)
	}
	return resp{ID: req.ID, Inputs: st.InspectorOrganizationConfigurationArgs, State: st}, nil
}

// Delete turns auto-enable off.
func (*InspectorOrganizationConfiguration) Delete(ctx context.Context,
	req infer.DeleteRequest[InspectorOrganizationConfigurationState],
) (infer.DeleteResponse, error) {
	_, err := config(ctx).putInspector(ctx, InspectorAutoEnable{Lambda: aws.Bool(false), LambdaCode: aws.Bool(false)})
	return infer.DeleteResponse{}, err
}
