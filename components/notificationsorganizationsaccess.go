package components

import (
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"

	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The catalog constructs it for its service (RegisterNative, which panics
// when the catalog does not know the token: they cannot drift apart).
func init() {
	catalog.RegisterNative(catalog.ResourceType(NotificationsOrganizationsAccessToken), func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewNotificationsOrganizationsAccess(ctx, name, NotificationsOrganizationsAccessArgs{}, opts...)
	}, nil)
}

// NotificationsOrganizationsAccess is the Go client of the orgtrust provider's
// native resource orgtrust:index:NotificationsOrganizationsAccess: AWS User
// Notifications' trusted access, enabled with
// EnableNotificationsAccessForOrganization as AWS requires. pulumi-aws v6 has
// no resource for it.
type NotificationsOrganizationsAccess struct {
	pulumi.CustomResourceState

	// AccessStatus is what GetNotificationsAccessForOrganization reports.
	AccessStatus pulumi.StringOutput `pulumi:"accessStatus"`
	// WillDisableOnDelete says whether deleting the resource disables access.
	WillDisableOnDelete pulumi.BoolOutput `pulumi:"willDisableOnDelete"`
}

// NotificationsOrganizationsAccessArgs are the inputs of NotificationsOrganizationsAccess.
type NotificationsOrganizationsAccessArgs struct {
	// DisableOnDelete, when false, keeps access enabled when the resource is
	// deleted. Nil means true.
	DisableOnDelete *bool
}

// NewNotificationsOrganizationsAccess registers a NotificationsOrganizationsAccess resource.
func NewNotificationsOrganizationsAccess(ctx *pulumi.Context, name string, args NotificationsOrganizationsAccessArgs,
	opts ...pulumi.ResourceOption,
) (*NotificationsOrganizationsAccess, error) {
	props := pulumi.Map{}
	if args.DisableOnDelete != nil {
		props["disableOnDelete"] = pulumi.Bool(*args.DisableOnDelete)
	}
	var res NotificationsOrganizationsAccess
	if err := ctx.RegisterResource(NotificationsOrganizationsAccessToken, name, props, &res,
		withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", NotificationsOrganizationsAccessToken, name, err)
	}
	return &res, nil
}
