package tests

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

const tsaType = "orgtrust:index:TrustedServiceAccess"

// fakeCredentials give the provider plugin static credentials for the fake
// endpoint, and keep it away from the machine's AWS files and IMDS.
var fakeCredentials = map[string]string{
	"AWS_ACCESS_KEY_ID":           "AKIDFAKE",
	"AWS_SECRET_ACCESS_KEY":       "SECRETFAKE",
	"AWS_REGION":                  "us-east-1",
	"AWS_EC2_METADATA_DISABLED":   "true",
	"AWS_CONFIG_FILE":             "/dev/null",
	"AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
}

// enableable returns n catalog principals that Organizations may enable.
func enableable(t testing.TB, n int) []string {
	t.Helper()
	var out []string
	for _, svc := range components.Services() {
		if svc.EnableVia != components.EnableViaServiceOnly && !svc.RetainOnDelete {
			out = append(out, svc.Principals...)
		}
	}
	require.GreaterOrEqual(t, len(out), n)
	return out[:n]
}

// fakeStack returns a stack whose orgtrust provider talks to fake.
func fakeStack(t *testing.T, fake *fakeorg.Server, program pulumi.RunFunc) *engine.Stack {
	t.Helper()
	return engine.NewStack(t, program, engine.Options{
		Config: map[string]string{
			"orgtrust:endpoint":          fake.URL(),
			"orgtrust:maxBackoffSeconds": "1",
		},
		Env: fakeCredentials,
	})
}

func enableAll(principals []string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		for _, p := range principals {
			if _, err := components.NewTrustedServiceAccess(ctx, p, components.TrustedServiceAccessArgs{
				ServicePrincipal: p,
			}); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestTrustedServiceAccessUnderTheEngine drives ten principals through up,
// preview, refresh after an out-of-band change, and destroy.
func TestTrustedServiceAccessUnderTheEngine(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{WriteLatency: 1_000_000})
	t.Cleanup(fake.Close)
	principals := enableable(t, 10)
	stack := fakeStack(t, fake, enableAll(principals))

	// Preview proposes ten creates and changes nothing.
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.ElementsMatch(t, principals, pre.Names(apitype.OpCreate, tsaType))
	assert.Empty(t, fake.EnabledPrincipals())

	// Up enables the ten principals, with ten writes and no concurrent-modification error.
	up, err := stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, principals, up.Names(apitype.OpCreate, tsaType))
	assert.ElementsMatch(t, principals, slices.Collect(maps.Keys(fake.EnabledPrincipals())))
	assert.Equal(t, 10, fake.Calls("EnableAWSServiceAccess"))
	assert.Zero(t, fake.ConcurrentModErrors())

	// A second preview shows no changes.
	again, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, again.HasChanges(), "second preview: %v", again.Changes)

	// A refresh right after up finds no drift: the outputs are what AWS reports.
	same, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, same.HasChanges(), "refresh after up: %v", same.Changes)

	// Another tool disables one principal: refresh sees it gone, and the next
	// preview proposes to enable it again.
	gone := principals[3]
	fake.DisableOutOfBand(gone)
	fake.Reset()
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.Equal(t, 1, ref.Changes[string(apitype.OpDelete)], "refresh changes: %v", ref.Changes)
	assert.LessOrEqual(t, fake.Calls("ListAWSServiceAccessForOrganization"), 1,
		"refreshing ten resources costs one list sweep")
	fix, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{gone}, fix.Names(apitype.OpCreate, tsaType))

	// Destroy disables every principal the stack still manages.
	_, err = stack.Up()
	require.NoError(t, err)
	down, err := stack.Destroy()
	require.NoError(t, err)
	assert.ElementsMatch(t, principals, down.Names(apitype.OpDelete, tsaType))
	assert.Empty(t, fake.EnabledPrincipals())
}

// TestIdentityCenterAccessIsRetained checks the destructive-disable policy under
// the engine: preview warns, and destroy leaves sso.amazonaws.com enabled.
func TestIdentityCenterAccessIsRetained(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	stack := fakeStack(t, fake, enableAll([]string{"sso.amazonaws.com"}))

	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(pre.Diagnostics, func(d string) bool {
		return strings.HasPrefix(d, "warning") && containsAll(d, "sso.amazonaws.com", "retained")
	}), "preview warns that sso access is retained: %v", pre.Diagnostics)

	_, err = stack.Up()
	require.NoError(t, err)
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Contains(t, fake.EnabledPrincipals(), "sso.amazonaws.com")
	assert.Zero(t, fake.Calls("DisableAWSServiceAccess"))
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
