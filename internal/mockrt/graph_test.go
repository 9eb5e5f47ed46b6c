package mockrt

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// graphOf builds a graph from "name: parent" pairs and dependency lists; the
// URN of a resource is its name, components are the names in components.
func graphOf(parents map[string]string, deps map[string][]string, components ...string) *Graph {
	res := map[string]*Resource{}
	for name, parent := range parents {
		r := &Resource{URN: name, Name: name, Type: "test:index:Thing", Custom: true, Parent: parent}
		for _, d := range deps[name] {
			r.Deps = append(r.Deps, Edge{URN: d, Kind: EdgeDependsOn})
		}
		res[name] = r
	}
	for _, c := range components {
		res[c].Custom = false
	}
	return NewGraph(res)
}

func TestCreateOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		parents    map[string]string
		deps       map[string][]string
		components []string
		want       []string
		wantErr    string
	}{
		{
			name:    "ties broken by URN",
			parents: map[string]string{"c": "stack", "a": "stack", "b": "stack"},
			want:    []string{"a", "b", "c"},
		},
		{
			name:    "dependencies and parents first",
			parents: map[string]string{"a": "stack", "b": "stack", "c": "b"},
			deps:    map[string][]string{"a": {"c"}},
			want:    []string{"b", "c", "a"},
		},
		{
			// A recorded dependency on a component waits for all of its
			// descendants, not only for the component's registration.
			name: "a dependency on a component expands to its descendants",
			parents: map[string]string{
				"comp": "stack", "comp-x": "comp", "comp-inner": "comp", "comp-inner-y": "comp-inner",
				"a-user": "stack",
			},
			deps:       map[string][]string{"a-user": {"comp"}},
			components: []string{"comp", "comp-inner"},
			want:       []string{"comp", "comp-inner", "comp-inner-y", "comp-x", "a-user"},
		},
		{
			// A child depending on its own parent component waits for its
			// siblings but not for itself.
			name:       "a child depending on its parent component",
			parents:    map[string]string{"comp": "stack", "comp-b": "comp", "comp-a": "comp"},
			deps:       map[string][]string{"comp-a": {"comp"}},
			components: []string{"comp"},
			want:       []string{"comp", "comp-b", "comp-a"},
		},
		{
			// Two resources depending on one component wait for all of it,
			// an inner component's resources too.
			name: "dependents of a component share its descendants",
			parents: map[string]string{
				"comp": "stack", "comp-inner": "comp", "comp-inner-z": "comp-inner", "comp-y": "comp",
				"a-user": "stack", "b-user": "stack", "c-user": "comp",
			},
			deps:       map[string][]string{"a-user": {"comp"}, "b-user": {"comp"}, "c-user": {"comp-inner"}},
			components: []string{"comp", "comp-inner"},
			want:       []string{"comp", "comp-inner", "comp-inner-z", "c-user", "comp-y", "a-user", "b-user"},
		},
		{
			name:    "cycle",
			parents: map[string]string{"a": "stack", "b": "stack", "c": "stack"},
			deps:    map[string][]string{"a": {"b"}, "b": {"a"}},
			wantErr: "the dependency graph has a cycle through a, b",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := graphOf(tc.parents, tc.deps, tc.components...)
			got, err := g.CreateOrder()
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			destroy := DestroyOrder(got)
			for i := range got {
				assert.Equal(t, got[i], destroy[len(got)-1-i])
			}
		})
	}
}

// TestResourceSize: a Resource is allocated once per registration, 100,000
// times and more in the plan's bench; it stays in the allocator's 128-byte
// size class.
func TestResourceSize(t *testing.T) {
	t.Parallel()
	assert.LessOrEqual(t, unsafe.Sizeof(Resource{}), uintptr(128))
}
