package mockrt

import (
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// URN computes a resource's URN the way Pulumi's mock monitor does.
func URN(project, stack, parent, typ, name string) string {
	parentType := tokens.Type("")
	if p := resource.URN(parent); p != "" && p.QualifiedType() != resource.RootStackType {
		parentType = p.QualifiedType()
	}
	return string(resource.NewURN(tokens.QName(stack), tokens.PackageName(project), parentType,
		tokens.Type(typ), name))
}

// ProviderURN is the URN in a provider reference ("<urn>::<id>").
func ProviderURN(ref string) string {
	if i := strings.LastIndex(ref, "::"); i > 0 {
		return ref[:i]
	}
	return ref
}

// Register is the one record of a registration under the mock runtime: the
// resource args registers (a RegisterResource RPC, args.RegisterRPC not nil)
// in project and stack, with its URN and its edges, each with its kind: a
// dependency that an input carries (its properties named), one that only
// dependsOn carries, and the explicit provider(s). Its edges are sorted by
// URN; ProviderURN names the provider option's. The Monitor records every
// registration with it.
func Register(project, stack string, args pulumi.MockResourceArgs) *Resource {
	req := args.RegisterRPC
	r := &Resource{
		URN:    URN(project, stack, req.GetParent(), args.TypeToken, args.Name),
		Type:   args.TypeToken,
		Name:   args.Name,
		Custom: args.Custom,
		Parent: req.GetParent(),
		Inputs: args.Inputs,
		// The mock monitor passes the import option's ID as the ID.
		ImportID:       args.ID,
		RetainOnDelete: req.GetRetainOnDelete(),
		Protect:        req.GetProtect(),
	}
	props := map[string][]string{}
	for prop, deps := range req.GetPropertyDependencies() {
		for _, d := range deps.GetUrns() {
			props[d] = append(props[d], prop)
		}
	}
	seen := map[string]bool{}
	for _, d := range req.GetDependencies() {
		if seen[d] {
			continue
		}
		seen[d] = true
		if ps := props[d]; len(ps) > 0 {
			slices.Sort(ps)
			r.Deps = append(r.Deps, Edge{URN: d, Kind: EdgeInput, Props: ps})
		} else {
			r.Deps = append(r.Deps, Edge{URN: d, Kind: EdgeDependsOn})
		}
	}
	for d, ps := range props {
		if !seen[d] {
			seen[d] = true
			slices.Sort(ps)
			r.Deps = append(r.Deps, Edge{URN: d, Kind: EdgeInput, Props: ps})
		}
	}
	refs := []string{req.GetProvider()}
	for _, ref := range req.GetProviders() {
		refs = append(refs, ref)
	}
	for _, ref := range refs {
		if ref == "" {
			continue
		}
		if d := ProviderURN(ref); !seen[d] {
			seen[d] = true
			r.Deps = append(r.Deps, Edge{URN: d, Kind: EdgeProvider})
		}
	}
	slices.SortFunc(r.Deps, func(a, b Edge) int { return strings.Compare(a.URN, b.URN) })
	if ref := req.GetProvider(); ref != "" {
		i, _ := slices.BinarySearchFunc(r.Deps, ProviderURN(ref), func(e Edge, urn string) int {
			return strings.Compare(e.URN, urn)
		})
		r.provider = int32(i + 1)
	}
	return r
}
