package discover

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// TestEveryServiceAdminHasAReader checks that discover reads the delegated
// administrator of every catalog service that has one: a service registered
// with Organizations is read from Organizations' list; one registered with
// its own API needs its reader in adminReaders, or its place in
// readFromOrganizations. Adding a service to the catalog without either
// fails here, instead of discover leaving its administrator out.
func TestEveryServiceAdminHasAReader(t *testing.T) {
	t.Parallel()
	for _, svc := range catalog.Services() {
		if svc.DelegatedAdmin != catalog.DelegatedAdminService {
			continue // none, or Organizations' list (organization.go) reads it
		}
		_, reader := adminReaders[svc.DelegatedAdminResource]
		_, listed := readFromOrganizations[svc.DelegatedAdminResource]
		assert.True(t, reader != listed, "%s (%s, %s): add its reader to adminReaders (provider/discover/admins.go), "+
			"or, when its registration also registers the account with Organizations, to readFromOrganizations; "+
			"not both", svc.Key, svc.DelegatedAdminAPI, svc.DelegatedAdminResource)
	}
	for resource := range adminReaders {
		assert.True(t, servesService(resource), "adminReaders has %s, which no catalog service registers "+
			"with its own API", resource)
	}
	for resource := range readFromOrganizations {
		assert.True(t, servesService(resource), "readFromOrganizations has %s, which no catalog service "+
			"registers with its own API", resource)
	}
}

// servesService reports whether a catalog service registers its
// administrator with resource, through its own API.
func servesService(resource catalog.ResourceType) bool {
	for _, svc := range catalog.Services() {
		if svc.DelegatedAdmin == catalog.DelegatedAdminService && svc.DelegatedAdminResource == resource {
			return true
		}
	}
	return false
}
