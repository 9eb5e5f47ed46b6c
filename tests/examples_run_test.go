package tests

// What the Python and TypeScript examples must register when they run under
// their language's Pulumi mocks (python_test.go, nodejs_test.go), with the
// configuration their own comments tell users to set.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// configSetLine matches `pulumi config set [--path] KEY VALUE` in an example's
// comments.
var configSetLine = regexp.MustCompile(`pulumi config set (--path )?'?([^' ]+)'? (\S+)`)

var pathElement = regexp.MustCompile(`^(.*)\[(\d+)\]$`)

// documentedConfig is the stack configuration that the comments of file tell a
// user to set, keyed as the CLI stores it ("project:key"); --path list
// elements ('key[0]') become JSON lists.
func documentedConfig(t *testing.T, file, project string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	lists := map[string][]string{}
	config := map[string]string{}
	for _, m := range configSetLine.FindAllStringSubmatch(string(data), -1) {
		key, value := m[2], m[3]
		if !strings.Contains(key, ":") {
			key = project + ":" + key
		}
		if m[1] != "" {
			el := pathElement.FindStringSubmatch(key)
			require.NotNil(t, el, "%s: only --path 'key[N]' is supported: %s", file, m[0])
			require.Equal(t, strconv.Itoa(len(lists[el[1]])), el[2], "%s: list elements in order: %s", file, m[0])
			lists[el[1]] = append(lists[el[1]], value)
			continue
		}
		config[key] = value
	}
	for k, v := range lists {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		config[k] = string(b)
	}
	require.NotEmpty(t, config, "%s documents no `pulumi config set`", file)
	return config
}

// projectName is the name in dir/Pulumi.yaml.
func projectName(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
	require.NoError(t, err)
	var p struct {
		Name string `yaml:"name"`
	}
	require.NoError(t, yaml.Unmarshal(data, &p))
	require.NotEmpty(t, p.Name)
	return p.Name
}

// mockRun is what a program registered, invoked and exported under mocks, as
// tests/testdata/python/run_with_mocks.py and tests/testdata/sdk/run_with_mocks.js
// print it.
type mockRun struct {
	Resources []mockResource `json:"resources"`
	Invokes   []struct {
		Token string         `json:"token"`
		Args  map[string]any `json:"args"`
	} `json:"invokes"`
	Outputs map[string]any `json:"outputs"`
}

type mockResource struct {
	Type         string         `json:"type"`
	Name         string         `json:"name"`
	Custom       bool           `json:"custom"`
	Remote       bool           `json:"remote"`
	Parent       string         `json:"parent"`
	Dependencies []string       `json:"dependencies"`
	Inputs       map[string]any `json:"inputs"`
}

// resource returns the one registration of typ named name.
func (r mockRun) resource(t *testing.T, typ, name string) mockResource {
	t.Helper()
	for _, res := range r.Resources {
		if res.Type == typ && res.Name == name {
			return res
		}
	}
	require.Failf(t, "not registered", "no %s named %q among %v", typ, name, r.names())
	return mockResource{}
}

func (r mockRun) names() []string {
	var out []string
	for _, res := range r.Resources {
		out = append(out, res.Type+" "+res.Name)
	}
	return out
}

// dependsOn reports whether res depends on the resource of type typ named name.
func (res mockResource) dependsOn(typ, name string) bool {
	return slices.ContainsFunc(res.Dependencies, func(urn string) bool {
		return strings.HasSuffix(urn, typ+"::"+name)
	})
}

// mockSpec is what the mocks return: each type's outputs, formatted with the
// resource's name and string inputs ("{name}", "{service}"), and each
// function's result.
type mockSpec struct {
	Outputs map[string]map[string]any `json:"outputs"`
	Results map[string]map[string]any `json:"results"`
}

var exampleMocks = mockSpec{
	Outputs: map[string]map[string]any{
		"orgtrust:index:OrgServiceIntegration": {
			"servicePrincipal": "{service}.amazonaws.com",
			"enablePath":       "mocked-{service}-path",
			"ready":            "{name}-ready",
		},
		"orgtrust:index:IdentityCenterSetup": {
			"instanceArn":       "arn:aws:sso:::instance/ssoins-mocked",
			"identityStoreId":   "d-mocked",
			"permissionSetArns": map[string]any{"Administrator": "arn:aws:sso:::permissionSet/ssoins-mocked/ps-admin"},
			"groupIds":          map[string]any{"Auditors": "group-auditors"},
			"assignmentCount":   42,
			"applicationArns": map[string]any{
				"DeveloperPortal": "arn:aws:sso::111111111111:application/ssoins-mocked/apl-0123456789abcdef",
			},
			"trustedTokenIssuerArns": map[string]any{
				"CorporateIdP": "arn:aws:sso::111111111111:trustedTokenIssuer/ssoins-mocked/tti-mocked",
			},
			"ready": "{name}-ready",
		},
		"orgtrust:index:ServiceCatalogSharing": {
			"portfolioIds": map[string]any{"platform": "port-mocked"},
			"shareIds":     map[string]any{"platform/ou-ab12-cdef3456": "share-mocked"},
			"ready":        "{name}-ready",
		},
	},
	Results: map[string]map[string]any{
		"orgtrust:index:getDeployerPolicy": {
			"policy":              `{"Version":"2012-10-17","Statement":[]}`,
			"actions":             []any{"organizations:EnableAWSServiceAccess"},
			"administratorPolicy": `{"Version":"2012-10-17","Statement":[{"Sid":"OrganizationConfiguration"}]}`,
		},
	},
}

// checkExampleRun asserts what the example named name (security-services-py,
// ...) registered with config, whatever its language.
func checkExampleRun(t *testing.T, name string, config map[string]string, run mockRun) {
	t.Helper()
	cfg := func(suffix string) string {
		for k, v := range config {
			if strings.HasSuffix(k, ":"+suffix) {
				return v
			}
		}
		return ""
	}
	list := func(suffix string) []any {
		var out []any
		if v := cfg(suffix); v != "" {
			require.NoError(t, json.Unmarshal([]byte(v), &out))
		}
		return out
	}
	for _, res := range run.Resources {
		assert.True(t, res.Remote, "%s %s is constructed by the provider (remote)", res.Type, res.Name)
		assert.False(t, res.Custom, "%s %s is a component", res.Type, res.Name)
	}
	base := name[:strings.LastIndex(name, "-")]
	switch base {
	case "security-services":
		require.Len(t, run.Resources, 2, run.names())
		regions := list("regions")
		if regions == nil {
			regions = []any{"us-east-1", "eu-west-1"}
		}
		// The whole organization: GuardDuty for every member with two
		// protection plans, Security Hub's central configuration with one
		// policy on the root, from the first Region.
		configurations := map[string]any{
			"guardduty": map[string]any{"guardDuty": map[string]any{"autoEnable": "ALL", "protectionPlans": []any{
				map[string]any{"name": "S3_DATA_EVENTS"}, map[string]any{"name": "EBS_MALWARE_PROTECTION"}}}},
			"securityhub": map[string]any{"securityHub": map[string]any{
				"configurationType": "CENTRAL", "homeRegion": regions[0],
				"policies": []any{map[string]any{"name": "foundational",
					"standards": []any{"aws-foundational-security-best-practices/v/1.0.0"},
					"targets":   []any{cfg("rootId")}}}}},
		}
		for _, svc := range []string{"guardduty", "securityhub"} {
			res := run.resource(t, "orgtrust:index:OrgServiceIntegration", svc)
			assert.Equal(t, map[string]any{
				"service":                   svc,
				"delegatedAdminAccountId":   cfg("auditAccountId"),
				"regions":                   regions,
				"organizationConfiguration": configurations[svc],
			}, res.Inputs, svc)
		}
		assert.True(t, run.resource(t, "orgtrust:index:OrgServiceIntegration", "securityhub").
			dependsOn("orgtrust:index:OrgServiceIntegration", "guardduty"), "securityhub waits for guardduty")
		require.Len(t, run.Invokes, 1)
		assert.Equal(t, "orgtrust:index:getDeployerPolicy", run.Invokes[0].Token)
		assert.Equal(t, []any{"guardduty", "securityhub"}, run.Invokes[0].Args["services"])
		assert.Equal(t, true, run.Invokes[0].Args["organizationConfiguration"])
		assert.Equal(t, map[string]any{
			"principals":          []any{"guardduty.amazonaws.com", "securityhub.amazonaws.com"},
			"enablePaths":         map[string]any{"guardduty": "mocked-guardduty-path", "securityhub": "mocked-securityhub-path"},
			"ready":               "securityhub-ready",
			"deployerPolicy":      `{"Version":"2012-10-17","Statement":[]}`,
			"administratorPolicy": `{"Version":"2012-10-17","Statement":[{"Sid":"OrganizationConfiguration"}]}`,
		}, run.Outputs)
	case "identity-center":
		require.Len(t, run.Resources, 1, run.names())
		in := run.resource(t, "orgtrust:index:IdentityCenterSetup", "identity-center").Inputs
		ous := []any{cfg("workloadsOu"), cfg("sandboxOu")}
		var sets, groups []string
		for _, ps := range in["permissionSets"].([]any) {
			sets = append(sets, ps.(map[string]any)["name"].(string))
		}
		for _, g := range in["groups"].([]any) {
			groups = append(groups, g.(map[string]any)["displayName"].(string))
		}
		assert.Equal(t, []string{"Administrator", "ReadOnly", "Developer", cfg("existingPermissionSet")}, sets)
		assert.Equal(t, map[string]any{"name": cfg("existingPermissionSet"), "existing": true},
			in["permissionSets"].([]any)[3], "the existing permission set is referenced by name only")
		assert.Equal(t, []string{"Platform Admins", "Auditors", "Developers"}, groups)
		developer := in["permissionSets"].([]any)[2].(map[string]any)
		var policy struct{ Statement []struct{ Effect string } }
		require.NoError(t, json.Unmarshal([]byte(developer["inlinePolicy"].(string)), &policy), "the inline policy is JSON")
		assert.Equal(t, "Deny", policy.Statement[0].Effect)
		assignments := in["assignments"].([]any)
		require.Len(t, assignments, 4)
		for _, a := range assignments[:3] {
			a := a.(map[string]any)
			assert.Equal(t, ous, a["organizationalUnitIds"], "assignment %v targets the configured OUs", a["permissionSet"])
		}
		assert.Equal(t, map[string]any{
			"permissionSet":         cfg("existingPermissionSet"),
			"principals":            []any{map[string]any{"type": "GROUP", "name": "Platform Admins"}},
			"organizationalUnitIds": []any{cfg("sandboxOu")},
		}, assignments[3])
		assert.Equal(t, []any{map[string]any{
			"name":               "DeveloperPortal",
			"description":        "Internal developer portal",
			"portalVisibility":   "ENABLED",
			"applicationUrl":     "https://portal.example.com/login",
			"assignmentRequired": true,
			"principals": []any{
				map[string]any{"type": "GROUP", "name": "Developers"},
				map[string]any{"type": "GROUP", "name": "Platform Admins"},
			},
			"accessScopes": []any{map[string]any{"scope": "sso:account:access"}},
		}}, in["applications"])
		assert.Equal(t, []any{map[string]any{
			"name": "CorporateIdP", "issuerUrl": cfg("issuerUrl"), "claimAttributePath": "email",
			"identityStoreAttributePath": "emails.value",
		}}, in["trustedTokenIssuers"])
		assert.Equal(t, []any{map[string]any{"type": "GROUP", "name": "Platform Admins"}},
			assignments[0].(map[string]any)["principals"])
		assert.Equal(t, "arn:aws:sso:::instance/ssoins-mocked", run.Outputs["instanceArn"])
		assert.EqualValues(t, 42, run.Outputs["assignmentCount"])
		for _, out := range []string{"permissionSetArns", "applicationArns", "trustedTokenIssuerArns"} {
			assert.Equal(t, exampleMocks.Outputs["orgtrust:index:IdentityCenterSetup"][out], run.Outputs[out], out)
		}
	case "service-catalog":
		require.Len(t, run.Resources, 1, run.names())
		in := run.resource(t, "orgtrust:index:ServiceCatalogSharing", "service-catalog").Inputs
		var shares []any
		for _, ou := range list("workloadOus") {
			shares = append(shares, map[string]any{"type": "ORGANIZATIONAL_UNIT", "id": ou})
		}
		if id := cfg("sandboxAccountId"); id != "" {
			shares = append(shares, map[string]any{"type": "ORGANIZATION_MEMBER_ACCOUNT", "id": id})
		}
		portfolios := in["portfolios"].([]any)
		require.Len(t, portfolios, 1)
		p := portfolios[0].(map[string]any)
		assert.Equal(t, "platform", p["key"])
		assert.Equal(t, shares, p["shares"])
		assert.Equal(t, true, p["sharePrincipals"])
		assert.Equal(t, "Platform golden paths", p["create"].(map[string]any)["name"])
		assert.Equal(t, map[string]any{
			"portfolioIds": map[string]any{"platform": "port-mocked"},
			"shareIds":     map[string]any{"platform/ou-ab12-cdef3456": "share-mocked"},
			"ready":        "service-catalog-ready",
		}, run.Outputs)
	default:
		t.Fatalf("no expectations for example %s: add them to checkExampleRun", name)
	}
}
