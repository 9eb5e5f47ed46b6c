package provider_test

import (
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
