package components

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// PermissionSetProvisioning is the Go client of
// orgtrust:index:PermissionSetProvisioning: ProvisionPermissionSet
// (ALL_PROVISIONED_ACCOUNTS) whenever its revision changes, waiting for the
// outcome; a refresh that finds outdated accounts makes the next update
// provision again.
type PermissionSetProvisioning struct {
	pulumi.CustomResourceState

	// OutdatedAccountIDs are the accounts without the permission set's latest
	// version, as last read.
	OutdatedAccountIDs pulumi.StringArrayOutput `pulumi:"outdatedAccountIds"`
}

// PermissionSetProvisioningArgs are the inputs of PermissionSetProvisioning.
type PermissionSetProvisioningArgs struct {
	InstanceArn      pulumi.StringInput
	PermissionSetArn pulumi.StringInput
	// Revision changes whenever the permission set or its policies do.
	Revision string
}

// NewPermissionSetProvisioning registers a PermissionSetProvisioning resource.
func NewPermissionSetProvisioning(ctx *pulumi.Context, name string, args PermissionSetProvisioningArgs,
	opts ...pulumi.ResourceOption,
) (*PermissionSetProvisioning, error) {
	if args.InstanceArn == nil || args.PermissionSetArn == nil {
		return nil, fmt.Errorf("%s %q: instanceArn and permissionSetArn are required", PermissionSetProvisioningToken,
			name)
	}
	props := pulumi.Map{
		"instanceArn":      args.InstanceArn,
		"permissionSetArn": args.PermissionSetArn,
		"revision":         pulumi.String(args.Revision),
	}
	var res PermissionSetProvisioning
	if err := ctx.RegisterResource(PermissionSetProvisioningToken, name, props, &res,
		withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", PermissionSetProvisioningToken, name, err)
	}
	return &res, nil
}
