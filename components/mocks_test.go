package components

// Shared Pulumi mocks for the component tests: programs run under the one
// mock monitor (internal/mockrt, the plan's too), which records every
// registration (type, name, URN, inputs, parent, dependencies, providers,
// options) with its edges; a mockRecorder answers for each test (invokes
// through a configurable function, outputs through another) and records
// every invoke, so tests can assert the children, their inputs, the
// dependency edges between them and the destroy order.

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/internal/mockrt"
)

const (
	mockProject = "project"
	mockStack   = "stack"
	// getOrganizationToken is the invoke behind organizations.LookupOrganization.
	getOrganizationToken = "aws:organizations/getOrganization:getOrganization"
)

// recordedResource is one registration as the mock monitor recorded it
// (Seq, Type, Name, URN, ImportID, Custom, Inputs, Parent, RetainOnDelete,
// Protect, the edges and ProviderURN), seen the way the RPC sent it.
type recordedResource struct {
	*mockrt.Resource
	// ID is the ID the mocks gave a custom resource: the import option's
	// ID, else "<name>-id"; "" for a component.
	ID string
	// Dependencies are the URNs of the resources this one depends on, as sent
	// in the RegisterResource RPC (explicit DependsOn, expanded to the
	// children of components, plus the resources its inputs come from),
	// sorted.
	Dependencies []string
	// PropertyDependencies are the URNs each input property depends on,
	// sorted.
	PropertyDependencies map[string][]string
}

func recorded(r *mockrt.Resource) recordedResource {
	rec := recordedResource{Resource: r, PropertyDependencies: map[string][]string{}}
	if r.Custom {
		rec.ID = cmp.Or(r.ImportID, r.Name+"-id")
	}
	for _, e := range r.Deps {
		if e.Kind == mockrt.EdgeProvider {
			continue // a provider option only, not in the RPC's dependencies
		}
		rec.Dependencies = append(rec.Dependencies, e.URN)
		for _, p := range e.Props {
			rec.PropertyDependencies[p] = append(rec.PropertyDependencies[p], e.URN)
		}
	}
	return rec
}

// DependsOnURN reports whether urn is among the resource's dependencies.
func (r recordedResource) DependsOnURN(urn string) bool {
	return slices.Contains(r.Dependencies, urn)
}

// recordedInvoke is one invoke seen by the mocks.
type recordedInvoke struct {
	Token    string
	Args     resource.PropertyMap
	Provider string
}

// mockRecorder answers a test's program under the one mock monitor
// (mockrt.Answers) and records every invoke.
type mockRecorder struct {
	// Invoke answers invokes; nil makes every invoke fail.
	Invoke func(args pulumi.MockCallArgs) (resource.PropertyMap, error)
	// Outputs, when set, returns the outputs (state) of a new resource; by
	// default a resource's outputs are its inputs.
	Outputs func(args pulumi.MockResourceArgs) (resource.PropertyMap, error)

	monitor *mockrt.Monitor
	mu      sync.Mutex
	invokes []recordedInvoke
}

var _ mockrt.Answers = (*mockRecorder)(nil)

// newMocks returns a recorder whose invokes fail until Invoke is set.
func newMocks() *mockRecorder {
	m := &mockRecorder{}
	m.monitor = mockrt.NewMonitor(mockProject, mockStack, m)
	return m
}

// withOrganization answers the organization lookup with managementAccountID as
// the management account; every other invoke fails.
func (m *mockRecorder) withOrganization(managementAccountID string) *mockRecorder {
	m.Invoke = func(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
		if args.Token != getOrganizationToken {
			return nil, fmt.Errorf("unexpected invoke %s", args.Token)
		}
		return resource.PropertyMap{
			"id":                 resource.NewProperty("o-exampleorgid"),
			"arn":                resource.NewProperty("arn:aws:organizations::" + managementAccountID + ":organization/o-exampleorgid"),
			"featureSet":         resource.NewProperty("ALL"),
			"masterAccountId":    resource.NewProperty(managementAccountID),
			"masterAccountArn":   resource.NewProperty("arn:aws:organizations::" + managementAccountID + ":account/o-exampleorgid/" + managementAccountID),
			"masterAccountEmail": resource.NewProperty("management@example.com"),
			"masterAccountName":  resource.NewProperty("management"),
		}, nil
	}
	return m
}

// NewResource implements mockrt.Answers: the ID (the import option's, else
// "<name>-id") and the outputs (Outputs', else the inputs).
func (m *mockRecorder) NewResource(args pulumi.MockResourceArgs, r *mockrt.Resource) (string, resource.PropertyMap, error) {
	state := args.Inputs
	if m.Outputs != nil {
		out, err := m.Outputs(args)
		if err != nil {
			return "", nil, err
		}
		if out != nil {
			state = out
		}
	}
	return cmp.Or(args.ID, args.Name+"-id"), state, nil
}

// Call implements mockrt.Answers (invokes).
func (m *mockRecorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, recordedInvoke{Token: args.Token, Args: args.Args, Provider: args.Provider})
	m.mu.Unlock()
	if m.Invoke == nil {
		return nil, fmt.Errorf("unexpected invoke %s: the test set no Invoke function", args.Token)
	}
	return m.Invoke(args)
}

// run runs program against the mocks, as `pulumi preview` would run it.
func (m *mockRecorder) run(program pulumi.RunFunc) error {
	return pulumi.RunErr(program, pulumi.WithMocks(mockProject, mockStack, m.monitor))
}

// Resources returns the registrations so far, in registration order.
func (m *mockRecorder) Resources() []recordedResource {
	var out []recordedResource
	for _, r := range m.monitor.Resources() {
		out = append(out, recorded(r))
	}
	return out
}

// Invokes returns the invokes so far, in order.
func (m *mockRecorder) Invokes() []recordedInvoke {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.invokes)
}

// ByType returns the registrations of type typ, sorted by name.
func (m *mockRecorder) ByType(typ string) []recordedResource {
	var out []recordedResource
	for _, r := range m.Resources() {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b recordedResource) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// Find returns the registration named name (names are unique per type in the
// tests that use it), failing the test if there is not exactly one.
func (m *mockRecorder) Find(t *testing.T, name string) recordedResource {
	t.Helper()
	var found []recordedResource
	for _, r := range m.Resources() {
		if r.Name == name {
			found = append(found, r)
		}
	}
	require.Lenf(t, found, 1, "registrations named %q; all: %v", name, m.Names())
	return found[0]
}

// Names returns the names of every registration, sorted.
func (m *mockRecorder) Names() []string {
	var names []string
	for _, r := range m.Resources() {
		names = append(names, r.Name)
	}
	slices.Sort(names)
	return names
}

// ByURN returns the registration with URN urn.
func (m *mockRecorder) ByURN(urn string) (recordedResource, bool) {
	for _, r := range m.Resources() {
		if r.URN == urn {
			return r, true
		}
	}
	return recordedResource{}, false
}

// Children returns the registrations whose parent is parent, sorted by name.
func (m *mockRecorder) Children(parent recordedResource) []recordedResource {
	var out []recordedResource
	for _, r := range m.Resources() {
		if r.Parent == parent.URN {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b recordedResource) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// requireDependsOn asserts the dependency edge from -> to itself: to's URN is
// in the dependencies from's RegisterResource RPC carried.
func requireDependsOn(t *testing.T, from, to recordedResource) {
	t.Helper()
	require.Truef(t, from.DependsOnURN(to.URN), "%s %q must depend on %s %q; its dependencies are %v",
		from.Type, from.Name, to.Type, to.Name, from.Dependencies)
}

// requireNotDependsOn asserts there is no direct edge from -> to.
func requireNotDependsOn(t *testing.T, from, to recordedResource) {
	t.Helper()
	require.Falsef(t, from.DependsOnURN(to.URN), "%s %q must not depend on %s %q",
		from.Type, from.Name, to.Type, to.Name)
}

// DestroyOrder returns the URNs in the order a destroy would delete them, as
// the one mock runtime (internal/mockrt, which the plan uses too) derives it
// from the recorded edges, as the engine does: every resource before the
// resources it was created after (its parent, its dependencies, with a
// dependency on a component standing for the component's descendants, and
// its explicit provider). Ties go by URN, not by registration order, so an
// order that only registration order produced would fail the assertions
// built on this.
func (m *mockRecorder) DestroyOrder(t *testing.T) []string {
	t.Helper()
	create, err := m.monitor.Graph().CreateOrder()
	require.NoError(t, err, "the recorded dependency graph")
	return mockrt.DestroyOrder(create)
}

// requireDestroyedBefore asserts that a destroy deletes first before second.
func requireDestroyedBefore(t *testing.T, order []string, first, second recordedResource) {
	t.Helper()
	i, j := slices.Index(order, first.URN), slices.Index(order, second.URN)
	require.NotEqual(t, -1, i, "%s is not in the destroy order", first.URN)
	require.NotEqual(t, -1, j, "%s is not in the destroy order", second.URN)
	require.Lessf(t, i, j, "%q must be deleted before %q; destroy order: %v", first.Name, second.Name, order)
}

// inputString returns the string input key of r, failing if it is not a string.
func inputString(t *testing.T, r recordedResource, key string) string {
	t.Helper()
	v, ok := r.Inputs[resource.PropertyKey(key)]
	require.Truef(t, ok, "%s %q has no input %q; inputs: %v", r.Type, r.Name, key, r.Inputs)
	require.Truef(t, v.IsString(), "%s %q input %q is %v, not a string", r.Type, r.Name, key, v)
	return v.StringValue()
}
