package components

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/servicecatalog"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The organization lookup and the registration helpers of
// ServiceCatalogSharing.

// scRegisterPortfolio creates the portfolio p asks for, or returns the ID of the
// existing one.
func scRegisterPortfolio(ctx *pulumi.Context, comp *ServiceCatalogSharing, name string, p scPortfolioPlan,
) (pulumi.StringOutput, error) {
	if p.create == nil {
		return pulumi.String(p.existingID).ToStringOutput(), nil
	}
	pa := &servicecatalog.PortfolioArgs{
		Name:         pulumi.String(p.create.Name),
		ProviderName: pulumi.String(p.create.ProviderName),
	}
	if p.create.Description != "" {
		pa.Description = pulumi.String(p.create.Description)
	}
	if len(p.create.Tags) > 0 {
		pa.Tags = pulumi.ToStringMap(p.create.Tags)
	}
	portfolio, err := servicecatalog.NewPortfolio(ctx, name+"-portfolio-"+p.key, pa,
		append([]pulumi.ResourceOption{pulumi.Parent(comp)}, p.portfolioImport()...)...)
	if err != nil {
		return pulumi.StringOutput{}, fmt.Errorf("creating portfolio %q: %w", p.key, err)
	}
	comp.children = append(comp.children, portfolio)
	return portfolio.ID().ToStringOutput(), nil
}

// scResolveOrganization returns the management account and organization ID,
// reading the organization (lookupOrganization, through the component's aws
// provider) only when organization or OU shares, or the integration's
// delegated-administrator check, need a value that was not given. It checks
// the given values and the ORGANIZATION shares against the organization, and
// reports every mismatch as InputErrors.
func scResolveOrganization(ctx *pulumi.Context, args ServiceCatalogSharingArgs, plan scSharingPlan,
	integration *integrationPlan, opts []pulumi.ResourceOption,
) (organization, error) {
	given := organization{managementAccountID: args.ManagementAccountID, id: args.OrganizationID}
	adminCheck := integration != nil && integration.needsManagementLookup()
	if !plan.needsOrgLookup && !adminCheck {
		return given, nil
	}
	org, err := lookupOrganization(ctx, opts, ", for the management account and organization ID that "+
		"organization shares and the delegated-administrator check need", "managementAccountId and organizationId")
	if err != nil {
		return organization{}, err
	}
	var errs InputErrors
	if m := args.ManagementAccountID; m != "" && m != org.managementAccountID {
		errs.add("managementAccountId", m, "%q is not the management account of organization %q, which is %q; "+
			"fix managementAccountId, or remove it to use the organization's", m, org.id, org.managementAccountID)
	}
	if id := args.OrganizationID; id != "" && id != org.id {
		errs.add("organizationId", id, "%q is not the organization the AWS provider's account belongs to, which "+
			"is %q; fix organizationId, or remove it to use %q", id, org.id, org.id)
	}
	if integration != nil {
		if e := integration.checkAgainst(org); e != nil {
			errs = append(errs, e)
		}
	}
	for _, p := range plan.portfolios {
		for _, s := range p.shares {
			if s.shareType == ShareTypeOrganization && s.targetID != org.id {
				errs.add(s.field+".id", s.targetID, "%q is not this organization, which is %q; share with %q",
					s.targetID, org.id, org.id)
			}
		}
	}
	if len(errs) > 0 {
		return organization{}, errs
	}
	return org, nil
}

// scSharePrincipalID is the principalId of a share: the account ID for account
// shares, the organization or OU ARN for the others. pulumi-aws v6 (its
// Terraform provider before v6.29.0) rejects bare o- and ou- IDs there, and
// the Service Catalog API takes the ARNs of the aws partition.
func scSharePrincipalID(s scSharePlan, org organization) string {
	switch s.shareType {
	case ShareTypeOrganization:
		return scOrganizationARN(org.managementAccountID, s.targetID)
	case ShareTypeOrganizationalUnit:
		return scOrganizationalUnitARN(org.managementAccountID, org.id, s.targetID)
	default:
		return s.targetID
	}
}

// scOrganizationARN is the ARN of organization orgID managed from account mgmt.
func scOrganizationARN(mgmt, orgID string) string {
	return "arn:aws:organizations::" + mgmt + ":organization/" + orgID
}

// scOrganizationalUnitARN is the ARN of OU ouID in organization orgID.
func scOrganizationalUnitARN(mgmt, orgID, ouID string) string {
	return "arn:aws:organizations::" + mgmt + ":ou/" + orgID + "/" + ouID
}
