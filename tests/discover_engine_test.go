package tests

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

// TestDiscoveredTrustedAccessAdoptsWithoutWrites discovers an organization
// with trusted access enabled for several services, then runs, under the real
// engine and the orgtrust provider plugin, the TrustedServiceAccess part of
// the written configuration: every TrustedServiceAccess its plan registers,
// with the same names and inputs. The first `pulumi up` adopts each enabled
// principal and makes not one write to Organizations, and the next preview
// shows no change.
func TestDiscoveredTrustedAccessAdoptsWithoutWrites(t *testing.T) {
	t.Parallel()
	o := fb.New(fb.Options{RequestsPerSecond: 1000})
	t.Cleanup(o.Close)
	fb.Seed(o)
	res, err := discover.Run(context.Background(), discover.Options{
		Config: o.AWSConfig(context.Background()), RequestsPerSecond: 1000,
	})
	require.NoError(t, err)
	g := discover.Build(res.Inventory)
	dir := t.TempDir()
	cfg, err := g.ConfigFiles("brown")
	require.NoError(t, err)
	fx, err := g.FixturesYAML("brown")
	require.NoError(t, err)
	cfgPath, _, err := cfg.WriteTo(dir, "brown", writeFile)
	require.NoError(t, err)
	fxPath := filepath.Join(dir, "fixtures.yaml")
	require.NoError(t, os.WriteFile(fxPath, fx, 0o644))
	p, err := plan.Run(plan.Options{StackConfig: cfgPath, Fixtures: fxPath})
	require.NoError(t, err)
	require.Empty(t, p.Errors)

	type access struct {
		name string
		args components.TrustedServiceAccessArgs
	}
	var accesses []access
	for _, r := range p.Resources() {
		if r.Type != components.TrustedServiceAccessToken {
			continue
		}
		a := access{name: r.Name, args: components.TrustedServiceAccessArgs{
			ServicePrincipal: r.Inputs["servicePrincipal"].StringValue(),
		}}
		if v, ok := r.Inputs["disableOnDelete"]; ok && v.IsBool() {
			a.args.DisableOnDelete = pulumi.BoolRef(v.BoolValue())
		}
		a.args.AllowUnknownPrincipal = boolInput(r.Inputs, "allowUnknownPrincipal")
		a.args.Force = boolInput(r.Inputs, "force")
		accesses = append(accesses, a)
	}
	require.Len(t, accesses, 6, "the seeded organization enables six catalog principals outside the serviceOnly ones")
	enabledBefore := slices.Sorted(maps.Keys(o.Orgs.EnabledPrincipals()))

	stack := fakeStack(t, o.Orgs, func(ctx *pulumi.Context) error {
		for _, a := range accesses {
			if _, err := components.NewTrustedServiceAccess(ctx, a.name, a.args); err != nil {
				return err
			}
		}
		return nil
	})
	o.Orgs.Reset()
	up, err := stack.Up()
	require.NoError(t, err)
	var names []string
	for _, a := range accesses {
		names = append(names, a.name)
	}
	assert.ElementsMatch(t, names, up.Names(apitype.OpCreate, tsaType))
	assert.Zero(t, o.Orgs.WriteCalls(), "adopting enabled trusted access writes nothing to Organizations")
	assert.Zero(t, o.Orgs.Calls("EnableAWSServiceAccess"))
	assert.Equal(t, enabledBefore, slices.Sorted(maps.Keys(o.Orgs.EnabledPrincipals())))

	again, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, again.HasChanges(), "the preview after the adopting up: %v", again.Changes)
	assert.Zero(t, o.Orgs.WriteCalls())
}

func boolInput(m resource.PropertyMap, key string) bool {
	v, ok := m[resource.PropertyKey(key)]
	return ok && v.IsBool() && v.BoolValue()
}
