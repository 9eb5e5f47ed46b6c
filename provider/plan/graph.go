package plan

import "github.com/orgtrust/pulumi-orgtrust/internal/mockrt"

// The graph of a run and its create and destroy orders are the mock
// runtime's (internal/mockrt), which the components' tests use too; these
// names keep them at their place in the plan's API.
type (
	// EdgeKind says why a resource depends on another.
	EdgeKind = mockrt.EdgeKind
	// Edge is one dependency of a resource, as the program registered it.
	Edge = mockrt.Edge
	// Resource is one registered resource, with its recorded edges.
	Resource = mockrt.Resource
	// Graph is the dependency graph of a run.
	Graph = mockrt.Graph
)

// The kinds of edges.
const (
	EdgeDependsOn = mockrt.EdgeDependsOn
	EdgeInput     = mockrt.EdgeInput
	EdgeProvider  = mockrt.EdgeProvider
)

// NewGraph indexes the resources (mockrt.NewGraph).
func NewGraph(resources map[string]*Resource) *Graph { return mockrt.NewGraph(resources) }

// DestroyOrder is the create order reversed (mockrt.DestroyOrder).
func DestroyOrder(create []string) []string { return mockrt.DestroyOrder(create) }
