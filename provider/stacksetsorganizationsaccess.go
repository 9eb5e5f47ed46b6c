package provider

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

//go:embed docs/stacksetsorganizationsaccess.md
var stackSetsOrganizationsAccessDoc string

// stackSetsID is the ID of the one StackSetsOrganizationsAccess an
// organization has: the principal whose trusted access it manages.
const stackSetsID = "member.org.stacksets.cloudformation.amazonaws.com"

// StackSetsOrganizationsAccess activates trusted access between CloudFormation
// StackSets and AWS Organizations with CloudFormation's own API, which AWS
// requires (Organizations EnableAWSServiceAccess is not the way).
type StackSetsOrganizationsAccess struct{}

// Compile-time checks that the resource implements the life cycle.
var (
	_ infer.CustomResource[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState] = (*StackSetsOrganizationsAccess)(nil)
	_ infer.CustomRead[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState]     = (*StackSetsOrganizationsAccess)(nil)
	_ infer.CustomUpdate[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState]   = (*StackSetsOrganizationsAccess)(nil)
	_ infer.CustomDelete[StackSetsOrganizationsAccessState]                                     = (*StackSetsOrganizationsAccess)(nil)
)

// StackSetsOrganizationsAccessArgs are the inputs of StackSetsOrganizationsAccess.
type StackSetsOrganizationsAccessArgs struct {
	DeactivateOnDelete *bool `pulumi:"deactivateOnDelete,optional"`
}

// StackSetsOrganizationsAccessState is the state of StackSetsOrganizationsAccess.
type StackSetsOrganizationsAccessState struct {
	StackSetsOrganizationsAccessArgs
	Status                 string `pulumi:"status"`
	WillDeactivateOnDelete bool   `pulumi:"willDeactivateOnDelete"`
}

// Annotate documents the resource.
func (r *StackSetsOrganizationsAccess) Annotate(a infer.Annotator) {
	a.Describe(r, stackSetsOrganizationsAccessDoc)
}

// Annotate documents the inputs.
func (a *StackSetsOrganizationsAccessArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.DeactivateOnDelete, "Whether deleting the resource deactivates StackSets' organizations access "+
		"(DeactivateOrganizationsAccess). Defaults to true. Set false when stack sets with service-managed "+
		"permissions outlive the stack that manages this resource.")
}

// Annotate documents the outputs.
func (s *StackSetsOrganizationsAccessState) Annotate(a infer.Annotator) {
	a.Describe(&s.Status, "The status DescribeOrganizationsAccess reports: `ENABLED` while the resource exists.")
	a.Describe(&s.WillDeactivateOnDelete, "Whether deleting this resource will deactivate organizations access: "+
		"`deactivateOnDelete` with its default applied.")
}

func stackSetsStateOf(args StackSetsOrganizationsAccessArgs, status cfntypes.OrganizationStatus) StackSetsOrganizationsAccessState {
	return StackSetsOrganizationsAccessState{
		StackSetsOrganizationsAccessArgs: args,
		Status:                           string(status),
		WillDeactivateOnDelete:           args.DeactivateOnDelete == nil || *args.DeactivateOnDelete,
	}
}

// describeStackSetsAccess reads the organizations access status.
func describeStackSetsAccess(ctx context.Context, api awsapi.CloudFormation) (cfntypes.OrganizationStatus, error) {
	out, err := api.DescribeOrganizationsAccess(ctx, &cloudformation.DescribeOrganizationsAccessInput{})
	if err != nil {
		return "", explainService("cloudformation:DescribeOrganizationsAccess", err)
	}
	return out.Status, nil
}

// Create activates organizations access; access that is already active is
// adopted without a write.
func (*StackSetsOrganizationsAccess) Create(ctx context.Context,
	req infer.CreateRequest[StackSetsOrganizationsAccessArgs],
) (infer.CreateResponse[StackSetsOrganizationsAccessState], error) {
	type resp = infer.CreateResponse[StackSetsOrganizationsAccessState]
	if req.DryRun {
		return resp{ID: stackSetsID, Output: stackSetsStateOf(req.Inputs, cfntypes.OrganizationStatusEnabled)}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	api, err := cfg.cloudFormation(ctx)
	if err != nil {
		return resp{}, err
	}
	status, err := describeStackSetsAccess(ctx, api)
	if err != nil {
		return resp{}, err
	}
	if status != cfntypes.OrganizationStatusEnabled {
		orgs, err := cfg.orgs(ctx)
		if err != nil {
			return resp{}, err
		}
		// ActivateOrganizationsAccess enables trusted access in Organizations,
		// so it goes through the same write queue as TrustedServiceAccess.
		if err := orgs.serviceWrite(ctx, "cloudformation:ActivateOrganizationsAccess", func() error {
			_, err := api.ActivateOrganizationsAccess(ctx, &cloudformation.ActivateOrganizationsAccessInput{})
			return err
		}); err != nil {
			return resp{}, fmt.Errorf("activating StackSets organizations access: %w", err)
		}
		if status, err = waitStackSetsAccess(ctx, cfg, api, cfntypes.OrganizationStatusEnabled); err != nil {
			return resp{}, fmt.Errorf("activated StackSets organizations access, but DescribeOrganizationsAccess "+
				"reports %s; another tool may have deactivated it at the same time: %w", status, err)
		}
	}
	return resp{ID: stackSetsID, Output: stackSetsStateOf(req.Inputs, status)}, nil
}

// Read reports the resource gone when access was deactivated out of band, so
// the next update activates it again. Import takes the ID stackSetsID, and
// fails when access is not activated (nothingToImport).
func (*StackSetsOrganizationsAccess) Read(ctx context.Context,
	req infer.ReadRequest[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState],
) (infer.ReadResponse[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState], error) {
	type resp = infer.ReadResponse[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState]
	if req.ID != stackSetsID {
		return resp{}, fmt.Errorf("%q is not the ID of StackSets organizations access: an organization has one, "+
			"imported with the ID %q", req.ID, stackSetsID)
	}
	api, err := infer.GetConfig[*Config](ctx).cloudFormation(ctx)
	if err != nil {
		return resp{}, err
	}
	status, err := describeStackSetsAccess(ctx, api)
	if err != nil {
		return resp{}, err
	}
	switch {
	case status != cfntypes.OrganizationStatusEnabled && req.State.Status == "": // an import: no prior state
		return resp{}, nothingToImport(fmt.Sprintf("StackSets organizations access is %s", status),
			"create the resource without importing it (its create activates access), "+
				"or check `aws cloudformation describe-organizations-access`")
	case status != cfntypes.OrganizationStatusEnabled:
		return resp{}, nil
	}
	return resp{ID: stackSetsID, Inputs: req.Inputs, State: stackSetsStateOf(req.Inputs, status)}, nil
}

// Update changes only what delete does: no AWS call.
func (*StackSetsOrganizationsAccess) Update(_ context.Context,
	req infer.UpdateRequest[StackSetsOrganizationsAccessArgs, StackSetsOrganizationsAccessState],
) (infer.UpdateResponse[StackSetsOrganizationsAccessState], error) {
	return infer.UpdateResponse[StackSetsOrganizationsAccessState]{
		Output: stackSetsStateOf(req.Inputs, cfntypes.OrganizationStatus(req.State.Status)),
	}, nil
}

// Delete deactivates organizations access unless the resource keeps it.
func (*StackSetsOrganizationsAccess) Delete(ctx context.Context,
	req infer.DeleteRequest[StackSetsOrganizationsAccessState],
) (infer.DeleteResponse, error) {
	if !req.State.WillDeactivateOnDelete {
		p.GetLogger(ctx).Infof("keeping StackSets organizations access (deactivateOnDelete is false)")
		return infer.DeleteResponse{}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	api, err := cfg.cloudFormation(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	orgs, err := cfg.orgs(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	if err := orgs.serviceWrite(ctx, "cloudformation:DeactivateOrganizationsAccess", func() error {
		_, err := api.DeactivateOrganizationsAccess(ctx, &cloudformation.DeactivateOrganizationsAccessInput{})
		return err
	}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deactivating StackSets organizations access: %w", err)
	}
	if status, err := waitStackSetsAccess(ctx, cfg, api, cfntypes.OrganizationStatusDisabled); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deactivated StackSets organizations access, but "+
			"DescribeOrganizationsAccess reports %s; another tool may have activated it at the same time: %w",
			status, err)
	}
	return infer.DeleteResponse{}, nil
}

// waitStackSetsAccess reads the status until it is want: it lags
// ActivateOrganizationsAccess and DeactivateOrganizationsAccess
// (propagation). It returns the last status read.
func waitStackSetsAccess(ctx context.Context, cfg *Config, api awsapi.CloudFormation, want cfntypes.OrganizationStatus) (
	cfntypes.OrganizationStatus, error,
) {
	var status cfntypes.OrganizationStatus
	err := cfg.propagation().wait(ctx, "DescribeOrganizationsAccess to report "+string(want),
		func(ctx context.Context) (bool, error) {
			var err error
			status, err = describeStackSetsAccess(ctx, api)
			return status == want, err
		})
	return status, err
}
