package components

import (
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"

	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The catalog constructs it for its service (RegisterNative, which panics
// when the catalog does not know the token: they cannot drift apart).
func init() {
	catalog.RegisterNative(catalog.ResourceType(StackSetsOrganizationsAccessToken), func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewStackSetsOrganizationsAccess(ctx, name, StackSetsOrganizationsAccessArgs{}, opts...)
	}, nil)
}

// StackSetsOrganizationsAccess is the Go client of the orgtrust provider's
// native resource orgtrust:index:StackSetsOrganizationsAccess: CloudFormation
// StackSets' trusted access, activated with CloudFormation
// ActivateOrganizationsAccess as AWS requires. pulumi-aws v6 has no resource
// for it.
type StackSetsOrganizationsAccess struct {
	pulumi.CustomResourceState

	// Status is what DescribeOrganizationsAccess reports: ENABLED.
	Status pulumi.StringOutput `pulumi:"status"`
	// WillDeactivateOnDelete says whether deleting the resource deactivates access.
	WillDeactivateOnDelete pulumi.BoolOutput `pulumi:"willDeactivateOnDelete"`
}

// StackSetsOrganizationsAccessArgs are the inputs of StackSetsOrganizationsAccess.
type StackSetsOrganizationsAccessArgs struct {
	// DeactivateOnDelete, when false, keeps access activated when the
	// resource is deleted. Nil means true.
	DeactivateOnDelete *bool
}

// NewStackSetsOrganizationsAccess registers a StackSetsOrganizationsAccess resource.
func NewStackSetsOrganizationsAccess(ctx *pulumi.Context, name string, args StackSetsOrganizationsAccessArgs,
	opts ...pulumi.ResourceOption,
) (*StackSetsOrganizationsAccess, error) {
	props := pulumi.Map{}
	if args.DeactivateOnDelete != nil {
		props["deactivateOnDelete"] = pulumi.Bool(*args.DeactivateOnDelete)
	}
	var res StackSetsOrganizationsAccess
	if err := ctx.RegisterResource(StackSetsOrganizationsAccessToken, name, props, &res,
		withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", StackSetsOrganizationsAccessToken, name, err)
	}
	return &res, nil
}
