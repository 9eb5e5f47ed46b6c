package plan

import (
	"container/heap"
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// EdgeKind says why a resource depends on another.
type EdgeKind string

const (
	// EdgeDependsOn is a DependsOn option: ordering that no data carries.
	EdgeDependsOn EdgeKind = "dependsOn"
	// EdgeInput is an input that takes another resource's output.
	EdgeInput EdgeKind = "input"
	// EdgeProvider is the explicit provider the resource uses.
	EdgeProvider EdgeKind = "provider"
)

// Edge is one dependency of a resource, as the program registered it.
type Edge struct {
	// URN is the resource depended on.
	URN string
	// Kind says why.
	Kind EdgeKind
	// Props are the inputs that carry the dependency, for EdgeInput.
	Props []string
}

// Resource is one registered resource, with the edges the mock runtime
// recorded: RegisterResourceRequest.Parent, Dependencies,
// PropertyDependencies, Provider and Providers.
type Resource struct {
	URN  string
	Type string
	Name string
	// Custom is false for component resources.
	Custom bool
	// Parent is the parent's URN; the root stack for top-level resources.
	Parent string
	// Deps are the recorded dependencies, parent excluded, sorted by URN.
	Deps []Edge
	// Inputs are the registered inputs.
	Inputs resource.PropertyMap
}

// Graph is the dependency graph of a run.
type Graph struct {
	// Resources by URN.
	Resources map[string]*Resource
	children  map[string][]string
}

// NewGraph indexes the resources.
func NewGraph(resources map[string]*Resource) *Graph {
	g := &Graph{Resources: resources, children: map[string][]string{}}
	for urn, r := range resources {
		if _, ok := resources[r.Parent]; ok {
			g.children[r.Parent] = append(g.children[r.Parent], urn)
		}
	}
	for _, c := range g.children {
		slices.Sort(c)
	}
	return g
}

// Children are a resource's direct children, sorted by URN.
func (g *Graph) Children(urn string) []string { return g.children[urn] }

// Descendants are all resources below urn, sorted by URN.
func (g *Graph) Descendants(urn string) []string {
	var out []string
	var walk func(string)
	walk = func(u string) {
		for _, c := range g.children[u] {
			out = append(out, c)
			walk(c)
		}
	}
	walk(urn)
	slices.Sort(out)
	return out
}

// ParentOf returns the parent's URN, or "" for a top-level resource.
func (g *Graph) ParentOf(urn string) string {
	if r, ok := g.Resources[urn]; ok {
		if _, known := g.Resources[r.Parent]; known {
			return r.Parent
		}
	}
	return ""
}

// isWithin reports whether urn is root or below it.
func (g *Graph) isWithin(urn, root string) bool {
	for u := urn; u != ""; u = g.ParentOf(u) {
		if u == root {
			return true
		}
	}
	return false
}

// Predecessors are the resources that must exist before urn is created: its
// parent, and every recorded dependency. A dependency on a component resource
// means waiting for the component and all its descendants, so it expands to
// them (except urn itself and what is below it, which come after urn anyway).
func (g *Graph) Predecessors(urn string) []string {
	r := g.Resources[urn]
	set := map[string]bool{}
	if p := g.ParentOf(urn); p != "" {
		set[p] = true
	}
	for _, e := range r.Deps {
		d, ok := g.Resources[e.URN]
		if !ok {
			continue // the root stack
		}
		set[d.URN] = true
		if d.Custom {
			continue
		}
		for _, x := range g.Descendants(d.URN) {
			if !g.isWithin(x, urn) {
				set[x] = true
			}
		}
	}
	delete(set, urn)
	out := make([]string, 0, len(set))
	for u := range set {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// urnHeap is a min-heap of URNs: ties in the topological sort are broken by
// URN, so the order is the same on every run.
type urnHeap []string

func (h urnHeap) Len() int           { return len(h) }
func (h urnHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h urnHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *urnHeap) Push(x any)        { *h = append(*h, x.(string)) }
func (h *urnHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// CreateOrder sorts the resources topologically over the Predecessors edges,
// taking the smallest URN among those ready at each step (Kahn's algorithm).
// A cycle is an error naming the resources on it.
func (g *Graph) CreateOrder() ([]string, error) {
	indegree := map[string]int{}
	successors := map[string][]string{}
	for urn := range g.Resources {
		preds := g.Predecessors(urn)
		indegree[urn] = len(preds)
		for _, p := range preds {
			successors[p] = append(successors[p], urn)
		}
	}
	ready := &urnHeap{}
	for urn, n := range indegree {
		if n == 0 {
			*ready = append(*ready, urn)
		}
	}
	heap.Init(ready)
	order := make([]string, 0, len(g.Resources))
	for ready.Len() > 0 {
		u := heap.Pop(ready).(string)
		order = append(order, u)
		for _, s := range successors[u] {
			indegree[s]--
			if indegree[s] == 0 {
				heap.Push(ready, s)
			}
		}
	}
	if len(order) != len(g.Resources) {
		var stuck []string
		for urn, n := range indegree {
			if n > 0 {
				stuck = append(stuck, g.Resources[urn].Name)
			}
		}
		slices.Sort(stuck)
		return nil, fmt.Errorf("the dependency graph has a cycle through %s", strings.Join(stuck, ", "))
	}
	return order, nil
}

// DestroyOrder is the create order reversed: pulumi destroy deletes every
// resource before the resources it depends on and before its parent.
func DestroyOrder(create []string) []string {
	out := slices.Clone(create)
	slices.Reverse(out)
	return out
}
