package components

import (
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"

	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The catalog constructs it for its service (RegisterNative, which panics
// when the catalog does not know the token: they cannot drift apart).
func init() {
	// It also enables Security Lake's trusted access, as IPAM's admin does;
	// the catalog row names it as both enable and admin resource.
	catalog.RegisterNative(catalog.ResourceType(SecurityLakeDelegatedAdminToken), nil, func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewSecurityLakeDelegatedAdmin(ctx, name, SecurityLakeDelegatedAdminArgs{AccountID: id}, opts...)
	})
}

// SecurityLakeDelegatedAdmin is the Go client of the orgtrust provider's
// native resource orgtrust:index:SecurityLakeDelegatedAdmin: the
// organization's Amazon Security Lake delegated administrator, designated with
// Security Lake RegisterDataLakeDelegatedAdministrator, which also enables
// Security Lake's trusted access. Neither pulumi-aws v6 nor aws-native has a
// resource for it.
type SecurityLakeDelegatedAdmin struct {
	pulumi.CustomResourceState

	// AccountID is the delegated administrator.
	AccountID pulumi.StringOutput `pulumi:"accountId"`
	// ServicePrincipal is securitylake.amazonaws.com.
	ServicePrincipal pulumi.StringOutput `pulumi:"servicePrincipal"`
	// WillDeregisterOnDelete says whether deleting the resource deregisters it.
	WillDeregisterOnDelete pulumi.BoolOutput `pulumi:"willDeregisterOnDelete"`
}

// SecurityLakeDelegatedAdminArgs are the inputs of SecurityLakeDelegatedAdmin.
type SecurityLakeDelegatedAdminArgs struct {
	// AccountID is the 12-digit member account to designate.
	AccountID string
	// DeregisterOnDelete, when false, keeps the administrator when the
	// resource is deleted. Nil means true.
	DeregisterOnDelete *bool
}

// NewSecurityLakeDelegatedAdmin registers a SecurityLakeDelegatedAdmin
// resource. A malformed account ID is an error before anything is registered.
func NewSecurityLakeDelegatedAdmin(ctx *pulumi.Context, name string, args SecurityLakeDelegatedAdminArgs,
	opts ...pulumi.ResourceOption,
) (*SecurityLakeDelegatedAdmin, error) {
	if !accountIDPattern.MatchString(args.AccountID) {
		return nil, fmt.Errorf("%s %q: accountId %q is not an AWS account ID: set it to the 12 digits of a member "+
			"account, such as %q", SecurityLakeDelegatedAdminToken, name, args.AccountID, "111122223333")
	}
	props := pulumi.Map{"accountId": pulumi.String(args.AccountID)}
	if args.DeregisterOnDelete != nil {
		props["deregisterOnDelete"] = pulumi.Bool(*args.DeregisterOnDelete)
	}
	var res SecurityLakeDelegatedAdmin
	if err := ctx.RegisterResource(SecurityLakeDelegatedAdminToken, name, props, &res,
		withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", SecurityLakeDelegatedAdminToken, name, err)
	}
	return &res, nil
}
