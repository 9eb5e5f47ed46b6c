package mockrt

import (
	"errors"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testAnswers gives every custom resource the ID "<name>-id" and its inputs
// as outputs, fails the registrations named "broken", and answers no invoke.
type testAnswers struct{}

func (testAnswers) NewResource(args pulumi.MockResourceArgs, _ *Resource) (string, resource.PropertyMap, error) {
	if args.Name == "broken" {
		return "", nil, errors.New("no outputs for broken")
	}
	return args.Name + "-id", args.Inputs, nil
}

func (testAnswers) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return nil, errors.New("no invoke " + args.Token)
}

// thing is a custom resource of the test's own type.
type thing struct{ pulumi.CustomResourceState }

func newThing(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (*thing, error) {
	var t thing
	return &t, ctx.RegisterResource("test:index:Thing", name, pulumi.Map{"arn": pulumi.String("arn:aws:test:::x")}, &t, opts...)
}

func TestMonitorRecordsRegistrations(t *testing.T) {
	t.Parallel()
	m := NewMonitor("project", "stack", testAnswers{})
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		var prov pulumi.ProviderResourceState
		if err := ctx.RegisterResource("pulumi:providers:test", "prov", nil, &prov); err != nil {
			return err
		}
		var comp pulumi.ResourceState
		if err := ctx.RegisterComponentResource("test:index:Comp", "comp", &comp); err != nil {
			return err
		}
		a, err := newThing(ctx, "a", pulumi.Parent(&comp), pulumi.Provider(&prov), pulumi.RetainOnDelete(true))
		if err != nil {
			return err
		}
		_, err = newThing(ctx, "b", pulumi.DependsOn([]pulumi.Resource{a}), pulumi.Protect(true))
		return err
	}, pulumi.WithMocks("project", "stack", m))
	require.NoError(t, err)

	var names []string
	for _, r := range m.Resources() {
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"prov", "comp", "a", "b"}, names, "registration order")
	assert.Equal(t, 4, m.Len())

	a, ok := m.Resource(URN("project", "stack", URN("project", "stack", "", "test:index:Comp", "comp"), "test:index:Thing", "a"))
	require.True(t, ok)
	provURN := URN("project", "stack", "", "pulumi:providers:test", "prov")
	assert.Equal(t, provURN, a.ProviderURN())
	assert.True(t, a.RetainOnDelete)
	assert.False(t, a.Protect)
	b, ok := m.Resource(URN("project", "stack", "", "test:index:Thing", "b"))
	require.True(t, ok)
	assert.Empty(t, b.ProviderURN(), "the default provider")
	assert.True(t, b.Protect)
	assert.Equal(t, []Edge{{URN: a.URN, Kind: EdgeDependsOn}}, b.Deps)
	assert.Equal(t, int32(3), b.Seq)

	create, err := m.Graph().CreateOrder()
	require.NoError(t, err)
	assert.Less(t, indexOf(create, a.URN), indexOf(create, b.URN))
}

func indexOf(urns []string, urn string) int {
	for i, u := range urns {
		if u == urn {
			return i
		}
	}
	return -1
}

func TestMonitorRejects(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		program pulumi.RunFunc
		wantErr string
		wantLen int
	}{
		{
			name: "a URN registered twice",
			program: func(ctx *pulumi.Context) error {
				if _, err := newThing(ctx, "a"); err != nil {
					return err
				}
				_, err := newThing(ctx, "a")
				return err
			},
			wantErr: "urn:pulumi:stack::project::test:index:Thing::a is registered twice",
			wantLen: 1,
		},
		{
			name: "a read",
			program: func(ctx *pulumi.Context) error {
				var t thing
				return ctx.ReadResource("test:index:Thing", "r", pulumi.ID("r-id"), nil, &t)
			},
			wantErr: `test:index:Thing "r" is read, not registered`,
		},
		{
			name: "a registration its answers fail, which is not recorded",
			program: func(ctx *pulumi.Context) error {
				_, err := newThing(ctx, "broken")
				return err
			},
			wantErr: "no outputs for broken",
		},
		{
			name: "an invoke its answers fail",
			program: func(ctx *pulumi.Context) error {
				return ctx.Invoke("test:index:get", nil, &struct{}{})
			},
			wantErr: "no invoke test:index:get",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := NewMonitor("project", "stack", testAnswers{})
			err := pulumi.RunErr(tc.program, pulumi.WithMocks("project", "stack", m))
			require.ErrorContains(t, err, tc.wantErr)
			assert.Equal(t, tc.wantLen, m.Len())
		})
	}
}
