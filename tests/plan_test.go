package tests

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/examples/baseline/baseline"
	"github.com/orgtrust/pulumi-orgtrust/examples/baseline/plan"
)

// The example stack configuration and the fixtures `make plan` uses.
const (
	exampleStackConfig = "../Pulumi.example.yaml"
	exampleFixtures    = "../examples/baseline/plan-fixtures.yaml"
)

// updatePlanGolden regenerates the golden files of the plan:
// ORGTRUST_UPDATE_GOLDEN=1 go test ./tests/ -run Plan
var updatePlanGolden = os.Getenv("ORGTRUST_UPDATE_GOLDEN") == "1"

// runPlan runs the plan of a stack configuration and requires that it ran.
func runPlan(t *testing.T, stackConfig, fixtures string) *plan.Plan {
	t.Helper()
	p, err := plan.Run(plan.Options{StackConfig: stackConfig, Fixtures: fixtures})
	require.NoError(t, err)
	return p
}

// writeStackConfig writes a stack configuration file named Pulumi.<stack>.yaml
// in a temporary directory and returns its path.
func writeStackConfig(t *testing.T, stack, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Pulumi."+stack+".yaml")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// checkGolden compares got with the golden file, or rewrites it.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "plan", golden)
	if updatePlanGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run ORGTRUST_UPDATE_GOLDEN=1 go test ./tests/ -run Plan")
	assert.Equal(t, string(want), string(got), "the plan differs from %s: if the change is intended, run "+
		"ORGTRUST_UPDATE_GOLDEN=1 go test ./tests/ -run Plan and review the diff", path)
}

// TestPlanGolden pins the plan of the example configuration: the simulated
// lookups, the create order with parents and dependencies, the destroy order,
// and the Mermaid diagram.
func TestPlanGolden(t *testing.T) {
	t.Parallel()
	p := runPlan(t, exampleStackConfig, exampleFixtures)
	require.Empty(t, p.Errors)
	for _, tc := range []struct {
		golden string
		write  func(*plan.Plan, *bytes.Buffer) error
	}{
		{"example.txt", func(p *plan.Plan, b *bytes.Buffer) error { return p.WriteText(b) }},
		{"example.mmd", func(p *plan.Plan, b *bytes.Buffer) error { return p.WriteMermaid(b) }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			require.NoError(t, tc.write(p, &b))
			checkGolden(t, tc.golden, b.Bytes())
		})
	}
}

// TestPlanIsDeterministic runs the example twice: registrations arrive in a
// different order on every run, yet the plan must not change.
func TestPlanIsDeterministic(t *testing.T) {
	t.Parallel()
	var outs []string
	for range 3 {
		var b bytes.Buffer
		require.NoError(t, runPlan(t, exampleStackConfig, exampleFixtures).WriteText(&b))
		outs = append(outs, b.String())
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
}

// TestPlanCommand runs the command `make plan` runs: the example plan exits 0
// with the golden output, a broken configuration exits 1 naming the key path.
func TestPlanCommand(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "plan")
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin, "./cmd/plan")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building tests/cmd/plan: %s", out)

	broken := writeStackConfig(t, "broken", `config:
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: A}, {name: B}, {name: C, sessionDuration: PT13H}]
`)
	for _, tc := range []struct {
		name     string
		args     []string
		exitCode int
		golden   string
		contains string
	}{
		{name: "text", args: []string{"-config", exampleStackConfig, "-fixtures", exampleFixtures},
			golden: "example.txt"},
		{name: "mermaid", args: []string{"-config", exampleStackConfig, "-fixtures", exampleFixtures,
			"-format", "mermaid"}, golden: "example.mmd"},
		{name: "broken", args: []string{"-config", broken, "-fixtures", exampleFixtures}, exitCode: 1,
			contains: `orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration: "PT13H" is 13h0m0s`},
		{name: "bad format", args: []string{"-config", exampleStackConfig, "-format", "svg"}, exitCode: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.CommandContext(t.Context(), bin, tc.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
				code = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			require.Equal(t, tc.exitCode, code, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			if tc.golden != "" && !updatePlanGolden {
				checkGolden(t, tc.golden, stdout.Bytes())
			}
			assert.Contains(t, stdout.String(), tc.contains)
		})
	}
}

// TestPlanBrokenConfigFailsWithKeyPath checks that bad configuration fails
// the preview with the configuration key path of the bad value, and that
// nothing is planned.
func TestPlanBrokenConfigFailsWithKeyPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		config string
		want   []string
	}{
		{
			name: "session duration out of range",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets:
      - {name: Administrator, sessionDuration: PT1H}
      - {name: ReadOnly, sessionDuration: PT8H}
      - {name: Developer, sessionDuration: PT13H}`,
			want: []string{`orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration: "PT13H" is ` +
				`13h0m0s; IAM Identity Center accepts 1 to 12 hours`},
		},
		{
			name: "unknown keys, with suggestions",
			config: `
  orgtrust-baseline:identityCentre: {}
  orgtrust-baseline:serviceCatalog:
    portfolios:
      - key: platform
        id: port-abcdefghi1234
        shareTagOption: true`,
			want: []string{
				`orgtrust-baseline:identityCentre: unknown key; did you mean "identityCenter"?`,
				`orgtrust-baseline:serviceCatalog.portfolios[0].shareTagOption: unknown key; did you mean ` +
					`"shareTagOptions"?`,
			},
		},
		{
			name: "wrong types",
			config: `
  orgtrust-baseline:integrations:
    - {service: guardduty, delegatedAdminAccountId: 222222222222, regions: us-east-1}
  orgtrust-baseline:identityCenter: [Administrator]`,
			want: []string{
				`orgtrust-baseline:integrations[0].delegatedAdminAccountId: expected a string, got the number ` +
					`222222222222: quote it`,
				`orgtrust-baseline:integrations[0].regions: expected a list, got the string "us-east-1"`,
				`orgtrust-baseline:identityCenter: expected an object, got a list`,
			},
		},
		{
			name: "missing required key",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{description: no name}]`,
			want: []string{`orgtrust-baseline:identityCenter.permissionSets[0].name: missing: this key is required`},
		},
		{
			name: "integration errors map to their entry",
			config: `
  orgtrust-baseline:managementAccountId: "111111111111"
  orgtrust-baseline:integrations:
    - {service: guardduty, delegatedAdminAccountId: "222222222222", regions: [us-east-1, mars-north-9x]}`,
			want: []string{`orgtrust-baseline:integrations[0].regions: "mars-north-9x" is not an AWS Region name`},
		},
		{
			name: "catalog typo",
			config: `
  orgtrust-baseline:integrations:
    - {service: access-analyzer}
    - {service: guarduty}`,
			want: []string{`orgtrust-baseline:integrations[1].service: `, `"guardduty"`},
		},
		{
			name: "management account as delegated administrator, from the stack config",
			config: `
  orgtrust-baseline:managementAccountId: "111111111111"
  orgtrust-baseline:integrations:
    - {service: config, delegatedAdminAccountId: "111111111111"}`,
			want: []string{`orgtrust-baseline:integrations[0].delegatedAdminAccountId: "111111111111" is the ` +
				`organization's management account`},
		},
		{
			name: "management account as delegated administrator, from the simulated lookup",
			config: `
  orgtrust-baseline:integrations:
    - {service: config, delegatedAdminAccountId: "111111111111"}`,
			want: []string{`orgtrust-baseline:integrations[0].delegatedAdminAccountId: "111111111111" is the ` +
				`organization's management account (read from the organization)`},
		},
		{
			name: "bad management account",
			config: `
  orgtrust-baseline:managementAccountId: "1111"
  orgtrust-baseline:integrations: [{service: ram}]`,
			want: []string{`orgtrust-baseline:managementAccountId: "1111" is not an AWS account ID`},
		},
		{
			name: "management account set in a section",
			config: `
  orgtrust-baseline:serviceCatalog: {managementAccountId: "111111111111"}
  orgtrust-baseline:integrations: [{service: ram, managementAccountId: "111111111111"}]`,
			want: []string{
				`orgtrust-baseline:integrations[0].managementAccountId: set the management account once, at ` +
					`orgtrust-baseline:managementAccountId`,
				`orgtrust-baseline:serviceCatalog.managementAccountId: set the management account once`,
			},
		},
		{
			name: "a service two sections would manage, and duplicates",
			config: `
  orgtrust-baseline:integrations:
    - {service: sso}
    - {service: guardduty}
    - {service: guardduty, name: guardduty-2}
    - {service: ram, name: guardduty}
  orgtrust-baseline:identityCenter: {}`,
			want: []string{
				`orgtrust-baseline:integrations[0].service: "sso" is managed by orgtrust-baseline:identityCenter`,
				`orgtrust-baseline:integrations[2].service: "guardduty" manages guardduty.amazonaws.com, as ` +
					`orgtrust-baseline:integrations[1] does`,
				`orgtrust-baseline:integrations[3].name: "guardduty" is also the name of ` +
					`orgtrust-baseline:integrations[1]`,
			},
		},
		{
			name: "a principal that an earlier service already enables",
			config: `
  orgtrust-baseline:integrations:
    - {servicePrincipal: config-multiaccountsetup.amazonaws.com}
    - {service: config}`,
			want: []string{
				`orgtrust-baseline:integrations[1].service: "config" manages config-multiaccountsetup.amazonaws.com, ` +
					`as orgtrust-baseline:integrations[0] does`,
			},
		},
		{
			name: "errors of several components at once",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin}]
    assignments: [{permissionSet: Admn, principals: [{type: GROUP, name: Ops}], accountIds: ["123"]}]
  orgtrust-baseline:serviceCatalog:
    portfolios: [{key: p, id: port-abcdefghi1234, shares: [{type: ORGANIZATIONAL_UNIT, id: ou-bad}]}]`,
			want: []string{
				`orgtrust-baseline:identityCenter.assignments[0].permissionSet: "Admn" is not declared in ` +
					`permissionSets; did you mean "Admin"?`,
				`orgtrust-baseline:identityCenter.assignments[0].accountIds[0]: "123" is not an AWS account ID`,
				`orgtrust-baseline:serviceCatalog.portfolios[0].shares[0].id: "ou-bad" is not valid`,
			},
		},
		{
			// The integrations are invalid; the other two sections are valid
			// and must not be registered either.
			name: "one bad section among valid ones",
			config: `
  orgtrust-baseline:integrations: [{service: guardduty, delegatedAdminAccountId: "12345"}]
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: ReadOnly, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}]
  orgtrust-baseline:serviceCatalog:
    portfolios: [{key: p, id: port-abcdefghi1234, shares: [{type: ACCOUNT, id: "555555555555"}]}]`,
			want: []string{`orgtrust-baseline:integrations[0].delegatedAdminAccountId: "12345" is not`},
		},
		{
			name:   "nothing to deploy",
			config: `  aws:region: us-east-1`,
			want:   []string{`orgtrust-baseline: nothing to deploy`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := writeStackConfig(t, "broken", "config:\n"+strings.TrimPrefix(tc.config, "\n")+"\n")
			p := runPlan(t, path, exampleFixtures)
			require.NotEmpty(t, p.Errors, "the configuration should be rejected")
			all := strings.Join(p.Errors, "\n")
			for _, want := range tc.want {
				assert.Contains(t, all, want)
			}
			assert.Empty(t, p.Create, "nothing is planned when the configuration is invalid")
			assert.Zero(t, p.Registered, "an invalid section must not leave the others registered")

			var b bytes.Buffer
			require.NoError(t, p.WriteText(&b))
			assert.Contains(t, b.String(), "Validation errors (")
			assert.NotContains(t, b.String(), "Create order")
		})
	}
}

// accessTypes are the resources that enable trusted access.
var accessTypes = map[string]bool{
	"orgtrust:index:TrustedServiceAccess":                                     true,
	"aws:servicecatalog/organizationsAccess:OrganizationsAccess":              true,
	"aws:ram/sharingWithOrganization:SharingWithOrganization":                 true,
	"aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount": true,
}

// before returns every resource that must exist before urn: the transitive
// closure of the graph's predecessor edges.
func before(g *plan.Graph, urn string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(u string) {
		for _, p := range g.Predecessors(u) {
			if !seen[p] {
				seen[p] = true
				walk(p)
			}
		}
	}
	walk(urn)
	return seen
}

// customBelow lists the custom resources below a component.
func customBelow(g *plan.Graph, urn string) []string {
	var out []string
	for _, d := range g.Descendants(urn) {
		if g.Resources[d].Custom {
			out = append(out, d)
		}
	}
	return out
}

// orgWrites lists the resources below a component that write to AWS
// Organizations: the children of its OrgServiceIntegrations, providers aside.
func orgWrites(g *plan.Graph, urn string) []string {
	var out []string
	for _, d := range customBelow(g, urn) {
		if parent := g.Resources[g.ParentOf(d)]; parent.Type == components.OrgServiceIntegrationToken &&
			!strings.HasPrefix(g.Resources[d].Type, "pulumi:providers:") {
			out = append(out, d)
		}
	}
	return out
}

func findComponent(g *plan.Graph, typ, name string) string {
	for urn, r := range g.Resources {
		if r.Type == typ && r.Name == name {
			return urn
		}
	}
	return ""
}

// TestPlanTrustedAccessComesFirst checks, for the create order of every
// configuration: trusted access is created before its delegated admin and
// before every resource that needs it, because the recorded edges say so (not
// by the luck of the tie-break); every resource comes after all its
// predecessors; and the destroy order is exactly the reverse.
func TestPlanTrustedAccessComesFirst(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, config, fixtures string
	}{
		{name: "example", config: exampleStackConfig, fixtures: exampleFixtures},
		{name: "example, every lookup made up", config: exampleStackConfig},
		{name: "service catalog through organizations, ipam, enableVia none", fixtures: exampleFixtures, config: `
  orgtrust-baseline:integrations:
    - {service: ipam, delegatedAdminAccountId: "222222222222"}
    - {service: detective, delegatedAdminAccountId: "222222222222", enableVia: none, regions: [us-east-1]}
    - {service: ssm, delegatedAdminAccountId: "222222222222"}
    - {service: macie, delegatedAdminAccountId: "222222222222", enableVia: organizations, regions: [eu-west-1, us-east-1]}
  orgtrust-baseline:serviceCatalog:
    enableVia: organizations
    delegatedAdminAccountId: "555555555555"
    portfolios:
      - key: platform
        create: {name: Platform, providerName: Platform team}
        shares: [{type: ORGANIZATION, id: o-a1b2c3d4e5}, {type: ACCOUNT, id: "999999999999"}]
        sharePrincipals: true
        principalAssociations: [{iamRolePattern: Launcher*}]`},
		{name: "identity center alone, instance given", fixtures: exampleFixtures, config: `
  orgtrust-baseline:identityCenter:
    instanceArn: arn:aws:sso:::instance/ssoins-1234567890abcdef
    identityStoreId: d-1234567890
    permissionSets: [{name: Admin, managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}]
    groups: [{displayName: Ops}]
    assignments: [{permissionSet: Admin, principals: [{type: GROUP, name: Ops}], organizationalUnitIds: [r-ab12]}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := tc.config
			if strings.HasPrefix(tc.config, "\n") {
				path = writeStackConfig(t, "order", "config:\n"+strings.TrimPrefix(tc.config, "\n")+"\n")
			}
			p := runPlan(t, path, tc.fixtures)
			require.Empty(t, p.Errors)
			g := p.Graph
			require.Len(t, p.Create, len(g.Resources))

			// The destroy order is exactly the create order reversed.
			reversed := slices.Clone(p.Create)
			slices.Reverse(reversed)
			require.Equal(t, reversed, p.Destroy)

			// Every resource comes after its parent and its dependencies.
			pos := map[string]int{}
			for i, urn := range p.Create {
				pos[urn] = i
			}
			for _, urn := range p.Create {
				for _, pred := range g.Predecessors(urn) {
					require.Less(t, pos[pred], pos[urn], "%s before %s", pred, urn)
				}
			}

			// needs asserts that each of users is created after, and depends
			// through the recorded edges on, each of the accesses.
			checked := 0
			needs := func(accesses, users []string) {
				for _, u := range users {
					deps := before(g, u)
					for _, a := range accesses {
						assert.True(t, deps[a], "%s does not depend on trusted access %s", g.Resources[u].Name,
							g.Resources[a].Name)
						assert.Less(t, pos[a], pos[u], "%s is created before trusted access %s",
							g.Resources[u].Name, g.Resources[a].Name)
						checked++
					}
				}
			}

			// Within each integration: access, then the delegated admins.
			var integrations []string
			for urn, r := range g.Resources {
				if r.Type == components.OrgServiceIntegrationToken {
					integrations = append(integrations, urn)
				}
			}
			require.NotEmpty(t, integrations)
			for _, in := range integrations {
				var accesses, admins []string
				for _, c := range g.Children(in) {
					switch typ := g.Resources[c].Type; {
					case accessTypes[typ]:
						accesses = append(accesses, c)
					case strings.HasPrefix(typ, "pulumi:providers:"):
					default:
						admins = append(admins, c)
					}
				}
				needs(accesses, admins)
			}

			// Identity Center: everything after its integration.
			if ic := findComponent(g, components.IdentityCenterSetupToken, baseline.IdentityCenterName); ic != "" {
				integration := findComponent(g, components.OrgServiceIntegrationToken,
					baseline.IdentityCenterName+"-integration")
				var rest []string
				for _, c := range customBelow(g, ic) {
					if g.ParentOf(c) != integration {
						rest = append(rest, c)
					}
				}
				require.NotEmpty(t, rest)
				needs(customBelow(g, integration), rest)
			}

			// Service Catalog: the shares to organization nodes after organization
			// access and the delegated admin.
			if sc := findComponent(g, components.ServiceCatalogSharingToken, baseline.ServiceCatalogName); sc != "" {
				integration := findComponent(g, components.OrgServiceIntegrationToken,
					baseline.ServiceCatalogName+"-integration")
				var orgShares []string
				for _, c := range g.Children(sc) {
					r := g.Resources[c]
					if r.Type == "aws:servicecatalog/portfolioShare:PortfolioShare" &&
						r.Inputs["type"].StringValue() != components.ShareTypeAccount {
						orgShares = append(orgShares, c)
					}
				}
				require.NotEmpty(t, orgShares)
				needs(customBelow(g, integration), orgShares)
			}

			// The parts of the baseline follow one another: every resource of
			// Identity Center after the Organizations writes of the
			// integrations, Service Catalog after those of Identity Center.
			var parts []string
			for _, part := range []struct{ typ, name string }{
				{components.OrgIntegrationsToken, baseline.IntegrationsName},
				{components.IdentityCenterSetupToken, baseline.IdentityCenterName},
				{components.ServiceCatalogSharingToken, baseline.ServiceCatalogName},
			} {
				if urn := findComponent(g, part.typ, part.name); urn != "" {
					parts = append(parts, urn)
				}
			}
			for i := 1; i < len(parts); i++ {
				needs(orgWrites(g, parts[i-1]), customBelow(g, parts[i]))
			}
			require.Positive(t, checked)
		})
	}
}

// TestPlanExampleShowsEveryOption checks that Pulumi.example.yaml shows every
// configuration key the baseline reads, down to the components' nested
// inputs, active or commented out.
func TestPlanExampleShowsEveryOption(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile(exampleStackConfig)
	require.NoError(t, err)
	example := string(text)

	var missing []string
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for f := range fields(typ) {
			name := f.name
			if !strings.Contains(example, name+":") {
				missing = append(missing, path+"."+name)
			}
			walk(path+"."+name, f.typ)
		}
	}
	for _, k := range baseline.Keys {
		require.Contains(t, example, "orgtrust-baseline:"+k+":")
	}
	walk("integrations[]", reflect.TypeFor[baseline.IntegrationConfig]())
	walk("identityCenter", reflect.TypeFor[components.IdentityCenterSetupArgs]())
	walk("serviceCatalog", reflect.TypeFor[components.ServiceCatalogSharingArgs]())
	assert.Empty(t, missing, "Pulumi.example.yaml does not show these keys")
}

type keyField struct {
	name string
	typ  reflect.Type
}

// fields yields the configuration keys of a struct type: the json tag, else
// the pulumi tag, of each field; embedded structs contribute theirs.
func fields(typ reflect.Type) func(func(keyField) bool) {
	return func(yield func(keyField) bool) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag, ok := f.Tag.Lookup("json")
			if !ok {
				tag = f.Tag.Get("pulumi")
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				for kf := range fields(f.Type) {
					if !yield(kf) {
						return
					}
				}
				continue
			}
			if name == "" || name == "-" {
				continue
			}
			if !yield(keyField{name: name, typ: f.Type}) {
				return
			}
		}
	}
}

// TestPlanProjectName checks that the root Pulumi.yaml is the project whose
// configuration namespace the baseline reads, and runs its program.
func TestPlanProjectName(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../Pulumi.yaml")
	require.NoError(t, err)
	var project struct {
		Name    string `yaml:"name"`
		Runtime string `yaml:"runtime"`
		Main    string `yaml:"main"`
	}
	require.NoError(t, yaml.Unmarshal(b, &project))
	assert.Equal(t, baseline.Project, project.Name)
	assert.Equal(t, "go", project.Runtime)
	assert.Equal(t, "examples/baseline/", project.Main)
}
