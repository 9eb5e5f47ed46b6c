package provider

import (
	"encoding/json"
	"maps"
	"reflect"
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
	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// policyActions returns the actions of the deployer policy for args.
func policyActions(t *testing.T, args GetDeployerPolicyArgs) []string {
	t.Helper()
	doc, err := deployerPolicy(args)
	require.NoError(t, err)
	return doc.actions()
}

// TestDeployerPolicyCoversTrustedServiceAccess checks that every Organizations
// API the provider's client calls (the methods of awsapi.TrustedAccess) is allowed, whatever
// the program integrates.
func TestDeployerPolicyCoversTrustedServiceAccess(t *testing.T) {
	t.Parallel()
	api := reflect.TypeFor[awsapi.TrustedAccess]()
	require.Positive(t, api.NumMethod())
	tsaActions, ok := catalog.TypeActions(components.TrustedServiceAccessToken)
	require.True(t, ok)
	for _, args := range []GetDeployerPolicyArgs{{}, {Services: []string{"guardduty"}}} {
		actions := policyActions(t, args)
		for i := range api.NumMethod() {
			action := "organizations:" + api.Method(i).Name
			assert.Contains(t, actions, action, "the provider calls %s", action)
			assert.Contains(t, tsaActions, action,
				"typeActions for TrustedServiceAccess must list %s", action)
		}
	}
}

// TestDeployerPolicyCoversEveryCatalogService checks, for each service of the
// catalog, that the policy allows its own delegated-administrator and enable
// APIs, every action of the pulumi-aws resources that call them, and the
// creation of its service-linked roles.
func TestDeployerPolicyCoversEveryCatalogService(t *testing.T) {
	t.Parallel()
	for _, svc := range components.Services() {
		t.Run(svc.Key, func(t *testing.T) {
			t.Parallel()
			doc, err := deployerPolicy(GetDeployerPolicyArgs{Services: []string{svc.Key}})
			require.NoError(t, err)
			actions := doc.actions()
			for _, api := range []string{svc.DelegatedAdminAPI, svc.EnableAPI} {
				if api != "" {
					assert.Contains(t, actions, api)
				}
			}
			for _, typ := range []catalog.ResourceType{svc.DelegatedAdminResource, svc.EnableResource} {
				token := string(typ)
				if token == "" {
					continue
				}
				want, ok := catalog.TypeActions(token)
				require.True(t, ok, "no IAM actions are recorded for %s: add it to typeActions", token)
				for _, a := range want {
					assert.Contains(t, actions, a, "%s calls %s", token, a)
				}
			}
			slr := statement(t, doc, "ServiceLinkedRoles")
			assert.Equal(t, []string{"iam:CreateServiceLinkedRole"}, slr.Action)
			for _, p := range svc.Principals {
				assert.Contains(t, slr.Condition["StringEquals"]["iam:AWSServiceName"], p)
			}
		})
	}
}

func statement(t *testing.T, doc policyDocument, sid string) policyStatement {
	t.Helper()
	i := slices.IndexFunc(doc.Statement, func(s policyStatement) bool { return s.Sid == sid })
	require.GreaterOrEqual(t, i, 0, "the policy has no statement %s", sid)
	return doc.Statement[i]
}

// TestDeployerPolicyFeatures checks that each feature adds the actions of the
// types its component uses, and that a program without it gets none of them.
func TestDeployerPolicyFeatures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  GetDeployerPolicyArgs
		types []string
		// service is the catalog key the feature integrates.
		service string
		// sample is an action that only the feature needs.
		sample string
	}{
		{"identity center", GetDeployerPolicyArgs{IdentityCenter: true}, catalog.ComponentTypes["sso"], "sso",
			"sso:CreateAccountAssignment"},
		{"service catalog", GetDeployerPolicyArgs{ServiceCatalog: true}, catalog.ComponentTypes["servicecatalog"], "servicecatalog",
			"servicecatalog:CreatePortfolioShare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			actions := policyActions(t, tt.args)
			for _, typ := range tt.types {
				want, ok := catalog.TypeActions(typ)
				require.True(t, ok, "no IAM actions are recorded for %s", typ)
				for _, a := range want {
					assert.Contains(t, actions, a, "%s calls %s", typ, a)
				}
			}
			svc, ok := components.LookupService(tt.service)
			require.True(t, ok)
			assert.Contains(t, actions, svc.DelegatedAdminAPI)
			if svc.EnableAPI != "" {
				assert.Contains(t, actions, svc.EnableAPI)
			}
			assert.NotContains(t, policyActions(t, GetDeployerPolicyArgs{Services: []string{"guardduty"}}),
				tt.sample, "a program without the feature must not get its actions")
		})
	}
}

func TestDeployerPolicyIsStable(t *testing.T) {
	t.Parallel()
	a, err := deployerPolicy(GetDeployerPolicyArgs{Services: []string{"guardduty", "config", "guardduty"}})
	require.NoError(t, err)
	b, err := deployerPolicy(GetDeployerPolicyArgs{Services: []string{"config", "guardduty"}})
	require.NoError(t, err)
	assert.Equal(t, a, b, "order and duplicates of services do not change the policy")
	for _, s := range a.Statement {
		assert.True(t, slices.IsSorted(s.Action), "statement %s is sorted", s.Sid)
		assert.Equal(t, "Allow", s.Effect)
	}
}

func TestDeployerPolicyRejectsUnknownServices(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		services []string
		want     string
	}{
		{"misspelled", []string{"guarduty"}, `services[0] "guarduty" is not a known service key; did you mean "guardduty"?`},
		{"second", []string{"config", "nope-nothing-like-it"}, `services[1] "nope-nothing-like-it" is not a known service key`},
		{"empty key", []string{""}, "services[0] is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := deployerPolicy(GetDeployerPolicyArgs{Services: tt.services})
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestGetDeployerPolicyInvoke(t *testing.T) {
	t.Parallel()
	resp, err := (&GetDeployerPolicy{}).Invoke(t.Context(), infer.FunctionRequest[GetDeployerPolicyArgs]{
		Input: GetDeployerPolicyArgs{Services: []string{"guardduty"}, IdentityCenter: true},
	})
	require.NoError(t, err)
	var doc policyDocument
	require.NoError(t, json.Unmarshal([]byte(resp.Output.Policy), &doc), "the policy is JSON")
	assert.Equal(t, "2012-10-17", doc.Version)
	assert.Equal(t, doc.actions(), resp.Output.Actions)
	assert.Contains(t, resp.Output.Actions, "guardduty:EnableOrganizationAdminAccount")
	assert.Contains(t, resp.Output.Actions, "sso:CreatePermissionSet")

	_, err = (&GetDeployerPolicy{}).Invoke(t.Context(), infer.FunctionRequest[GetDeployerPolicyArgs]{
		Input: GetDeployerPolicyArgs{Services: []string{"guarduty"}},
	})
	require.ErrorContains(t, err, `did you mean "guardduty"?`)
}

// typeRecorder is a pulumi mock monitor that records every resource type
// registered and every function invoked, and answers the lookups the
// components make with plausible values.
type typeRecorder struct {
	mu     sync.Mutex
	tokens map[string]bool
}

func (m *typeRecorder) record(tok string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tokens == nil {
		m.tokens = map[string]bool{}
	}
	m.tokens[tok] = true
}

func (m *typeRecorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.record(args.TypeToken)
	return args.Name + "-id", args.Inputs, nil
}

func (m *typeRecorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.record(args.Token)
	answers := map[string]map[string]any{
		"aws:organizations/getOrganization:getOrganization": {
			"id": "o-abcdef1234", "arn": "arn:aws:organizations::111111111111:organization/o-abcdef1234",
			"masterAccountId": "111111111111", "featureSet": "ALL",
			"roots": []any{map[string]any{"id": "r-ab12", "name": "Root"}},
		},
		"aws:ssoadmin/getInstances:getInstances": {
			"arns":             []any{"arn:aws:sso:::instance/ssoins-1234567890abcdef"},
			"identityStoreIds": []any{"d-1234567890"},
		},
		"aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts": {
			"accounts": []any{map[string]any{"id": "333333333333", "status": "ACTIVE", "name": "workload",
				"arn":   "arn:aws:organizations::111111111111:account/o-abcdef1234/333333333333",
				"email": "workload@example.com"}},
		},
		"aws:identitystore/getGroup:getGroup":           {"groupId": "g-existing", "displayName": "Existing"},
		"aws:identitystore/getUser:getUser":             {"userId": "u-existing", "userName": "existing@example.com"},
		"aws:index/getRegion:getRegion":                 {"name": "us-east-1", "id": "us-east-1", "region": "us-east-1"},
		"aws:index/getCallerIdentity:getCallerIdentity": {"accountId": "222222222222", "id": "222222222222"},
		"aws:ssoadmin/getApplication:getApplication": {
			"applicationArn": "arn:aws:sso::111111111111:application/ssoins-1234567890abcdef/apl-1234567890abcdef",
			"instanceArn":    "arn:aws:sso:::instance/ssoins-1234567890abcdef",
		},
		"aws:ssoadmin/getPermissionSet:getPermissionSet": {
			"arn": "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", "name": "Existing",
		},
	}
	return resource.NewPropertyMapFromMap(answers[args.Token]), nil
}

// run runs program under the recorder and returns the tokens it used.
func (m *typeRecorder) run(program pulumi.RunFunc) ([]string, error) {
	err := pulumi.RunErr(program, pulumi.WithMocks("deployer", "test", m))
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.tokens)), err
}

// requireCovered fails unless the policy for args allows every action of
// every resource type and function in tokens.
func requireCovered(t *testing.T, args GetDeployerPolicyArgs, tokens []string) {
	t.Helper()
	actions := policyActions(t, args)
	for _, tok := range tokens {
		// Components and explicit providers call no AWS API themselves.
		if strings.HasPrefix(tok, "pulumi:providers:") ||
			(strings.HasPrefix(tok, components.PackageName+":") && tok != components.TrustedServiceAccessToken) {
			continue
		}
		want, ok := catalog.TypeActions(tok)
		if !assert.True(t, ok, "the components use %s, which has no entry in typeActions "+
			"(components/catalog/iam.go) or in the catalog rows' resources (components/catalog/resources.go): add the IAM "+
			"actions its provider calls", tok) {
			continue
		}
		for _, a := range want {
			assert.Contains(t, actions, a, "%s calls %s, which the policy for %+v does not allow", tok, a, args)
		}
	}
}

// TestDeployerPolicyCoversWhatTheComponentsCall runs each component under
// mocks with inputs that exercise every child it can create, and checks that
// the policy for the matching arguments allows what each child's provider
// calls.
func TestDeployerPolicyCoversWhatTheComponentsCall(t *testing.T) {
	t.Parallel()
	const audit, management = "222222222222", "111111111111"

	// Each catalog service through OrgServiceIntegration. These must construct;
	// other catalog entries are checked when they construct with these inputs.
	mustConstruct := []string{"access-analyzer", "auditmanager", "cloudtrail", "config", "detective", "fms",
		"guardduty", "inspector", "ipam", "macie", "ram", "securityhub", "servicecatalog", "sso"}
	for _, svc := range components.Services() {
		t.Run("service/"+svc.Key, func(t *testing.T) {
			t.Parallel()
			args := components.OrgServiceIntegrationArgs{Service: svc.Key}
			if svc.DelegatedAdmin == components.DelegatedAdminOrganizations ||
				svc.DelegatedAdmin == components.DelegatedAdminService {
				args.DelegatedAdminAccountID = audit
			}
			if svc.DelegatedAdminPerRegion {
				args.Regions = []string{"us-east-1", "eu-west-1"}
			}
			rec := &typeRecorder{}
			tokens, err := rec.run(func(ctx *pulumi.Context) error {
				_, err := components.NewOrgServiceIntegration(ctx, svc.Key, args)
				return err
			})
			if err != nil {
				require.NotContains(t, mustConstruct, svc.Key, "constructing %s: %v", svc.Key, err)
				t.Logf("%s does not construct with these inputs, so only its catalog entry is checked: %v",
					svc.Key, err)
				return
			}
			requireCovered(t, GetDeployerPolicyArgs{Services: []string{svc.Key}}, tokens)
		})
	}

	t.Run("IdentityCenterSetup", func(t *testing.T) {
		t.Parallel()
		rec := &typeRecorder{}
		tokens, err := rec.run(func(ctx *pulumi.Context) error {
			_, err := components.NewIdentityCenterSetup(ctx, "identity", components.IdentityCenterSetupArgs{
				DelegatedAdminAccountID:  audit,
				ManagementAccountID:      management,
				ManagementAccountRoleArn: "arn:aws:iam::" + management + ":role/IdentityCenterManagementAccount",
				PermissionSets: []components.PermissionSetSpec{{
					Name:                    "Developer",
					SessionDuration:         "PT8H",
					ManagedPolicyArns:       []string{"arn:aws:iam::aws:policy/PowerUserAccess"},
					CustomerManagedPolicies: []components.CustomerManagedPolicyRef{{Name: "Guardrails"}},
					InlinePolicy:            `{"Version":"2012-10-17","Statement":[]}`,
					PermissionsBoundary: &components.PermissionsBoundarySpec{
						ManagedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess",
					},
				}, {Name: "AWSAdministratorAccess", Existing: true}},
				Groups: []components.GroupSpec{
					{DisplayName: "Developers"},
					{DisplayName: "Existing", Existing: true},
				},
				Users: []components.UserSpec{
					{UserName: "new@example.com", GivenName: "New", FamilyName: "User"},
					{UserName: "existing@example.com", Existing: true},
				},
				GroupMemberships: []components.MembershipSpec{{Group: "Developers", User: "new@example.com"}},
				Assignments: []components.AssignmentSpec{{
					PermissionSet: "Developer",
					Principals: []components.PrincipalRef{
						{Type: components.PrincipalGroup, Name: "Developers"},
						{Type: components.PrincipalGroup, Name: "Existing"},
					},
					AccountIDs:            []string{"444444444444"},
					OrganizationalUnitIDs: []string{"ou-ab12-cdef3456"},
				}, {
					// The management account, reached as its delegated
					// administrator: through the management providers.
					PermissionSet: "AWSAdministratorAccess",
					Principals:    []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Developers"}},
					AccountIDs:    []string{"444444444444", management},
				}},
				AccessControlAttributes: []components.AccessControlAttributeSpec{
					{Key: "Department", Sources: []string{"${path:enterprise.department}"}},
				},
				Applications: []components.ApplicationSpec{{
					Name: "Portal", ApplicationURL: "https://portal.example.com", AssignmentRequired: pulumi.BoolRef(true),
					Principals:   []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Developers"}},
					AccessScopes: []components.AccessScopeSpec{{Scope: "sso:account:access"}},
				}, {
					Name: "Grafana", Existing: true,
					ApplicationArn: "arn:aws:sso::111111111111:application/ssoins-1234567890abcdef/apl-1234567890abcdef",
				}},
				TrustedTokenIssuers: []components.TrustedTokenIssuerSpec{{
					Name: "Okta", IssuerURL: "https://login.example.com", ClaimAttributePath: "email",
					IdentityStoreAttributePath: "emails.value",
				}},
			})
			return err
		})
		require.NoError(t, err)
		for _, want := range []string{"aws:ssoadmin/accountAssignment:AccountAssignment",
			"aws:ssoadmin/getInstances:getInstances", "aws:ssoadmin/getPermissionSet:getPermissionSet",
			"aws:index/getCallerIdentity:getCallerIdentity", "pulumi:providers:aws",
			"aws:ssoadmin/applicationAccessScope:ApplicationAccessScope", "aws:ssoadmin/getApplication:getApplication",
			"aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer"} {
			require.Contains(t, tokens, want, "the inputs exercise the component's children and lookups")
		}
		requireCovered(t, GetDeployerPolicyArgs{IdentityCenter: true}, tokens)
	})

	t.Run("ServiceCatalogSharing", func(t *testing.T) {
		t.Parallel()
		rec := &typeRecorder{}
		tokens, err := rec.run(func(ctx *pulumi.Context) error {
			_, err := components.NewServiceCatalogSharing(ctx, "catalog", components.ServiceCatalogSharingArgs{
				DelegatedAdminAccountID: audit,
				Portfolios: []components.PortfolioSpec{{
					Key:    "platform",
					Create: &components.PortfolioCreateSpec{Name: "Platform", ProviderName: "Platform team"},
					Shares: []components.ShareSpec{
						{Type: components.ShareTypeOrganizationalUnit, ID: "ou-ab12-cdef3456"},
						{Type: components.ShareTypeAccount, ID: "999999999999"},
					},
					SharePrincipals: true,
					PrincipalAssociations: []components.PrincipalAssociationSpec{
						{IAMRolePattern: "ci/Launcher*"}, {PermissionSetName: "Developer"},
					},
				}},
			})
			return err
		})
		require.NoError(t, err)
		require.Contains(t, tokens, "aws:servicecatalog/portfolioShare:PortfolioShare")
		requireCovered(t, GetDeployerPolicyArgs{ServiceCatalog: true}, tokens)
	})
}

func TestDeployerPolicyReadOnly(t *testing.T) {
	t.Parallel()
	args := GetDeployerPolicyArgs{Services: []string{"guardduty", "config"}, IdentityCenter: true, ServiceCatalog: true}
	full := policyActions(t, args)
	args.ReadOnly = true
	read := policyActions(t, args)
	require.NotEmpty(t, read)
	for _, a := range read {
		assert.Contains(t, full, a, "read-only is a subset")
		_, name, _ := strings.Cut(a, ":")
		assert.Regexp(t, `^(List|Describe|Get)`, name)
	}
	for _, a := range full {
		_, name, _ := strings.Cut(a, ":")
		if strings.HasPrefix(name, "List") || strings.HasPrefix(name, "Describe") || strings.HasPrefix(name, "Get") {
			assert.Contains(t, read, a, "every read action is kept")
		}
	}
	for _, a := range []string{"organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization",
		"sso:ListInstances", "organizations:ListAccountsForParent"} {
		assert.Contains(t, read, a, "preview's lookups need %s", a)
	}
	assert.NotContains(t, read, "iam:CreateServiceLinkedRole")
	assert.NotContains(t, read, "organizations:EnableAWSServiceAccess")
}
