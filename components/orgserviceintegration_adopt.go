package components

import (
	"fmt"
	"maps"
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
	p.checkAdoptIDs(errs)
	if a.Access && p.enablePath == enableViaNone {
		errs.addSubject("adopt.access", "", "is true, but enableVia %q manages no trusted access: remove "+
			"adopt.access", enableViaNone)
	}
}

// checkAdoptIDs checks adopt.organizationConfigurationIds: each key names a
// resource of the configuration, and each ID is set.
func (p *integrationPlan) checkAdoptIDs(errs *InputErrors) {
	ids := p.args.Adopt.OrganizationConfigurationIDs
	if len(ids) == 0 {
		return
	}
	known := map[string]bool{}
	if c := p.orgConfig; c != nil {
		if s := c.cfg.SecurityHub; s != nil && s.ConfigurationType == securityHubCentral {
			known["findingAggregator"] = true
			for _, pol := range s.Policies {
				known["policy:"+pol.Name] = true
				for _, t := range pol.Targets {
					known["association:"+t] = true
				}
			}
		}
		if c.cfg.Detective != nil {
			for _, r := range c.regions {
				known["graph:"+r] = true
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(ids)) {
		field := "adopt.organizationConfigurationIds." + k
		switch {
		case !known[k]:
			errs.addSubject(field, k, "%q names no resource of the organization configuration: use "+
				"findingAggregator, policy:<name>, association:<target> (Security Hub central configuration) or "+
				"graph:<region> (Detective), for a policy, target or Region the configuration has", k)
		case ids[k] == "":
			errs.addSubject(field, "", "is empty: give the resource's import ID, or remove the key")
		}
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

// orgConfigImportID is the import ID of an adopted organization
// configuration resource that AWS assigned an ID (adopt.organizationConfigurationIds),
// when the configuration is adopted in region and the ID was given.
func (p *integrationPlan) orgConfigImportID(region, key string) (string, bool) {
	if !p.adoptsOrgConfig(region) {
		return "", false
	}
	id, ok := p.args.Adopt.OrganizationConfigurationIDs[key]
	return id, ok && id != ""
}

// adoptsOrgConfig says whether the organization configuration exists in
// region, to import.
func (p *integrationPlan) adoptsOrgConfig(region string) bool {
	return p.args.Adopt != nil && slices.Contains(p.args.Adopt.OrganizationConfigurationRegions, region)
}
