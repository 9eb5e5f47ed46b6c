package components

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TrustedServiceAccess is the Go client of the orgtrust provider's native
// resource orgtrust:index:TrustedServiceAccess: trusted access for one service
// principal, enabled with EnableAWSServiceAccess and owned without taking over
// the organization's whole principal list. The resource itself runs in the
// orgtrust provider plugin, which the Pulumi engine loads for it (see the
// README: `make install` locally, the plugin download URL for users).
type TrustedServiceAccess struct {
	pulumi.CustomResourceState

	// ServicePrincipal is the principal, such as sso.amazonaws.com.
	ServicePrincipal pulumi.StringOutput `pulumi:"servicePrincipal"`
	// ServiceKey is the catalog key of the service; empty outside the catalog.
	ServiceKey pulumi.StringOutput `pulumi:"serviceKey"`
	// DateEnabled is when trusted access was enabled, in RFC 3339.
	DateEnabled pulumi.StringOutput `pulumi:"dateEnabled"`
	// ServiceLinkedRoles are the roles the service creates in member accounts.
	ServiceLinkedRoles pulumi.StringArrayOutput `pulumi:"serviceLinkedRoles"`
	// EnablePath is the path AWS recommends: organizations, service or serviceOnly.
	EnablePath pulumi.StringOutput `pulumi:"enablePath"`
	// WillDisableOnDelete says whether deleting the resource disables access.
	WillDisableOnDelete pulumi.BoolOutput `pulumi:"willDisableOnDelete"`
}

// TrustedServiceAccessArgs are the inputs of TrustedServiceAccess. They are
// plain values: the principal is checked against the catalog before anything
// is registered, so a typo fails the preview.
type TrustedServiceAccessArgs struct {
	// ServicePrincipal is the principal to enable, such as sso.amazonaws.com.
	ServicePrincipal string
	// DisableOnDelete overrides the catalog default: true, except for services
	// whose disabling while in use is destructive (IAM Identity Center).
	DisableOnDelete *bool
	// AllowUnknownPrincipal accepts a principal outside the catalog.
	AllowUnknownPrincipal bool
	// Force enables through Organizations a service AWS says to enable only
	// through its own API.
	Force bool
}

// NewTrustedServiceAccess registers a TrustedServiceAccess resource. Bad input
// is an error before anything is registered.
func NewTrustedServiceAccess(ctx *pulumi.Context, name string, args TrustedServiceAccessArgs,
	opts ...pulumi.ResourceOption,
) (*TrustedServiceAccess, error) {
	if _, err := ValidatePrincipal("servicePrincipal", args.ServicePrincipal, PrincipalOptions{
		AllowUnknown: args.AllowUnknownPrincipal,
		Force:        args.Force,
	}); err != nil {
		return nil, fmt.Errorf("%s %q: %w", TrustedServiceAccessToken, name, err)
	}
	props := pulumi.Map{
		"servicePrincipal": pulumi.String(args.ServicePrincipal),
	}
	if args.DisableOnDelete != nil {
		props["disableOnDelete"] = pulumi.Bool(*args.DisableOnDelete)
	}
	if args.AllowUnknownPrincipal {
		props["allowUnknownPrincipal"] = pulumi.Bool(true)
	}
	if args.Force {
		props["force"] = pulumi.Bool(true)
	}
	var res TrustedServiceAccess
	if err := ctx.RegisterResource(TrustedServiceAccessToken, name, props, &res, withPackageDefaults(opts)...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", TrustedServiceAccessToken, name, err)
	}
	return &res, nil
}
