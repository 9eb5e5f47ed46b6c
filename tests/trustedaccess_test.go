package tests

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
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
	assert.Zero(t, fake.WriteCalls(), "preview writes nothing")

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
	assert.Equal(t, (len(principals)-1+fakeorg.DefaultPageSize-1)/fakeorg.DefaultPageSize,
		fake.Calls("ListAWSServiceAccessForOrganization"),
		"refreshing ten resources costs one list sweep: its pages of the 9 enabled principals")
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

// TestProviderConfigChangeKeepsAccess changes the provider configuration
// between two ups: the provider is updated in place, so no TrustedServiceAccess
// is replaced and nothing is disabled. (infer alone would replace the
// provider, and with it every resource: each replacement disables access.)
func TestProviderConfigChangeKeepsAccess(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	principals := enableable(t, 3)
	stack := fakeStack(t, fake, enableAll(principals))
	_, err := stack.Up()
	require.NoError(t, err)
	fake.Reset()

	stack.SetConfig("orgtrust:maxBackoffSeconds", "2", false)
	stack.SetConfig("orgtrust:maxAttempts", "4", false)
	pre, err := stack.Preview()
	require.NoError(t, err)
	for _, op := range []apitype.OpType{apitype.OpReplace, apitype.OpCreateReplacement, apitype.OpDeleteReplaced,
		apitype.OpDelete, apitype.OpCreate} {
		assert.Empty(t, pre.Names(op, tsaType), "preview after a config change: no %s of trusted access", op)
	}
	up, err := stack.Up()
	require.NoError(t, err)
	for _, op := range []apitype.OpType{apitype.OpReplace, apitype.OpCreateReplacement, apitype.OpDeleteReplaced,
		apitype.OpDelete, apitype.OpCreate} {
		assert.Empty(t, up.Names(op, tsaType), "up after a config change: no %s of trusted access", op)
	}
	assert.Zero(t, fake.Calls("DisableAWSServiceAccess"), "a config change disables nothing")
	assert.ElementsMatch(t, principals, slices.Collect(maps.Keys(fake.EnabledPrincipals())))
}

// TestRenameAndReplaceKeepAccess renames a TrustedServiceAccess without an
// alias, then replaces it with --replace: each time the engine creates the
// new resource (which adopts the enabled principal) and deletes the old one,
// and the delete must leave trusted access enabled.
func TestRenameAndReplaceKeepAccess(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	principal := enableable(t, 1)[0]
	stack := fakeStack(t, fake, func(ctx *pulumi.Context) error {
		name := config.Get(ctx, "resourceName")
		var opts []pulumi.ResourceOption
		if alias := config.Get(ctx, "aliasOf"); alias != "" {
			opts = append(opts, pulumi.Aliases([]pulumi.Alias{{Name: pulumi.String(alias)}}))
		}
		_, err := components.NewTrustedServiceAccess(ctx, name, components.TrustedServiceAccessArgs{
			ServicePrincipal: principal,
		}, opts...)
		return err
	})
	stack.SetConfig("orgtrust-enginetest:resourceName", "before", false)
	_, err := stack.Up()
	require.NoError(t, err)
	require.Contains(t, fake.EnabledPrincipals(), principal)

	stack.SetConfig("orgtrust-enginetest:resourceName", "after", false)
	renamed, err := stack.Up()
	require.NoError(t, err)
	require.Equal(t, []string{"after"}, renamed.Names(apitype.OpCreate, tsaType))
	require.Equal(t, []string{"before"}, renamed.Names(apitype.OpDelete, tsaType))
	assert.Zero(t, fake.Calls("DisableAWSServiceAccess"), "the rename disables nothing")
	assert.Contains(t, fake.EnabledPrincipals(), principal)
	assert.Empty(t, sharedPrincipalWarnings(renamed), "a rename is not two resources managing one principal")

	var urn string
	for _, st := range renamed.Steps {
		if st.Name() == "after" {
			urn = st.URN
		}
	}
	require.NotEmpty(t, urn)
	replaced, err := stack.Up(optup.Replace([]string{urn}))
	require.NoError(t, err)
	require.Equal(t, []string{"after"}, replaced.Names(apitype.OpDeleteReplaced, tsaType))
	assert.Zero(t, fake.Calls("DisableAWSServiceAccess"), "the replacement disables nothing")
	assert.Contains(t, fake.EnabledPrincipals(), principal)
	assert.Empty(t, sharedPrincipalWarnings(replaced), "a replacement is not two resources managing one principal")

	// A rename with an alias is the same resource: nothing is created,
	// deleted or disabled, and nothing warns.
	stack.SetConfig("orgtrust-enginetest:resourceName", "aliased", false)
	stack.SetConfig("orgtrust-enginetest:aliasOf", "after", false)
	aliased, err := stack.Up()
	require.NoError(t, err)
	assert.Empty(t, aliased.Names(apitype.OpCreate, tsaType))
	assert.Empty(t, aliased.Names(apitype.OpDelete, tsaType))
	assert.Empty(t, sharedPrincipalWarnings(aliased), "an aliased rename is not two resources managing one principal")
	assert.Zero(t, fake.Calls("DisableAWSServiceAccess"), "the aliased rename disables nothing")

	// Destroy, in a new deployment, still disables it.
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.NotContains(t, fake.EnabledPrincipals(), principal)
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

// TestImportOfDisabledPrincipalFails imports, with the Import resource option,
// a principal whose trusted access is not enabled: up fails with an error
// that says there is nothing to import, the state gets no record of it, and
// the stack stays usable: the same resource without Import is created, and
// destroy works.
func TestImportOfDisabledPrincipalFails(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	ps := enableable(t, 2)
	kept, missing := ps[0], ps[1]
	stack := fakeStack(t, fake, func(ctx *pulumi.Context) error {
		if _, err := components.NewTrustedServiceAccess(ctx, "kept", components.TrustedServiceAccessArgs{
			ServicePrincipal: kept,
		}); err != nil {
			return err
		}
		var opts []pulumi.ResourceOption
		if config.GetBool(ctx, "import") {
			opts = append(opts, pulumi.Import(pulumi.ID(missing)))
		}
		_, err := components.NewTrustedServiceAccess(ctx, "imported", components.TrustedServiceAccessArgs{
			ServicePrincipal: missing,
		}, opts...)
		return err
	})
	stack.SetConfig("orgtrust-enginetest:import", "true", false)
	_, err := stack.Up()
	require.ErrorContains(t, err, "trusted access for "+missing+" is not enabled; there is nothing to import")
	for _, r := range stack.Resources() {
		assert.NotContains(t, r.URN, "::imported", "the failed import left no record in the state")
	}
	assert.NotContains(t, fake.EnabledPrincipals(), missing, "a failed import enables nothing")

	// The stack is not corrupted: without Import the resource is created,
	// and destroy disables both.
	stack.SetConfig("orgtrust-enginetest:import", "false", false)
	_, err = stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, ps, tsaIDs(stack))
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Empty(t, fake.EnabledPrincipals())
	assert.Empty(t, tsaIDs(stack))
}

// TestOnePrincipalManagedTwiceWarns: two resources of one stack that manage
// the same principal get a warning at preview, naming both.
func TestOnePrincipalManagedTwiceWarns(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	ps := enableable(t, 2)
	shared, alone := ps[0], ps[1]
	stack := fakeStack(t, fake, func(ctx *pulumi.Context) error {
		for name, p := range map[string]string{"first": shared, "second": shared, "alone": alone} {
			if _, err := components.NewTrustedServiceAccess(ctx, name, components.TrustedServiceAccessArgs{
				ServicePrincipal: p,
			}); err != nil {
				return err
			}
		}
		return nil
	})
	pre, err := stack.Preview()
	require.NoError(t, err)
	var warnings []string
	for _, d := range pre.Diagnostics {
		if strings.HasPrefix(d, "warning") && strings.Contains(d, "both manage trusted access") {
			warnings = append(warnings, d)
		}
	}
	require.Len(t, warnings, 1, "one warning for the shared principal: %v", pre.Diagnostics)
	assert.True(t, containsAll(warnings[0], "first", "second", shared), warnings[0])
	assert.NotContains(t, warnings[0], alone)
}

// sharedPrincipalWarnings returns the diagnostics that warn about one
// principal managed twice.
func sharedPrincipalWarnings(r engine.Result) []string {
	var out []string
	for _, d := range r.Diagnostics {
		if strings.Contains(d, "both manage trusted access") {
			out = append(out, d)
		}
	}
	return out
}
