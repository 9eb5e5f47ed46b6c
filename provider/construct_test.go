package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider"
)

// registration is one resource registered while a component was constructed.
type registration struct {
	typ    string
	name   string
	parent string
}

type recorder struct {
	mu   sync.Mutex
	regs []registration
}

func (r *recorder) monitor() *integration.MockResourceMonitor {
	return &integration.MockResourceMonitor{
		NewResourceF: func(args integration.MockResourceArgs) (string, property.Map, error) {
			r.mu.Lock()
			defer r.mu.Unlock()
			reg := registration{typ: string(args.TypeToken), name: args.Name}
			if args.RegisterRPC != nil {
				reg.parent = args.RegisterRPC.GetParent()
			}
			r.regs = append(r.regs, reg)
			return args.Name + "-id", args.Inputs, nil
		},
		CallF: func(integration.MockCallArgs) (property.Map, error) {
			return property.NewMap(map[string]property.Value{
				"masterAccountId": property.New("111111111111"),
			}), nil
		},
	}
}

func (r *recorder) all() []registration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]registration{}, r.regs...)
}

func obj(kv map[string]property.Value) property.Value { return property.New(property.NewMap(kv)) }

func arr(vs ...property.Value) property.Value { return property.New(property.NewArray(vs)) }

func s(v string) property.Value { return property.New(v) }

// TestComponentsConstructThroughTheProvider constructs every component the way
// a program in another language does, through the provider's Construct, and
// checks that it registers under the same token as the Go constructor uses,
// with its children parented to it, and returns its ready output.
func TestComponentsConstructThroughTheProvider(t *testing.T) {
	t.Parallel()
	tests := []struct {
		token     string
		inputs    map[string]property.Value
		childType string
		wantReady string
	}{
		{components.OrgServiceIntegrationToken, map[string]property.Value{
			"service":                 s("access-analyzer"),
			"delegatedAdminAccountId": s("222222222222"),
			"managementAccountId":     s("111111111111"),
		}, "aws:organizations/delegatedAdministrator:DelegatedAdministrator", "access-analyzer.amazonaws.com"},
		{components.ServiceCatalogSharingToken, map[string]property.Value{
			"portfolios": arr(obj(map[string]property.Value{
				"key": s("platform"),
				"id":  s("port-abcdefgh1234"),
				"shares": arr(obj(map[string]property.Value{
					"type": s("ORGANIZATIONAL_UNIT"), "id": s("ou-ab12-cdef3456"),
				})),
			})),
		}, "aws:servicecatalog/portfolioShare:PortfolioShare", "servicecatalog.amazonaws.com"},
		{components.IdentityCenterSetupToken, map[string]property.Value{
			"instanceArn":     s("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
			"identityStoreId": s("d-1234567890"),
			"permissionSets": arr(obj(map[string]property.Value{
				"name":              s("Administrator"),
				"managedPolicyArns": arr(s("arn:aws:iam::aws:policy/AdministratorAccess")),
			})),
		}, "aws:ssoadmin/permissionSet:PermissionSet", "arn:aws:sso:::instance/ssoins-1234567890abcdef"},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{}
			prov, err := provider.New()
			require.NoError(t, err)
			server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
				integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
			require.NoError(t, err)

			urn := presource.NewURN("stack", "project", "", tokens.Type(tt.token), "main")
			resp, err := server.Construct(p.ConstructRequest{Urn: urn, Inputs: property.NewMap(tt.inputs)})
			require.NoError(t, err)
			assert.Equal(t, urn, resp.Urn)
			assert.Equal(t, property.New(tt.wantReady), resp.State.Get("ready").WithDependencies(nil),
				"the construct result carries ready")

			regs := rec.all()
			require.NotEmpty(t, regs)
			assert.Equal(t, tt.token, regs[0].typ, "the component registers first, under its token")
			var child *registration
			for i := range regs {
				if regs[i].typ == tt.childType {
					child = &regs[i]
				}
				if i > 0 {
					assert.True(t, strings.HasPrefix(regs[i].name, "main-"),
						"child %s %q is named after the component", regs[i].typ, regs[i].name)
					assert.NotEmpty(t, regs[i].parent, "child %s %q has a parent", regs[i].typ, regs[i].name)
				}
			}
			require.NotNil(t, child, "a %s child is registered", tt.childType)
		})
	}
}

// TestConstructRejectsBadInput checks that bad input fails Construct with the
// field named, before any child is registered.
func TestConstructRejectsBadInput(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	prov, err := provider.New()
	require.NoError(t, err)
	server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
	require.NoError(t, err)
	urn := presource.NewURN("stack", "project", "", tokens.Type(components.OrgServiceIntegrationToken), "bad")
	_, err = server.Construct(p.ConstructRequest{Urn: urn, Inputs: property.NewMap(map[string]property.Value{
		"service":                 s("guarduty"),
		"delegatedAdminAccountId": s("222222222222"),
	})})
	require.ErrorContains(t, err, `did you mean "guardduty"`)
	assert.Empty(t, rec.all(), "nothing is registered")
}

// missingAWSPluginMonitor answers like the engine when the aws provider
// plugin is missing: registering a pulumi-aws resource, or invoking a
// pulumi-aws function, fails with the cancellation the engine sends.
func missingAWSPluginMonitor() *integration.MockResourceMonitor {
	canceled := status.Error(codes.Canceled, "context canceled")
	return &integration.MockResourceMonitor{
		NewResourceF: func(args integration.MockResourceArgs) (string, property.Map, error) {
			if strings.HasPrefix(string(args.TypeToken), "aws:") {
				return "", property.Map{}, canceled
			}
			return args.Name + "-id", args.Inputs, nil
		},
		CallF: func(integration.MockCallArgs) (property.Map, error) { return property.Map{}, canceled },
	}
}

// TestConstructNamesTheMissingAWSPlugin runs components through Construct,
// as TypeScript, Python and YAML programs do, with no aws provider plugin
// where the engine looks (an empty plugin cache and $PATH): the error says
// the plugin is missing and how to install it, instead of "context canceled"
// or a lookup's hint about OUs and credentials. With the plugin on $PATH, the
// component's own error is left alone.
func TestConstructNamesTheMissingAWSPlugin(t *testing.T) {
	t.Setenv("PULUMI_HOME", t.TempDir())
	t.Setenv("PATH", t.TempDir())
	tests := []struct {
		token  string
		inputs map[string]property.Value
	}{
		{components.OrgServiceIntegrationToken, map[string]property.Value{
			"service":                 s("access-analyzer"),
			"delegatedAdminAccountId": s("222222222222"),
			"managementAccountId":     s("111111111111"),
		}},
		{components.IdentityCenterSetupToken, map[string]property.Value{ // looks up the instance
			"permissionSets": arr(obj(map[string]property.Value{
				"name":              s("Administrator"),
				"managedPolicyArns": arr(s("arn:aws:iam::aws:policy/AdministratorAccess")),
			})),
		}},
		{components.IdentityCenterSetupToken, map[string]property.Value{ // looks up an OU's accounts
			"instanceArn":     s("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
			"identityStoreId": s("d-1234567890"),
			"permissionSets": arr(obj(map[string]property.Value{
				"name":              s("Administrator"),
				"managedPolicyArns": arr(s("arn:aws:iam::aws:policy/AdministratorAccess")),
			})),
			"groups": arr(obj(map[string]property.Value{"displayName": s("Admins")})),
			"assignments": arr(obj(map[string]property.Value{
				"permissionSet":         s("Administrator"),
				"principals":            arr(obj(map[string]property.Value{"type": s("GROUP"), "name": s("Admins")})),
				"organizationalUnitIds": arr(s("ou-ab12-cdef3456")),
			})),
		}},
	}
	construct := func(t *testing.T, token string, inputs map[string]property.Value) error {
		prov, err := provider.New()
		require.NoError(t, err)
		server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
			integration.WithProvider(prov), integration.WithMocks(missingAWSPluginMonitor()))
		require.NoError(t, err)
		urn := presource.NewURN("stack", "project", "", tokens.Type(token), "main")
		_, err = server.Construct(p.ConstructRequest{Urn: urn, Inputs: property.NewMap(inputs)})
		return err
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d-%s", i, tt.token), func(t *testing.T) {
			err := construct(t, tt.token, tt.inputs)
			require.ErrorContains(t, err, "the aws provider plugin (pulumi-resource-aws 6.83.2) is missing")
			require.ErrorContains(t, err, "`pulumi plugin install resource aws 6.83.2`")
			require.ErrorContains(t, err, tt.token)
			for _, misleading := range []string{"context canceled", "check that the OU", "credentials"} {
				assert.NotContains(t, err.Error(), misleading)
			}
		})
	}

	// When the engine may not download plugins, a missing aws plugin fails
	// Construct before anything is registered.
	t.Run("acquisition disabled", func(t *testing.T) {
		t.Setenv("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true")
		rec := &recorder{}
		prov, err := provider.New()
		require.NoError(t, err)
		server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
			integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
		require.NoError(t, err)
		urn := presource.NewURN("stack", "project", "", tokens.Type(tests[0].token), "main")
		_, err = server.Construct(p.ConstructRequest{Urn: urn, Inputs: property.NewMap(tests[0].inputs)})
		require.ErrorContains(t, err, "`pulumi plugin install resource aws 6.83.2`")
		assert.Empty(t, rec.all(), "nothing is registered")
	})

	// With a pulumi-resource-aws on $PATH, the failure is something else.
	bin := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bin, "pulumi-resource-aws"), []byte("#!/bin/sh\n"), 0o755))
	t.Setenv("PATH", bin)
	err := construct(t, tests[0].token, tests[0].inputs)
	require.ErrorContains(t, err, "context canceled")
	assert.NotContains(t, err.Error(), "is missing")
}

// TestAWSPluginVersionMatchesGoMod: the version the missing-plugin hint
// names is the pulumi-aws SDK version the components are built with.
func TestAWSPluginVersionMatchesGoMod(t *testing.T) {
	t.Parallel()
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	require.NoError(t, err)
	require.Contains(t, string(mod), "github.com/pulumi/pulumi-aws/sdk/v6 v"+provider.AWSPluginVersion,
		"provider's awsPluginVersion must be go.mod's pulumi-aws SDK version")
}

// TestConstructChecksLikeCheck constructs components with input that AWS
// would refuse through the provider, as programs in other languages do: the
// error is the component's Check function's, and nothing is registered.
func TestConstructChecksLikeCheck(t *testing.T) {
	t.Parallel()
	ic := func(ps map[string]property.Value) map[string]property.Value {
		ps["name"] = s("Administrator")
		return map[string]property.Value{
			"instanceArn":     s("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
			"identityStoreId": s("d-1234567890"),
			"permissionSets":  arr(obj(ps)),
		}
	}
	tests := []struct {
		name   string
		token  string
		inputs map[string]property.Value
		check  func() error
	}{
		{"Region that does not exist", components.OrgServiceIntegrationToken, map[string]property.Value{
			"service": s("guardduty"), "delegatedAdminAccountId": s("222222222222"),
			"managementAccountId": s("111111111111"), "regions": arr(s("eu-wset-1")),
		}, func() error {
			return components.CheckOrgServiceIntegration("bad", components.OrgServiceIntegrationArgs{
				Service: "guardduty", DelegatedAdminAccountID: "222222222222", ManagementAccountID: "111111111111",
				Regions: []string{"eu-wset-1"}})
		}},
		{"inline policy null", components.IdentityCenterSetupToken, ic(map[string]property.Value{
			"inlinePolicy": s("null"),
		}), func() error {
			return components.CheckIdentityCenterSetup("bad", components.IdentityCenterSetupArgs{
				InstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", IdentityStoreID: "d-1234567890",
				PermissionSets: []components.PermissionSetSpec{{Name: "Administrator", InlinePolicy: "null"}}})
		}},
		{"policy ARN of another partition, relay state over http", components.IdentityCenterSetupToken,
			ic(map[string]property.Value{
				"managedPolicyArns": arr(s("arn:aws-gov:iam::aws:policy/AdministratorAccess")),
				"relayState":        s("http://console.aws.amazon.com/"),
			}), func() error {
				return components.CheckIdentityCenterSetup("bad", components.IdentityCenterSetupArgs{
					InstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", IdentityStoreID: "d-1234567890",
					PermissionSets: []components.PermissionSetSpec{{Name: "Administrator",
						ManagedPolicyArns: []string{"arn:aws-gov:iam::aws:policy/AdministratorAccess"},
						RelayState:        "http://console.aws.amazon.com/"}}})
			}},
		{"portfolio tag with the aws: prefix", components.ServiceCatalogSharingToken, map[string]property.Value{
			"portfolios": arr(obj(map[string]property.Value{
				"key": s("platform"),
				"create": obj(map[string]property.Value{
					"name": s("Platform"), "providerName": s("Platform team"),
					"tags": obj(map[string]property.Value{"aws:owner": s("me")}),
				}),
			})),
		}, func() error {
			return components.CheckServiceCatalogSharing("bad", components.ServiceCatalogSharingArgs{
				Portfolios: []components.PortfolioSpec{{Key: "platform", Create: &components.PortfolioCreateSpec{
					Name: "Platform", ProviderName: "Platform team", Tags: map[string]string{"aws:owner": "me"}}}}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkErr := tt.check()
			require.Error(t, checkErr)
			rec := &recorder{}
			prov, err := provider.New()
			require.NoError(t, err)
			server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
				integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
			require.NoError(t, err)
			urn := presource.NewURN("stack", "project", "", tokens.Type(tt.token), "bad")
			_, err = server.Construct(p.ConstructRequest{Urn: urn, Inputs: property.NewMap(tt.inputs)})
			require.ErrorContains(t, err, checkErr.Error(), "Construct gives the Check function's answer")
			assert.Empty(t, rec.all(), "nothing is registered")
		})
	}
}
