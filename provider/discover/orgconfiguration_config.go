package discover

import (
	"reflect"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// orgConfiguration returns the organization configuration read for svc, to
// write on its integration whose administrator is designated in
// adminRegions, and the Regions where it exists (to adopt). nil when none
// was read, or when it differs between Regions: an integration has one
// configuration for all its Regions, so that is reported and left out.
func (g *Generated) orgConfiguration(svc components.Service, adminRegions []string,
) (*components.OrganizationConfiguration, []string) {
	found := g.inv.OrgConfigs[svc.Key]
	if len(found) == 0 {
		return nil, nil
	}
	regions := sortedKeys(found)
	first := found[regions[0]]
	for _, r := range regions[1:] {
		if !reflect.DeepEqual(found[r], first) {
			g.cannot(svc.DisplayName+"'s organization configuration", "it differs between Regions (%s), and an "+
				"integration sets one configuration in all its Regions: it is left out and stays as it is; write "+
				"the one you want under organizationConfiguration, and the first `pulumi up` sets it in every "+
				"Region", strings.Join(regions, ", "))
			return nil, nil
		}
	}
	cfg := first
	if sh := cfg.SecurityHub; sh != nil && sh.ConfigurationType == "CENTRAL" {
		// Read in the home Region; it configures the linked Regions too,
		// which the configuration lists, and is adopted in the home Region.
		all := slices.Sorted(slices.Values(append([]string{sh.HomeRegion}, sh.LinkedRegions...)))
		if !slices.Equal(all, adminRegions) {
			cfg.Regions = all
		}
		return g.withRole(svc, cfg), []string{sh.HomeRegion}
	}
	if slices.Equal(regions, []string{""}) {
		// Read once, in the configured Region: the integration's
		// configuration names it.
		cfg.Regions, regions = []string{g.inv.Region}, []string{g.inv.Region}
	} else if !slices.Equal(regions, adminRegions) {
		cfg.Regions = regions
	}
	return g.withRole(svc, cfg), regions
}

// withRole sets the role the configuration was read through, unless it is
// the default.
func (g *Generated) withRole(svc components.Service, cfg components.OrganizationConfiguration,
) *components.OrganizationConfiguration {
	if role := g.inv.AdministratorRoles[svc.Key]; role != "" && role != components.DefaultAdministratorRole {
		cfg.AdministratorRole = role
	}
	return &cfg
}
