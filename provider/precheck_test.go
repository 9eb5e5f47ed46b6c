package provider_test

import (
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

// TestIdentityCenterChecksThroughTheProvider checks the inputs of
// IdentityCenterSetup's applications, trusted token issuers, existing
// permission sets and management role as a TypeScript, Python or YAML program
// gives them: the provider's check (checkComponentInputs) and its Construct
// both fail with CheckIdentityCenterSetup's own error, every problem at once,
// and nothing is registered.
func TestIdentityCenterChecksThroughTheProvider(t *testing.T) {
	t.Parallel()
	inputs := property.NewMap(map[string]property.Value{
		"instanceArn":              s("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
		"identityStoreId":          s("d-1234567890"),
		"managementAccountId":      s("111111111111"),
		"managementAccountRoleArn": s("arn:aws:iam::222222222222:role/IdentityCenter"),
		"permissionSets": arr(obj(map[string]property.Value{
			"name": s("AWSAdministratorAccess"), "existing": property.New(true), "sessionDuration": s("PT2H"),
		})),
		"groups": arr(obj(map[string]property.Value{"displayName": s("Developers")})),
		"applications": arr(obj(map[string]property.Value{
			"name":                   s("Portal"),
			"applicationProviderArn": s("arn:aws:sso::aws:applicationProvider/custom-saml"),
			"applicationUrl":         s("portal.example.com"),
			"principals":             arr(obj(map[string]property.Value{"type": s("GROUP"), "name": s("Developer")})),
			"accessScopes":           arr(obj(map[string]property.Value{"scope": s("sso account")})),
		})),
		"trustedTokenIssuers": arr(obj(map[string]property.Value{
			"name": s("Okta"), "issuerUrl": s("http://login.example.com"), "claimAttributePath": s("$.email"),
			"identityStoreAttributePath": s("emails.value"),
		})),
	})
	want := components.CheckIdentityCenterSetup("main", components.IdentityCenterSetupArgs{
		InstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", IdentityStoreID: "d-1234567890",
		ManagementAccountID: "111111111111", ManagementAccountRoleArn: "arn:aws:iam::222222222222:role/IdentityCenter",
		PermissionSets: []components.PermissionSetSpec{{Name: "AWSAdministratorAccess", Existing: true, SessionDuration: "PT2H"}},
		Groups:         []components.GroupSpec{{DisplayName: "Developers"}},
		Applications: []components.ApplicationSpec{{
			Name: "Portal", ApplicationProviderArn: "arn:aws:sso::aws:applicationProvider/custom-saml",
			ApplicationURL: "portal.example.com",
			Principals:     []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Developer"}},
			AccessScopes:   []components.AccessScopeSpec{{Scope: "sso account"}},
		}},
		TrustedTokenIssuers: []components.TrustedTokenIssuerSpec{{
			Name: "Okta", IssuerURL: "http://login.example.com", ClaimAttributePath: "$.email",
			IdentityStoreAttributePath: "emails.value",
		}},
	})
	require.Error(t, want)
	for _, field := range []string{"8 input errors", "permissionSets[0] sets sessionDuration",
		"managementAccountRoleArn", "applications[0].applicationProviderArn", "applications[0].applicationUrl",
		`applications[0].principals[0].name "Developer" is not a group declared in groups; did you mean "Developers"?`,
		"applications[0].accessScopes[0].scope", "trustedTokenIssuers[0].issuerUrl",
		"trustedTokenIssuers[0].claimAttributePath"} {
		assert.ErrorContains(t, want, field)
	}

	got := provider.CheckComponentInputs(components.IdentityCenterSetupToken, "main", inputs)
	require.Error(t, got)
	assert.Equal(t, want.Error(), got.Error(), "the provider's check gives the component's answer")

	rec := &recorder{}
	prov, err := provider.New()
	require.NoError(t, err)
	server, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
	require.NoError(t, err)
	urn := presource.NewURN("stack", "project", "", tokens.Type(components.IdentityCenterSetupToken), "main")
	_, err = server.Construct(p.ConstructRequest{Urn: urn, Inputs: inputs})
	require.ErrorContains(t, err, want.Error())
	assert.Empty(t, rec.all(), "nothing is registered")
}
