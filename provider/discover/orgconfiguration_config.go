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
	if slices.Equal(regions, []string{""}) {
		// Read once, in the configured Region: the integration's
		// configuration names it.
		cfg.Regions, regions = []string{g.inv.Region}, []string{g.inv.Region}
	} else if !slices.Equal(regions, adminRegions) {
		cfg.Regions = regions
	}
	if role := g.inv.AdministratorRoles[svc.Key]; role != "" && role != components.DefaultAdministratorRole {
		cfg.AdministratorRole = role
	}
	return &cfg, regions
}
