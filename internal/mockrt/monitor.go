package mockrt

import (
	"fmt"
	"slices"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Answers are what a Monitor's user says about the world: the ID and
// outputs of each new resource, and the answer to each invoke. The plan tool
// answers from its fixtures; the components' tests answer per test.
type Answers interface {
	// NewResource returns the ID and the outputs (state) of the resource
	// args registers; r is its record, with its URN and edges. A component
	// resource's ID is ignored. An error fails the registration, which is
	// then not recorded.
	NewResource(args pulumi.MockResourceArgs, r *Resource) (id string, outputs resource.PropertyMap, err error)
	// Call answers an invoke.
	Call(args pulumi.MockCallArgs) (resource.PropertyMap, error)
}

// Monitor is the one mock resource monitor (pulumi.MockResourceMonitor) of
// the plan tool and the components' tests: it records every registration
// with Register, under its URN, and leaves the resources' IDs and outputs
// and the invokes' answers to its Answers. A registration of a URN already
// registered is an error, as it is to the engine; a read (a Get function) is
// an error, as nothing here simulates one.
//
// It keeps one copy of what repeats across registrations (the URNs of
// parents and dependencies, type tokens, property names, string inputs such
// as an instance ARN): the plan of 100,000 assignments holds 100,000 copies
// of the same parent URN, instance ARN and permission set ARNs otherwise.
type Monitor struct {
	project, stack string
	answers        Answers

	mu        sync.Mutex
	resources map[string]*Resource
	// seq numbers the registrations recorded, failed ones included, so
	// that no two get the same Seq.
	seq     int32
	strings map[string]string
	values  map[string]resource.PropertyValue
}

var _ pulumi.MockResourceMonitor = (*Monitor)(nil)

// NewMonitor returns a monitor for a run of project's stack that answers
// with answers.
func NewMonitor(project, stack string, answers Answers) *Monitor {
	return &Monitor{
		project: project, stack: stack, answers: answers,
		resources: map[string]*Resource{},
		strings:   map[string]string{}, values: map[string]resource.PropertyValue{},
	}
}

// NewResource implements pulumi.MockResourceMonitor: it records the
// registration, then asks the Answers for its ID and outputs.
func (m *Monitor) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	if args.RegisterRPC == nil {
		return "", nil, fmt.Errorf("%s %q is read, not registered: the mock runtime simulates no reads",
			args.TypeToken, args.Name)
	}
	r := Register(m.project, m.stack, args)

	// Interned before the Answers see it: outputs that share or copy the
	// inputs share the one copy too.
	m.mu.Lock()
	if _, dup := m.resources[r.URN]; dup {
		m.mu.Unlock()
		return "", nil, fmt.Errorf("%s is registered twice", r.URN)
	}
	m.interned(r)
	r.Seq = m.seq
	m.seq++
	m.resources[r.URN] = r
	m.mu.Unlock()

	id, out, err := m.answers.NewResource(args, r)
	if err != nil {
		m.mu.Lock()
		delete(m.resources, r.URN)
		m.mu.Unlock()
		return "", nil, err
	}
	if !args.Custom {
		id = ""
	}
	return id, out, nil
}

// Call implements pulumi.MockResourceMonitor: the Answers answer.
func (m *Monitor) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return m.answers.Call(args)
}

// Resource returns the registration of urn, if any.
func (m *Monitor) Resource(urn string) (*Resource, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.resources[urn]
	return r, ok
}

// Len is the number of registrations.
func (m *Monitor) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.resources)
}

// Resources returns the registrations in registration order.
func (m *Monitor) Resources() []*Resource {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*Resource, 0, len(m.resources))
	for _, r := range m.resources {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Resource) int { return int(a.Seq - b.Seq) })
	return out
}

// Graph is the dependency graph of the registrations, for after the run.
func (m *Monitor) Graph() *Graph {
	m.mu.Lock()
	defer m.mu.Unlock()
	return NewGraph(m.resources)
}

// interned makes r share the strings and input values that other resources
// have. m.mu is held.
func (m *Monitor) interned(r *Resource) {
	str := func(s string) string {
		if c, ok := m.strings[s]; ok {
			return c
		}
		m.strings[s] = s
		return s
	}
	r.Type, r.Parent = str(r.Type), str(r.Parent)
	for i := range r.Deps {
		e := &r.Deps[i]
		e.URN = str(e.URN)
		for j, p := range e.Props {
			e.Props[j] = str(p)
		}
	}
	for k, v := range r.Inputs {
		if !v.IsString() {
			continue
		}
		if c, ok := m.values[v.StringValue()]; ok {
			r.Inputs[k] = c
		} else {
			m.values[v.StringValue()] = v
		}
	}
}
