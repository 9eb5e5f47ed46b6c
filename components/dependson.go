package components

import (
	"maps"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Each component's DependsOn method returns pulumi.DependsOn on the custom
// resources it registered, named one by one.
//
// pulumi.DependsOn on the component itself is not enough in a Go program:
// the Go SDK expands a component into the children recorded on it when the
// dependent resource is prepared, and it records each child from that
// child's own registration goroutine. A dependent registered right after the
// component can therefore miss children and race them, in `pulumi up` and,
// worse, in `pulumi destroy` (pulumi/pulumi#7833, still open). Naming the
// children removes the race. (Through
// the provider, from other languages, the component is remote and its URN
// resolves only after all its children, so `dependsOn` on it is exact.)
func dependsOnChildren(children []pulumi.Resource) pulumi.ResourceOption {
	return pulumi.DependsOn(slices.Clone(children))
}

// DependsOn returns a resource option that makes a resource wait for the
// integration: it is created after trusted access is enabled and every
// delegated administrator is registered, and deleted before they are undone.
// Use it rather than pulumi.DependsOn on the component (see the package
// documentation on waiting).
func (c *OrgServiceIntegration) DependsOn() pulumi.ResourceOption {
	return dependsOnChildren(c.orgWrites)
}

// DependsOn returns a resource option that makes a resource wait for every
// integration in the set, and be deleted before any of them is undone.
func (c *OrgIntegrations) DependsOn() pulumi.ResourceOption {
	var all []pulumi.Resource
	for _, name := range slices.Sorted(maps.Keys(c.Integrations)) {
		all = append(all, c.Integrations[name].orgWrites...)
	}
	return dependsOnChildren(all)
}

// DependsOn returns a resource option that makes a resource wait for the
// whole setup (trusted access, the administrator, permission sets and their
// policies, groups, users, memberships and assignments), and be deleted
// before any of it.
func (c *IdentityCenterSetup) DependsOn() pulumi.ResourceOption {
	return dependsOnChildren(c.children)
}

// DependsOn returns a resource option that makes a resource wait for
// organization access, the portfolios, their principal associations and
// every share, and be deleted before any of them.
func (c *ServiceCatalogSharing) DependsOn() pulumi.ResourceOption {
	return dependsOnChildren(c.children)
}
