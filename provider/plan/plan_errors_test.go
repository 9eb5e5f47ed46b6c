package plan_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
			name: "organization configuration: unknown setting, unknown plan, plan not offered, role",
			config: `
  orgtrust-baseline:managementAccountId: "111111111111"
  orgtrust-baseline:integrations:
    - service: guardduty
      delegatedAdminAccountId: "222222222222"
      regions: [us-east-1, ap-east-2]
      organizationConfiguration:
        administratorRole: "arn:aws:iam::333333333333:role/Admin"
        guardDuty:
          autoEnabled: ALL
          protectionPlans: [{name: S3_DATA_EVENT}, {name: RDS_LOGIN_EVENTS}]`,
			want: []string{
				`orgtrust-baseline:integrations[0].organizationConfiguration.guardDuty.autoEnabled: unknown key; ` +
					`did you mean "autoEnable"?`,
			},
		},
		{
			name: "organization configuration checks, all at once",
			config: `
  orgtrust-baseline:managementAccountId: "111111111111"
  orgtrust-baseline:integrations:
    - service: guardduty
      delegatedAdminAccountId: "222222222222"
      regions: [us-east-1, ap-east-2]
      organizationConfiguration:
        administratorRole: "arn:aws:iam::333333333333:role/Admin"
        guardDuty:
          protectionPlans: [{name: S3_DATA_EVENT}, {name: RDS_LOGIN_EVENTS}]
    - service: securityhub
      delegatedAdminAccountId: "222222222222"
      regions: [us-east-1]
      organizationConfiguration:
        securityHub: {configurationType: CENTRAL, homeRegion: us-east-1, linkedRegions: [eu-west-1]}`,
			want: []string{
				`orgtrust-baseline:integrations[0].organizationConfiguration.administratorRole: "arn:aws:iam::` +
					`333333333333:role/Admin" is a role in account 333333333333, not in the delegated administrator`,
				`orgtrust-baseline:integrations[0].organizationConfiguration.guardDuty.protectionPlans[0].name: ` +
					`"S3_DATA_EVENT" is not a GuardDuty protection plan; did you mean "S3_DATA_EVENTS"?`,
				`orgtrust-baseline:integrations[0].organizationConfiguration.guardDuty.protectionPlans[1].name: ` +
					`"RDS_LOGIN_EVENTS" is not offered in ap-east-2`,
				`orgtrust-baseline:integrations[1].organizationConfiguration.securityHub.linkedRegions[0]: ` +
					`"eu-west-1" is not one of the Regions [us-east-1]`,
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
			name: "redundant input: a repeated assignment entry and an OU share beside the organization's",
			config: `
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin}]
    groups: [{displayName: Ops}]
    assignments:
      - {permissionSet: Admin, principals: [{type: GROUP, name: Ops}], accountIds: ["222222222222", "333333333333"]}
      - {permissionSet: Admin, principals: [{type: GROUP, name: Ops}], accountIds: ["333333333333"]}
      - {permissionSet: Admin, principals: [{type: GROUP, name: Ops}], accountIds: ["333333333333", "222222222222"]}
  orgtrust-baseline:serviceCatalog:
    portfolios:
      - key: p
        id: port-abcdefghi1234
        shares: [{type: ORGANIZATION, id: o-a1b2c3d4e5}, {type: ORGANIZATIONAL_UNIT, id: ou-ab12-workload}]`,
			want: []string{
				`orgtrust-baseline:identityCenter.assignments[2]: repeats assignments[0] exactly (permission ` +
					`set "Admin", the same principals and the same accountIds`,
				`orgtrust-baseline:serviceCatalog.portfolios[0].shares[1]: the ORGANIZATIONAL_UNIT share of ` +
					`"ou-ab12-workload" is redundant: portfolios[0].shares[0] shares the portfolio with organization ` +
					`"o-a1b2c3d4e5"`,
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

// TestPlanReportsEveryComponentError gives several components several
// independent bad values, and expects every one of them at its key: three bad
// integrations (an invalid account ID, an unknown service, regions on a
// service whose administrator is not per Region) and a bad Identity Center
// value.
func TestPlanReportsEveryComponentError(t *testing.T) {
	t.Parallel()
	path := writeStackConfig(t, "broken", `config:
  orgtrust-baseline:managementAccountId: "111111111111"
  orgtrust-baseline:integrations:
    - {service: guardduty, delegatedAdminAccountId: "12345"}
    - {service: securityhubb}
    - {service: config, delegatedAdminAccountId: "222222222222", regions: [eu-west-1]}
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: Admin, sessionDuration: PT13H}]
`)
	p := runPlan(t, path, exampleFixtures)
	want := []string{
		`orgtrust-baseline:integrations[0].delegatedAdminAccountId: "12345" is not an AWS account ID`,
		`orgtrust-baseline:integrations[1].service: "securityhubb" is not a known service key; did you mean ` +
			`"securityhub"?`,
		`orgtrust-baseline:integrations[2].regions: [eu-west-1]: the delegated administrator of AWS Config ` +
			`(config) is not designated per Region`,
		`orgtrust-baseline:identityCenter.permissionSets[0].sessionDuration: "PT13H" is 13h0m0s`,
	}
	require.Len(t, p.Errors, len(want), "one error per bad value: %q", p.Errors)
	for i, w := range want {
		assert.True(t, strings.HasPrefix(p.Errors[i], w), "error %d is\n  %s\nwant it to start with\n  %s",
			i, p.Errors[i], w)
	}
	assert.Zero(t, p.Registered, "nothing is registered")
}
