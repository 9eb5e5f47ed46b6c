package provider

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// accountRecorder records which tokens a program registers and invokes
// through providers that assume a role (the administrator's account) and
// through the others (the deploying account). Provider names are unique in
// the programs it runs.
type accountRecorder struct {
	mu sync.Mutex
	// assuming are the names of the providers that assume a role.
	assuming    map[string]bool
	admin, mgmt map[string]bool
}

// nameOf is the resource name in a provider reference "urn::id".
func nameOf(ref string) string {
	if ref == "" {
		return ""
	}
	urn := ref[:strings.LastIndex(ref, "::")]
	return urn[strings.LastIndex(urn, "::")+2:]
}

func (m *accountRecorder) record(tok, providerRef string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.admin == nil {
		m.admin, m.mgmt = map[string]bool{}, map[string]bool{}
	}
	if m.assuming[nameOf(providerRef)] {
		m.admin[tok] = true
	} else {
		m.mgmt[tok] = true
	}
}

func (m *accountRecorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	if _, ok := args.Inputs["assumeRole"]; ok && strings.HasPrefix(args.TypeToken, "pulumi:providers:") {
		m.mu.Lock()
		if m.assuming == nil {
			m.assuming = map[string]bool{}
		}
		m.assuming[args.Name] = true
		m.mu.Unlock()
	}
	m.record(args.TypeToken, args.Provider)
	return args.Name + "-id", args.Inputs, nil
}

func (m *accountRecorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.record(args.Token, args.Provider)
	switch args.Token {
	case "aws:guardduty/getDetector:getDetector":
		return resource.PropertyMap{"id": resource.NewProperty("detector")}, nil
	case "aws:organizations/getOrganization:getOrganization":
		// The member's email, for Macie's and Detective's members.
		return resource.PropertyMap{"id": resource.NewProperty("o-exampleorgid"),
			"masterAccountId": resource.NewProperty("111111111111"),
			"accounts": resource.NewProperty([]resource.PropertyValue{resource.NewProperty(resource.PropertyMap{
				"id": resource.NewProperty("333333333333"), "email": resource.NewProperty("member@example.com"),
				"status": resource.NewProperty("ACTIVE")})})}, nil
	}
	return resource.PropertyMap{}, nil
}

// orgConfigArgs are inputs that exercise every resource of service key's
// organization configuration.
func orgConfigArgs(key string) components.OrgServiceIntegrationArgs {
	const audit = "222222222222"
	args := components.OrgServiceIntegrationArgs{Service: key, DelegatedAdminAccountID: audit,
		ManagementAccountID: "111111111111", Regions: []string{"us-east-1"}}
	cfg := &components.OrganizationConfiguration{}
	switch key {
	case "guardduty":
		cfg.GuardDuty = &components.GuardDutyConfiguration{ProtectionPlans: []components.GuardDutyProtectionPlan{
			{Name: "S3_DATA_EVENTS"}}}
	case "securityhub":
		cfg.SecurityHub = &components.SecurityHubConfiguration{ConfigurationType: "CENTRAL", HomeRegion: "us-east-1",
			Policies: []components.SecurityHubPolicy{{Name: "p", Standards: []string{"nist-800-53/v/5.0.0"},
				Targets: []string{"r-ab12"}}}}
	case "macie":
		cfg.Macie = &components.MacieConfiguration{MemberAccountIDs: []string{"333333333333"}}
	case "inspector":
		cfg.Inspector = &components.InspectorConfiguration{Ec2: true, MemberAccountIDs: []string{"333333333333"}}
	case "detective":
		cfg.Detective = &components.DetectiveConfiguration{MemberAccountIDs: []string{"333333333333"}}
	case "access-analyzer":
		args.Regions, cfg.Regions = nil, []string{"us-east-1"}
		cfg.AccessAnalyzer = &components.AccessAnalyzerConfiguration{UnusedAccessAge: 30}
	case "config":
		args.Regions, cfg.Regions = nil, []string{"us-east-1"}
		cfg.Config = &components.ConfigAggregatorConfiguration{}
	}
	args.OrganizationConfiguration = cfg
	return args
}

// TestAdministratorPolicyCoversWhatTheConfigurationCalls runs each service's
// organization configuration under mocks and checks that the administrator
// document allows what is called through the administrator's providers, and
// the deployer document, with sts:AssumeRole, what is called through the
// management account's.
func TestAdministratorPolicyCoversWhatTheConfigurationCalls(t *testing.T) {
	t.Parallel()
	for _, key := range catalog.ConfigurationServices() {
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			rec := &accountRecorder{}
			require.NoError(t, pulumi.RunErr(func(ctx *pulumi.Context) error {
				_, err := components.NewOrgServiceIntegration(ctx, key, orgConfigArgs(key))
				return err
			}, pulumi.WithMocks("deployer", "test", rec)))
			args := GetDeployerPolicyArgs{Services: []string{key}, OrganizationConfiguration: true}
			resp, err := (&GetDeployerPolicy{}).Invoke(t.Context(), infer.FunctionRequest[GetDeployerPolicyArgs]{
				Input: args})
			require.NoError(t, err)
			out := resp.Output
			require.NotEmpty(t, out.AdministratorPolicy)
			assert.Contains(t, out.Actions, "sts:AssumeRole")
			declared, _ := catalog.ConfigurationTypes(key)
			require.NotEmpty(t, rec.admin, "the configuration calls through the administrator's provider")
			for tok := range rec.admin {
				if strings.HasPrefix(tok, "pulumi:providers:") {
					continue
				}
				assert.Contains(t, declared, tok, "%s is registered in the administrator's account: list it in "+
					"components/catalog/orgconfiguration.go", tok)
				want, _ := catalog.ConfigurationActions(tok)
				for _, a := range want {
					assert.Contains(t, out.AdministratorActions, a, "%s calls %s", tok, a)
				}
				// Nothing the administrator's account does needs the deployer.
				assert.NotContains(t, rec.mgmt, tok, "%s goes through the administrator's provider only", tok)
			}
			for _, tok := range declared {
				assert.True(t, rec.admin[tok], "%s is declared for %s but the inputs did not exercise it", tok, key)
			}
			requireCovered(t, GetDeployerPolicyArgs{Services: []string{key}}, slices.Collect(maps.Keys(rec.mgmt)))
		})
	}
}

func TestDeployerPolicyAssumesTheAdministratorRole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ role, resource string }{
		{"", "arn:aws:iam::*:role/OrganizationAccountAccessRole"},
		{"AWSControlTowerExecution", "arn:aws:iam::*:role/AWSControlTowerExecution"},
		{"arn:aws:iam::222222222222:role/security/Deployer", "arn:aws:iam::222222222222:role/security/Deployer"},
	} {
		doc, err := deployerPolicy(GetDeployerPolicyArgs{Services: []string{"guardduty"},
			OrganizationConfiguration: true, AdministratorRole: tc.role, ReadOnly: true})
		require.NoError(t, err)
		var found bool
		for _, s := range doc.Statement {
			if s.Sid == "AssumeAdministratorRole" {
				found = true
				assert.Equal(t, tc.resource, s.Resource)
				assert.Equal(t, []string{"sts:AssumeRole"}, s.Action, "kept read-only: a preview looks up the detector")
			}
		}
		assert.True(t, found, "%q", tc.role)
	}
	_, err := deployerPolicy(GetDeployerPolicyArgs{OrganizationConfiguration: true, AdministratorRole: "arn:aws:x"})
	require.ErrorContains(t, err, "is not an IAM role ARN")

	// Without organizationConfiguration, no role is assumed.
	doc, err := deployerPolicy(GetDeployerPolicyArgs{Services: []string{"guardduty"}})
	require.NoError(t, err)
	assert.NotContains(t, doc.actions(), "sts:AssumeRole")
}

func TestAdministratorPolicyIsLeastPrivilege(t *testing.T) {
	t.Parallel()
	doc, err := administratorPolicy([]string{"config", "guardduty", "ram"}, false)
	require.NoError(t, err)
	text, err := json.Marshal(doc)
	require.NoError(t, err)
	for _, s := range doc.Statement {
		for _, a := range s.Action {
			assert.False(t, strings.HasSuffix(a, ":*") || a == "*", "no wildcard action: %s", a)
		}
		if slices.Contains(s.Action, "iam:PassRole") {
			assert.Equal(t, []string{"config.amazonaws.com"}, s.Condition["StringEquals"]["iam:PassedToService"])
		}
		if slices.Contains(s.Action, "iam:CreateServiceLinkedRole") {
			assert.Equal(t, []string{"config.amazonaws.com", "guardduty.amazonaws.com"},
				s.Condition["StringEquals"]["iam:AWSServiceName"])
		}
	}
	assert.NotContains(t, string(text), "securityhub:", "only the selected services' actions")
	ro, err := administratorPolicy([]string{"guardduty"}, true)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"guardduty:DescribeOrganizationConfiguration", "guardduty:GetDetector",
		"guardduty:ListDetectors"}, ro.actions())
}
