// Package mockrt is the one mock runtime of the plan tool (provider/plan)
// and the components' tests: its Monitor records the resources a program
// registers under Pulumi's mock runtime, with their parents and the edges
// the engine orders them by (dependsOn, inputs that take another resource's
// output, explicit providers), and leaves IDs, outputs and invokes' answers
// to its user's Answers (the plan's fixtures, each test's own); its Graph
// derives the create and destroy orders as the engine derives them.
package mockrt

import (
	"container/heap"
	"fmt"
	"maps"
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
	// RetainOnDelete and Protect are the resource options.
	RetainOnDelete, Protect bool
	// provider is 1 + the index in Deps of the edge to the explicit provider
	// (the provider option); 0 for the default provider. An index, not the
	// URN again: with Seq it fits the 8 bytes that Custom's alignment left,
	// and a Resource stays within 128 bytes (TestResourceSize).
	provider int32
	// Seq is the registration order under a Monitor, starting at 0.
	Seq int32
	// Parent is the parent's URN; the root stack for top-level resources.
	Parent string
	// Deps are the recorded dependencies, parent excluded, sorted by URN.
	Deps []Edge
	// Inputs are the registered inputs.
	Inputs resource.PropertyMap
	// ImportID is the ID of the import resource option: the first `pulumi
	// up` imports the resource instead of creating it; "" creates it.
	ImportID string
}

// ProviderURN is the URN of the explicit provider (the provider option), or
// "" for the default provider.
func (r *Resource) ProviderURN() string {
	if r.provider == 0 {
		return ""
	}
	return r.Deps[r.provider-1].URN
}

// Graph is the dependency graph of a run.
type Graph struct {
	// Resources by URN.
	Resources map[string]*Resource
	// children and descendants are the resources below each parent, in no
	// particular order, computed once: each resource is in the lists of its
	// ancestors only, so they hold resources × depth URNs in all.
	children    map[string][]string
	descendants map[string][]string
}

// NewGraph indexes the resources: children and descendants, in time linear
// in the resources times the depth of the tree.
func NewGraph(resources map[string]*Resource) *Graph {
	g := &Graph{Resources: resources, children: map[string][]string{}, descendants: map[string][]string{}}
	for urn, r := range resources {
		if _, ok := resources[r.Parent]; ok {
			g.children[r.Parent] = append(g.children[r.Parent], urn)
		}
		for a := g.ParentOf(urn); a != ""; a = g.ParentOf(a) {
			g.descendants[a] = append(g.descendants[a], urn)
		}
	}
	return g
}

// Children are a resource's direct children, sorted by URN.
func (g *Graph) Children(urn string) []string { return sortedClone(g.children[urn]) }

// Descendants are all resources below urn, sorted by URN.
func (g *Graph) Descendants(urn string) []string { return sortedClone(g.descendants[urn]) }

// ChildrenUnsorted and DescendantsUnsorted are Children and Descendants in
// no particular order, without a copy, for callers that only count or scan
// them (a plan of 100,000 assignments asks for them often): the caller must
// not modify them.
func (g *Graph) ChildrenUnsorted(urn string) []string { return g.children[urn] }

// DescendantsUnsorted: see ChildrenUnsorted.
func (g *Graph) DescendantsUnsorted(urn string) []string { return g.descendants[urn] }

func sortedClone(urns []string) []string {
	if len(urns) == 0 {
		return nil
	}
	out := slices.Clone(urns)
	slices.Sort(out)
	return out
}

// InputFrom is the resource an input of r takes its value from.
func (g *Graph) InputFrom(r *Resource, prop string) *Resource {
	for _, e := range r.Deps {
		if e.Kind == EdgeInput && slices.Contains(e.Props, prop) {
			return g.Resources[e.URN]
		}
	}
	return nil
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

// intHeap is a min-heap of resource numbers, which follow the URNs' order:
// ties in the topological sort are broken by URN, so the order is the same on
// every run.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// CreateOrder sorts the resources topologically over the Predecessors edges,
// taking the smallest URN among those ready at each step (Kahn's algorithm).
// A cycle is an error naming the resources on it.
//
// It runs in time linear in the edges: a dependency on a component, which
// Predecessors expands to the component's descendants, goes through one
// "component done" node per component instead, which waits for the
// descendants once for all its dependents and releases them at the very step
// the expansion would. Only a resource depending on a component it is inside
// gets the expansion itself, without its own subtree.
func (g *Graph) CreateOrder() ([]string, error) {
	urns := slices.Sorted(maps.Keys(g.Resources))
	n := len(urns)
	num := make(map[string]int, n)
	for i, u := range urns {
		num[u] = i
	}
	// Nodes 0..n-1 are the resources; the "done" nodes of components follow.
	successors := make([][]int, n)
	indegree := make([]int, n)
	edge := func(from, to int) {
		successors[from] = append(successors[from], to)
		indegree[to]++
	}
	done := map[int]int{}
	doneNode := func(c int) int {
		if v, ok := done[c]; ok {
			return v
		}
		v := len(successors)
		done[c] = v
		successors = append(successors, nil)
		indegree = append(indegree, 0)
		edge(c, v)
		for _, x := range g.descendants[urns[c]] {
			edge(num[x], v)
		}
		return v
	}
	added := make([]int, n) // added[j] == i+1: the edge j -> i is in
	pred := func(j, i int) {
		if j != i && added[j] != i+1 {
			added[j] = i + 1
			edge(j, i)
		}
	}
	for i, urn := range urns {
		r := g.Resources[urn]
		if p := g.ParentOf(urn); p != "" {
			pred(num[p], i)
		}
		for _, e := range r.Deps {
			d, ok := g.Resources[e.URN]
			if !ok {
				continue // the root stack
			}
			pred(num[d.URN], i)
			switch {
			case d.Custom || d.URN == urn:
			case g.isWithin(urn, d.URN):
				for _, x := range g.descendants[d.URN] {
					if !g.isWithin(x, urn) {
						pred(num[x], i)
					}
				}
			default:
				edge(doneNode(num[d.URN]), i)
			}
		}
	}

	ready := &intHeap{}
	for i := range n {
		if indegree[i] == 0 {
			*ready = append(*ready, i)
		}
	}
	heap.Init(ready)
	order := make([]string, 0, n)
	var doneReady []int
	release := func(u int) {
		for _, s := range successors[u] {
			indegree[s]--
			switch {
			case indegree[s] > 0:
			case s >= n:
				doneReady = append(doneReady, s)
			default:
				heap.Push(ready, s)
			}
		}
	}
	for ready.Len() > 0 {
		u := heap.Pop(ready).(int)
		order = append(order, urns[u])
		release(u)
		for len(doneReady) > 0 {
			v := doneReady[len(doneReady)-1]
			doneReady = doneReady[:len(doneReady)-1]
			release(v)
		}
	}
	if len(order) != n {
		var stuck []string
		for i := range n {
			if indegree[i] > 0 {
				stuck = append(stuck, g.Resources[urns[i]].Name)
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
