// Command service-catalog shares Service Catalog portfolios across an AWS
// organization with orgtrust's ServiceCatalogSharing: organization access
// through Service Catalog's own API, a delegated administrator, a portfolio
// created and shared with the organization's workload OUs and one member
// account, an existing portfolio shared with an external account, and the
// Identity Center permission sets that may launch products.
//
// Run it with credentials of the organization's management account; the IDs
// come from the stack configuration (see README.md).
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var workloadOUs []string
		cfg.RequireObject("workloadOus", &workloadOUs)

		var platformShares []components.ShareSpec
		for _, ou := range workloadOUs {
			platformShares = append(platformShares, components.ShareSpec{
				Type: components.ShareTypeOrganizationalUnit, ID: ou,
			})
		}
		if sandbox := cfg.Get("sandboxAccountId"); sandbox != "" {
			platformShares = append(platformShares, components.ShareSpec{
				Type: components.ShareTypeOrganizationMemberAccount, ID: sandbox,
			})
		}

		portfolios := []components.PortfolioSpec{{
			Key: "platform",
			Create: &components.PortfolioCreateSpec{
				Name:         "Platform golden paths",
				Description:  "Approved building blocks from the platform team.",
				ProviderName: "Platform team",
				Tags:         map[string]string{"owner": "platform"},
			},
			Shares:          platformShares,
			ShareTagOptions: true,
			// Principal name sharing carries the associations below to every
			// account under the OUs.
			SharePrincipals: true,
			PrincipalAssociations: []components.PrincipalAssociationSpec{
				{PermissionSetName: "DeveloperAccess"},
				{IAMRolePattern: "ci/ProductLauncher*"},
			},
		}}
		if id := cfg.Get("partnerPortfolioId"); id != "" {
			portfolios = append(portfolios, components.PortfolioSpec{
				Key:    "partner",
				ID:     id,
				Shares: []components.ShareSpec{{Type: components.ShareTypeAccount, ID: cfg.Require("partnerAccountId")}},
			})
		}

		sharing, err := components.NewServiceCatalogSharing(ctx, "service-catalog", components.ServiceCatalogSharingArgs{
			// "" enables organization access with Service Catalog's own
			// EnableAWSOrganizationsAccess, as AWS recommends.
			DelegatedAdminAccountID: cfg.Get("delegatedAdminAccountId"),
			ManagementAccountID:     cfg.Get("managementAccountId"),
			OrganizationID:          cfg.Get("organizationId"),
			Portfolios:              portfolios,
		})
		if err != nil {
			return err // a malformed OU or account ID fails here, at preview, naming the field
		}
		ctx.Export("portfolioIds", sharing.PortfolioIDs)
		ctx.Export("shareIds", sharing.ShareIDs)
		ctx.Export("ready", sharing.Ready)
		return nil
	})
}
