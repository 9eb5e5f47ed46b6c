package plan_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlanYAMLMistakes covers the mistakes YAML makes easy in a stack file:
// a misspelt configuration namespace, whose keys Pulumi passes and nothing
// reads; an unquoted account ID with a leading zero, which YAML reads as a
// number and converts (the hint must not suggest quoting the converted
// value); and a session duration given as a bare number of hours.
func TestPlanYAMLMistakes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		config  string
		want    []string
		notWant []string
	}{
		{
			name: "misspelt namespace",
			config: `
  orgtrust-baseline:integrations: [{service: ram}]
  orgtrust-baselin:serviceCatalog:
    portfolios: [{key: p, id: port-abcdefghi1234, shares: [{type: ACCOUNT, id: "555555555555"}]}]`,
			want: []string{`orgtrust-baselin:serviceCatalog: unknown configuration namespace "orgtrust-baselin", ` +
				`which nothing reads: the baseline's keys are under "orgtrust-baseline"; did you mean ` +
				`"orgtrust-baseline:serviceCatalog"?`},
		},
		{
			name: "namespace misspelt in case, key misspelt too",
			config: `
  orgtrust-baseline:integrations: [{service: ram}]
  Orgtrust-Baseline:identityCentre: {}`,
			want: []string{`Orgtrust-Baseline:identityCentre: unknown configuration namespace "Orgtrust-Baseline"`,
				`did you mean "orgtrust-baseline:identityCenter"?`},
		},
		{
			name: "a baseline key in the provider's namespace",
			config: `
  orgtrust:region: us-east-1
  orgtrust:integrations: [{service: ram}]
  orgtrust-baseline:identityCenter: {}`,
			want:    []string{`orgtrust:integrations: unknown configuration namespace "orgtrust"`},
			notWant: []string{`orgtrust:region`},
		},
		{
			name: "unquoted account ID with a leading zero, read as a decimal number",
			config: `
  orgtrust-baseline:integrations:
    - {service: guardduty, delegatedAdminAccountId: 012345678901}`,
			want: []string{`orgtrust-baseline:integrations[0].delegatedAdminAccountId: expected a string, got the ` +
				`number 12345678901: YAML read the unquoted account ID as a number, and 12345678901 has 11 digits, ` +
				`not 12`, `quote the ID exactly as written in the stack file, with its leading zeros`},
			notWant: []string{`"12345678901"`},
		},
		{
			name: "unquoted account ID with a leading zero, read as octal",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin}]
    groups: [{displayName: Ops}]
    assignments: [{permissionSet: Admin, principals: [{type: GROUP, name: Ops}], accountIds: [012345670123]}]`,
			want: []string{`orgtrust-baseline:identityCenter.assignments[0].accountIds[0]: expected a string, got ` +
				`the number 1402433619: YAML read the unquoted account ID as a number`},
			notWant: []string{`"1402433619"`},
		},
		{
			name: "unquoted management account with a leading zero",
			config: `
  orgtrust-baseline:managementAccountId: 012345678901
  orgtrust-baseline:integrations: [{service: ram}]`,
			want: []string{`orgtrust-baseline:managementAccountId: "12345678901" is not an AWS account ID: it has ` +
				`11 digits, not 12; if the stack file has the ID unquoted, YAML read it as a number`,
				`quote the ID exactly as written`},
			notWant: []string{`such as orgtrust-baseline:managementAccountId: "12345678901"`},
		},
		{
			name: "unquoted 12-digit account ID",
			config: `
  orgtrust-baseline:integrations:
    - {service: guardduty, delegatedAdminAccountId: 222222222222}`,
			want: []string{`delegatedAdminAccountId: expected a string, got the number 222222222222: quote it, as ` +
				`in "222222222222"`},
		},
		{
			name: "session duration as a number of hours",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin, sessionDuration: 8}]`,
			want: []string{`orgtrust-baseline:identityCenter.permissionSets[0].sessionDuration: expected a string, ` +
				`got the number 8: a session duration is an ISO 8601 duration: write 8 hours as PT8H`},
			notWant: []string{"account", "ID"},
		},
		{
			name: "session duration as a number out of range",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin, sessionDuration: 90}]`,
			want:    []string{`got the number 90: a session duration is an ISO 8601 duration, from PT1H to PT12H`},
			notWant: []string{"account"},
		},
		{
			name: "another string field given a number",
			config: `
  orgtrust-baseline:serviceCatalog:
    portfolios: [{key: 007, id: port-abcdefghi1234}]`,
			want: []string{`orgtrust-baseline:serviceCatalog.portfolios[0].key: expected a string, got the number ` +
				`7: YAML read the unquoted value as a number`},
			notWant: []string{"account", `"7"`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := writeStackConfig(t, "yaml", "config:\n"+strings.TrimPrefix(tc.config, "\n")+"\n")
			p := runPlan(t, path, exampleFixtures)
			require.NotEmpty(t, p.Errors, "the configuration should be rejected")
			all := strings.Join(p.Errors, "\n")
			for _, want := range tc.want {
				assert.Contains(t, all, want)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, all, w)
			}
			assert.Zero(t, p.Registered, "nothing is registered")
		})
	}
}
