// Command baseline is the root project's program: the organization baseline of
// trusted-access integrations that a platform team previews on every pull
// request. It reads the principals to enable from the stack configuration.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		var principals []string
		config.New(ctx, "baseline").RequireObject("trustedPrincipals", &principals)
		enabled := pulumi.StringMap{}
		for _, p := range principals {
			// Keyed by principal, so reordering the list replaces nothing.
			access, err := components.NewTrustedServiceAccess(ctx, p, components.TrustedServiceAccessArgs{
				ServicePrincipal: p,
			})
			if err != nil {
				return err
			}
			enabled[p] = access.DateEnabled
		}
		ctx.Export("enabled", enabled)
		return nil
	})
}
