package tests

// Pulumi YAML programs under the real engine: the CLI and pulumi-language-yaml
// that `make tools` builds, the provider plugin installed into a fresh plugin
// cache as `make install` installs it, and the fake Organizations endpoint.
//
// The components' children are pulumi-aws resources, and the aws plugin
// cannot be installed here, so a component under the engine gets as far as
// its first child: its input decoding and validation run for real, its
// children do not (the components' tests cover those under mocks).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// awsPluginMissing says whether err is how a component stops when the aws
// provider plugin cannot be had: the engine's error for its first pulumi-aws
// child, or the provider's own explanation (provider/awsplugin.go), which it
// gives instead once the component's input checks pass.
func awsPluginMissing(err error) bool {
	return strings.Contains(err.Error(), "no resource plugin 'pulumi-resource-aws' found") ||
		strings.Contains(err.Error(), "the aws provider plugin (pulumi-resource-aws ")
}

// yamlProject writes a Pulumi YAML project with program into a new directory.
func yamlProject(t *testing.T, name, program string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"),
		[]byte("name: "+name+"\nruntime: yaml\n"+program), 0o644))
	return dir
}

// TestYAMLTrustedServiceAccessUnderTheEngine runs a YAML program with two
// TrustedServiceAccess resources and the three functions against the fake
// Organizations endpoint: preview, up, a second preview with no changes, and
// destroy.
func TestYAMLTrustedServiceAccessUnderTheEngine(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	principals := enableable(t, 2)
	dir := yamlProject(t, "orgtrust-yaml-trusted-access", `config:
  firstPrincipal:
    type: string
  secondPrincipal:
    type: string
resources:
  first:
    type: orgtrust:index:TrustedServiceAccess
    properties:
      servicePrincipal: ${firstPrincipal}
  second:
    type: orgtrust:index:TrustedServiceAccess
    properties:
      servicePrincipal: ${secondPrincipal}
    options:
      dependsOn:
        - ${first}
variables:
  sso:
    fn::invoke:
      function: orgtrust:index:getTrustedService
      arguments:
        key: sso
  catalog:
    fn::invoke:
      function: orgtrust:index:listTrustedServices
      return: services
  deployer:
    fn::invoke:
      function: orgtrust:index:getDeployerPolicy
      arguments:
        services: [guardduty]
outputs:
  firstEnablePath: ${first.enablePath}
  secondDateEnabled: ${second.dateEnabled}
  ssoPrincipals: ${sso.principals}
  firstCatalogKey: ${catalog[0].key}
  deployerPolicy: ${deployer.policy}
`)
	stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{
		Config: map[string]string{
			"firstPrincipal":             principals[0],
			"secondPrincipal":            principals[1],
			"orgtrust:endpoint":          fake.URL(),
			"orgtrust:maxBackoffSeconds": "1",
		},
		Env: fakeCredentials,
	})

	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"first", "second"}, pre.Names(apitype.OpCreate, tsaType))
	assert.Zero(t, fake.WriteCalls(), "preview writes nothing")

	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"first", "second"}, up.Names(apitype.OpCreate, tsaType), "second waits for first")
	enabled := fake.EnabledPrincipals()
	for _, p := range principals {
		assert.Contains(t, enabled, p, "up enabled %s", p)
	}
	assert.Equal(t, "organizations", up.Outputs["firstEnablePath"].Value)
	assert.NotEmpty(t, up.Outputs["secondDateEnabled"].Value, "the date Organizations reports")

	sso, ok := components.LookupService("sso")
	require.True(t, ok)
	var ssoPrincipals []string
	for _, p := range up.Outputs["ssoPrincipals"].Value.([]any) {
		ssoPrincipals = append(ssoPrincipals, p.(string))
	}
	assert.Equal(t, sso.Principals, ssoPrincipals, "getTrustedService answers from the catalog")
	keys := slices.Sorted(func(yield func(string) bool) {
		for _, s := range components.Services() {
			if !yield(s.Key) {
				return
			}
		}
	})
	assert.Equal(t, keys[0], up.Outputs["firstCatalogKey"].Value, "listTrustedServices is sorted by key")
	var policy struct {
		Statement []struct{ Action any }
	}
	require.NoError(t, json.Unmarshal([]byte(up.Outputs["deployerPolicy"].Value.(string)), &policy))
	assert.Contains(t, up.Outputs["deployerPolicy"].Value, "organizations:EnableAWSServiceAccess")

	again, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, again.HasChanges(), "second preview: %v", again.Changes)

	down, err := stack.Destroy()
	require.NoError(t, err)
	assert.Equal(t, []string{"second", "first"}, down.Names(apitype.OpDelete, tsaType), "reverse order")
	for _, p := range principals {
		assert.NotContains(t, fake.EnabledPrincipals(), p, "destroy disabled %s", p)
	}
}

// TestYAMLComponentValidationErrors: each component rejects bad input from a
// YAML program at preview, before it registers anything, with errors naming
// each bad field and value.
func TestYAMLComponentValidationErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		component string
		props     string
		want      []string // each appears in the error
	}{
		{"OrgServiceIntegration", `
      service: guarduty
      delegatedAdminAccountId: "12345"`,
			[]string{"guarduty", `did you mean "guardduty"`}},
		{"OrgServiceIntegration", `
      service: guardduty
      delegatedAdminAccountId: "12345"`,
			[]string{"delegatedAdminAccountId", "12345"}},
		{"OrgServiceIntegration", `
      service: guardduty
      regions: [us-east-1, mars-1]`,
			[]string{"regions", "mars-1"}},
		{"OrgIntegrations", `
      integrations:
        - name: guardduty
          args:
            service: guardduty
            delegatedAdminAccountId: "1234"
        - name: guardduty
          args:
            service: securityhub`,
			[]string{"guardduty", "1234"}},
		{"IdentityCenterSetup", `
      delegatedAdminAccountId: "9999"
      permissionSets:
        - name: Admin
          sessionDuration: PT99H
      assignments:
        - permissionSet: NoSuchSet
          principals:
            - { type: GROUP, name: Nobody }
          accountIds: ["111122223333"]`,
			[]string{"9999", "PT99H", "NoSuchSet"}},
		{"ServiceCatalogSharing", `
      managementAccountId: "111122223333"
      organizationId: o-abcdefghij
      portfolios:
        - key: platform
          shares:
            - type: ORGANIZATIONAL_UNIT
              id: not-an-ou`,
			[]string{"not-an-ou"}},
	}
	for i, tt := range tests {
		t.Run(tt.component+"-"+itoaTest(i), func(t *testing.T) {
			t.Parallel()
			dir := yamlProject(t, "orgtrust-yaml-invalid", `resources:
  bad:
    type: orgtrust:index:`+tt.component+`
    properties:`+tt.props+"\n")
			stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{Env: fakeCredentials})
			res, err := stack.Preview()
			require.Error(t, err)
			for _, w := range tt.want {
				assert.ErrorContains(t, err, w)
			}
			assert.False(t, awsPluginMissing(err), "the input errors come first: %v", err)
			for _, s := range res.Steps {
				assert.NotContains(t, s.Type, "aws:", "no child was registered: %s", s.URN)
			}
		})
	}
}

func itoaTest(i int) string { return strconv.Itoa(i) }

// TestYAMLExamplesAsDocumented runs each YAML example under the engine with
// the configuration its comments tell users to set. Every input reaches its
// component, which validates it and starts registering its pulumi-aws
// children; the run stops there, because the aws plugin cannot be had here.
// A 13-digit account ID set the same way is rejected by the component's own
// validation, with the value: config values arrive as the user typed them.
func TestYAMLExamplesAsDocumented(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	exs := examplesOf(t, "yaml")
	require.NotEmpty(t, exs)
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), ex.name)
			copyExample(t, ex.dir, dir)
			stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{Env: fakeCredentials})
			for k, v := range documentedConfig(t, filepath.Join(dir, "Pulumi.yaml"), projectName(t, dir)) {
				var list []string
				if json.Unmarshal([]byte(v), &list) != nil {
					stack.SetConfig(k, v, false)
					continue
				}
				for i, e := range list { // pulumi config set --path 'key[i]' e
					stack.SetConfigPath(k+"["+strconv.Itoa(i)+"]", e)
				}
			}
			// The provider's own lookups go to the fake Organizations endpoint.
			stack.SetConfig("orgtrust:endpoint", fake.URL(), false)
			_, err := stack.Preview()
			require.Error(t, err, "without the aws plugin, the components stop at their first child")
			assert.True(t, awsPluginMissing(err), "the only failure is the missing aws plugin: %v", err)
			for _, bad := range []string{"expected a string", "unmarshaling", "is not an AWS account ID"} {
				assert.NotContains(t, err.Error(), bad, "the documented configuration is accepted")
			}
		})
	}

	t.Run("a bad account ID reaches the component validation", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "security-services-yaml")
		copyExample(t, repoPath("examples", "security-services-yaml"), dir)
		stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{
			Config: map[string]string{"auditAccountId": "2222333344445", "rootId": "r-a1b2"}, Env: fakeCredentials})
		_, err := stack.Preview()
		require.Error(t, err)
		assert.ErrorContains(t, err, `delegatedAdminAccountId "2222333344445"`)
		assert.False(t, awsPluginMissing(err), "the input errors come first: %v", err)
		assert.False(t, strings.Contains(err.Error(), "expected a string"))
	})
}
