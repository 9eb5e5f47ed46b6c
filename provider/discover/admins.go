package discover

import (
	"context"
	"slices"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// adminReader reads the delegated administrators a service's own API
// reports in one Region, keyed by the catalog's admin resource of the
// service (components/catalog, the one home of each service). Services whose
// own registration also registers the account with Organizations (IPAM,
// CloudTrail, Security Lake) are read from Organizations' list instead.
type adminReader struct {
	// perRegion says the API answers per Region; otherwise it is read once,
	// in the configured Region.
	perRegion bool
	read      func(ctx context.Context, c *regionalClients) ([]string, error)
}

// adminReaders are discover's readers of the services whose delegated
// administrator is registered with their own API, keyed by the catalog's
// admin resource, each in its own file. Adding such a service to the
// catalog means adding its reader here, or to readFromOrganizations:
// TestEveryServiceAdminHasAReader fails otherwise.
var adminReaders = map[catalog.ResourceType]adminReader{
	catalog.AuditManagerAdmin:    auditManagerReader,
	catalog.DetectiveAdmin:       detectiveReader,
	catalog.FirewallManagerAdmin: fmsReader,
	catalog.GuardDutyAdmin:       guardDutyReader,
	catalog.InspectorAdmin:       inspectorReader,
	catalog.MacieAdmin:           macieReader,
	catalog.SecurityHubAdmin:     securityHubReader,
}

// readFromOrganizations are the services registered with their own API
// whose registration also registers the account with Organizations, so
// that Organizations' list of delegated administrators (organization.go)
// answers for them; Generated.serviceAdmin reads them there.
var readFromOrganizations = map[catalog.ResourceType]string{
	catalog.CloudTrailAdmin: "cloudtrail:RegisterOrganizationDelegatedAdmin registers the account with " +
		"Organizations for cloudtrail.amazonaws.com",
	catalog.IPAMAdmin: "ec2:EnableIpamOrganizationAdminAccount registers the account with Organizations for " +
		"ipam.amazonaws.com",
	catalog.SecurityLakeDelegatedAdmin: "securitylake:RegisterDataLakeDelegatedAdministrator registers the " +
		"account with Organizations for securitylake.amazonaws.com",
}

// readServiceAdmins reads each selected service's own administrator API, in
// every Region it needs. A Region whose API cannot be read is recorded in
// Unreadable, and its administrator left out.
func (d *discoverer) readServiceAdmins(ctx context.Context, services []components.Service) {
	d.inv.ServiceAdmins = map[string]map[string][]string{}
	for _, svc := range services {
		if svc.DelegatedAdmin != components.DelegatedAdminService {
			continue
		}
		if _, ok := readFromOrganizations[svc.DelegatedAdminResource]; ok {
			continue
		}
		r, ok := adminReaders[svc.DelegatedAdminResource]
		if !ok {
			// TestEveryServiceAdminHasAReader keeps this from happening in a
			// release; say so rather than skip the service silently.
			d.unreadable(svc.DisplayName+"'s delegated administrator", "orgtrust discover has no reader of "+
				svc.DelegatedAdminAPI+", so it is left out of the configuration")
			continue
		}
		regions := []string{""}
		if r.perRegion {
			regions = d.inv.Regions
		}
		found := map[string][]string{}
		for _, region := range regions {
			in := region
			if in == "" {
				in = d.inv.Region
			}
			accounts, err := r.read(ctx, d.c.in(in))
			if err != nil {
				d.unreadable(svc.DisplayName+"'s delegated administrator in "+in, "it could not be read, so it "+
					"is left out of the configuration: "+describe(err))
				continue
			}
			slices.Sort(accounts)
			if len(accounts) > 0 {
				found[region] = slices.Compact(accounts)
			}
		}
		d.inv.ServiceAdmins[svc.Key] = found
		d.progress("administrators: %s", svc.DisplayName)
	}
}
