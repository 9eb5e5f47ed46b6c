package discover

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// Generated is the baseline configuration that reproduces an inventory,
// with the components' adopt inputs, and what it leaves out.
type Generated struct {
	Region              string
	ManagementAccountID string
	Integrations        []baseline.IntegrationConfig
	IdentityCenter      *components.IdentityCenterSetupArgs
	ServiceCatalog      *components.ServiceCatalogSharingArgs
	// CannotManage is what the configuration leaves out, and why.
	CannotManage []Problem

	inv *Inventory
	// ous are the OUs the assignments name, for the plan fixtures.
	ous []string
}

// Build turns an inventory into the configuration. Every section is checked
// with the components' Check functions; an entry they reject is left out and
// reported in CannotManage with their message.
func Build(inv *Inventory) *Generated {
	g := &Generated{Region: inv.Region, ManagementAccountID: inv.Organization.ManagementAccountID, inv: inv}
	for _, p := range inv.Unreadable {
		g.CannotManage = append(g.CannotManage, p)
	}
	g.buildIntegrations()
	g.buildIdentityCenter()
	g.buildServiceCatalog()
	slices.SortStableFunc(g.CannotManage, func(a, b Problem) int { return strings.Compare(a.What, b.What) })
	return g
}

func (g *Generated) cannot(what, format string, args ...any) {
	g.CannotManage = append(g.CannotManage, Problem{What: what, Why: fmt.Sprintf(format, args...)})
}

// selected says whether the catalog service key was read.
func (g *Generated) selected(key string) bool { return slices.Contains(g.inv.Services, key) }

// buildIntegrations writes an integration for every read catalog service with
// trusted access or a delegated administrator, except IAM Identity Center
// and Service Catalog, which have their own sections.
func (g *Generated) buildIntegrations() {
	inv := g.inv
	enabled := map[string]bool{}
	for _, p := range inv.EnabledPrincipals {
		enabled[p] = true
		if _, ok := components.LookupPrincipal(p); !ok {
			g.cannot("trusted access for "+p, "the principal is outside the orgtrust catalog, so no integration "+
				"is written for it; it stays enabled. To manage it, add an integration with servicePrincipal: %s "+
				"and allowUnknownPrincipal: true", p)
		}
	}
	for _, p := range sortedKeys(inv.OrgAdmins) {
		if _, ok := components.LookupPrincipal(p); !ok {
			g.cannot("delegated administrator for "+p, "%v registered for a principal outside the orgtrust "+
				"catalog; it is left as it is", inv.OrgAdmins[p])
		}
	}
	for _, svc := range components.Services() {
		if !g.selected(svc.Key) || svc.Key == "sso" || svc.Key == "servicecatalog" {
			continue
		}
		for _, in := range g.serviceIntegrations(svc, enabled) {
			args := in.OrgServiceIntegrationArgs
			args.ManagementAccountID = g.ManagementAccountID
			name := cmp.Or(in.Name, svc.Key)
			if err := components.CheckOrgServiceIntegration(baseline.IntegrationsName+"-"+name, args); err != nil {
				g.cannot(fmt.Sprintf("%s (integration %s)", svc.DisplayName, name), "the integration is left "+
					"out, because the component rejects it: %v", err)
				continue
			}
			g.Integrations = append(g.Integrations, in)
		}
	}
}

// principalState is what exists of one principal of a service.
type principalState struct {
	enabled bool
	// admin is Organizations' delegated administrator, for services whose
	// administrator is registered there.
	admin string
}

// serviceIntegrations returns the integrations of one service: one by its
// catalog key when every principal is in the same state, else one per
// principal that has trusted access or an administrator, so that the first
// `pulumi up` enables and registers nothing that is not there.
func (g *Generated) serviceIntegrations(svc components.Service, enabled map[string]bool) []baseline.IntegrationConfig {
	inv := g.inv
	states := make([]principalState, len(svc.Principals))
	for i, p := range svc.Principals {
		states[i].enabled = enabled[p]
		admins := inv.OrgAdmins[p]
		if len(admins) == 0 {
			continue
		}
		switch svc.DelegatedAdmin {
		case components.DelegatedAdminOrganizations:
			states[i].admin = admins[0]
			if len(admins) > 1 {
				g.cannot(svc.DisplayName+"'s delegated administrators", "%v are registered for %s; an integration "+
					"registers one, so %s is written and the others are left as they are", admins, p, admins[0])
			}
		case components.DelegatedAdminService:
			// Read from the service's own API below; Organizations' list
			// serves the services without a reader.
		default:
			g.cannot(svc.DisplayName+"'s delegated administrator", "%v are registered with Organizations for %s, "+
				"but the orgtrust catalog records no delegated administrator for %s (%s); they are left as they "+
				"are", admins, p, svc.DisplayName, svc.DelegatedAdmin)
		}
	}
	serviceAdmin, regions := g.serviceAdmin(svc)

	type entry struct {
		principal string // "" for the whole service
		state     principalState
	}
	var entries []entry
	if !slices.ContainsFunc(states, func(s principalState) bool { return s != states[0] }) {
		entries = []entry{{state: states[0]}}
	} else {
		for i, p := range svc.Principals {
			if states[i].enabled || states[i].admin != "" {
				entries = append(entries, entry{principal: p, state: states[i]})
			}
		}
	}
	var out []baseline.IntegrationConfig
	for i, e := range entries {
		admin := e.state.admin
		var adminRegions []string
		if svc.DelegatedAdmin == components.DelegatedAdminService && i == 0 {
			admin, adminRegions = serviceAdmin, regions
		}
		if !e.state.enabled && admin == "" {
			continue
		}
		// The name defaults to the service key.
		in := baseline.IntegrationConfig{}
		if e.principal != "" {
			in.Name = strings.ReplaceAll(strings.TrimSuffix(e.principal, ".amazonaws.com"), ".", "-")
			in.ServicePrincipal = e.principal
		} else {
			in.Service = svc.Key
		}
		in.DelegatedAdminAccountID = admin
		in.Regions = adminRegions
		if !e.state.enabled {
			in.EnableVia = "none"
		}
		adopt := &components.IntegrationAdoptSpec{Access: e.state.enabled}
		switch {
		case admin == "":
		case len(adminRegions) > 0:
			adopt.DelegatedAdminRegions = adminRegions
		default:
			adopt.DelegatedAdmin = true
		}
		if admin != "" && i == 0 && (svc.DelegatedAdmin == components.DelegatedAdminService ||
			svc.DelegatedAdmin == components.DelegatedAdminOrganizations) {
			// The organization configuration the administrator set, adopted.
			in.OrganizationConfiguration, adopt.OrganizationConfigurationRegions = g.orgConfiguration(svc,
				adminRegions)
			if in.OrganizationConfiguration != nil {
				adopt.OrganizationConfigurationIDs = g.inv.OrgConfigIDs[svc.Key]
			}
		}
		in.Adopt = adopt
		out = append(out, in)
	}
	return out
}

// serviceAdmin returns the administrator of a service registered with its own
// API, and its Regions for a service designated per Region: from the
// service's reader, or from Organizations' list for the services without
// one (their registration also registers the account there).
func (g *Generated) serviceAdmin(svc components.Service) (string, []string) {
	if svc.DelegatedAdmin != components.DelegatedAdminService {
		return "", nil
	}
	inv := g.inv
	found, read := inv.ServiceAdmins[svc.Key]
	if !read {
		for _, p := range svc.Principals {
			if admins := inv.OrgAdmins[p]; len(admins) > 0 {
				if svc.DelegatedAdminResource.Admin() == nil {
					g.cannot(svc.DisplayName+"'s delegated administrator", "%s is registered with %s, which "+
						"pulumi-aws v6 has no resource for; it is left as it is", admins[0], svc.DelegatedAdminAPI)
					return "", nil
				}
				return admins[0], nil
			}
		}
		return "", nil
	}
	accounts := map[string][]string{}
	for _, region := range sortedKeys(found) {
		for _, a := range found[region] {
			accounts[a] = append(accounts[a], region)
		}
	}
	switch len(accounts) {
	case 0:
		for _, p := range svc.Principals {
			if admins := inv.OrgAdmins[p]; len(admins) > 0 {
				g.cannot(svc.DisplayName+"'s delegated administrator", "%s is registered with Organizations for "+
					"%s, but %s designates no administrator in the Regions read (%s): run orgtrust discover with "+
					"--regions listing the Regions where it is designated", admins[0], p, svc.DisplayName,
					strings.Join(inv.Regions, ", "))
				break
			}
		}
		return "", nil
	case 1:
	default:
		g.cannot(svc.DisplayName+"'s delegated administrator", "different accounts are designated in different "+
			"Regions (%s); an integration designates one account, so the administrator is left out and stays "+
			"as it is", describeRegions(accounts))
		return "", nil
	}
	admin := sortedKeys(accounts)[0]
	regions := accounts[admin]
	if slices.Equal(regions, []string{""}) {
		regions = nil
	}
	return admin, regions
}

func describeRegions(accounts map[string][]string) string {
	var parts []string
	for _, a := range sortedKeys(accounts) {
		parts = append(parts, a+" in "+strings.Join(accounts[a], ", "))
	}
	return strings.Join(parts, "; ")
}

// sortPrincipals orders assignment principals by type, then name.
func sortPrincipals(ps []components.PrincipalRef) {
	slices.SortFunc(ps, func(a, b components.PrincipalRef) int {
		return cmp.Or(strings.Compare(string(a.Type), string(b.Type)), strings.Compare(a.Name, b.Name))
	})
}
