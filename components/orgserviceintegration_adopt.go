package components

import (
	"fmt"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The adoption of an OrgServiceIntegration's existing children
// (OrgServiceIntegrationArgs.Adopt): checked with the plan, applied as
// import options while registering.

// checkAdopt checks adopt against the resolved plan.
func (p *integrationPlan) checkAdopt(errs *InputErrors) {
	a := p.args.Adopt
	if a == nil {
		return
	}
	if a.DelegatedAdmin && p.admin == "" {
		errs.addSubject("adopt.delegatedAdmin", "", "is true, but delegatedAdminAccountId is empty: set "+
			"delegatedAdminAccountId to the registered administrator, or remove adopt.delegatedAdmin")
	}
	if a.DelegatedAdmin && len(p.regions) > 0 {
		errs.addSubject("adopt.delegatedAdmin", "", "is true for %s, designated per Region in %v: list the "+
			"Regions where the administrator is designated in adopt.delegatedAdminRegions instead", p.label(), p.regions)
	}
	seen := map[string]bool{}
	for i, r := range a.DelegatedAdminRegions {
		field := fmt.Sprintf("adopt.delegatedAdminRegions[%d]", i)
		switch {
		case len(p.regions) == 0:
			errs.addSubject(field, r, "%q: adopt.delegatedAdminRegions needs regions, the Regions of a service "+
				"designated per Region; for one registration use adopt.delegatedAdmin", r)
			return
		case !slices.Contains(p.regions, r):
			errs.addSubject(field, r, "%q is not one of regions %v: list only Regions the integration "+
				"designates its administrator in", r, p.regions)
		case seen[r]:
			errs.addSubject(field, r, "%q is listed twice: list each Region once", r)
		}
		seen[r] = true
	}
	for i, r := range a.OrganizationConfigurationRegions {
		field := fmt.Sprintf("adopt.organizationConfigurationRegions[%d]", i)
		switch {
		case p.orgConfig == nil:
			errs.addSubject(field, r, "%q: there is no organizationConfiguration to adopt: remove "+
				"adopt.organizationConfigurationRegions, or set organizationConfiguration", r)
			return
		case !slices.Contains(p.orgConfig.regions, r):
			errs.addSubject(field, r, "%q is not one of the organization configuration's Regions %v", r,
				p.orgConfig.regions)
		}
	}
	if a.Access && p.enablePath == enableViaNone {
		errs.addSubject("adopt.access", "", "is true, but enableVia %q manages no trusted access: remove "+
			"adopt.access", enableViaNone)
	}
}

// adoptNeedsManagement says whether an import ID needs the management account
// (RAM's SharingWithOrganization is imported by it) that the input lacks.
func (p *integrationPlan) adoptNeedsManagement() bool {
	if p.args.Adopt == nil || !p.args.Adopt.Access || p.args.ManagementAccountID != "" ||
		p.enablePath != enableViaService || p.enableResource == p.adminResource {
		return false
	}
	id, ok := p.enableResource.ImportID(catalog.ImportKey{ManagementAccountID: "?"})
	return ok && id == "?"
}

// accessImport returns the import option of the service's own enable
// resource, when it is adopted and pulumi-aws imports it.
func (p *integrationPlan) accessImport() []pulumi.ResourceOption {
	if p.args.Adopt == nil || !p.args.Adopt.Access {
		return nil
	}
	return importOption(p.enableResource, catalog.ImportKey{ManagementAccountID: p.args.ManagementAccountID})
}

// adminImport returns the import option of the administrator's resource for
// principal in region ("" without regions), when it is adopted.
func (p *integrationPlan) adminImport(t catalog.ResourceType, principal, region string) []pulumi.ResourceOption {
	a := p.args.Adopt
	if a == nil {
		return nil
	}
	if (region == "" && !a.DelegatedAdmin) || (region != "" && !slices.Contains(a.DelegatedAdminRegions, region)) {
		return nil
	}
	return importOption(t, catalog.ImportKey{AccountID: p.admin, Principal: principal,
		ManagementAccountID: p.args.ManagementAccountID})
}

// importOption is the import option of an existing t, or none when t is not
// imported (it adopts what exists on create, or has no import).
func importOption(t catalog.ResourceType, k catalog.ImportKey) []pulumi.ResourceOption {
	id, ok := t.ImportID(k)
	if !ok {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.Import(pulumi.ID(id))}
}

// adoptsOrgConfig says whether the organization configuration exists in
// region, to import.
func (p *integrationPlan) adoptsOrgConfig(region string) bool {
	return p.args.Adopt != nil && slices.Contains(p.args.Adopt.OrganizationConfigurationRegions, region)
}
