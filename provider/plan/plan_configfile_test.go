package plan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// planFiles writes a stack file (its config block's lines, indented two
// spaces) and, when sections is not empty, the file it names at
// orgtrust-baseline:configFile, then plans them.
func planFiles(t *testing.T, config, sections string) (*plan.Plan, string) {
	t.Helper()
	dir := t.TempDir()
	stackFile := filepath.Join(dir, "Pulumi.t.yaml")
	require.NoError(t, os.WriteFile(stackFile, []byte("config:\n  aws:region: us-east-1\n"+
		"  orgtrust-baseline:managementAccountId: \"111111111111\""+config+"\n"), 0o644))
	if sections != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "sections.yaml"), []byte(sections), 0o644))
	}
	p, err := plan.Run(plan.Options{StackConfig: stackFile})
	require.NoError(t, err)
	return p, dir
}

const fileIdentityCenter = `orgtrust-baseline:identityCenter:
  delegatedAdminAccountId: "444444444444"
  permissionSets: [{name: Admin, sessionDuration: PT2H, managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}]
  groups: [{displayName: Ops}]
  assignments: [{permissionSet: Admin, principals: [{type: GROUP, name: Ops}], accountIds: ["333333333333"]}]
`

// TestConfigFileHoldsTheSections: the sections read from the file that
// orgtrust-baseline:configFile names, with or without the namespace, plan
// exactly as the same sections in the stack file do.
func TestConfigFileHoldsTheSections(t *testing.T) {
	t.Parallel()
	indent := func(s string) string {
		return "\n  " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ")
	}
	integrations := "integrations: [{service: ram}, {service: guardduty, delegatedAdminAccountId: \"222222222222\", " +
		"regions: [us-east-1, eu-west-1]}]\n"
	inline, _ := planFiles(t, indent(fileIdentityCenter)+indent("orgtrust-baseline:"+integrations), "")
	require.Empty(t, inline.Errors)
	split, _ := planFiles(t, "\n  orgtrust-baseline:configFile: sections.yaml", fileIdentityCenter+integrations)
	require.Empty(t, split.Errors)

	urns := func(p *plan.Plan) []string {
		var out []string
		for _, r := range p.Resources() {
			out = append(out, r.URN)
		}
		return out
	}
	require.NotEmpty(t, urns(inline))
	assert.Equal(t, urns(inline), urns(split), "the same resources, in the same order")
	assert.Equal(t, inline.Create, split.Create)
}

// TestConfigFileMistakes: each problem with the file, or in it, is reported
// at its key with the fix, all of them at once, and nothing is registered.
func TestConfigFileMistakes(t *testing.T) {
	t.Parallel()
	named := "\n  orgtrust-baseline:configFile: sections.yaml"
	for _, tc := range []struct {
		name             string
		config, sections string
		want             []string
	}{
		{
			name: "the file is missing", config: named,
			want: []string{"orgtrust-baseline:configFile: ", "sections.yaml does not exist: a relative path is " +
				"read from the project directory (where Pulumi.yaml is)"},
		},
		{
			name: "empty name", config: "\n  orgtrust-baseline:configFile: \"\"",
			want: []string{"orgtrust-baseline:configFile: empty: name the YAML file"},
		},
		{
			name: "a section in both files", config: named + "\n  orgtrust-baseline:integrations: [{service: ram}]",
			sections: fileIdentityCenter + "integrations: [{service: ram}]\n",
			want: []string{"orgtrust-baseline:integrations: set both in the stack configuration and in ",
				"keep it in one of them"},
		},
		{
			name: "misspelt, misplaced and foreign keys, and a bad value, at once", config: named,
			sections: strings.Replace(fileIdentityCenter, "PT2H", "PT13H", 1) +
				"identityCentre: {}\nmanagementAccountId: \"111111111111\"\naws:region: us-east-1\n",
			want: []string{
				`identityCentre (line 6 of `, `unknown key; did you mean "identityCenter"?`,
				`managementAccountId (line 7 of `, "keep orgtrust-baseline:managementAccountId in the stack file",
				`aws:region (line 8 of `, `keep "aws" keys in the stack file`,
			},
		},
		{
			name: "a bad value in the file, at its key path", config: named,
			sections: strings.Replace(fileIdentityCenter, "PT2H", "PT13H", 1),
			want: []string{`orgtrust-baseline:identityCenter.permissionSets[0].sessionDuration: "PT13H" is ` +
				`13h0m0s; IAM Identity Center accepts 1 to 12 hours`},
		},
		{
			name: "a secret", config: named,
			sections: "orgtrust-baseline:serviceCatalog:\n  secure: AAABAJk=\n",
			want: []string{"orgtrust-baseline:serviceCatalog: in ", "a secret value, which only the stack file " +
				"can hold"},
		},
		{
			name: "not a mapping", config: named, sections: "- identityCenter\n",
			want: []string{"orgtrust-baseline:configFile: ", "sections.yaml holds no mapping"},
		},
		{
			name: "not YAML", config: named, sections: "identityCenter: [unclosed\n",
			want: []string{"orgtrust-baseline:configFile: ", "sections.yaml is not YAML"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, _ := planFiles(t, tc.config, tc.sections)
			text := strings.Join(p.Errors, "\n")
			for _, w := range tc.want {
				assert.Contains(t, text, w)
			}
			assert.Zero(t, p.Registered, "nothing is registered")
			assert.Empty(t, p.Create)
		})
	}
}

// permissionSets is an Identity Center section with n permission sets of
// about 400 bytes each.
func permissionSets(n int) string {
	var b strings.Builder
	b.WriteString("orgtrust-baseline:identityCenter:\n  permissionSets:\n")
	for i := range n {
		fmt.Fprintf(&b, "    - {name: PermissionSet%04d, sessionDuration: PT4H, description: %s, "+
			"managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::aws:policy/job-function/ViewOnlyAccess]}\n",
			i, strings.Repeat("x", 200))
	}
	return b.String()
}

// TestPlanChecksTheConfigurationFitsTheEnvironment: the Go language host
// passes the stack configuration in one environment variable, PULUMI_CONFIG.
// Above Linux's limit of one environment string, `make plan` fails as
// `pulumi preview` would, naming the longest section and the fix; above
// Windows' limit it notes that a preview on Windows fails; the same sections
// moved to the configuration file plan with neither.
func TestPlanChecksTheConfigurationFitsTheEnvironment(t *testing.T) {
	t.Parallel()
	indent := func(s string) string { return "\n  " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ") }
	for _, tc := range []struct {
		name           string
		permissionSets int
		wantErr        string
		wantNote       string
	}{
		{"over Linux's limit", 400, "orgtrust-baseline: the stack configuration takes ", ""},
		{"over Windows' limit only", 100, "", "Windows holds at most 32767 in one environment variable"},
		{"within both", 20, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			section := permissionSets(tc.permissionSets)
			p, _ := planFiles(t, indent(section), "")
			text, notes := strings.Join(p.Errors, "\n"), strings.Join(p.Notes, "\n")
			if tc.wantErr == "" {
				assert.Empty(t, p.Errors)
				assert.NotEmpty(t, p.Create)
			} else {
				assert.Contains(t, text, tc.wantErr)
				assert.Contains(t, text, fmt.Sprintf("Linux passes at most %d bytes in one (MAX_ARG_STRLEN), so "+
					"`pulumi preview` fails before the program runs", baseline.LinuxEnvLimit))
				assert.Contains(t, text, "move the long sections (orgtrust-baseline:identityCenter ")
				assert.Contains(t, text, "name it at orgtrust-baseline:configFile")
				assert.Empty(t, p.Create, "the preview fails: nothing to create")
			}
			if tc.wantNote == "" {
				assert.NotContains(t, notes, "PULUMI_CONFIG")
			} else {
				assert.Contains(t, notes, tc.wantNote)
			}

			moved, _ := planFiles(t, "\n  orgtrust-baseline:configFile: sections.yaml", section)
			assert.Empty(t, moved.Errors)
			assert.NotContains(t, strings.Join(moved.Notes, "\n"), "PULUMI_CONFIG")
			assert.Equal(t, p.Registered, moved.Registered, "the program registers the same resources either way")
		})
	}
}
